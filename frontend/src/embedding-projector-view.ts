/**
 * `<embedding-projector-view>`: what `<embedding-projector>` shows once the projector's chunk
 * (`fitscope-projector.js`: this module and regl-scatterplot) is loaded. Internal: the wrapper
 * passes its attributes down; the hooks on this element are documented for tests
 * (docs/web-components.md, "The embedding projector").
 *
 * The map draws every placed point of the shown layout (WebGL, projector-scatter.ts); hovering
 * names a point; the search finds words or `/regex/` (matches counted, listed, emphasised on
 * the map, the rest faded); choosing a point (a click, a search result, a neighbour) lists its
 * k nearest neighbours from the server and highlights them; a lasso (Shift + drag, or the Lasso
 * button) selects a region and lists it; "Colour by" colours the points by a metadata column
 * with a legend (projector-panels.ts). A running layout is followed live (projector-data.ts:
 * the iteration and KL divergence at once, the coordinates at most every 500 ms). Compute
 * layout and Upload are projector-forms.ts; the menus and state lines projector-header.ts.
 *
 * @fires train-embedding-select - the user picked an embedding, or uploaded one; detail {embedding}
 * @fires train-point-select - the user chose a point; detail {embedding, index, label}
 * @fires train-error - a request failed; detail {status, code, message}
 * @csspart toolbar - the embedding, layout and colour menus
 * @csspart plot - the map
 * @csspart tooltip - the hovered point's label
 * @csspart progress - a running (or cancelled, failed) layout's state and the Cancel button
 * @csspart nonfinite - "N points not placed"
 * @csspart search - the search box, count and results
 * @csspart neighbors - the chosen point's nearest neighbours
 * @csspart selection - the lasso's points
 * @csspart legend - the colour legend
 * @csspart compute - the Compute layout form
 * @csspart upload - the Upload form
 * @csspart error - the error banner
 */
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from "lit";
import { styleMap } from "lit/directives/style-map.js";
import { ApiError, getJson, isAbort } from "./api.js";
import type { Embedding, Layout, Neighbors } from "./api-types.js";
import { define } from "./define.js";
import { browserLang, resolveLang, type Lang } from "./i18n/index.js";
import { tp, type ProjectorKey } from "./i18n/projector.js";
import { formatInteger } from "./lib/format.js";
import { colorBy, type Coloring } from "./lib/projector-colors.js";
import { placePoints, toDrawn, type Placed } from "./lib/projector-coords.js";
import { parseQuery, search, type Query } from "./lib/projector-search.js";
import { throttle, type Throttle } from "./lib/projector-throttle.js";
import { LOCAL_ID, ProjectorData } from "./projector-data.js";
import {
  computeForm,
  methodName,
  readUpload,
  uploadForm,
  type FormNote,
  type LayoutRequest,
  type Tr,
} from "./projector-forms.js";
import { layoutState, toolbar } from "./projector-header.js";
import {
  legendPanel,
  MAX_LISTED,
  neighborsPanel,
  resultId,
  searchPanel,
  selectionPanel,
  type PanelText,
} from "./projector-panels.js";
import { mapColors, mapPalette, ScatterMap, webglSupported } from "./projector-scatter.js";
import { projectorStyles } from "./projector-styles.js";

/** Neighbours asked for. */
export const NEIGHBORS_K = 10;
/** The map is redrawn for a new search at most this often (ms): typing stays smooth. */
const SEARCH_REDRAW_MS = 150;

/** `detail` of `train-embedding-select`. */
export interface EmbeddingSelectDetail {
  embedding: string;
}

/** `detail` of `train-point-select`. */
export interface PointSelectDetail {
  embedding: string;
  index: number;
  label: string;
}

declare global {
  interface HTMLElementEventMap {
    "train-embedding-select": CustomEvent<EmbeddingSelectDetail>;
    "train-point-select": CustomEvent<PointSelectDetail>;
  }
}

function reducedMotion(): boolean {
  return window.matchMedia("(prefers-reduced-motion: reduce)").matches;
}

const message = (err: unknown): string => (err instanceof Error ? err.message : String(err));

/** `<embedding-projector-view>`: see the module documentation. */
export class EmbeddingProjectorView extends LitElement {
  static override properties = {
    apiBase: { attribute: "api-base" },
    embedding: {},
    menu: { type: Boolean },
    lang: {},
    theme: { reflect: true },
    chosen: { state: true },
    mapError: { state: true },
    colorColumn: { state: true },
    query: { state: true },
    regex: { state: true },
    active: { state: true },
    picked: { state: true },
    neighbors: { state: true },
    neighborsNote: { state: true },
    lassoed: { state: true },
    hovered: { state: true },
    lassoMode: { state: true },
    computeMethod: { state: true },
    notes: { state: true },
    busy: { state: true },
  };

  /** Origin (and prefix) of the fitscope server; "" is this page's origin. */
  declare apiBase: string;
  /** The embedding shown; null: the server's first. */
  declare embedding: string | null;
  /** Offer the embedding menu and Upload even with `embedding` given. */
  declare menu: boolean;
  /** `en`, `zh`; "" follows the browser. */
  declare lang: string;
  /** `light`, `dark` or `auto`. */
  declare theme: string | null;
  /** The embedding picked in the menu (without `embedding`). */
  declare chosen: string | null;
  /** Why the map cannot be drawn ("": no WebGL; a CSP without 'unsafe-eval'...). */
  declare mapError: string | null;
  declare colorColumn: string;
  declare query: string;
  declare regex: boolean;
  /** The active search result (its place in the list). */
  declare active: number;
  /** The chosen point (embedding index). */
  declare picked: number | null;
  declare neighbors: Neighbors | null;
  /** Why there are no neighbours to show (loading, an error, a local embedding). */
  declare neighborsNote: string | null;
  /** The lasso's points (embedding indices). */
  declare lassoed: number[];
  declare hovered: { index: number; x: number; y: number } | null;
  declare lassoMode: boolean;
  declare computeMethod: string;
  /** What each form said last. */
  declare notes: { compute: FormNote | null; upload: FormNote | null };
  declare busy: "compute" | "upload" | "cancel" | null;

  static override styles = projectorStyles;

  /** The server's embeddings and the shown one. */
  private readonly source = new ProjectorData(this);
  private scatter: ScatterMap | null = null;
  private scatterCanvas: HTMLCanvasElement | null = null;
  private resizeObserver: ResizeObserver | null = null;
  private readonly darkQuery = window.matchMedia("(prefers-color-scheme: dark)");
  private neighborsController: AbortController | null = null;
  private readonly searchRedraw: Throttle = throttle(() => this.drawMap(), SEARCH_REDRAW_MS);
  /** The embedding the placed points, colouring and search below are of. */
  private shownData: Embedding | null = null;
  private placed: Placed | null = null;
  private coloring: Coloring | null = null;
  private parsed: Query = { kind: "empty" };
  private matchList: number[] = [];
  private frames = 0;
  private loadStart = 0;
  private firstFrameDue = false;
  private readonly tr: Tr = (key, params) => tp(this.language, key, params);
  /** What the panels need to name things. */
  private readonly text: PanelText = {
    tr: this.tr,
    label: (index) => this.source.data?.labels[index] ?? String(index),
  };

  constructor() {
    super();
    this.apiBase = "";
    this.embedding = null;
    this.menu = false;
    // eslint-disable-next-line wc/no-constructor-attributes -- `lang` is redeclared as a Lit reactive property (not reflected), so this sets Lit's value, not the attribute.
    this.lang = "";
    this.theme = null;
    this.chosen = null;
    this.mapError = webglSupported() ? null : "";
    this.colorColumn = "";
    this.query = "";
    this.regex = false;
    this.active = 0;
    this.picked = null;
    this.neighbors = null;
    this.neighborsNote = null;
    this.lassoed = [];
    this.hovered = null;
    this.lassoMode = false;
    this.computeMethod = "tsne";
    this.notes = { compute: null, upload: null };
    this.busy = null;
  }

  private get language(): Lang {
    return this.lang === "" ? browserLang() : resolveLang(this.lang);
  }

  /** Whether the element shows one given embedding (no menu, no upload). */
  private get fixed(): boolean {
    return this.embedding !== null && this.embedding !== "" && !this.menu;
  }

  /** The embedding to show: the menu's, the attribute's, else the server's first. */
  private get currentId(): string | null {
    if (this.chosen !== null && !this.fixed) return this.chosen;
    if (this.embedding !== null && this.embedding !== "") return this.embedding;
    return this.source.list?.[0]?.id ?? (this.source.local === null ? null : LOCAL_ID);
  }

  private get isLocal(): boolean {
    return this.source.subject === LOCAL_ID;
  }

  private get dark(): boolean {
    return this.theme === "dark" || (this.theme !== "light" && this.darkQuery.matches);
  }

  // ------------------------------------------------------------------------------ lifecycle

  override connectedCallback(): void {
    super.connectedCallback();
    this.darkQuery.addEventListener("change", this.onSchemeChange);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.darkQuery.removeEventListener("change", this.onSchemeChange);
    this.neighborsController?.abort();
    this.searchRedraw.cancel();
    this.dropMap();
  }

  private onSchemeChange = (): void => {
    this.applyColors();
    this.requestUpdate(); // the legend's swatches
  };

  protected override willUpdate(changed: PropertyValues<this>): void {
    const source = this.source;
    if (changed.has("apiBase")) void source.loadList();
    // A new `embedding` from outside (the shell's address) wins over the menu's last choice.
    if (changed.has("embedding") && changed.get("embedding") !== undefined) this.chosen = null;
    const id = this.currentId;
    if (id !== source.subject && (source.list !== null || id !== null)) {
      this.clearSelection();
      this.hovered = null;
      this.loadStart = performance.now();
      this.firstFrameDue = true;
      this.removeAttribute("data-ready");
      this.removeAttribute("data-first-frame-ms");
      source.show(id);
    }
    const data = source.data;
    const newData = data !== this.shownData;
    if (newData) {
      this.shownData = data;
      const layout = data?.layout ?? null;
      this.placed = layout === null ? null : placePoints(layout.x, layout.y);
      if (data !== null && this.colorColumn !== "" && !data.columns.includes(this.colorColumn)) {
        this.colorColumn = "";
      }
    }
    if (newData || changed.has("colorColumn")) {
      const values = data?.metadata[this.colorColumn];
      this.coloring = values === undefined ? null : colorBy(values);
    }
    if (newData || changed.has("query") || changed.has("regex")) {
      this.parsed = parseQuery(this.query, this.regex);
      this.matchList = search(this.parsed, data?.labels ?? []);
      if (changed.has("query") || changed.has("regex")) this.active = 0;
    }
    if (newData || changed.has("colorColumn")) this.mapDue = true;
  }

  /** The map must be drawn again (new coordinates or colours) after this update. */
  private mapDue = false;

  protected override updated(changed: PropertyValues<this>): void {
    this.ensureMap();
    if (changed.has("theme")) this.applyColors();
    if (this.mapDue) {
      this.mapDue = false;
      this.applyColors();
      void this.drawMap();
    } else if (changed.has("query") || changed.has("regex")) {
      this.searchRedraw.request();
    }
    if (changed.has("picked") || changed.has("neighbors") || changed.has("lassoed")) {
      this.scatter?.select(this.selectionDrawn());
    }
    if (changed.has("lassoMode")) this.scatter?.setLassoMode(this.lassoMode);
    this.writeHooks();
  }

  /** The attributes tests and automation read (docs/web-components.md). */
  private writeHooks(): void {
    const source = this.source;
    const layout = source.shownLayout;
    const local = (id: string | null | undefined) => (id === LOCAL_ID ? "local" : (id ?? null));
    let state = "ready";
    if (source.list === null && source.local === null) {
      state = source.error === null ? "loading" : "error";
    } else if (source.subject === null) state = "empty";
    else if (source.data === null) state = "loading";
    const hooks: Record<string, string | null> = {
      "data-state": state,
      "data-embedding": local(source.subject),
      "data-layout": local(layout?.id),
      "data-status": layout?.status ?? null,
      "data-iteration": layout === null ? null : String(layout.iteration),
      "data-points": this.placed === null ? null : String(this.placed.x.length),
      "data-unplaced": this.placed === null ? null : String(this.placed.unplaced),
      "data-matches": this.parsed.kind === "empty" ? null : String(this.matchList.length),
    };
    for (const [name, value] of Object.entries(hooks)) {
      if (value === null) this.removeAttribute(name);
      else this.setAttribute(name, value);
    }
  }

  // ------------------------------------------------------------------------------ the map

  /** The canvas is in the DOM: give it its map (again, when Lit made a new canvas). */
  private ensureMap(): void {
    const canvas = this.renderRoot.querySelector<HTMLCanvasElement>(".plot canvas");
    if (canvas === this.scatterCanvas) return;
    this.dropMap();
    this.scatterCanvas = canvas;
    const overlay = this.renderRoot.querySelector<HTMLElement>(".plot .overlay");
    if (canvas === null || overlay === null) return;
    try {
      this.scatter = new ScatterMap(
        canvas,
        overlay,
        {
          hover: (drawn) => {
            this.onHover(drawn);
          },
          pick: (drawn) => {
            const index = this.placed?.index[drawn];
            if (index !== undefined) void this.pick(index, false);
          },
          lasso: (drawn) => {
            this.clearSelection();
            const placed = this.placed;
            this.lassoed = placed === null ? [] : Array.from(drawn, (d) => placed.index[d] ?? 0);
          },
          deselect: () => {
            this.clearSelection();
          },
          frame: () => {
            this.frames++;
            this.setAttribute("data-frames", String(this.frames));
          },
        },
        reducedMotion,
      );
    } catch (err) {
      // regl compiles its drawing commands with `new Function`, which a Content-Security-Policy
      // without 'unsafe-eval' refuses (an EvalError).
      this.mapError =
        err instanceof EvalError
          ? this.tr("projector.map_csp")
          : this.tr("projector.map_failed", { message: message(err) });
      return;
    }
    this.scatter.setLassoMode(this.lassoMode);
    const plot = canvas.parentElement;
    if (plot !== null) {
      this.resizeObserver = new ResizeObserver(() => {
        const { width, height } = plot.getBoundingClientRect();
        this.scatter?.resize(width, height);
      });
      this.resizeObserver.observe(plot);
    }
    this.applyColors();
    void this.drawMap();
  }

  private dropMap(): void {
    this.resizeObserver?.disconnect();
    this.resizeObserver = null;
    this.scatter?.destroy();
    this.scatter = null;
    this.scatterCanvas = null;
  }

  private onHover(drawn: number | null): void {
    const index = drawn === null ? undefined : this.placed?.index[drawn];
    const pos = drawn === null ? undefined : this.scatter?.screenPosition(drawn);
    this.hovered =
      index === undefined || pos === undefined ? null : { index, x: pos[0], y: pos[1] };
  }

  private applyColors(): void {
    this.scatter?.setColors(mapColors(this, this.coloring?.legend ?? null, this.dark));
  }

  /** Draws the shown layout with its colours and the search's emphasis. */
  private async drawMap(): Promise<void> {
    const scatter = this.scatter;
    const placed = this.placed;
    if (scatter === null || placed === null) return;
    const n = placed.x.length;
    const codes = new Uint8Array(n);
    const coloring = this.coloring;
    if (coloring !== null) {
      for (let d = 0; d < n; d++) codes[d] = coloring.codes[placed.index[d] ?? 0] ?? 0;
    }
    const searching = this.parsed.kind !== "empty";
    const emphasis = new Uint8Array(n).fill(searching ? 0 : 1);
    if (searching) for (const d of toDrawn(placed, this.matchList)) emphasis[d] = 1;
    try {
      await scatter.draw({
        key: placed,
        x: placed.x,
        y: placed.y,
        codes,
        emphasis,
        select: this.selectionDrawn(),
      });
    } catch (err) {
      // A map dropped meanwhile (the element left the page) is no failure.
      if (this.scatter === scatter) {
        this.mapError = this.tr("projector.map_failed", { message: message(err) });
      }
      return;
    }
    if (this.scatter !== scatter || this.placed !== placed) return;
    this.setAttribute("data-ready", "");
    if (this.firstFrameDue) {
      this.firstFrameDue = false;
      // This draw's frame is painted at the next animation frame.
      requestAnimationFrame(() => {
        const ms = Math.round(performance.now() - this.loadStart);
        this.setAttribute("data-first-frame-ms", String(ms));
      });
    }
  }

  /** The drawn places of the chosen point and its neighbours, or of the lasso's points. */
  private selectionDrawn(): number[] {
    const placed = this.placed;
    if (placed === null) return [];
    if (this.picked === null) return toDrawn(placed, this.lassoed);
    const neighbors = this.neighbors?.neighbors.map((n) => n.index) ?? [];
    return toDrawn(placed, [this.picked, ...neighbors]);
  }

  // ------------------------------------------------------------------------------ actions

  /** Chooses a point and asks for its neighbours; `zoom` brings them into view. */
  private async pick(index: number, zoom: boolean): Promise<void> {
    const id = this.source.subject;
    const data = this.source.data;
    if (id === null || data === null) return;
    this.clearSelection();
    this.picked = index;
    this.dispatchEvent(
      new CustomEvent("train-point-select", {
        bubbles: true,
        composed: true,
        detail: { embedding: id, index, label: data.labels[index] ?? "" },
      }),
    );
    if (id === LOCAL_ID) {
      this.neighborsNote = this.tr("projector.neighbors.local");
    } else {
      const controller = new AbortController();
      this.neighborsController = controller;
      this.neighborsNote = this.tr("projector.neighbors.loading");
      try {
        const answer = await getJson<Neighbors>(
          this.apiBase,
          `embeddings/${encodeURIComponent(id)}/neighbors`,
          { index, k: NEIGHBORS_K },
          controller.signal,
        );
        if (controller.signal.aborted) return;
        this.neighbors = answer;
        this.neighborsNote =
          answer.neighbors.length === 0 ? this.tr("projector.neighbors.none") : null;
      } catch (err) {
        if (isAbort(err) || controller.signal.aborted) return;
        this.neighborsNote = message(err);
      }
    }
    if (zoom) {
      await this.updateComplete;
      this.scatter?.zoomTo(this.selectionDrawn());
    }
  }

  private clearSelection(): void {
    this.neighborsController?.abort();
    this.picked = null;
    this.neighbors = null;
    this.neighborsNote = null;
    this.lassoed = [];
  }

  private selectEmbedding(id: string): void {
    this.chosen = id;
    if (id === LOCAL_ID) return;
    this.dispatchEvent(
      new CustomEvent("train-embedding-select", {
        bubbles: true,
        composed: true,
        detail: { embedding: id },
      }),
    );
  }

  private selectLayout(layoutId: string): void {
    this.clearSelection();
    this.source.selectLayout(layoutId);
  }

  private async compute(request: LayoutRequest): Promise<void> {
    this.busy = "compute";
    this.notes = { ...this.notes, compute: null };
    try {
      this.clearSelection();
      await this.source.compute(request);
    } catch (err) {
      this.notes = { ...this.notes, compute: { text: message(err), error: true } };
    } finally {
      this.busy = null;
    }
  }

  private async cancelLayout(layout: Layout): Promise<void> {
    this.busy = "cancel";
    try {
      await this.source.cancel(layout);
    } finally {
      this.busy = null;
    }
  }

  private async upload(form: HTMLFormElement): Promise<void> {
    this.notes = { ...this.notes, upload: null };
    const upload = await readUpload(this.tr, form);
    if (!upload.ok) {
      this.notes = { ...this.notes, upload: { text: upload.message, error: true } };
      return;
    }
    this.busy = "upload";
    try {
      const summary = await this.source.upload(upload.body);
      form.reset();
      this.selectEmbedding(summary.id);
    } catch (err) {
      const status = err instanceof ApiError ? err.status : 0;
      if (upload.points !== null && status !== 400) {
        // The server keeps no upload (read-only, unreachable): show the points from here.
        this.source.keepLocal(upload.name, upload.points, message(err));
        this.selectEmbedding(LOCAL_ID);
      } else {
        this.notes = { ...this.notes, upload: { text: message(err), error: true } };
      }
    } finally {
      this.busy = null;
    }
  }

  /** Keys of the search box and the results list (an ARIA combobox). */
  private onSearchKey = (e: KeyboardEvent): void => {
    const count = Math.min(this.matchList.length, MAX_LISTED);
    const inList = !(e.currentTarget instanceof HTMLInputElement);
    switch (e.key) {
      case "ArrowDown":
        this.active = count === 0 ? 0 : (this.active + 1) % count;
        break;
      case "ArrowUp":
        this.active = count === 0 ? 0 : (this.active - 1 + count) % count;
        break;
      case "Home":
      case "End":
        if (!inList) return; // the text cursor's keys in the box
        this.active = e.key === "Home" ? 0 : Math.max(0, count - 1);
        break;
      case "Enter": {
        const index = this.matchList[this.active];
        if (index !== undefined) void this.pick(index, true);
        break;
      }
      case "Escape":
        if (this.query === "") return;
        this.query = "";
        break;
      default:
        return;
    }
    e.preventDefault();
    void this.updateComplete.then(() => {
      const option = this.renderRoot.querySelector(`#${resultId(this.active)}`);
      option?.scrollIntoView({ block: "nearest" });
    });
  };

  // ------------------------------------------------------------------------------ render

  override render(): TemplateResult {
    const source = this.source;
    const error = source.error;
    const banner =
      error === null
        ? nothing
        : html`<p part="error" class="error" role="alert">${error.message}</p>`;
    if (source.list === null && source.local === null) {
      const loading = html`<p class="muted" aria-busy="true">…</p>`;
      return html`${banner}${error === null ? loading : nothing}`;
    }
    const upload = this.fixed
      ? nothing
      : uploadForm(this.tr, {
          open: source.subject === null,
          busy: this.busy === "upload",
          note: this.notes.upload,
          onSubmit: (form) => void this.upload(form),
        });
    if (source.subject === null) {
      return html`${banner}
        <p class="muted" data-empty>${this.tr("projector.empty")}</p>
        ${upload}`;
    }
    const data = source.data;
    const local = source.local;
    const legend = this.coloring?.legend ?? null;
    const choose = (index: number) => void this.pick(index, true);
    return html`
      ${banner}
      ${toolbar(this.tr, {
        embeddings: this.fixed ? null : (source.list ?? []),
        local: local === null ? null : { id: LOCAL_ID, name: local.data.name },
        shown: source.subject,
        layouts: this.isLocal ? null : (source.summary?.layouts ?? []),
        layout: source.shownLayout?.id ?? null,
        columns: data?.columns ?? [],
        column: this.colorColumn,
        onEmbedding: (id) => {
          this.selectEmbedding(id);
        },
        onLayout: (id) => {
          this.selectLayout(id);
        },
        onColumn: (column) => {
          this.colorColumn = column;
        },
      })}
      ${
        data === null
          ? html`<p class="muted" aria-busy="true">…</p>`
          : layoutState(this.tr, {
              data,
              layout: source.shownLayout,
              unplaced: this.placed?.unplaced ?? 0,
              fromCsv: this.isLocal,
              local:
                this.isLocal && local !== null
                  ? { name: local.data.name, reason: local.reason }
                  : null,
              cancelling: this.busy === "cancel",
              onCancel: (layout) => void this.cancelLayout(layout),
            })
      }
      <div class="main">
        <div>${this.renderPlot()}</div>
        <aside>
          ${searchPanel(this.text, {
            query: this.query,
            regex: this.regex,
            parsed: this.parsed,
            matches: this.matchList,
            active: this.active,
            onQuery: (q) => {
              this.query = q;
            },
            onRegex: (r) => {
              this.regex = r;
            },
            onKey: this.onSearchKey,
            onChoose: (place, index) => {
              this.active = place;
              choose(index);
            },
          })}
          ${neighborsPanel(this.text, {
            picked: this.picked,
            neighbors: this.neighbors,
            note: this.neighborsNote,
            onChoose: choose,
          })}
          ${selectionPanel(this.text, this.lassoed, choose, () => {
            this.clearSelection();
          })}
          ${legendPanel(this.text, legend, this.colorColumn, mapPalette(this, legend, this.dark))}
        </aside>
      </div>
      ${
        this.isLocal
          ? nothing
          : computeForm(this.tr, {
              writable: source.summary?.writable ?? false,
              open: data !== null && data.layout === null,
              method: this.computeMethod,
              busy: this.busy === "compute",
              note: this.notes.compute,
              onMethod: (m) => {
                this.computeMethod = m;
              },
              onSubmit: (request) => void this.compute(request),
            })
      }
      ${upload}
    `;
  }

  private renderPlot(): TemplateResult {
    const layout = this.source.shownLayout;
    const count = this.placed?.x.length ?? 0;
    const hovered = this.hovered;
    const method = layout === null ? "—" : methodName(this.tr, layout.method);
    const failure = this.mapError === "" ? this.tr("projector.no_webgl") : this.mapError;
    const tool = (action: string, key: ProjectorKey, run: () => void) =>
      html`<button data-action=${action} @click=${run}>${this.tr(key)}</button>`;
    return html`
      <div class="plot" part="plot">
        ${
          failure === null
            ? html`<canvas
                role="img"
                aria-label=${this.tr("projector.map", { count: formatInteger(count), method })}
              ></canvas>`
            : html`<p class="nogl error" role="alert">${failure}</p>`
        }
        <div class="overlay"></div>
        ${
          hovered === null
            ? nothing
            : html`<div
                class="tooltip"
                part="tooltip"
                role="tooltip"
                data-index=${hovered.index}
                style=${styleMap({ left: `${hovered.x}px`, top: `${hovered.y}px` })}
              >
                <bdi>${this.text.label(hovered.index)}</bdi>
              </div>`
        }
      </div>
      <div class="tools">
        ${tool("zoom-in", "projector.zoom_in", () => this.scatter?.zoomBy(1.5))}
        ${tool("zoom-out", "projector.zoom_out", () => this.scatter?.zoomBy(1 / 1.5))}
        ${tool("reset-view", "projector.reset_view", () => this.scatter?.resetView())}
        <button
          data-action="lasso"
          aria-pressed=${this.lassoMode ? "true" : "false"}
          @click=${() => {
            this.lassoMode = !this.lassoMode;
          }}
        >
          ${this.tr("projector.lasso")}
        </button>
      </div>
      <p class="hint muted">${this.tr("projector.lasso.hint")}</p>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "embedding-projector-view": EmbeddingProjectorView;
  }
}

define("embedding-projector-view", EmbeddingProjectorView);
