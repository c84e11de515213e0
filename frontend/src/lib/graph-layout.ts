/**
 * The ONNX graph view's layout: @dagrejs/dagre (layered, top to bottom) over the boxes shown at
 * one time, as plain data in and out so that it runs in a Web Worker
 * (src/graph-layout-worker.ts) and the request and answer cross `postMessage` unchanged.
 *
 * Open groups are *clusters*: frames around their children. They are laid out one at a time,
 * innermost first, each as a small flat dagre graph of its own children (a child cluster is one
 * box of the size its own layout came to), then placed inside its parent. dagre's compound
 * mode lays everything out at once, and slows down fast with the number of clusters (seconds at
 * a few hundred boxes in a few hundred clusters; minutes past a thousand); one flat layout per
 * cluster keeps each small, the whole about linear in what is shown.
 *
 * An edge between boxes of different clusters is laid out at the innermost cluster holding
 * both (its ends *lifted* to the children of that cluster that hold them), and continues inside
 * the clusters it leaves and enters: each cluster that edges leave or enter has a port at its
 * top (in) or bottom (out), and the edges inside run between the port and the child holding the
 * edge's end, so dagre routes them too.
 *
 * Only the worker's bundle imports this module: dagre (about 16 KB gzip) stays out of the core
 * bundle and out of the view's chunk.
 */
import { Graph, layout, type EdgeLabel, type GraphLabel, type NodeLabel } from "@dagrejs/dagre";

/** A box to place: its size, and the cluster (an expanded group) it sits in, null at the top. */
export interface LayoutBox {
  id: string;
  width: number;
  height: number;
  parent: string | null;
}

/** An expanded group drawn as a frame around its children; `parent` is its own frame. */
export interface LayoutCluster {
  id: string;
  parent: string | null;
}

/** An edge between two boxes, with the size of its label (0 × 0: none). */
export interface LayoutLink {
  source: string;
  target: string;
  labelWidth: number;
  labelHeight: number;
}

/** What the view asks for; `id` comes back in the answer, so a stale answer can be told apart. */
export interface LayoutRequest {
  id: number;
  boxes: LayoutBox[];
  clusters: LayoutCluster[];
  links: LayoutLink[];
  /** vertical space between ranks (default 36) */
  rankSep?: number;
  /** horizontal space between boxes (default 18) */
  nodeSep?: number;
  /** room at the top of a cluster for its header (default 20) */
  clusterHeader?: number;
  /** room between a cluster's frame and its children (default 10) */
  clusterPadding?: number;
}

/** A placed rectangle: top-left corner and size. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A placed edge: its polyline, and where its label's centre goes (null: no label drawn). */
export interface PlacedLink {
  source: string;
  target: string;
  points: [number, number][];
  label: [number, number] | null;
}

/** The answer: every box and cluster placed, the drawing's size, and how long it took. */
export interface LayoutResult {
  id: number;
  boxes: Record<string, Rect>;
  clusters: Record<string, Rect>;
  links: PlacedLink[];
  width: number;
  height: number;
  ms: number;
}

/** An answer that could not be computed. */
export interface LayoutFailure {
  id: number;
  error: string;
}

type Point = [number, number];

const r1 = (v: number): number => Math.round(v * 10) / 10;

/** A box or port with more edges out (or in) than this in one level gets a bus for them. */
const BUS_ABOVE = 6;
/** Room for a bus beside the boxes. */
const BUS_GAP = 14;

/** Port ids; NUL keeps them apart from any box or cluster id. */
const IN = "\u0000in";
const OUT = "\u0000out";

/** An edge of one level's layout: between two of its children or ports, with its label's size. */
interface LevelEdge {
  from: string;
  to: string;
  w: number;
  h: number;
}

/**
 * `points` with two more around each inner corner, `r` px before and after it (at most half of
 * each segment), so that a smooth curve through them (lib/graph-path.ts) turns at the corner
 * instead of sweeping over whole segments.
 */
export function corners(points: readonly Point[], r = 8): Point[] {
  const out: Point[] = [];
  points.forEach((p, i) => {
    const before = points[i - 1];
    const after = points[i + 1];
    if (before === undefined || after === undefined) {
      out.push(p);
      return;
    }
    const toward = (q: Point): Point => {
      const len = Math.hypot(q[0] - p[0], q[1] - p[1]);
      const d = Math.min(r, len / 2);
      return len === 0 ? p : [p[0] + ((q[0] - p[0]) * d) / len, p[1] + ((q[1] - p[1]) * d) / len];
    };
    out.push(toward(before), p, toward(after));
  });
  return out;
}

/** One cluster's (or the top level's) own flat layout, in its own coordinates. */
interface Level {
  width: number;
  height: number;
  /** centres of its children and ports */
  centres: Map<string, Point>;
  /** polylines of its edges, by `from\0to` */
  edges: Map<string, { points: Point[]; label: Point | null }>;
}

/**
 * Lays the request out (see the module documentation). Boxes and clusters keep their ids;
 * links naming an unknown box, self-loops and repeated links are dropped; a box or cluster
 * whose parent is not a cluster of the request (or would make a cycle) sits at the top level.
 */
export function layoutGraph(req: LayoutRequest): LayoutResult {
  const started = performance.now();
  const margin = 12;
  const header = req.clusterHeader ?? 20;
  const pad = req.clusterPadding ?? 10;
  const rankSep = req.rankSep ?? 36;
  const nodeSep = req.nodeSep ?? 18;

  // The tree: parents, children in request order, sizes of boxes.
  const clusterIds = new Set(req.clusters.map((c) => c.id));
  const parentOf = new Map<string, string | null>();
  for (const c of req.clusters) {
    parentOf.set(c.id, c.parent !== null && clusterIds.has(c.parent) ? c.parent : null);
  }
  for (const c of req.clusters) {
    const seen = new Set<string>([c.id]);
    for (let p = parentOf.get(c.id) ?? null; p !== null; p = parentOf.get(p) ?? null) {
      if (seen.has(p)) {
        parentOf.set(c.id, null);
        break;
      }
      seen.add(p);
    }
  }
  const size = new Map<string, { width: number; height: number }>();
  for (const b of req.boxes) {
    if (clusterIds.has(b.id) || size.has(b.id)) continue;
    size.set(b.id, { width: b.width, height: b.height });
    parentOf.set(b.id, b.parent !== null && clusterIds.has(b.parent) ? b.parent : null);
  }
  const children = new Map<string | null, string[]>();
  const addChild = (id: string): void => {
    const p = parentOf.get(id) ?? null;
    let list = children.get(p);
    if (list === undefined) children.set(p, (list = []));
    list.push(id);
  };
  for (const c of req.clusters) addChild(c.id);
  for (const id of size.keys()) addChild(id);
  const chainMemo = new Map<string, string[]>();
  /** the clusters holding `id`, outermost first */
  const chain = (id: string): string[] => {
    const known = chainMemo.get(id);
    if (known !== undefined) return known;
    const p = parentOf.get(id) ?? null;
    const out = p === null ? [] : [...chain(p), p];
    chainMemo.set(id, out);
    return out;
  };

  // Each link at its level, and the port edges inside the clusters it leaves and enters.
  const levelEdges = new Map<string | null, Map<string, LevelEdge>>();
  const addEdge = (level: string | null, from: string, to: string, w = 0, h = 0): string => {
    let map = levelEdges.get(level);
    if (map === undefined) levelEdges.set(level, (map = new Map<string, LevelEdge>()));
    const key = `${from}\u0000${to}`;
    if (!map.has(key)) map.set(key, { from, to, w, h });
    return key;
  };
  interface Route {
    link: LayoutLink;
    /** [cluster, edge key] from the source out to the common level, then in to the target */
    steps: [string | null, string][];
    /** the step that carries the label */
    main: number;
  }
  const routes: Route[] = [];
  const seenLinks = new Set<string>();
  for (const l of req.links) {
    if (!size.has(l.source) || !size.has(l.target) || l.source === l.target) continue;
    const k = `${l.source}\u0000${l.target}`;
    if (seenLinks.has(k)) continue;
    seenLinks.add(k);
    const cs = chain(l.source);
    const ct = chain(l.target);
    let common = 0;
    while (common < cs.length && common < ct.length && cs[common] === ct[common]) common++;
    const level = common === 0 ? null : (cs[common - 1] ?? null);
    const steps: [string | null, string][] = [];
    // out of the source's clusters, innermost first
    for (let i = cs.length - 1; i >= common; i--) {
      const cluster = cs[i] as string;
      const from = i === cs.length - 1 ? l.source : (cs[i + 1] as string);
      steps.push([cluster, addEdge(cluster, from, OUT)]);
    }
    const from = cs[common] ?? l.source;
    const to = ct[common] ?? l.target;
    const main = steps.length;
    steps.push([level, addEdge(level, from, to, l.labelWidth, l.labelHeight)]);
    // into the target's clusters, outermost first
    for (let i = common; i < ct.length; i++) {
      const cluster = ct[i] as string;
      const into = i === ct.length - 1 ? l.target : (ct[i + 1] as string);
      steps.push([cluster, addEdge(cluster, IN, into)]);
    }
    routes.push({ link: l, steps, main });
  }

  // Innermost clusters first: each one's size is known before its parent's layout.
  const levels = new Map<string | null, Level>();
  const depth = (id: string): number => chain(id).length;
  const order = [...clusterIds].sort((a, b) => depth(b) - depth(a));
  const sizeOf = (id: string): { width: number; height: number } =>
    size.get(id) ?? { width: 1, height: 1 };
  const layOut = (level: string | null): Level => {
    const g = new Graph<GraphLabel, NodeLabel, EdgeLabel>({ multigraph: false });
    g.setGraph({
      rankdir: "TB",
      nodesep: nodeSep,
      ranksep: rankSep,
      edgesep: 8,
      marginx: 0,
      marginy: 0,
    });
    for (const id of children.get(level) ?? []) g.setNode(id, { ...sizeOf(id) });
    const edges = levelEdges.get(level) ?? new Map<string, LevelEdge>();
    // A box or port feeding many others (a mask read by every layer) gets a bus instead of
    // dagre's routes: one long edge per reader costs dagre a dummy node per rank it crosses.
    const outs = new Map<string, number>();
    const ins = new Map<string, number>();
    for (const e of edges.values()) {
      outs.set(e.from, (outs.get(e.from) ?? 0) + 1);
      ins.set(e.to, (ins.get(e.to) ?? 0) + 1);
    }
    const busOf = (e: LevelEdge): "out" | "in" | null =>
      (outs.get(e.from) ?? 0) > BUS_ABOVE ? "out" : (ins.get(e.to) ?? 0) > BUS_ABOVE ? "in" : null;
    for (const e of edges.values()) {
      if (busOf(e) !== null) continue;
      for (const port of [e.from, e.to]) {
        if ((port === IN || port === OUT) && !g.hasNode(port))
          g.setNode(port, { width: 1, height: 1 });
      }
      g.setEdge(e.from, e.to, { width: e.w, height: e.h, labelpos: "c" });
    }
    layout(g);
    const label = g.graph();
    // The ports sit on the frame, not a rank apart from the children: the content is cut to
    // its real boxes, and a port edge starts (in) or ends (out) on the frame's border.
    let top = Infinity;
    let bottom = -Infinity;
    let left = Infinity;
    let right = -Infinity;
    const box = (id: string): { cx: number; cy: number; w: number; h: number } | null => {
      if (!g.hasNode(id)) return null;
      const n = g.node(id);
      return { cx: n.x ?? 0, cy: n.y ?? 0, w: n.width, h: n.height };
    };
    for (const id of children.get(level) ?? []) {
      const b = box(id);
      if (b === null) continue;
      top = Math.min(top, b.cy - b.h / 2);
      bottom = Math.max(bottom, b.cy + b.h / 2);
      left = Math.min(left, b.cx - b.w / 2);
      right = Math.max(right, b.cx + b.w / 2);
    }
    if (!Number.isFinite(top)) {
      top = 0;
      bottom = 1;
      left = 0;
      right = 1;
    }
    // Buses run down the left (fan-out) and right (fan-in) of the boxes.
    let busLeft = false;
    let busRight = false;
    for (const e of edges.values()) {
      const bus = busOf(e);
      if (bus === "out") busLeft = true;
      if (bus === "in") busRight = true;
    }
    const leftX = left - (busLeft ? BUS_GAP : 0);
    const rightX = right + BUS_GAP;
    const dx = -Math.min(0, leftX);
    const shift = (p: Point): Point => [p[0] + dx, p[1] - top];
    const centres = new Map<string, Point>();
    for (const id of g.nodes()) {
      const b = box(id);
      if (b !== null) centres.set(id, shift([b.cx, b.cy]));
    }
    const height = Math.max(1, bottom - top);
    const placed = new Map<string, { points: Point[]; label: Point | null }>();
    for (const [key, e] of edges) {
      const bus = busOf(e);
      if (bus !== null) {
        placed.set(key, { points: corners(busRoute(e, bus)).map(shift), label: null });
        continue;
      }
      const d = g.edge(e.from, e.to);
      const points = (d.points ?? []).map((p): Point => shift([p.x, p.y]));
      const first = points[0];
      const last = points[points.length - 1];
      if (e.from === IN && first !== undefined) first[1] = -header;
      if (e.to === OUT && last !== undefined) last[1] = height + pad;
      placed.set(key, {
        points,
        label:
          e.w > 0 && typeof d.x === "number" && typeof d.y === "number" ? shift([d.x, d.y]) : null,
      });
    }
    /** A bus edge in dagre's coordinates: along the left or right of the boxes. */
    function busRoute(e: LevelEdge, bus: "out" | "in"): Point[] {
      const from = box(e.from);
      const to = box(e.to);
      if (bus === "out") {
        const x = leftX + 2;
        const start: Point[] =
          from === null
            ? [
                [x, top - header], // the in port: from the frame's top
                [x, top - header + 6],
              ]
            : [
                [from.cx, from.cy + from.h / 2],
                [from.cx, from.cy + from.h / 2 + 6],
                [x, from.cy + from.h / 2 + 6],
              ];
        const end: Point[] =
          to === null
            ? [
                [x, bottom + pad - 6],
                [x, bottom + pad],
              ]
            : [
                [x, to.cy],
                [to.cx - to.w / 2, to.cy],
              ];
        return [...start, ...end];
      }
      const x = rightX - 2;
      const start: Point[] =
        from === null
          ? [
              [x, top - header],
              [x, top - header + 6],
            ]
          : [
              [from.cx + from.w / 2, from.cy],
              [x, from.cy],
            ];
      const end: Point[] =
        to === null
          ? [
              [x, bottom + pad - 6],
              [x, bottom + pad], // the out port: to the frame's bottom
            ]
          : [
              [x, to.cy - to.h / 2 - 6],
              [to.cx, to.cy - to.h / 2 - 6],
              [to.cx, to.cy - to.h / 2],
            ];
      return [...start, ...end];
    }
    const width = label.width !== undefined && Number.isFinite(label.width) ? label.width : 1;
    const busWidth = busRight ? rightX + dx : 0;
    return { width: Math.max(1, width + dx, busWidth), height, centres, edges: placed };
  };
  for (const c of order) {
    const lv = layOut(c);
    levels.set(c, lv);
    size.set(c, { width: lv.width + 2 * pad, height: lv.height + header + pad });
  }
  const root = layOut(null);
  levels.set(null, root);

  // Absolute positions, top-down: a level's own coordinates start at its origin.
  const origin = new Map<string | null, Point>([[null, [margin, margin]]]);
  const rects = new Map<string, Rect>();
  const place = (level: string | null): void => {
    const lv = levels.get(level);
    const [ox, oy] = origin.get(level) ?? [0, 0];
    if (lv === undefined) return;
    for (const id of children.get(level) ?? []) {
      const c = lv.centres.get(id) ?? [0, 0];
      const s = sizeOf(id);
      const r = {
        x: ox + c[0] - s.width / 2,
        y: oy + c[1] - s.height / 2,
        width: s.width,
        height: s.height,
      };
      rects.set(id, r);
      if (clusterIds.has(id)) {
        origin.set(id, [r.x + pad, r.y + header]);
        place(id);
      }
    }
  };
  place(null);

  const placedLinks: PlacedLink[] = routes.map(({ link, steps, main }) => {
    const points: Point[] = [];
    let label: Point | null = null;
    steps.forEach(([level, key], i) => {
      const e = levels.get(level)?.edges.get(key);
      if (e === undefined) return;
      const [ox, oy] = origin.get(level) ?? [0, 0];
      const pts = e.points.map((p): Point => [p[0] + ox, p[1] + oy]);
      // a port is a point inside the frame: the step before or after meets it at the frame
      for (const p of pts) {
        const last = points[points.length - 1];
        if (
          last === undefined ||
          Math.abs(last[0] - p[0]) > 0.5 ||
          Math.abs(last[1] - p[1]) > 0.5
        ) {
          points.push(p);
        }
      }
      if (i === main && e.label !== null) label = [r1(e.label[0] + ox), r1(e.label[1] + oy)];
    });
    return {
      source: link.source,
      target: link.target,
      points: points.map((p): Point => [r1(p[0]), r1(p[1])]),
      label,
    };
  });
  // Links lifted onto one edge share its label: the first one draws it.
  const labelled = new Set<string>();
  for (let i = 0; i < placedLinks.length; i++) {
    const route = routes[i] as Route;
    const pl = placedLinks[i] as PlacedLink;
    const mainStep = route.steps[route.main] as [string | null, string];
    const k = `${mainStep[0] ?? ""}\u0001${mainStep[1]}`;
    if (labelled.has(k)) pl.label = null;
    else if (pl.label !== null) labelled.add(k);
  }

  const boxes: Record<string, Rect> = {};
  const clusters: Record<string, Rect> = {};
  let width = 2 * margin;
  let height = 2 * margin;
  for (const [id, r] of rects) {
    const rounded = { x: r1(r.x), y: r1(r.y), width: r1(r.width), height: r1(r.height) };
    if (clusterIds.has(id)) clusters[id] = rounded;
    else boxes[id] = rounded;
    width = Math.max(width, r.x + r.width + margin);
    height = Math.max(height, r.y + r.height + margin);
  }
  return {
    id: req.id,
    boxes,
    clusters,
    links: placedLinks,
    width: Math.ceil(width),
    height: Math.ceil(height),
    ms: Math.round(performance.now() - started),
  };
}
