/**
 * `<embedding-projector>`: the embedding projector (docs/web-components.md, "The embedding
 * projector"). A map of an embedding's points (word vectors laid out by t-SNE, PCA or UMAP on
 * the server), searchable, with nearest neighbours, colouring by metadata, a lasso, live t-SNE
 * and uploads.
 *
 * This element is part of the core bundle and is kept tiny: a plain custom element (no Lit)
 * whose shadow root holds `<embedding-projector-view>` and passes it its attributes
 * (`api-base`, `embedding`, `menu`, `lang`, `theme`: attributes only, no properties). The view
 * lives in a chunk of its own, `fitscope-projector.js` (with regl-scatterplot), loaded by a
 * dynamic `import()` from beside the core bundle the first time a projector is connected, so
 * pages without one never load it. Until then the view, still an unknown element, shows
 * "Loading…" as text; when the chunk cannot be loaded it shows why (`role="alert"`), and
 * connecting the element again tries again.
 *
 * The chunk is self-contained (its own copy of Lit and the few shared modules): it imports
 * nothing from the core bundle. A chunk importing `./fitscope-ui.js` would get a second copy of
 * the core module whenever the page loaded it under another URL, and the server's pages load
 * it as `fitscope-ui.js?v=<hash>`.
 *
 * @attr api-base - origin (and path prefix) of the fitscope server; "" is this page's origin
 * @attr embedding - the embedding's id; absent: the server's first
 * @attr menu - boolean: offer the menu of the server's embeddings and the Upload form even with
 *   `embedding` given
 * @attr lang - language code (`en`, `zh`, ...); absent: the browser's
 * @attr theme - `light`, `dark` or `auto` (follows the OS)
 * @cssprop --train-bg - surface
 * @cssprop --train-fg - text
 * @cssprop --train-muted - secondary text
 * @cssprop --train-border - lines
 * @cssprop --train-accent - links, selection, focus ring
 * @cssprop --train-series-1 - ... `--train-series-12`: a categorical column's colours; a numeric
 *   column's ramp runs from `--train-series-1` to `--train-series-2`
 * @fires train-embedding-select - (from the view) the user picked an embedding, or uploaded one; detail {embedding}
 * @fires train-point-select - (from the view) the user chose a point; detail {embedding, index, label}
 * @fires train-error - a request failed, or the chunk could not be loaded; detail {status, code, message}
 */
import { define } from "./define.js";
import { resolveLang, t } from "./i18n/index.js";

/** The projector's chunk, a file beside the core bundle (server/static/). */
export const PROJECTOR_CHUNK = "fitscope-projector.js";

let loading: Promise<void> | null = null;

/**
 * Loads the projector's chunk once (it defines `<embedding-projector-view>`). A failed load is
 * forgotten, so a later call tries again.
 */
export function loadProjector(): Promise<void> {
  // A computed URL: the bundler leaves it alone (the chunk is built on its own, see
  // vite.config.ts), and the browser resolves it against this module's own address.
  const url = new URL(PROJECTOR_CHUNK, import.meta.url).href;
  loading ??= import(/* @vite-ignore */ url).then(
    () => undefined,
    (err: unknown) => {
      loading = null;
      throw err;
    },
  );
  return loading;
}

/** The attributes of `<embedding-projector>`, passed on to `<embedding-projector-view>`. */
const ATTRIBUTES = ["api-base", "embedding", "menu", "lang", "theme"];

/** HTMLElement; in Node (the unit tests import the bundle's entry) a stand-in, as Lit has. */
const Base =
  typeof HTMLElement === "function" ? HTMLElement : (Object as unknown as typeof HTMLElement);

/** `<embedding-projector>`: see the module documentation. */
export class EmbeddingProjector extends Base {
  static observedAttributes = ATTRIBUTES;
  private readonly view = document.createElement("embedding-projector-view");

  constructor() {
    super();
    this.attachShadow({ mode: "open" }).append(this.view);
  }

  attributeChangedCallback(name: string, _old: string | null, value: string | null): void {
    if (value === null) this.view.removeAttribute(name);
    else this.view.setAttribute(name, value);
  }

  connectedCallback(): void {
    const lang = resolveLang(this.lang || navigator.language);
    // Until the chunk defines it, the view is an unknown element showing its text.
    this.view.textContent = t(lang, "app.loading");
    this.view.removeAttribute("role");
    loadProjector().catch((err: unknown) => {
      this.view.textContent = t(lang, "app.error", { message: String(err) });
      this.view.setAttribute("role", "alert");
      this.dispatchEvent(
        new CustomEvent("train-error", {
          bubbles: true,
          composed: true,
          detail: { status: 0, code: "chunk_error", message: String(err) },
        }),
      );
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "embedding-projector": EmbeddingProjector;
  }
}

define("embedding-projector", EmbeddingProjector);
