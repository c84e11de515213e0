/**
 * The forms of `<embedding-projector-view>`: Compute layout (`POST /embeddings/{id}/layouts`)
 * and Upload (`POST /embeddings`, multipart), as template functions, and reading an upload
 * form into the request body.
 *
 * An upload that is an `x,y,label` CSV (the format chosen, or a `.csv` file that reads as one
 * when the format is left to guess) is read here first (lib/projector-csv.ts): with the format
 * chosen, a bad line is named before anything is sent; the points read are what the element
 * shows when the server keeps no upload. Any other file goes as it is, and the server guesses
 * its format.
 */
import { html, nothing, type TemplateResult } from "lit";
import type { ProjectorKey } from "./i18n/projector.js";
import { isCsvName, parseXyCsv, type CsvError, type CsvPoints } from "./lib/projector-csv.js";

/** The methods the server computes a layout with. */
export const COMPUTE_METHODS = ["tsne", "pca", "umap"] as const;

/** The upload formats offered (the server guesses when none is chosen). */
export const UPLOAD_FORMATS = [
  "xy",
  "word2vec",
  "word2vec-binary",
  "glove",
  "gensim",
  "tsv",
  "csv",
  "npy",
] as const;

/** Messages of the forms. */
export type Tr = (key: ProjectorKey, params?: Readonly<Record<string, string | number>>) => string;

/** A method's name ("t-SNE"); an unknown one as it is. */
export function methodName(tr: Tr, method: string): string {
  switch (method) {
    case "tsne":
    case "pca":
    case "umap":
    case "uploaded":
      return tr(`projector.method.${method}`);
    default:
      return method;
  }
}

/** What a form says after it was sent. */
export interface FormNote {
  text: string;
  error: boolean;
}

/** The body of `POST /embeddings/{id}/layouts`. */
export interface LayoutRequest {
  method: string;
  dims: 2 | 3;
  params: Record<string, number>;
}

/** A text field of a form ("" when absent or a file). */
function field(form: FormData, name: string): string {
  const v = form.get(name);
  return typeof v === "string" ? v : "";
}

function note(form: string, n: FormNote | null): TemplateResult | typeof nothing {
  if (n === null) return nothing;
  return html`<p
    class=${n.error ? "error" : "muted"}
    role=${n.error ? "alert" : "status"}
    data-note=${form}
  >
    ${n.text}
  </p>`;
}

/** The Compute layout form's input. */
export interface ComputeForm {
  writable: boolean;
  open: boolean;
  method: string;
  busy: boolean;
  note: FormNote | null;
  onMethod: (method: string) => void;
  onSubmit: (request: LayoutRequest) => void;
}

/** Compute layout: method, perplexity (t-SNE), dimensions. */
export function computeForm(tr: Tr, f: ComputeForm): TemplateResult {
  const submit = (e: SubmitEvent) => {
    e.preventDefault();
    const form = new FormData(e.target as HTMLFormElement);
    const method = field(form, "method") || "tsne";
    const perplexity = Number(field(form, "perplexity"));
    f.onSubmit({
      method,
      dims: field(form, "dims") === "3" ? 3 : 2,
      params: method === "tsne" && perplexity > 0 ? { perplexity } : {},
    });
  };
  return html`<details class="card" part="compute" ?open=${f.open}>
    <summary>${tr("projector.compute")}</summary>
    ${f.writable ? nothing : html`<p class="muted">${tr("projector.compute.read_only")}</p>`}
    <form data-form="compute" @submit=${submit}>
      <label
        >${tr("projector.compute.method")}
        <select
          name="method"
          @change=${(e: Event) => {
            f.onMethod((e.target as HTMLSelectElement).value);
          }}
        >
          ${COMPUTE_METHODS.map(
            (m) =>
              html`<option value=${m} ?selected=${m === f.method}>${methodName(tr, m)}</option>`,
          )}
        </select></label
      >
      ${
        f.method === "tsne"
          ? html`<label
              >${tr("projector.compute.perplexity")}
              <input type="number" name="perplexity" min="2" max="100" step="1" value="30"
            /></label>`
          : nothing
      }
      <label
        >${tr("projector.compute.dims")}
        <select name="dims">
          <option value="2" selected>2-D</option>
          <option value="3">3-D</option>
        </select></label
      >
      <button type="submit" ?disabled=${!f.writable || f.busy}>
        ${tr("projector.compute.submit")}
      </button>
    </form>
    ${note("compute", f.note)}
  </details>`;
}

/** The Upload form's input. */
export interface UploadForm {
  open: boolean;
  busy: boolean;
  note: FormNote | null;
  onSubmit: (form: HTMLFormElement) => void;
}

/** Upload: the file, optional labels and name, format (or guess) and layout method. */
export function uploadForm(tr: Tr, f: UploadForm): TemplateResult {
  return html`<details class="card" part="upload" ?open=${f.open}>
    <summary>${tr("projector.upload")}</summary>
    <p class="muted hint">${tr("projector.upload.hint")}</p>
    <form
      data-form="upload"
      @submit=${(e: SubmitEvent) => {
        e.preventDefault();
        f.onSubmit(e.target as HTMLFormElement);
      }}
    >
      <label>${tr("projector.upload.file")} <input type="file" name="file" required /></label>
      <label>${tr("projector.upload.labels")} <input type="file" name="labels" /></label>
      <label>${tr("projector.upload.name")} <input type="text" name="name" /></label>
      <label
        >${tr("projector.upload.format")}
        <select name="format">
          <option value="">${tr("projector.upload.format.auto")}</option>
          ${UPLOAD_FORMATS.map(
            (fmt) => html`<option value=${fmt}>${tr(`projector.upload.format.${fmt}`)}</option>`,
          )}
        </select></label
      >
      <label
        >${tr("projector.upload.method")}
        <select name="method">
          ${COMPUTE_METHODS.map((m) => html`<option value=${m}>${methodName(tr, m)}</option>`)}
        </select></label
      >
      <button type="submit" ?disabled=${f.busy}>
        ${f.busy ? tr("projector.upload.busy") : tr("projector.upload.submit")}
      </button>
    </form>
    ${note("upload", f.note)}
  </details>`;
}

/** A CSV refusal as a sentence naming the line. */
export function csvMessage(tr: Tr, error: CsvError): string {
  switch (error.kind) {
    case "columns":
      return tr("projector.csv.columns", { line: error.line, count: error.count });
    case "number":
      return tr("projector.csv.number", { line: error.line, value: error.value });
    case "quote":
      return tr("projector.csv.quote", { line: error.line });
    default:
      return tr("projector.csv.empty");
  }
}

/** An upload form read: the request body, and the points when it is an x,y,label CSV. */
export type Upload =
  | { ok: true; body: FormData; name: string; points: CsvPoints | null }
  | { ok: false; message: string };

/** Reads the upload form into `POST /embeddings`' body (see the module documentation). */
export async function readUpload(tr: Tr, form: HTMLFormElement): Promise<Upload> {
  const input = new FormData(form);
  const file = input.get("file");
  if (!(file instanceof File) || file.name === "") {
    return { ok: false, message: tr("projector.upload.no_file") };
  }
  const format = field(input, "format");
  let points: CsvPoints | null = null;
  if (format === "xy" || (format === "" && isCsvName(file.name))) {
    const parsed = parseXyCsv(await file.text());
    if (parsed.ok) points = parsed.points;
    else if (format === "xy") return { ok: false, message: csvMessage(tr, parsed.error) };
  }
  const body = new FormData();
  body.set("file", file);
  const labels = input.get("labels");
  if (labels instanceof File && labels.name !== "") body.set("labels", labels);
  const name = field(input, "name").trim();
  if (name !== "") body.set("name", name);
  if (points !== null) body.set("format", "xy");
  else {
    if (format !== "") body.set("format", format);
    body.set("method", field(input, "method") || "tsne");
  }
  return { ok: true, body, name: name === "" ? file.name : name, points };
}
