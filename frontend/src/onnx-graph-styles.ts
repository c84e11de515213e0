/**
 * The styles of `<onnx-graph-view>`: toolbar, the pannable drawing (boxes coloured by family,
 * frames of open groups, edges with shape labels), the status line and the details panel.
 */
import { css } from "lit";

export const onnxGraphStyles = css`
  :host {
    font-size: 0.875rem;
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.35rem 0.5rem;
    margin-bottom: 0.4rem;
  }
  .toolbar input {
    font: inherit;
    color: var(--_fg);
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.15rem 0.4rem;
    min-width: 10rem;
    flex: 1 1 12rem;
    max-width: 22rem;
  }
  .toolbar input:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }
  .toolbar .count {
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
    min-width: 5rem;
  }
  .toolbar .tools {
    display: flex;
    gap: 0.25rem;
    margin-left: auto;
  }
  .toolbar button {
    padding: 0.1rem 0.5rem;
  }
  .viewport {
    position: relative;
    height: 34rem;
    max-height: 75vh;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    overflow: hidden;
    touch-action: none;
    cursor: grab;
    user-select: none;
  }
  .viewport.dragging {
    cursor: grabbing;
  }
  svg {
    display: block;
    width: 100%;
    height: 100%;
    font-family: var(--_font);
    font-size: 12px;
  }
  .status {
    position: absolute;
    top: 0.4rem;
    left: 0.5rem;
    margin: 0;
    padding: 0.1rem 0.4rem;
    border-radius: var(--_radius);
    background: color-mix(in srgb, var(--_bg) 85%, transparent);
    color: var(--_muted);
    pointer-events: none;
  }
  .status.error {
    color: var(--_nonfinite);
  }
  .help {
    margin: 0.3rem 0 0;
    font-size: 0.8125rem;
  }
  .frame {
    fill: color-mix(in srgb, var(--_fg) 3%, transparent);
    stroke: var(--_border);
    stroke-width: 1;
  }
  .frame.odd {
    fill: color-mix(in srgb, var(--_accent) 4%, transparent);
  }
  .edge {
    fill: none;
    stroke: var(--_muted);
    stroke-width: 1.1;
    opacity: 0.65;
  }
  .edge.hot {
    stroke: var(--_accent);
    stroke-width: 2;
    opacity: 1;
  }
  .arrow {
    fill: var(--_muted);
  }
  .arrow.hot {
    fill: var(--_accent);
  }
  .elabel {
    fill: var(--_muted);
    font-size: 10px;
    text-anchor: middle;
    dominant-baseline: central;
    pointer-events: none;
    paint-order: stroke;
    stroke: var(--_bg);
    stroke-width: 3px;
    stroke-linejoin: round;
  }
  .box {
    cursor: pointer;
    outline: none;
  }
  .box .shape {
    fill: color-mix(in srgb, var(--c) 14%, var(--_bg));
    stroke: var(--c);
    stroke-width: 1.25;
  }
  .box.group .shape {
    stroke-width: 1.75;
  }
  .box.group .stack {
    fill: color-mix(in srgb, var(--c) 8%, var(--_bg));
    stroke: var(--c);
    stroke-width: 1;
    opacity: 0.8;
  }
  .box.value .shape {
    fill: var(--_bg);
    stroke: var(--_muted);
    stroke-dasharray: 4 3;
  }
  .box:hover .shape {
    fill: color-mix(in srgb, var(--c) 26%, var(--_bg));
  }
  .box[aria-pressed="true"] .shape {
    stroke: var(--_accent);
    stroke-width: 3;
  }
  .box.hit .shape {
    fill: color-mix(in srgb, var(--_accent) 28%, var(--_bg));
  }
  .box.holds .shape {
    stroke-dasharray: 5 2;
    stroke: var(--_accent);
  }
  .box.current .ring {
    stroke: var(--_accent);
    stroke-width: 2.5;
  }
  .box .ring {
    fill: none;
    stroke: none;
  }
  .box:focus-visible .ring {
    stroke: var(--_accent);
    stroke-width: 2;
    stroke-dasharray: 3 2;
  }
  .box text {
    fill: var(--_fg);
    pointer-events: none;
    dominant-baseline: central;
  }
  .box text.center {
    text-anchor: middle;
  }
  .box text.title {
    font-weight: 600;
  }
  .box text.sub {
    fill: var(--_muted);
    font-size: 11px;
  }
  .box text.toggle {
    fill: var(--_accent);
    font-size: 14px;
    font-weight: 700;
    text-anchor: middle;
  }
  .box .toggle-hit {
    fill: transparent;
    pointer-events: all;
  }
  .header .hitbar {
    fill: transparent;
  }
  .header:hover .hitbar {
    fill: color-mix(in srgb, var(--_accent) 10%, transparent);
  }
  .header[aria-pressed="true"] .hitbar {
    fill: color-mix(in srgb, var(--_accent) 16%, transparent);
  }
  .header text {
    font-size: 11px;
    font-weight: 600;
  }
  .fam-value {
    --c: var(--_muted);
  }
  .panel {
    margin-top: 0.6rem;
  }
  .panel h3 {
    font-size: 0.9rem;
    font-weight: 600;
    margin: 0.5rem 0 0.25rem;
  }
  .panel .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.4rem;
    margin: 0.3rem 0;
  }
  .panel p {
    margin: 0.25rem 0;
  }
  .panel table.info th {
    width: 40%;
  }
  .mono {
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    font-size: 0.8125rem;
  }
`;
