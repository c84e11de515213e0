/**
 * Design tokens: the public `--train-*` custom properties (docs/web-components.md) with their
 * defaults per theme, resolved into private `--_*` properties that the elements' styles and the
 * canvas-drawn charts read.
 *
 * Why private copies: a page sets `--train-series-1` on any ancestor and it inherits into our
 * shadow roots; the defaults must yield to that, so each private token is
 * `var(--train-x, default)`. A custom property is substituted when it is computed, so
 * `getComputedStyle(el).getPropertyValue("--_series-1")` gives a canvas a colour it can use.
 *
 * Themes: `theme="light"`, `theme="dark"`, or `auto`/absent, which follows
 * `prefers-color-scheme`. Series colours: {@link SERIES_COLORS}, each with at least 3:1 contrast
 * with its theme's background (WCAG 1.4.11).
 */
import { css, unsafeCSS, type CSSResult } from "lit";

/**
 * The default series colours per theme, 12 each: the Okabe–Ito hues first (darkened on light,
 * lightened on dark), then more, every one with at least 3:1 contrast with its theme's
 * background (WCAG 1.4.11; test/theme.test.ts checks it). Past 12 series the colours repeat with
 * a dash pattern ({@link seriesDash}), so 48 series stay apart.
 */
export const SERIES_COLORS = {
  light: [
    "#0072b2",
    "#c65400",
    "#00845f",
    "#b5448c",
    "#3d3d3d",
    "#8a6200",
    "#6a3d9a",
    "#007c86",
    "#a33c3c",
    "#5b6e00",
    "#4d5fa3",
    "#8b4a1c",
  ],
  dark: [
    "#56b4e9",
    "#e69f00",
    "#3ccf9e",
    "#e08ec0",
    "#f0e442",
    "#ff8a5c",
    "#b7a2ea",
    "#a6d854",
    "#ffffff",
    "#4fd2d6",
    "#ff9da7",
    "#c9b27c",
  ],
} as const;

/** The default backgrounds the series colours are checked against. */
export const BACKGROUNDS = { light: "#ffffff", dark: "#1e1e1e" } as const;

/** How many series colour tokens there are (`--train-series-1` ... `--train-series-12`). */
export const SERIES_COUNT = SERIES_COLORS.light.length;

/** Dash patterns (CSS px) of the second, third and fourth round through the colours. */
const DASHES: readonly (readonly number[])[] = [
  [6, 3],
  [2, 3],
  [8, 3, 2, 3],
];

/**
 * The dash pattern of series i (0-based) when it sets none: solid for the first
 * {@link SERIES_COUNT}, then one pattern per further round through the colours.
 */
export function seriesDash(index: number): number[] | undefined {
  const round = Math.floor(index / SERIES_COUNT);
  if (round === 0) return undefined;
  return [...(DASHES[(round - 1) % DASHES.length] ?? [])];
}

/** The 1-based colour token of series i (cycling). */
export function seriesToken(index: number): number {
  return (index % SERIES_COUNT) + 1;
}

/** The series tokens taken from the page (`data-inherit-theme`). */
const inheritSeries = unsafeCSS(
  SERIES_COLORS.light.map((_c, i) => `--_series-${i + 1}: inherit;`).join("\n"),
);

function seriesTokens(colors: readonly string[]): CSSResult {
  return unsafeCSS(
    colors.map((c, i) => `--_series-${i + 1}: var(--train-series-${i + 1}, ${c});`).join("\n"),
  );
}

const light = css`
  --_bg: var(--train-bg, #ffffff);
  --_fg: var(--train-fg, #1b1b1f);
  --_muted: var(--train-muted, #5b5d66);
  --_border: var(--train-border, #d0d2d9);
  --_accent: var(--train-accent, #0a5fa8);
  --_grid: var(--train-grid, #e4e5ea);
  --_nonfinite: var(--train-nonfinite, #b00020);
  --_band: var(--train-band, rgba(0, 158, 115, 0.14));
  ${seriesTokens(SERIES_COLORS.light)}
  color-scheme: light;
`;

const dark = css`
  --_bg: var(--train-bg, #1e1e1e);
  --_fg: var(--train-fg, #e8e8ea);
  --_muted: var(--train-muted, #a9abb3);
  --_border: var(--train-border, #44464d);
  --_accent: var(--train-accent, #7cc4ff);
  --_grid: var(--train-grid, #34363c);
  --_nonfinite: var(--train-nonfinite, #ff6b81);
  --_band: var(--train-band, rgba(0, 158, 115, 0.22));
  ${seriesTokens(SERIES_COLORS.dark)}
  color-scheme: dark;
`;

/** The elements' fonts: the system's UI font, then CJK fonts of Linux, macOS and Windows. */
export const FONT_STACK = [
  "system-ui",
  "-apple-system",
  '"Segoe UI"',
  "Roboto",
  '"Noto Sans CJK SC"',
  '"Noto Sans SC"',
  '"Source Han Sans SC"',
  '"PingFang SC"',
  '"Hiragino Sans GB"',
  '"Microsoft YaHei"',
  '"WenQuanYi Micro Hei"',
  "sans-serif",
].join(", ");

/**
 * Styles every page element includes: the tokens for its theme, plus the shared look of
 * headings, tables, tabs and buttons.
 */
export const themeStyles = css`
  :host {
    ${light}
    --_font: var(--train-font-family, ${unsafeCSS(FONT_STACK)});
    --_radius: var(--train-radius, 6px);
    display: block;
    font-family: var(--_font);
    color: var(--_fg);
    background: var(--_bg);
  }
  :host([theme="dark"]) {
    ${dark}
  }
  @media (prefers-color-scheme: dark) {
    :host(:not([theme="light"])) {
      ${dark}
    }
  }
  :host([hidden]) {
    display: none;
  }
  h2 {
    font-size: 1rem;
    font-weight: 600;
    margin: 0 0 0.5rem;
  }
  .card {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.75rem;
    min-width: 0;
  }
  table.info {
    border-collapse: collapse;
    width: 100%;
    font-size: 0.875rem;
  }
  table.info th,
  table.info td {
    text-align: left;
    padding: 0.25rem 0.5rem;
    border-bottom: 1px solid var(--_border);
    vertical-align: top;
    overflow-wrap: anywhere;
  }
  table.info th {
    color: var(--_muted);
    font-weight: 500;
    width: 45%;
  }
  [role="tablist"] {
    display: flex;
    gap: 0.25rem;
    margin-bottom: 0.5rem;
    flex-wrap: wrap;
  }
  button {
    font: inherit;
    color: inherit;
    background: transparent;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.2rem 0.6rem;
    cursor: pointer;
  }
  button[aria-selected="true"],
  button[aria-pressed="true"] {
    border-color: var(--_accent);
    color: var(--_accent);
    font-weight: 600;
  }
  button:focus-visible,
  [tabindex]:focus-visible,
  select:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }
  .muted {
    color: var(--_muted);
  }
  .error {
    color: var(--_nonfinite);
  }
`;

/** Resolved colour of a private token (`--_series-1` etc.) as seen by `el`. */
export function readToken(el: Element, name: string): string {
  return getComputedStyle(el).getPropertyValue(name).trim();
}

/** The resolved colour of the i-th series (0-based, cycling through the 12 tokens). */
export function seriesColor(el: Element, index: number): string {
  return readToken(el, `--_series-${seriesToken(index)}`);
}

/**
 * Styles of the page elements: the shared ones, plus their 12-column grid of cards (`.grid` with
 * `.wide` 8, `.narrow` 4, `.half` 6 and `.full` 12 columns; one column below 900 px).
 */
export const pageStyles = [
  themeStyles,
  css`
    .grid {
      display: grid;
      grid-template-columns: repeat(12, minmax(0, 1fr));
      gap: 0.75rem;
    }
    .wide {
      grid-column: span 8;
    }
    .narrow {
      grid-column: span 4;
    }
    .half {
      grid-column: span 6;
    }
    .full {
      grid-column: span 12;
    }
    @media (max-width: 900px) {
      .wide,
      .narrow,
      .half {
        grid-column: span 12;
      }
    }
  `,
];

/**
 * Styles of the building blocks (`<train-line-chart>`, `<train-histogram>`,
 * `<train-layer-graph>`): the page styles, their table views and "no data" line, plus taking the page's resolved tokens when the block
 * sits inside a page element (`data-inherit-theme`, set from {@link inheritsTokens}) and has no
 * `theme` of its own, so a chart in a dark page on a light OS is dark, and a portal's
 * `--train-*` overrides reach it.
 */
export const blockThemeStyles = [
  themeStyles,
  css`
    :host([data-inherit-theme]:not([theme])) {
      --_bg: inherit;
      --_fg: inherit;
      --_muted: inherit;
      --_border: inherit;
      --_accent: inherit;
      --_grid: inherit;
      --_nonfinite: inherit;
      --_band: inherit;
      ${inheritSeries}
      --_font: inherit;
      --_radius: inherit;
      color-scheme: inherit;
    }
    /* The table views of the charts and histograms, and their "no data" line. */
    .tablewrap {
      max-height: 24rem;
      overflow: auto;
    }
    table.data {
      border-collapse: collapse;
      font-size: 0.8125rem;
      font-variant-numeric: tabular-nums;
      width: 100%;
    }
    table.data th,
    table.data td {
      padding: 0.15rem 0.5rem;
      border-bottom: 1px solid var(--_border);
      text-align: right;
    }
    table.data thead th {
      position: sticky;
      top: 0;
      background: var(--_bg);
      color: var(--_muted);
      font-weight: 500;
    }
    .empty {
      margin: 0;
      padding: 1rem 0;
    }
  `,
];

/**
 * Whether `el` sits inside an element that defines the private tokens (a page element): then it
 * takes the page's resolved colours instead of resolving its own theme (`data-inherit-theme`).
 */
export function inheritsTokens(el: Element): boolean {
  const root = el.getRootNode();
  const parent = el.parentElement ?? (root instanceof ShadowRoot ? root.host : null);
  return parent !== null && getComputedStyle(parent).getPropertyValue("--_fg").trim() !== "";
}
