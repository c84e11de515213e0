/**
 * A small layered layout for directed acyclic graphs (the model's layer graph), flowing top to
 * bottom. No dependency; linear-ish in the graph size, fine for a few hundred nodes.
 *
 * 1. Cycles (a malformed graph) are broken by ignoring the edges that close them (depth-first
 *    back edges); those edges are still drawn.
 * 2. Ranks by longest path: sources on rank 0, every other node one below its lowest parent.
 * 3. One sweep down the ranks: each node wants to sit under the mean centre of its parents
 *    (barycentre); a row is ordered by that, packed left to right without overlap, then shifted
 *    so that on average its nodes sit where they want to.
 * 4. Edges are cubic curves from the bottom centre of the source to the top centre of the
 *    target; an edge that skips ranks and would cross a node on the way is routed down a
 *    corridor to the right of the nodes it would cross.
 */

/** A node to place: its id and its box size. */
export interface LayoutNode {
  id: string;
  width: number;
  height: number;
}

/** A directed edge between two node ids. */
export interface LayoutEdge {
  source: string;
  target: string;
}

/** A placed node: top-left corner `x`, `y`; `rank` is its row, `order` its place in the row. */
export interface PlacedNode extends LayoutNode {
  x: number;
  y: number;
  rank: number;
  order: number;
}

/** A placed edge: an SVG path from the source's bottom to the target's top. */
export interface PlacedEdge extends LayoutEdge {
  path: string;
}

export interface DagLayout {
  /** Nodes in topological order (by rank, then left to right). */
  nodes: PlacedNode[];
  /** Edges between known nodes, without duplicates or self-loops, in input order. */
  edges: PlacedEdge[];
  width: number;
  height: number;
}

export interface LayoutOptions {
  /** vertical space between rows (default 36) */
  rowGap?: number;
  /** horizontal space between nodes of a row (default 20) */
  colGap?: number;
  /** space around the drawing (default 12) */
  margin?: number;
}

const r1 = (v: number): number => Math.round(v * 10) / 10;

/**
 * Lays out `nodes` and `edges` top to bottom.
 *
 * Node ids must be unique (a repeated id keeps its first entry); edges naming an unknown id,
 * self-loops and repeated edges are dropped.
 */
export function layoutDag(
  nodes: readonly LayoutNode[],
  edges: readonly LayoutEdge[],
  options: LayoutOptions = {},
): DagLayout {
  const rowGap = options.rowGap ?? 36;
  const colGap = options.colGap ?? 20;
  const margin = options.margin ?? 12;

  // unique nodes, in input order
  const index = new Map<string, number>();
  const list: LayoutNode[] = [];
  for (const n of nodes) {
    if (index.has(n.id)) continue;
    index.set(n.id, list.length);
    list.push(n);
  }
  const n = list.length;

  // unique edges between known nodes
  const seen = new Set<string>();
  const edgeList: [number, number, LayoutEdge][] = [];
  for (const e of edges) {
    const s = index.get(e.source);
    const t = index.get(e.target);
    if (s === undefined || t === undefined || s === t) continue;
    const key = `${s}\u0000${t}`;
    if (seen.has(key)) continue;
    seen.add(key);
    edgeList.push([s, t, { source: e.source, target: e.target }]);
  }

  const out: number[][] = Array.from({ length: n }, () => []);
  for (const [s, t] of edgeList) out[s]?.push(t);

  // 1. back edges by an iterative depth-first search from every node in input order
  const back = new Set<string>();
  const state = new Uint8Array(n); // 0 new, 1 on stack, 2 done
  for (let start = 0; start < n; start++) {
    if (state[start] !== 0) continue;
    const stack: [number, number][] = [[start, 0]];
    state[start] = 1;
    while (stack.length > 0) {
      const top = stack[stack.length - 1] as [number, number];
      const [v, i] = top;
      const succ = out[v] ?? [];
      if (i < succ.length) {
        top[1] = i + 1;
        const w = succ[i] as number;
        if (state[w] === 1) back.add(`${v}\u0000${w}`);
        else if (state[w] === 0) {
          state[w] = 1;
          stack.push([w, 0]);
        }
      } else {
        state[v] = 2;
        stack.pop();
      }
    }
  }
  const forward = edgeList.filter(([s, t]) => !back.has(`${s}\u0000${t}`));
  const parents: number[][] = Array.from({ length: n }, () => []);
  const children: number[][] = Array.from({ length: n }, () => []);
  const indeg = new Array<number>(n).fill(0);
  for (const [s, t] of forward) {
    parents[t]?.push(s);
    children[s]?.push(t);
    indeg[t] = (indeg[t] ?? 0) + 1;
  }

  // 2. longest-path ranks, in Kahn topological order (ties by input order)
  const rank = new Array<number>(n).fill(0);
  const queue: number[] = [];
  for (let v = 0; v < n; v++) if (indeg[v] === 0) queue.push(v);
  for (let qi = 0; qi < queue.length; qi++) {
    const v = queue[qi] as number;
    for (const w of children[v] ?? []) {
      rank[w] = Math.max(rank[w] ?? 0, (rank[v] ?? 0) + 1);
      indeg[w] = (indeg[w] ?? 0) - 1;
      if (indeg[w] === 0) queue.push(w);
    }
  }

  const rankCount = n === 0 ? 0 : Math.max(...rank) + 1;
  const rows: number[][] = Array.from({ length: rankCount }, () => []);
  for (let v = 0; v < n; v++) rows[rank[v] ?? 0]?.push(v);

  // 3. rows: y from the tallest node, x by barycentre of the parents
  const x = new Array<number>(n).fill(0);
  const y = new Array<number>(n).fill(0);
  const order = new Array<number>(n).fill(0);
  const rowTop: number[] = [];
  const rowBottom: number[] = [];
  let top = margin;
  const widthOf = (v: number): number => list[v]?.width ?? 0;
  const heightOf = (v: number): number => list[v]?.height ?? 0;

  rows.forEach((row, r) => {
    const h = Math.max(0, ...row.map(heightOf));
    rowTop[r] = top;
    rowBottom[r] = top + h;
    let wanted: { v: number; c: number }[];
    if (r === 0) {
      let cursor = 0;
      wanted = row.map((v) => {
        const c = cursor + widthOf(v) / 2;
        cursor += widthOf(v) + colGap;
        return { v, c };
      });
    } else {
      wanted = row.map((v) => {
        const ps = parents[v] ?? [];
        const c =
          ps.length === 0
            ? 0
            : ps.reduce((sum, p) => sum + (x[p] ?? 0) + widthOf(p) / 2, 0) / ps.length;
        return { v, c };
      });
      wanted.sort((a, b) => a.c - b.c); // stable: ties keep input order
    }
    // pack left to right, then shift the row so the mean displacement is zero
    let right = -Infinity;
    let shift = 0;
    for (const { v, c } of wanted) {
      const left = Math.max(c - widthOf(v) / 2, right + colGap);
      x[v] = left;
      right = left + widthOf(v);
      shift += left + widthOf(v) / 2 - c;
    }
    shift = wanted.length > 0 ? shift / wanted.length : 0;
    wanted.forEach(({ v }, i) => {
      x[v] = (x[v] ?? 0) - shift;
      y[v] = top + (h - heightOf(v)) / 2;
      order[v] = i;
    });
    rows[r] = wanted.map((w) => w.v);
    top += h + rowGap;
  });

  // normalise to the margin
  const minX = n === 0 ? 0 : Math.min(...x);
  for (let v = 0; v < n; v++) x[v] = (x[v] ?? 0) - minX + margin;
  let width =
    n === 0 ? 2 * margin : Math.max(...list.map((node, v) => (x[v] ?? 0) + node.width)) + margin;
  const height = n === 0 ? 2 * margin : top - rowGap + margin;

  // 4. edges
  const lanes = new Array<number>(rankCount).fill(0);
  const placedEdges: PlacedEdge[] = edgeList.map(([s, t, e]) => {
    const sx = (x[s] ?? 0) + widthOf(s) / 2;
    const sy = (y[s] ?? 0) + heightOf(s);
    const tx = (x[t] ?? 0) + widthOf(t) / 2;
    const ty = y[t] ?? 0;
    const rs = rank[s] ?? 0;
    const rt = rank[t] ?? 0;
    if (rt <= rs) {
      // a back edge: a loose curve
      const bend = rowGap;
      return {
        ...e,
        path: `M${r1(sx)},${r1(sy)} C${r1(sx)},${r1(sy + bend)} ${r1(tx)},${r1(ty - bend)} ${r1(tx)},${r1(ty)}`,
      };
    }
    const mid = (sy + ty) / 2;
    const straight = `M${r1(sx)},${r1(sy)} C${r1(sx)},${r1(mid)} ${r1(tx)},${r1(mid)} ${r1(tx)},${r1(ty)}`;
    if (rt === rs + 1) return { ...e, path: straight };
    // does the straight curve pass through a node of an intermediate row?
    const blocked = (cx: (r: number) => number): number[] => {
      const hit: number[] = [];
      for (let r = rs + 1; r < rt; r++) {
        const at = cx(r);
        for (const v of rows[r] ?? []) {
          if (at >= (x[v] ?? 0) - 4 && at <= (x[v] ?? 0) + widthOf(v) + 4) hit.push(v);
        }
      }
      return hit;
    };
    const along = (r: number): number => {
      const yr = ((rowTop[r] ?? 0) + (rowBottom[r] ?? 0)) / 2;
      const f = (yr - sy) / (ty - sy || 1);
      return sx + (tx - sx) * f;
    };
    if (blocked(along).length === 0) return { ...e, path: straight };
    // corridor right of every node between the two rows that the corridor would cross
    let lane = 0;
    for (let r = rs + 1; r < rt; r++) lane = Math.max(lane, lanes[r] ?? 0);
    let cx = Math.max(sx, tx);
    for (let guard = 0; guard < n + 1; guard++) {
      const hit = blocked(() => cx);
      if (hit.length === 0) break;
      cx = Math.max(...hit.map((v) => (x[v] ?? 0) + widthOf(v))) + colGap / 2;
    }
    cx += lane * 6;
    for (let r = rs + 1; r < rt; r++) lanes[r] = lane + 1;
    width = Math.max(width, cx + margin);
    const y1 = rowTop[rs + 1] ?? sy;
    const y2 = rowBottom[rt - 1] ?? ty;
    const m1 = (sy + y1) / 2;
    const m2 = (y2 + ty) / 2;
    return {
      ...e,
      path:
        `M${r1(sx)},${r1(sy)} C${r1(sx)},${r1(m1)} ${r1(cx)},${r1(m1)} ${r1(cx)},${r1(y1)} ` +
        `L${r1(cx)},${r1(y2)} C${r1(cx)},${r1(m2)} ${r1(tx)},${r1(m2)} ${r1(tx)},${r1(ty)}`,
    };
  });

  const placed: PlacedNode[] = [];
  for (const row of rows)
    for (const v of row) {
      const node = list[v] as LayoutNode;
      placed.push({
        id: node.id,
        width: node.width,
        height: node.height,
        x: r1(x[v] ?? 0),
        y: r1(y[v] ?? 0),
        rank: rank[v] ?? 0,
        order: order[v] ?? 0,
      });
    }

  return { nodes: placed, edges: placedEdges, width: Math.ceil(width), height: Math.ceil(height) };
}
