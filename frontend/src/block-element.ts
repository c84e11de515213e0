/**
 * What the building blocks (`<train-line-chart>`, `<train-histogram>`, `<train-layer-graph>`)
 * share: the `label`, `lang` and `theme` attributes of docs/web-components.md, their language,
 * and taking the page's resolved colours when they sit inside a page element.
 */
import { LitElement } from "lit";
import { resolveLang, type Lang } from "./i18n/index.js";
import { inheritsTokens } from "./theme.js";

/**
 * Base class of the building blocks.
 *
 * The theme tokens (docs/web-components.md, "CSS custom properties"), set on the element or any
 * ancestor, override the theme's defaults (inside a page element, the page's resolved ones):
 *
 * @cssprop --train-bg - surface
 * @cssprop --train-fg - text
 * @cssprop --train-muted - secondary text
 * @cssprop --train-border - lines
 * @cssprop --train-accent - links, selection, focus ring
 * @cssprop --train-grid - chart grid lines
 * @cssprop --train-series-1 - series colour 1 of 12
 * @cssprop --train-series-2 - series colour 2 of 12
 * @cssprop --train-series-3 - series colour 3 of 12
 * @cssprop --train-series-4 - series colour 4 of 12
 * @cssprop --train-series-5 - series colour 5 of 12
 * @cssprop --train-series-6 - series colour 6 of 12
 * @cssprop --train-series-7 - series colour 7 of 12
 * @cssprop --train-series-8 - series colour 8 of 12
 * @cssprop --train-series-9 - series colour 9 of 12
 * @cssprop --train-series-10 - series colour 10 of 12
 * @cssprop --train-series-11 - series colour 11 of 12
 * @cssprop --train-series-12 - series colour 12 of 12
 * @cssprop --train-nonfinite - NaN / ±Inf markers
 * @cssprop --train-band - the reference band of the ratio chart
 * @cssprop --train-font-family - type
 * @cssprop --train-radius - corner radius
 */
export abstract class BlockElement extends LitElement {
  static override properties = {
    label: { type: String },
    lang: { type: String },
    theme: { type: String, reflect: true },
  };

  /** Accessible name of the drawing and its table. */
  declare label: string;
  /** `light`, `dark` or `auto`; absent inside a page element: the page's. */
  declare theme: string;

  constructor() {
    super();
    this.label = "";
  }

  /** The language of the block's labels (`lang`, English when it has no catalogue). */
  protected get language(): Lang {
    return resolveLang(this.lang);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.toggleAttribute("data-inherit-theme", inheritsTokens(this));
  }
}
