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
 * `data-view-ms` (from the latest open / close / search to its drawing). Each box:
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
import { html, nothing, svg, type PropertyValues, type TemplateResult } from "lit";
import type { OnnxView } from "./api-types.js";
import { BlockElement } from "./block-element.js";
import { define } from "./define.js";
import { GRAPH_WORKER, GraphLayoutClient } from "./graph-layout-client.js";
import { to } from "./i18n/onnx.js";
import type { LayoutResult, Rect } from "./lib/graph-layout.js";
import { arrowDirection, nearestInDirection } from "./lib/graph-nav.js";
import { curvePath } from "./lib/graph-path.js";
import {
  boxFace,
  HEADER_HEIGHT,
  headerText,
  linkLabel,
  type BoxFace,
  type BoxWords,
} from "./lib/onnx-boxes.js";
import { groupsHoldingHits, revealGroups, searchOnnx, stepMatch } from "./lib/onnx-search.js";
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
  type VisibleBox,
  type VisibleGraph,
} from "./lib/onnx-view.js";
import { renderPanel } from "./onnx-graph-panel.js";
import { onnxGraphStyles } from "./onnx-graph-styles.js";
import { blockThemeStyles } from "./theme.js";

/** `detail` of `train-layer-select`. */
interface LayerSelectDetail {
  layer: string;
}

/** A laid-out view: what was asked for and where dagre put it. */
interface Shown {
  visible: VisibleGraph;
  faces: Map<string, BoxFace>;
  boxes: Map<string, VisibleBox>;
  rects: Map<string, Rect>;
  /** open groups' frames by group id */
  frames: Map<string, Rect>;
  /** edge labels by `source\0target` */
  labels: Map<string, string>;
  result: LayoutResult;
  /** the boxes arrows move between: boxes and open groups' headers, by key */
  nav: Map<string, Rect>;
  /** keys in reading order, for Home / End */
  order: string[];
}

const MIN_ZOOM = 0.05;
/** The smallest scale a first view shrinks the drawing to, to show all of it. */
const READABLE_ZOOM = 0.6;
const MAX_ZOOM = 3;
const DRAG_PX = 4;

/** `<onnx-graph-view>`: see the module documentation. */
export class OnnxGraphView extends BlockElement {
  static override properties = {
    ...BlockElement.properties,
    view: { attribute: false },
    selectedLayer: { type: String, attribute: "selected-layer" },
  };

  static override styles = [...blockThemeStyles, onnxGraphStyles];

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

  private tx = 0;
  private ty = 0;
  private k = 1;
  private frame = 0;
  private drag: {
    id: number;
    x: number;
    y: number;
    tx: number;
    ty: number;
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
    const { width: vw, height: vh } = this.viewportSize();
    const next = this.next;
    this.next = { fit: false, anchor: null, center: null };
    if (next.fit) this.fit(vw, vh, true);
    if (next.anchor !== null) {
      const r = shown.nav.get(next.anchor.key);
      if (r !== undefined) {
        this.tx = next.anchor.sx - r.x * this.k;
        this.ty = next.anchor.sy - r.y * this.k;
      }
    }
    if (next.center !== null) this.centerOn(next.center, vw, vh);
  }

  /**
   * Scales the drawing to the viewport (at most 1:1) and centres it. `widthOnly` (a graph's
   * first view): where the whole would be smaller than {@link READABLE_ZOOM}, fit the width
   * only and show the top, so that a tall graph starts readable rather than tiny; the Fit
   * button fits both.
   */
  private fit(
    vw = this.viewportSize().width,
    vh = this.viewportSize().height,
    widthOnly = false,
  ): void {
    const r = this.shown?.result;
    if (r === undefined) return;
    const byWidth = (vw - 16) / r.width;
    const byHeight = (vh - 16) / r.height;
    // a first view shrinks the drawing to fit only while it stays readable
    const fitsReadably = Math.min(1, byWidth, byHeight) >= READABLE_ZOOM;
    const k = Math.max(
      MIN_ZOOM,
      Math.min(1, byWidth, widthOnly && !fitsReadably ? Infinity : byHeight),
    );
    this.k = k;
    this.tx = (vw - r.width * k) / 2;
    this.ty = Math.max(8, (vh - r.height * k) / 2);
  }

  private centerOn(key: string, vw: number, vh: number): void {
    const r = this.shown?.nav.get(this.visibleKey(key));
    if (r === undefined) return;
    this.tx = vw / 2 - (r.x + r.width / 2) * this.k;
    this.ty = vh / 2 - (r.y + r.height / 2) * this.k;
  }

  /** Pans so that `key` is in view, when it is not. */
  private reveal(key: string): void {
    const r = this.shown?.nav.get(key);
    if (r === undefined) return;
    const { width: vw, height: vh } = this.viewportSize();
    const x0 = r.x * this.k + this.tx;
    const y0 = r.y * this.k + this.ty;
    const x1 = x0 + r.width * this.k;
    const y1 = y0 + r.height * this.k;
    if (x0 < 0 || y0 < 0 || x1 > vw || y1 > vh) {
      this.centerOn(key, vw, vh);
      this.scheduleTransform();
    }
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
      this.next.anchor = { key, sx: r.x * this.k + this.tx, sy: r.y * this.k + this.ty };
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
    const cx = px ?? width / 2;
    const cy = py ?? height / 2;
    const k = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, this.k * f));
    this.tx = cx - ((cx - this.tx) * k) / this.k;
    this.ty = cy - ((cy - this.ty) * k) / this.k;
    this.k = k;
    this.scheduleTransform();
  }

  private scheduleTransform(): void {
    cancelAnimationFrame(this.frame);
    this.frame = requestAnimationFrame(() => this.applyTransform());
  }

  private applyTransform(): void {
    this.renderRoot
      .querySelector(".scene")
      ?.setAttribute(
        "transform",
        `translate(${this.tx.toFixed(1)},${this.ty.toFixed(1)}) scale(${this.k.toFixed(4)})`,
      );
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
        const { width, height } = this.viewportSize();
        this.centerOn(key, width, height);
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
      tx: this.tx,
      ty: this.ty,
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
    this.tx = d.tx + dx;
    this.ty = d.ty + dy;
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

  private renderBox(
    box: VisibleBox,
    shown: Shown,
    hitSet: Set<string>,
    holds: Set<string>,
    current: string | null,
  ) {
    const r = shown.rects.get(box.key);
    const f = shown.faces.get(box.key);
    if (r === undefined || f === undefined) return nothing;
    const lang = this.language;
    const { width: w, height: h } = r;
    const cls = [
      "box",
      box.kind === "input" || box.kind === "output" ? "value" : box.kind,
      `fam-${f.family}`,
      hitSet.has(box.key) ? "hit" : "",
      holds.has(box.key) ? "holds" : "",
      current === box.key ? "current" : "",
    ].join(" ");
    const [first, second] = f.lines;
    let label: string;
    let body: TemplateResult;
    if (box.kind === "group") {
      const g = this.index?.groups.get(box.id);
      label = to(lang, "onnx.box.group", {
        name: g?.id ?? box.id,
        type: g?.type ?? to(lang, "onnx.kind.module"),
        nodes: this.words.nodes(g?.num_nodes ?? 0),
      });
      if (holds.has(box.key)) label += `, ${to(lang, "onnx.box.matches")}`;
      const expandable = this.index !== null && isExpandable(this.index, box.id);
      body = svg`<rect class="stack" x="3" y="3" width=${w} height=${h} rx="6"></rect>
        <rect class="shape" width=${w} height=${h} rx="6"></rect>
        <text class="title" x="10" y=${h / 2 - 8}>${first}</text>
        <text class="sub" x="10" y=${h / 2 + 9}>${second ?? ""}</text>
        ${expandable ? svg`<rect class="toggle-hit" x=${w - 26} y="0" width="26" height=${h}></rect><text class="toggle" x=${w - 13} y=${h / 2}>+</text>` : nothing}`;
    } else if (box.kind === "node") {
      const n = this.index?.nodes.get(box.id);
      label = to(lang, "onnx.box.node", {
        op: n?.op_type ?? box.id,
        name: n === undefined || n.name === "" ? to(lang, "onnx.no_name") : n.name,
      });
      body = svg`<rect class="shape" width=${w} height=${h} rx="4"></rect>
        <text class="center" x=${w / 2} y=${h / 2}>${first}</text>`;
    } else {
      // the shape shown on the box is part of its name (WCAG 2.5.3, label in name)
      label = to(lang, box.kind === "input" ? "onnx.box.input" : "onnx.box.output", {
        name: box.id,
      });
      if (second !== null) label += `, ${second}`;
      body = svg`<rect class="shape" width=${w} height=${h} rx=${h / 2}></rect>
        <text class="center" x=${w / 2} y=${h / 2 - 7}>${first}</text>
        <text class="center sub" x=${w / 2} y=${h / 2 + 8}>${second ?? ""}</text>`;
    }
    return svg`<g
      class=${cls}
      transform="translate(${r.x},${r.y})"
      role="button"
      tabindex=${this.focusKey === box.key ? "0" : "-1"}
      aria-label=${label}
      aria-pressed=${this.selected === box.key ? "true" : "false"}
      aria-expanded=${box.kind === "group" && this.index !== null && isExpandable(this.index, box.id) ? "false" : nothing}
      data-key=${box.key}
      data-kind=${box.kind}
      data-id=${box.id}
    ><title>${f.title}</title><rect class="ring" x="-4" y="-4" width=${w + 8} height=${h + 8} rx="8"></rect>${body}</g>`;
  }

  private renderHeader(id: string, r: Rect, hitSet: Set<string>, current: string | null) {
    const index = this.index;
    if (index === null) return nothing;
    const key = boxKey("group", id);
    const g = index.groups.get(id);
    const lang = this.language;
    const text = headerText(index, id, r.width);
    const cls = [
      "box",
      "header",
      hitSet.has(key) ? "hit" : "",
      current === key ? "current" : "",
    ].join(" ");
    return svg`<g
      class=${cls}
      transform="translate(${r.x},${r.y})"
      role="button"
      tabindex=${this.focusKey === key ? "0" : "-1"}
      aria-label=${to(lang, "onnx.box.expanded", { name: id, type: g?.type ?? to(lang, "onnx.kind.module") })}
      aria-pressed=${this.selected === key ? "true" : "false"}
      aria-expanded="true"
      data-key=${key}
      data-kind="header"
      data-id=${id}
    ><title>${id}${g?.type == null ? "" : `\n${g.type}`}</title>
      <rect class="ring" x="-2" y="-2" width=${r.width + 4} height=${HEADER_HEIGHT + 4} rx="6"></rect>
      <rect class="hitbar" width=${r.width} height=${HEADER_HEIGHT} rx="6"></rect>
      <rect class="toggle-hit" width="22" height=${HEADER_HEIGHT}></rect>
      <text class="toggle" x="11" y=${HEADER_HEIGHT / 2}>−</text>
      <text x="22" y=${HEADER_HEIGHT / 2}>${text}</text></g>`;
  }

  private renderDrawing(shown: Shown) {
    const index = this.index;
    if (index === null) return nothing;
    const hitSet = new Set(this.hits);
    const holds = groupsHoldingHits(index, this.open, this.hits);
    const current = this.hits[this.hit] ?? null;
    const currentShown = current === null ? null : visibleKeyOf(index, this.open, current);
    const sel = this.selected === null ? null : visibleKeyOf(index, this.open, this.selected);
    const depth = (id: string): number => (index.chains.get(id)?.length ?? 1) - 1;
    const frames = shown.visible.clusters.map((c) => {
      const r = shown.frames.get(c.id);
      return r === undefined
        ? nothing
        : svg`<rect class=${depth(c.id) % 2 === 1 ? "frame odd" : "frame"} x=${r.x} y=${r.y} width=${r.width} height=${r.height} rx="8" data-frame=${c.id}></rect>`;
    });
    const edges = shown.result.links.map((l) => {
      const hot = sel !== null && (l.source === sel || l.target === sel);
      return svg`<path class=${hot ? "edge hot" : "edge"} d=${curvePath(l.points)} marker-end=${hot ? "url(#onnx-arrow-hot)" : "url(#onnx-arrow)"}></path>`;
    });
    const labels = shown.result.links.map((l) => {
      const text = shown.labels.get(`${l.source}\u0000${l.target}`);
      const at = l.label;
      return text === undefined || at === null
        ? nothing
        : svg`<text class="elabel" x=${at[0]} y=${at[1]}>${text}</text>`;
    });
    const headers = shown.visible.clusters.map((c) => {
      const r = shown.frames.get(c.id);
      return r === undefined ? nothing : this.renderHeader(c.id, r, hitSet, currentShown);
    });
    const boxes = shown.visible.boxes.map((b) =>
      this.renderBox(b, shown, hitSet, holds, currentShown),
    );
    return svg`<g class="scene">
      <g class="frames" aria-hidden="true">${frames}</g>
      <g class="edges" aria-hidden="true">${edges}</g>
      <g class="labels" aria-hidden="true">${labels}</g>
      <g class="boxes">${headers}${boxes}</g>
    </g>`;
  }

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
          <button
            type="button"
            data-action="fit"
            @click=${() => {
              this.fit();
              this.applyTransform();
            }}
          >
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
          <defs>
            <marker
              id="onnx-arrow"
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
              id="onnx-arrow-hot"
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
          ${shown === null ? nothing : this.renderDrawing(shown)}
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
