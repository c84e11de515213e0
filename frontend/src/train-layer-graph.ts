/**
 * `<train-layer-graph>`: the model's layer DAG as SVG, flowing top to bottom, each layer a
 * focusable button (docs/web-components.md); or, given the session's ONNX graph (`onnx`), that
 * graph grouped into the model's modules, drawn by `<onnx-graph-view>` from the chunk
 * `fitscope-onnx.js` (loaded the first time one is shown; docs/web-components.md, "The ONNX
 * graph").
 */
import { css, html, nothing, svg, type PropertyValues } from "lit";

import { BlockElement } from "./block-element.js";
import type { OnnxView } from "./api-types.js";
import { define } from "./define.js";
import { t } from "./i18n/index.js";
import { layoutDag, type DagLayout, type LayoutEdge, type LayoutNode } from "./lib/dag-layout.js";
import { FSI, isolate, PDI } from "./lib/format.js";
import { familyStyles, layerFamily, type LayerFamily } from "./lib/graph-family.js";
import { blockThemeStyles } from "./theme.js";

/** A layer as `GET /api/v1/graph` lists it (other fields are ignored). */
export interface GraphLayer {
  name: string;
  type: string;
  num_params?: number | null;
  /** the layers feeding this one; empty when the model input feeds it */
  inputs: string[];
}

/** An edge of the layer graph, by layer name. */
export interface GraphEdge {
  source: string;
  target: string;
}

/** `detail` of `train-layer-select`. */
export interface LayerSelectDetail {
  layer: string;
}

export { layerFamily, type LayerFamily } from "./lib/graph-family.js";

/** The ONNX graph view's chunk, a file beside the core bundle (server/static/). */
export const ONNX_CHUNK = "fitscope-onnx.js";

let onnxLoading: Promise<void> | null = null;

/**
 * Loads the ONNX graph view's chunk once (it defines `<onnx-graph-view>`); a failed load is
 * forgotten, so a later call tries again. As `loadProjector` (embedding-projector.ts): a
 * computed URL the bundler leaves alone, resolved against this module's own address, so a page
 * of another origin that loads the bundle from the server loads the chunk from there too.
 */
export function loadOnnxView(): Promise<void> {
  const url = new URL(ONNX_CHUNK, import.meta.url).href;
  onnxLoading ??= import(/* @vite-ignore */ url).then(
    () => undefined,
    (err: unknown) => {
      onnxLoading = null;
      throw err;
    },
  );
  return onnxLoading;
}

/** Ids of the virtual input nodes; NUL keeps them apart from any layer name. */
const INPUT_ID = "\u0000input";
const inputIdFor = (name: string): string => `\u0000input:${name}`;

const NODE_HEIGHT = 40;
const CHAR_PX = 7;
const MAX_CHARS = 30;
const MIN_NODE_WIDTH = 96;

/** `text` cut to MAX_CHARS; a cut isolate (see lib/format.ts `isolate`) is closed again. */
function clip(text: string): string {
  if (text.length <= MAX_CHARS) return text;
  const cut = `${text.slice(0, MAX_CHARS - 1)}…`;
  return text.includes(FSI) ? `${cut}${PDI}` : cut;
}

interface GraphNode {
  id: string;
  /** the layer's name, or null for a virtual input */
  layer: string | null;
  lines: [string, string | null];
  title: string;
  family: LayerFamily | "input";
}

/**
 * The layer graph: one node per layer, labelled with its type and (name), coloured by type
 * family (linear, conv, norm, activation, pool, other); layers fed by the model input hang
 * under a virtual "Input" node. Nodes are buttons in topological order: click, Enter or Space
 * selects one, ↑/↓ (and ←/→) move the focus, Home/End jump to the first/last layer.
 *
 * Test hooks: `data-nodes`, the number of nodes drawn (layers plus virtual input nodes);
 * `data-view`, `layers` or `onnx` (then `<onnx-graph-view>` in the shadow root has its own).
 *
 * With `onnx` set, the ONNX view replaces the layer DAG: `selected` passes to it (it selects
 * the layer's group), and a box the user selects sets `selected` to the layer around it.
 *
 * @fires train-layer-select - `{layer}` when the user selects a layer (in the ONNX view: a box inside one)
 * @fires train-error - the ONNX view's chunk could not be loaded; detail {status, code, message}
 * @csspart graph - the scrollable container of the drawing
 * @cssprop --train-series-1 - ... `--train-series-6`: node colours by type family
 * @cssprop --train-accent - the selected node's outline and its edges, focus ring
 * @cssprop --train-muted - edges
 */
export class TrainLayerGraph extends BlockElement {
  static override properties = {
    ...BlockElement.properties,
    layers: { attribute: false },
    edges: { attribute: false },
    onnx: { attribute: false },
    selected: { type: String, reflect: true },
    onnxState: { state: true },
  };

  static override styles = [
    ...blockThemeStyles,
    familyStyles,
    css`
      /* As tall as the layout, so every layer shows (the page scrolls); as wide as the card,
         scrolling sideways when the graph is wider. */
      .graph {
        overflow-x: auto;
        overflow-y: hidden;
      }
      svg {
        display: block;
        margin: 0 auto;
        font-family: var(--_font);
        font-size: 12px;
      }
      .edge {
        fill: none;
        stroke: var(--_muted);
        stroke-width: 1.25;
        opacity: 0.7;
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
      .node {
        cursor: pointer;
        outline: none;
      }
      .node.input {
        cursor: default;
      }
      .node .box {
        fill: color-mix(in srgb, var(--c) 16%, var(--_bg));
        stroke: var(--c);
        stroke-width: 1.25;
      }
      .node.input .box {
        fill: var(--_bg);
        stroke: var(--_muted);
        stroke-dasharray: 4 3;
      }
      .node:hover .box {
        fill: color-mix(in srgb, var(--c) 28%, var(--_bg));
      }
      .node.input:hover .box {
        fill: var(--_bg);
      }
      .node[aria-pressed="true"] .box {
        stroke: var(--_accent);
        stroke-width: 3;
      }
      .node .ring {
        fill: none;
        stroke: none;
      }
      .node:focus-visible .ring {
        stroke: var(--_accent);
        stroke-width: 2;
        stroke-dasharray: 3 2;
      }
      .node text {
        fill: var(--_fg);
        text-anchor: middle;
        dominant-baseline: central;
        pointer-events: none;
      }
      .node text.name {
        fill: var(--_muted);
      }
      .fam-input {
        --c: var(--_muted);
      }
    `,
  ];

  /** The layers, in the model's order. */
  declare layers: GraphLayer[];
  /** Edges between layers (added to the ones each layer's `inputs` implies). */
  declare edges: GraphEdge[];
  /** The session's ONNX graph (`GET /api/v1/graph`'s `onnx`): shown instead of the layers. */
  declare onnx: OnnxView | null;
  /** The selected layer's name. */
  declare selected: string | undefined;
  /** The ONNX view's chunk: loading, loaded, or why it failed. */
  declare onnxState: "loading" | "ready" | { error: string };

  private nodes = new Map<string, GraphNode>();
  private layout: DagLayout = { nodes: [], edges: [], width: 0, height: 0 };

  constructor() {
    super();
    this.layers = [];
    this.edges = [];
    this.onnx = null;
    this.onnxState = "loading";
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const map = changed as Map<PropertyKey, unknown>;
    if (map.has("layers") || map.has("edges") || map.has("lang")) this.buildGraph();
    if (map.has("onnx") && this.hasOnnx && this.onnxState !== "ready") this.loadOnnx();
  }

  private get hasOnnx(): boolean {
    return this.onnx !== null && typeof this.onnx === "object";
  }

  private loadOnnx(): void {
    this.onnxState = "loading";
    loadOnnxView().then(
      () => {
        this.onnxState = "ready";
      },
      (err: unknown) => {
        this.onnxState = { error: String(err) };
        this.dispatchEvent(
          new CustomEvent("train-error", {
            bubbles: true,
            composed: true,
            detail: { status: 0, code: "chunk_error", message: String(err) },
          }),
        );
      },
    );
  }

  protected override updated(changed: PropertyValues<this>): void {
    this.dataset.nodes = String(this.layout.nodes.length);
    this.dataset.view = this.hasOnnx ? "onnx" : "layers";
    if ((changed as Map<PropertyKey, unknown>).has("selected")) this.revealSelected();
  }

  /** Nodes, edges and their layout from `layers` and `edges`. */
  private buildGraph(): void {
    const lang = this.language;
    const layers = Array.isArray(this.layers) ? this.layers : [];
    const names = new Set(layers.map((l) => l.name));
    const nodes = new Map<string, GraphNode>();
    const edgeList: LayoutEdge[] = [];
    const hasIncoming = new Set<string>();
    const addEdge = (source: string, target: string): void => {
      if (!names.has(target)) return;
      let from = source;
      if (!names.has(source)) {
        from = inputIdFor(source);
        if (!nodes.has(from)) {
          nodes.set(from, {
            id: from,
            layer: null,
            lines: [t(lang, "model.input"), `(${isolate(source)})`],
            title: `${t(lang, "model.input")} (${isolate(source)})`,
            family: "input",
          });
        }
      }
      edgeList.push({ source: from, target });
      hasIncoming.add(target);
    };
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- a page script may pass layers without `inputs`, like the Array.isArray guards here.
    for (const l of layers) for (const i of l.inputs ?? []) addEdge(i, l.name);
    for (const e of Array.isArray(this.edges) ? this.edges : []) addEdge(e.source, e.target);

    const fedByInput = layers.filter((l) => !hasIncoming.has(l.name));
    const ordered = new Map<string, GraphNode>();
    if (fedByInput.length > 0) {
      ordered.set(INPUT_ID, {
        id: INPUT_ID,
        layer: null,
        lines: [t(lang, "model.input"), null],
        title: t(lang, "model.input"),
        family: "input",
      });
      for (const l of fedByInput) edgeList.push({ source: INPUT_ID, target: l.name });
    }
    for (const [id, node] of nodes) ordered.set(id, node);
    const paramsLabel = t(lang, "model.info.params");
    for (const l of layers) {
      if (ordered.has(l.name)) continue;
      const params =
        typeof l.num_params === "number"
          ? `\n${paramsLabel}: ${l.num_params.toLocaleString("en-US")}`
          : "";
      ordered.set(l.name, {
        id: l.name,
        layer: l.name,
        lines: [l.type, `(${isolate(l.name)})`],
        title: `${l.type} (${isolate(l.name)})${params}`,
        family: layerFamily(l.type),
      });
    }
    this.nodes = ordered;
    const boxes: LayoutNode[] = [...ordered.values()].map((n) => {
      const chars = Math.max(clip(n.lines[0]).length, clip(n.lines[1] ?? "").length);
      return {
        id: n.id,
        width: Math.max(MIN_NODE_WIDTH, chars * CHAR_PX + 20),
        height: NODE_HEIGHT,
      };
    });
    this.layout = layoutDag(boxes, edgeList);
  }

  private select(layer: string): void {
    this.selected = layer;
    this.dispatchEvent(
      new CustomEvent<LayerSelectDetail>("train-layer-select", {
        bubbles: true,
        composed: true,
        detail: { layer },
      }),
    );
  }

  private focusable(): SVGGElement[] {
    return [...this.renderRoot.querySelectorAll<SVGGElement>("g.node[tabindex]")];
  }

  private onKeyDown(e: KeyboardEvent, node: GraphNode): void {
    if (e.key === "Enter" || e.key === " ") {
      e.preventDefault();
      if (node.layer !== null) this.select(node.layer);
      return;
    }
    const all = this.focusable();
    const here = all.indexOf(e.currentTarget as SVGGElement);
    let next: number;
    switch (e.key) {
      case "ArrowDown":
      case "ArrowRight":
        next = here + 1;
        break;
      case "ArrowUp":
      case "ArrowLeft":
        next = here - 1;
        break;
      case "Home":
        next = 0;
        break;
      case "End":
        next = all.length - 1;
        break;
      default:
        return;
    }
    e.preventDefault();
    all[Math.max(0, Math.min(all.length - 1, next))]?.focus();
  }

  /** Scrolls the container (not the page) so the selected node is in view. */
  private revealSelected(): void {
    const box = this.layout.nodes.find(
      (n) => n.id === this.selected && this.nodes.get(n.id)?.layer !== null,
    );
    const container = this.renderRoot.querySelector<HTMLElement>(".graph");
    const svgEl = container?.querySelector("svg");
    if (box === undefined || container === null || svgEl === null || svgEl === undefined) return;
    const offset =
      svgEl.getBoundingClientRect().top -
      container.getBoundingClientRect().top +
      container.scrollTop;
    const top = offset + box.y;
    const bottom = top + box.height;
    if (top < container.scrollTop) container.scrollTop = Math.max(0, top - 8);
    else if (bottom > container.scrollTop + container.clientHeight) {
      container.scrollTop = bottom - container.clientHeight + 8;
    }
  }

  private renderNode(id: string, x: number, y: number, w: number, h: number) {
    const node = this.nodes.get(id);
    if (node === undefined) return nothing;
    const cx = w / 2;
    const [first, second] = node.lines;
    const texts =
      second === null
        ? svg`<text x=${cx} y=${h / 2}>${clip(first)}</text>`
        : svg`<text x=${cx} y=${h / 2 - 8}>${clip(first)}</text><text class="name" x=${cx} y=${h / 2 + 8}>${clip(second)}</text>`;
    const shapes = svg`<rect class="ring" x="-4" y="-4" width=${w + 8} height=${h + 8} rx="9"></rect>
      <rect class="box" width=${w} height=${h} rx="6"></rect>${texts}`;
    if (node.layer === null) {
      return svg`<g class="node input fam-input" transform="translate(${x},${y})" data-input="">
        <title>${node.title}</title>${shapes}</g>`;
    }
    const layer = node.layer;
    return svg`<g
      class="node fam-${node.family}"
      transform="translate(${x},${y})"
      tabindex="0"
      role="button"
      data-layer=${layer}
      aria-label=${`${node.lines[0]} ${node.lines[1] ?? ""}`}
      aria-pressed=${this.selected === layer ? "true" : "false"}
      @click=${(e: Event) => {
        (e.currentTarget as SVGGElement).focus();
        this.select(layer);
      }}
      @keydown=${(e: KeyboardEvent) => this.onKeyDown(e, node)}
    ><title>${node.title}</title>${shapes}</g>`;
  }

  private renderOnnx() {
    const lang = this.language;
    const state = this.onnxState;
    if (typeof state === "object") {
      return html`<p class="error" role="alert">
        ${t(lang, "app.error", { message: state.error })}
      </p>`;
    }
    // Until the chunk defines it, the view is an unknown element showing its text.
    return html`<onnx-graph-view
      lang=${this.lang || nothing}
      theme=${this.theme || nothing}
      label=${this.label || nothing}
      selected-layer=${this.selected ?? nothing}
      .view=${this.onnx}
      @train-layer-select=${(e: CustomEvent<LayerSelectDetail>) => {
        this.selected = e.detail.layer;
      }}
      >${state === "loading" ? t(lang, "app.loading") : nothing}</onnx-graph-view
    >`;
  }

  protected override render() {
    if (this.hasOnnx) return this.renderOnnx();
    const lang = this.language;
    const { nodes, edges, width, height } = this.layout;
    if (nodes.length === 0) return html`<p class="muted empty">${t(lang, "chart.no_data")}</p>`;
    const sel = this.selected;
    const hot = (e: LayoutEdge): boolean =>
      sel !== undefined && (e.source === sel || e.target === sel);
    return html`<div part="graph" class="graph">
      <svg
        width=${width}
        height=${height}
        viewBox="0 0 ${width} ${height}"
        role="group"
        aria-label=${this.label || t(lang, "model.graph")}
      >
        <defs>
          <marker
            id="arrow"
            viewBox="0 0 10 10"
            refX="9"
            refY="5"
            markerWidth="7"
            markerHeight="7"
            orient="auto"
          >
            <path class="arrow" d="M0,0 L10,5 L0,10 z"></path>
          </marker>
          <marker
            id="arrow-hot"
            viewBox="0 0 10 10"
            refX="9"
            refY="5"
            markerWidth="7"
            markerHeight="7"
            orient="auto"
          >
            <path class="arrow hot" d="M0,0 L10,5 L0,10 z"></path>
          </marker>
        </defs>
        <g aria-hidden="true">
          ${edges.map(
            (e) =>
              svg`<path class=${hot(e) ? "edge hot" : "edge"} d=${e.path} marker-end=${hot(e) ? "url(#arrow-hot)" : "url(#arrow)"}></path>`,
          )}
        </g>
        ${nodes.map((n) => this.renderNode(n.id, n.x, n.y, n.width, n.height))}
      </svg>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "train-layer-graph": TrainLayerGraph;
  }
  interface HTMLElementEventMap {
    "train-layer-select": CustomEvent<LayerSelectDetail>;
  }
}

define("train-layer-graph", TrainLayerGraph);
