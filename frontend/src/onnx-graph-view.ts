/**
 * `<onnx-graph-view>`: a session's ONNX graph, grouped into the model's modules
 * (docs/web-components.md, "The ONNX graph"). The entry of the chunk `fitscope-onnx.js`, which
 * `<train-layer-graph>` loads the first time it is given an ONNX graph.
 *
 * Groups (modules) open and close; a graph of more than 200 nodes opens collapsed to its
 * top-level groups. Edges join the boxes shown, lifted from the nodes inside closed groups, and
 * carry their value's shape. Search (name or op type) opens the groups around the matches and
 * marks them; Enter walks them. The drawing pans (drag) and zooms (wheel): both change one
 * transform, never the layout. The layout (dagre) runs in a Web Worker
 * (src/graph-layout-client.ts), once per set of open groups, over the boxes shown only.
 *
 * Boxes are buttons (`role="button"`, one in the tab order at a time): the arrow keys move to
 * the nearest box that way, Home / End to the first / last, Enter or Space opens a closed group
 * (and selects it), closes an open group's header, or selects a node; Escape closes the group
 * around the focused box. Clicking a box selects it, its +/− (or a double click) opens or closes
 * a group.
 *
 * Selecting a box fires `train-layer-select` with the nearest group around it (itself for a
 * group) that is a fitscope layer, so `<train-model>` shows that layer's charts; the panel under
 * the drawing shows the box's details (src/onnx-graph-panel.ts).
 *
 * Hooks for tests: `data-state` (`loading`, `ready`, `layout` while a new layout is computed,
 * `error`), `data-boxes` and `data-clusters` (drawn), `data-edges`, `data-selected` (a box key:
 * `n:` node, `g:` group, `i:` input, `o:` output), `data-matches`, `data-layout-mode` (`worker`
 * or `page`), `data-layout-ms` (dagre's time), `data-first-view-ms` (from the graph's arrival
 * to its first drawing), `data-drawn-ms` (the page's clock at the first drawing),
 * `data-view-ms` (from the latest open / close / search to its drawing), `data-layouts` (layouts
 * drawn so far: the figures above are the latest one's once it grows). Each box:
 * `data-key`, `data-kind` (`node`, `group`, `header` for an open group's header, `input`,
 * `output`), `data-id`.
 *
 * @fires train-layer-select - `{layer}` when the user selects a box inside a fitscope layer
 * @csspart toolbar - search box, match count and zoom buttons
 * @csspart search - the search box
 * @csspart graph - the pannable drawing
 * @csspart status - "Laying out…", or why the layout failed
 * @csspart panel - the selected box's details
 * @csspart table - the panel's tables
 */
import { html, nothing, type PropertyValues } from "lit";
import type { OnnxView } from "./api-types.js";
import { BlockElement } from "./block-element.js";
import { define } from "./define.js";
import { GRAPH_WORKER, GraphLayoutClient } from "./graph-layout-client.js";
import { to } from "./i18n/onnx.js";
import type { LayoutResult } from "./lib/graph-layout.js";
import { arrowDirection, nearestInDirection } from "./lib/graph-nav.js";
import {
  centreOn,
  fitTransform,
  inView,
  keepAt,
  onScreen,
  transformAttribute,
  zoomAt,
  type Transform,
} from "./lib/graph-viewport.js";
import {
  boxFace,
  HEADER_HEIGHT,
  linkLabel,
  type BoxFace,
  type BoxWords,
} from "./lib/onnx-boxes.js";
import { revealGroups, searchOnnx, stepMatch } from "./lib/onnx-search.js";
import {
  ancestorsOf,
  boxKey,
  groupOfLayer,
  indexOnnx,
  initialExpanded,
  isExpandable,
  layerOf,
  parseBoxKey,
  visibleGraph,
  visibleKeyOf,
  type OnnxIndex,
  type VisibleGraph,
} from "./lib/onnx-view.js";
import { arrowMarkers, renderScene, type Shown } from "./onnx-graph-drawing.js";
import { renderPanel } from "./onnx-graph-panel.js";
import { onnxGraphStyles } from "./onnx-graph-styles.js";
import { familyStyles } from "./lib/graph-family.js";
import { blockThemeStyles } from "./theme.js";

/** `detail` of `train-layer-select`. */
interface LayerSelectDetail {
  layer: string;
}

const DRAG_PX = 4;

/** `<onnx-graph-view>`: see the module documentation. */
export class OnnxGraphView extends BlockElement {
  static override properties = {
    ...BlockElement.properties,
    view: { attribute: false },
    selectedLayer: { type: String, attribute: "selected-layer" },
  };

  static override styles = [...blockThemeStyles, familyStyles, onnxGraphStyles];

  /** The `onnx` member of `GET /api/v1/graph`. */
  declare view: OnnxView | null;
  /** The fitscope layer selected on the page; the view selects its group. */
  declare selectedLayer: string | undefined;

  private index: OnnxIndex | null = null;
  /** groups the user opened */
  private expanded = new Set<string>();
  /** groups the search opened */
  private revealed = new Set<string>();
  private shown: Shown | null = null;
  private state: "loading" | "ready" | "layout" | "error" = "loading";
  private error = "";
  private selected: string | null = null;
  private focusKey: string | null = null;
  private query = "";
  private hits: string[] = [];
  private hit = -1;
  private client: GraphLayoutClient | null = null;
  /** the layer this view last announced, so the page echoing it back selects nothing new */
  private announced: string | null = null;

  /** the pan and zoom (lib/graph-viewport.ts) */
  private t: Transform = { x: 0, y: 0, k: 1 };
  private frame = 0;
  private drag: {
    id: number;
    x: number;
    y: number;
    from: Transform;
    moved: boolean;
  } | null = null;
  private suppressClick = false;

  /** what the next layout does to the transform */
  private next: {
    fit: boolean;
    anchor: { key: string; sx: number; sy: number } | null;
    center: string | null;
  } = {
    fit: true,
    anchor: null,
    center: null,
  };
  private focusAfter: string | null = null;
  private viewAt = 0;
  private actionAt = 0;
  private firstDrawn = false;
  private drawnLayouts = 0;

  constructor() {
    super();
    this.view = null;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.client?.dispose();
    this.client = null;
    cancelAnimationFrame(this.frame);
  }

  /** the viewport that has the wheel listener */
  private wheelOn: Element | null = null;

  protected override willUpdate(changed: PropertyValues<this>): void {
    const map = changed as Map<PropertyKey, unknown>;
    if (map.has("view") && !this.sameGraph()) this.reset();
    else if (map.has("selectedLayer")) this.followLayer();
  }

  /**
   * Whether `view` is the graph already shown, fetched again (a live StaticInfo event makes the
   * page fetch it anew): then what the user opened, selected and searched stays.
   */
  private sameGraph(): boolean {
    const old = this.index?.view;
    const view = this.view;
    if (old === undefined || view === null || typeof view !== "object") return false;
    if (old === view) return true;
    const same =
      old.source === view.source &&
      old.num_nodes === view.num_nodes &&
      old.groups.length === view.groups.length &&
      old.edges.length === view.edges.length &&
      old.nodes.every((n, i) => n.id === view.nodes[i]?.id && n.group === view.nodes[i].group) &&
      old.groups.every((g, i) => g.id === view.groups[i]?.id && g.layer === view.groups[i].layer);
    if (same) this.index = indexOnnx(view);
    return same;
  }

  protected override updated(): void {
    const d = this.dataset;
    d.state = this.state;
    d.boxes = String(this.shown?.visible.boxes.length ?? 0);
    d.clusters = String(this.shown?.visible.clusters.length ?? 0);
    d.edges = String(this.shown?.result.links.length ?? 0);
    d.matches = String(this.hits.length);
    if (this.selected === null) delete d.selected;
    else d.selected = this.selected;
    if (this.client !== null) d.layoutMode = this.client.mode;
    const viewport = this.renderRoot.querySelector(".viewport");
    if (viewport !== null && viewport !== this.wheelOn) {
      // Not a Lit binding: a wheel listener must be non-passive to keep the page from scrolling.
      viewport.addEventListener("wheel", (e) => this.onWheel(e as WheelEvent), { passive: false });
      this.wheelOn = viewport;
    }
    this.applyTransform();
    if (this.state !== "ready" || this.shown === null || this.focusKey === null) return;
    // Boxes are drawn by position, not by key: after a new layout the focused element may draw
    // another box, so the focus follows the key.
    const active = (this.renderRoot as ShadowRoot).activeElement;
    const drifted = active instanceof SVGGElement && active.dataset.key !== this.focusKey;
    if (this.focusAfter !== null || drifted) {
      this.focusAfter = null;
      this.boxElement(this.focusKey)?.focus({ preventScroll: true });
    }
  }

  private get words(): BoxWords {
    const lang = this.language;
    return {
      nodes: (n) => (n === 1 ? to(lang, "onnx.nodes_one") : to(lang, "onnx.nodes", { count: n })),
      noName: to(lang, "onnx.no_name"),
    };
  }

  private get open(): Set<string> {
    return new Set([...this.expanded, ...this.revealed]);
  }

  // ------------------------------------------------------------------ state

  private reset(): void {
    const view = this.view;
    this.shown = null;
    this.selected = null;
    this.focusKey = null;
    this.query = "";
    this.hits = [];
    this.hit = -1;
    this.revealed = new Set();
    this.announced = null;
    this.firstDrawn = false;
    if (view === null || typeof view !== "object" || !Array.isArray(view.nodes)) {
      this.index = null;
      this.state = "ready";
      return;
    }
    this.viewAt = performance.now();
    this.index = indexOnnx(view);
    this.expanded = initialExpanded(this.index);
    this.next = { fit: true, anchor: null, center: null };
    if (this.selectedLayer !== undefined && this.selectedLayer !== "") this.followLayer(false);
    this.relayout();
  }

  /** Selects the group of `selectedLayer` (set by the page), unless the selection is inside it. */
  private followLayer(layout = true): void {
    const index = this.index;
    const layer = this.selectedLayer;
    if (index === null || layer === undefined || layer === "") return;
    if (layer === this.announced) return;
    if (this.selected !== null && layerOf(index, this.selected) === layer) return;
    const group = groupOfLayer(index, layer);
    if (group === null) return;
    const key = boxKey("group", group);
    this.selected = key;
    this.focusKey = key;
    for (const g of ancestorsOf(index, key)) this.expanded.add(g);
    this.next.center = key;
    if (layout) this.relayout();
  }

  private relayout(): void {
    const index = this.index;
    if (index === null) return;
    const open = this.open;
    const visible = visibleGraph(index, open);
    const faces = new Map<string, BoxFace>();
    const words = this.words;
    for (const b of visible.boxes) faces.set(b.key, boxFace(index, b, words));
    const labels = new Map<string, string>();
    const links = visible.edges.map((e) => {
      const label = linkLabel(index, e);
      if (label !== null) labels.set(`${e.source}\u0000${e.target}`, label.text);
      return {
        source: e.source,
        target: e.target,
        labelWidth: label?.width ?? 0,
        labelHeight: label?.height ?? 0,
      };
    });
    const boxes = visible.boxes.map((b) => {
      const f = faces.get(b.key) as BoxFace;
      return { id: b.key, width: f.width, height: f.height, parent: b.parent };
    });
    this.client ??= new GraphLayoutClient(new URL(GRAPH_WORKER, import.meta.url).href);
    if (this.shown !== null) this.state = "layout";
    this.requestUpdate();
    this.client
      .layout({
        boxes,
        clusters: visible.clusters,
        links,
        clusterHeader: HEADER_HEIGHT,
      })
      .then(
        (result) => {
          if (result === null || this.index !== index) return;
          this.show(visible, faces, labels, result);
        },
        (err: unknown) => {
          if (this.index !== index) return;
          this.state = "error";
          this.error = err instanceof Error ? err.message : String(err);
          this.requestUpdate();
        },
      );
  }

  private show(
    visible: VisibleGraph,
    faces: Map<string, BoxFace>,
    labels: Map<string, string>,
    result: LayoutResult,
  ): void {
    const rects = new Map(Object.entries(result.boxes));
    const frames = new Map(Object.entries(result.clusters));
    const nav = new Map(rects);
    for (const [id, r] of frames) {
      nav.set(boxKey("group", id), { x: r.x, y: r.y, width: r.width, height: HEADER_HEIGHT });
    }
    const index = this.index;
    const at = (k: string): number => index?.order.get(k) ?? -1;
    const order = [...nav.keys()].sort(
      (a, b) => at(a) - at(b) || (nav.get(a)?.y ?? 0) - (nav.get(b)?.y ?? 0),
    );
    this.shown = {
      visible,
      faces,
      boxes: new Map(visible.boxes.map((b) => [b.key, b])),
      rects,
      frames,
      labels,
      result,
      nav,
      order,
    };
    this.state = "ready";
    if (this.focusKey === null || !nav.has(this.focusKey)) {
      this.focusKey = this.focusKey === null ? (order[0] ?? null) : this.visibleKey(this.focusKey);
    }
    this.placeView();
    this.requestUpdate();
    void this.updateComplete.then(() => {
      requestAnimationFrame(() => {
        const now = performance.now();
        if (!this.firstDrawn) {
          this.firstDrawn = true;
          this.dataset.firstViewMs = String(Math.round(now - this.viewAt));
          this.dataset.drawnMs = String(Math.round(now));
        }
        if (this.actionAt > 0) this.dataset.viewMs = String(Math.round(now - this.actionAt));
        this.dataset.layoutMs = String(result.ms);
        this.dataset.layouts = String(++this.drawnLayouts);
      });
    });
  }

  /** The key of the box showing `key` now (itself, or the closed group around it). */
  private visibleKey(key: string): string {
    const index = this.index;
    if (index === null || this.shown === null) return key;
    const k = visibleKeyOf(index, this.open, key);
    return this.shown.nav.has(k) ? k : (this.shown.order[0] ?? k);
  }

  /** Sets the transform for a new layout: fit, keep the toggled box in place, or centre one. */
  private placeView(): void {
    const shown = this.shown;
    if (shown === null) return;
    const view = this.viewportSize();
    const next = this.next;
    this.next = { fit: false, anchor: null, center: null };
    if (next.fit) this.t = fitTransform(shown.result, view, true);
    const anchored = next.anchor === null ? undefined : shown.nav.get(next.anchor.key);
    if (next.anchor !== null && anchored !== undefined) {
      this.t = keepAt(this.t, anchored, { x: next.anchor.sx, y: next.anchor.sy });
    }
    if (next.center !== null) this.centerOn(next.center);
  }

  private centerOn(key: string): void {
    const r = this.shown?.nav.get(this.visibleKey(key));
    if (r !== undefined) this.t = centreOn(this.t, r, this.viewportSize());
  }

  /** Pans so that `key` is in view, when it is not. */
  private reveal(key: string): void {
    const r = this.shown?.nav.get(key);
    if (r === undefined || inView(this.t, r, this.viewportSize())) return;
    this.centerOn(key);
    this.scheduleTransform();
  }

  private viewportSize(): { width: number; height: number } {
    const el = this.renderRoot.querySelector<HTMLElement>(".viewport");
    return { width: el?.clientWidth || 600, height: el?.clientHeight || 500 };
  }

  // ------------------------------------------------------------------ actions

  private toggle(group: string, focus = true): void {
    const index = this.index;
    if (index === null || !isExpandable(index, group)) return;
    const key = boxKey("group", group);
    const r = this.shown?.nav.get(key);
    if (r !== undefined) {
      const at = onScreen(this.t, r);
      this.next.anchor = { key, sx: at.x, sy: at.y };
    }
    if (this.open.has(group)) {
      this.expanded.delete(group);
      this.revealed.delete(group);
      // closing a group closes what the search opened inside it
      for (const g of [...this.revealed])
        if (ancestorsOf(index, boxKey("group", g)).includes(group)) this.revealed.delete(g);
    } else {
      this.expanded.add(group);
    }
    this.focusKey = key;
    if (focus) this.focusAfter = key;
    this.actionAt = performance.now();
    this.relayout();
  }

  private select(key: string): void {
    const index = this.index;
    if (index === null) return;
    this.selected = key;
    this.focusKey = key;
    const layer = layerOf(index, key);
    this.requestUpdate();
    if (layer === null) return;
    this.announced = layer;
    this.dispatchEvent(
      new CustomEvent<LayerSelectDetail>("train-layer-select", {
        bubbles: true,
        composed: true,
        detail: { layer },
      }),
    );
  }

  private collapseAll(): void {
    const index = this.index;
    if (index === null) return;
    this.expanded = initialExpanded(index, 0);
    this.revealed = new Set();
    this.next.fit = true;
    this.actionAt = performance.now();
    this.relayout();
  }

  private zoomBy(f: number, px?: number, py?: number): void {
    const { width, height } = this.viewportSize();
    this.t = zoomAt(this.t, f, px ?? width / 2, py ?? height / 2);
    this.scheduleTransform();
  }

  private fitAll(): void {
    if (this.shown === null) return;
    this.t = fitTransform(this.shown.result, this.viewportSize());
    this.applyTransform();
  }

  private scheduleTransform(): void {
    cancelAnimationFrame(this.frame);
    this.frame = requestAnimationFrame(() => this.applyTransform());
  }

  private applyTransform(): void {
    this.renderRoot.querySelector(".scene")?.setAttribute("transform", transformAttribute(this.t));
  }

  // ------------------------------------------------------------------ search

  private onSearch(query: string): void {
    this.query = query;
    const index = this.index;
    if (index === null) return;
    this.hits = searchOnnx(index, query);
    this.hit = this.hits.length > 0 ? 0 : -1;
    this.revealed = revealGroups(index, this.expanded, this.hits, this.hit);
    const first = this.hits[0];
    this.next.center = first ?? null;
    this.actionAt = performance.now();
    this.relayout();
  }

  private onSearchKey(e: KeyboardEvent): void {
    if (e.key === "Enter") {
      e.preventDefault();
      const index = this.index;
      if (index === null || this.hits.length === 0) return;
      this.hit = stepMatch(this.hits.length, this.hit, e.shiftKey);
      const key = this.hits[this.hit] ?? null;
      if (key === null) return;
      const missing = ancestorsOf(index, key).filter((g) => !this.open.has(g));
      if (missing.length > 0) {
        for (const g of missing) this.revealed.add(g);
        this.next.center = key;
        this.actionAt = performance.now();
        this.relayout();
      } else {
        this.centerOn(key);
        this.requestUpdate();
      }
    } else if (e.key === "Escape" && this.query !== "") {
      e.preventDefault();
      (e.currentTarget as HTMLInputElement).value = "";
      this.onSearch("");
    }
  }

  // ------------------------------------------------------------------ pointer and keys

  private keyOf(e: Event): { key: string; el: SVGGElement } | null {
    for (const t of e.composedPath()) {
      if (t instanceof SVGGElement && t.dataset.key !== undefined)
        return { key: t.dataset.key, el: t };
      if (t === e.currentTarget) break;
    }
    return null;
  }

  private onClick(e: MouseEvent): void {
    if (this.suppressClick) {
      this.suppressClick = false;
      return;
    }
    const hit = this.keyOf(e);
    if (hit === null) return;
    hit.el.focus({ preventScroll: true });
    const { kind, id } = parseBoxKey(hit.key);
    const onToggle = e
      .composedPath()
      .some((t) => t instanceof SVGElement && t.classList.contains("toggle-hit"));
    if (kind === "group" && onToggle) this.toggle(id);
    else this.select(hit.key);
  }

  private onDblClick(e: MouseEvent): void {
    const hit = this.keyOf(e);
    if (hit === null) return;
    const { kind, id } = parseBoxKey(hit.key);
    if (kind === "group") this.toggle(id);
  }

  private onKeyDown(e: KeyboardEvent): void {
    const hit = this.keyOf(e);
    const shown = this.shown;
    const index = this.index;
    if (hit === null || shown === null || index === null) return;
    const { kind, id } = parseBoxKey(hit.key);
    const isHeader = hit.el.dataset.kind === "header";
    if (e.key === "Enter" || e.key === " ") {
      e.preventDefault();
      if (kind === "group" && (isHeader || isExpandable(index, id))) {
        if (!isHeader) this.select(hit.key);
        this.toggle(id);
      } else {
        this.select(hit.key);
      }
      return;
    }
    if (e.key === "Escape") {
      const around = isHeader ? id : (shown.boxes.get(hit.key)?.parent ?? null);
      if (around !== null) {
        e.preventDefault();
        this.toggle(around);
      }
      return;
    }
    const dir = arrowDirection(e.key);
    let target: string | null;
    if (dir !== null) target = nearestInDirection(shown.nav, hit.key, dir);
    else if (e.key === "Home") target = shown.order[0] ?? null;
    else if (e.key === "End") target = shown.order[shown.order.length - 1] ?? null;
    else return;
    e.preventDefault();
    if (target === null) return;
    this.focusKey = target;
    this.reveal(target);
    this.boxElement(target)?.focus({ preventScroll: true });
    this.requestUpdate();
  }

  private onPointerDown(e: PointerEvent): void {
    if (e.button !== 0) return;
    this.drag = {
      id: e.pointerId,
      x: e.clientX,
      y: e.clientY,
      from: this.t,
      moved: false,
    };
  }

  private onPointerMove(e: PointerEvent): void {
    const d = this.drag;
    if (d?.id !== e.pointerId) return;
    const dx = e.clientX - d.x;
    const dy = e.clientY - d.y;
    if (!d.moved && Math.hypot(dx, dy) < DRAG_PX) return;
    if (!d.moved) {
      d.moved = true;
      const el = e.currentTarget as HTMLElement;
      el.setPointerCapture(e.pointerId);
      el.classList.add("dragging");
    }
    this.t = { x: d.from.x + dx, y: d.from.y + dy, k: d.from.k };
    this.scheduleTransform();
  }

  private onPointerUp(e: PointerEvent): void {
    const d = this.drag;
    if (d?.id !== e.pointerId) return;
    this.drag = null;
    const el = e.currentTarget as HTMLElement;
    el.classList.remove("dragging");
    if (d.moved) {
      this.suppressClick = true;
      // a drag that ends outside the boxes fires no click: do not swallow the next one
      setTimeout(() => {
        this.suppressClick = false;
      }, 0);
    }
  }

  private onWheel(e: WheelEvent): void {
    e.preventDefault();
    const el = e.currentTarget as HTMLElement;
    const r = el.getBoundingClientRect();
    const delta = e.deltaMode === 1 ? e.deltaY * 16 : e.deltaY;
    this.zoomBy(Math.exp(-delta * 0.0015), e.clientX - r.left, e.clientY - r.top);
  }

  private boxElement(key: string): SVGGElement | null {
    for (const el of this.renderRoot.querySelectorAll<SVGGElement>("g[data-key]")) {
      if (el.dataset.key === key) return el;
    }
    return null;
  }

  // ------------------------------------------------------------------ rendering

  protected override render() {
    const lang = this.language;
    const index = this.index;
    if (index === null) return html`<p class="muted empty">${to(lang, "onnx.empty")}</p>`;
    const shown = this.shown;
    const count =
      this.query.trim() === ""
        ? ""
        : this.hits.length === 0
          ? to(lang, "onnx.search.none")
          : to(lang, "onnx.search.count", { index: this.hit + 1, count: this.hits.length });
    const status =
      this.state === "error"
        ? html`<p class="status error" part="status" role="alert">
            ${to(lang, "onnx.layout_failed", { message: this.error })}
          </p>`
        : this.state === "ready"
          ? nothing
          : html`<p class="status" part="status" role="status">${to(lang, "onnx.laying_out")}</p>`;
    return html`<div class="toolbar" part="toolbar">
        <input
          type="search"
          part="search"
          aria-label=${to(lang, "onnx.search")}
          placeholder=${to(lang, "onnx.search.placeholder")}
          .value=${this.query}
          @input=${(e: Event) => this.onSearch((e.target as HTMLInputElement).value)}
          @keydown=${(e: KeyboardEvent) => this.onSearchKey(e)}
        />
        <span class="count" aria-live="polite">${count}</span>
        <span class="tools">
          <button
            type="button"
            data-action="zoom-in"
            aria-label=${to(lang, "onnx.zoom_in")}
            title=${to(lang, "onnx.zoom_in")}
            @click=${() => this.zoomBy(1.25)}
          >
            +
          </button>
          <button
            type="button"
            data-action="zoom-out"
            aria-label=${to(lang, "onnx.zoom_out")}
            title=${to(lang, "onnx.zoom_out")}
            @click=${() => this.zoomBy(0.8)}
          >
            −
          </button>
          <button type="button" data-action="fit" @click=${() => this.fitAll()}>
            ${to(lang, "onnx.fit")}
          </button>
          <button type="button" data-action="collapse-all" @click=${() => this.collapseAll()}>
            ${to(lang, "onnx.collapse_all")}
          </button>
        </span>
      </div>
      <div
        class="viewport"
        part="graph"
        @pointerdown=${(e: PointerEvent) => this.onPointerDown(e)}
        @pointermove=${(e: PointerEvent) => this.onPointerMove(e)}
        @pointerup=${(e: PointerEvent) => this.onPointerUp(e)}
        @pointercancel=${(e: PointerEvent) => this.onPointerUp(e)}
      >
        <svg
          role="group"
          aria-label=${this.label || to(lang, "onnx.graph", { count: index.view.num_nodes })}
          @click=${(e: MouseEvent) => this.onClick(e)}
          @dblclick=${(e: MouseEvent) => this.onDblClick(e)}
          @keydown=${(e: KeyboardEvent) => this.onKeyDown(e)}
        >
          ${arrowMarkers()}
          ${
            shown === null
              ? nothing
              : renderScene({
                  index,
                  shown,
                  open: this.open,
                  hits: this.hits,
                  hit: this.hit,
                  selected: this.selected,
                  focusKey: this.focusKey,
                  lang,
                  words: this.words,
                })
          }
        </svg>
        ${status}
      </div>
      <p class="help muted">${to(lang, "onnx.help")}</p>
      <section class="panel" part="panel" aria-live="polite">
        ${renderPanel(index, this.selected, this.open, lang, {
          toggle: (g) => this.toggle(g, false),
          select: (key) => {
            this.select(key);
            for (const g of ancestorsOf(index, key)) this.expanded.add(g);
            this.next.center = key;
            this.relayout();
          },
        })}
      </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "onnx-graph-view": OnnxGraphView;
  }
}

define("onnx-graph-view", OnnxGraphView);
