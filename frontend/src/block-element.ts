/**
 * What the building blocks (`<train-line-chart>`, `<train-histogram>`, `<train-layer-graph>`)
 * share: the `label`, `lang` and `theme` attributes of docs/web-components.md, their language,
 * and taking the page's resolved colours when they sit inside a page element.
 */
import { LitElement } from "lit";
import { resolveLang, type Lang } from "./i18n/index.js";
import { inheritsTokens } from "./theme.js";

/** Base class of the building blocks. */
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
