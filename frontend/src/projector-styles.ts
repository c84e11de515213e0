/**
 * The styles of `<embedding-projector-view>`: the shared theme, the extra category colour
 * tokens (`--_cat-13` ... `--_cat-20`, per theme: lib/projector-colors.ts), and its layout (the
 * map beside a column of panels, one column below 900 px).
 */
import { css, unsafeCSS } from "lit";
import { EXTRA_CATEGORY_COLORS } from "./lib/projector-colors.js";
import { SERIES_COUNT, themeStyles } from "./theme.js";

const catTokens = (colors: readonly string[]) =>
  unsafeCSS(colors.map((c, i) => `--_cat-${i + SERIES_COUNT + 1}: ${c};`).join("\n"));

export const projectorStyles = [
  themeStyles,
  css`
    :host {
      ${catTokens(EXTRA_CATEGORY_COLORS.light)}
      font-size: 0.875rem;
    }
    :host([theme="dark"]) {
      ${catTokens(EXTRA_CATEGORY_COLORS.dark)}
    }
    @media (prefers-color-scheme: dark) {
      :host(:not([theme="light"])) {
        ${catTokens(EXTRA_CATEGORY_COLORS.dark)}
      }
    }
    .toolbar,
    .tools,
    .row {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.4rem 0.9rem;
    }
    .toolbar {
      margin-bottom: 0.5rem;
    }
    label {
      display: inline-flex;
      align-items: center;
      gap: 0.3rem;
      color: var(--_muted);
    }
    select,
    input {
      font: inherit;
      color: var(--_fg);
      background: var(--_bg);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      padding: 0.15rem 0.3rem;
      max-width: 20rem;
    }
    input:focus-visible,
    summary:focus-visible {
      outline: 2px solid var(--_accent);
      outline-offset: 2px;
    }
    p {
      margin: 0.25rem 0;
    }
    .main {
      display: grid;
      grid-template-columns: minmax(0, 1fr) 20rem;
      gap: 0.75rem;
      margin-top: 0.5rem;
    }
    @media (max-width: 900px) {
      .main {
        grid-template-columns: minmax(0, 1fr);
      }
    }
    .plot {
      position: relative;
      height: 34rem;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      overflow: hidden;
    }
    .plot canvas {
      display: block;
      width: 100%;
      height: 100%;
    }
    .plot .nogl {
      padding: 1rem;
    }
    .tooltip {
      position: absolute;
      pointer-events: none;
      transform: translate(-50%, calc(-100% - 8px));
      background: var(--_bg);
      color: var(--_fg);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      padding: 0.1rem 0.4rem;
      white-space: nowrap;
      max-width: 20rem;
      overflow: hidden;
      text-overflow: ellipsis;
    }
    .tools {
      margin-top: 0.4rem;
    }
    .hint {
      font-size: 0.8rem;
    }
    aside {
      display: flex;
      flex-direction: column;
      gap: 0.75rem;
      min-width: 0;
    }
    h2 {
      font-size: 0.9rem;
    }
    ul,
    ol {
      margin: 0.25rem 0;
      padding: 0;
      list-style: none;
      max-height: 16rem;
      overflow: auto;
    }
    [role="listbox"] li {
      padding: 0.1rem 0.4rem;
      border-radius: var(--_radius);
      cursor: pointer;
    }
    [role="listbox"] li[aria-selected="true"] {
      background: color-mix(in srgb, var(--_accent) 18%, transparent);
      color: var(--_accent);
    }
    [role="listbox"]:focus-visible {
      outline: 2px solid var(--_accent);
    }
    li button {
      border: none;
      width: 100%;
      text-align: left;
      display: flex;
      justify-content: space-between;
      gap: 0.5rem;
      padding: 0.1rem 0.4rem;
    }
    li button:hover {
      background: color-mix(in srgb, var(--_accent) 10%, transparent);
    }
    .num {
      font-variant-numeric: tabular-nums;
      color: var(--_muted);
    }
    .swatch {
      display: inline-block;
      flex: none;
      width: 0.75rem;
      height: 0.75rem;
      border-radius: 50%;
      margin-right: 0.35rem;
      vertical-align: -0.1rem;
    }
    .legend li {
      display: flex;
      justify-content: space-between;
      gap: 0.5rem;
    }
    .ends {
      display: flex;
      justify-content: space-between;
    }
    .ramp {
      height: 0.75rem;
      border-radius: var(--_radius);
    }
    .progress {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.4rem 0.9rem;
      margin: 0.25rem 0;
    }
    .progress progress {
      width: 12rem;
    }
    .nonfinite {
      color: var(--_nonfinite);
    }
    details {
      margin-top: 0.75rem;
    }
    summary {
      cursor: pointer;
      font-weight: 600;
    }
    form {
      display: flex;
      flex-wrap: wrap;
      align-items: end;
      gap: 0.5rem 0.9rem;
      margin-top: 0.5rem;
    }
    form label {
      flex-direction: column;
      align-items: start;
    }
    button:disabled {
      opacity: 0.55;
      cursor: default;
    }
  `,
];
