/**
 * The ONNX graph view's model, pure: which boxes show for a set of expanded groups, the edges
 * between them, the fitscope layer a box stands for, and the labels of shapes and attributes.
 *
 * A *box* is what the view draws as one rectangle: a node, a collapsed group, a graph input or a
 * graph output. Boxes are named by a key with a kind prefix (`n:` node, `g:` group, `i:` input,
 * `o:` output), since a node id (`n12`) and a module's name could be the same string. An
 * expanded group is not a box but a *cluster*: a frame around its children.
 *
 * The answer's edges join nodes; with groups collapsed, each end is *lifted* to the box that
 * shows it (the outermost collapsed group holding the node, else the node itself), and the
 * lifted edges are deduplicated, dropping those that start and end in the same box.
 */
import type { OnnxGroup, OnnxView, OnnxViewNode, OnnxViewValue } from "../api-types.js";
import type { OnnxAttribute, OnnxDim } from "../types/records.js";

/** What a box shows. */
export type BoxKind = "node" | "group" | "input" | "output";

const PREFIX: Record<BoxKind, string> = { node: "n:", group: "g:", input: "i:", output: "o:" };
const KINDS: Record<string, BoxKind> = {
  "n:": "node",
  "g:": "group",
  "i:": "input",
  "o:": "output",
};

/** The key of the box showing `id` of `kind`. */
export function boxKey(kind: BoxKind, id: string): string {
  return PREFIX[kind] + id;
}

/** The kind and id of a box key (a key without a known prefix reads as a node's). */
export function parseBoxKey(key: string): { kind: BoxKind; id: string } {
  const kind = KINDS[key.slice(0, 2)];
  return kind === undefined ? { kind: "node", id: key } : { kind, id: key.slice(2) };
}

/** The view's answer, indexed for the questions the view asks many times. */
export interface OnnxIndex {
  readonly view: OnnxView;
  readonly groups: ReadonlyMap<string, OnnxGroup>;
  readonly nodes: ReadonlyMap<string, OnnxViewNode>;
  /** Each group's enclosing group (null: top level); unknown parents and cycles read as null. */
  readonly parentOf: ReadonlyMap<string, string | null>;
  /** Each group's chain of groups, outermost first, itself last. */
  readonly chains: ReadonlyMap<string, readonly string[]>;
  /** Each node's group (null: top level); an unknown group reads as null. */
  readonly groupOfNode: ReadonlyMap<string, string | null>;
  /** The box keys directly in each group (null: the top level), in reading order. */
  readonly children: ReadonlyMap<string | null, readonly string[]>;
  /** Reading order of every node and group key: depth first, each group where its first node is. */
  readonly order: ReadonlyMap<string, number>;
  /** Shape and dtype of each value by name. */
  readonly values: ReadonlyMap<string, OnnxViewValue>;
  /** The graph inputs shown as boxes (initializers are not), with the nodes reading each. */
  readonly inputs: ReadonlyMap<string, readonly string[]>;
  /** The graph outputs, with the nodes writing each. */
  readonly outputs: ReadonlyMap<string, readonly string[]>;
}

/** Indexes `view`; tolerant of groups and nodes that name unknown or cyclic parents. */
export function indexOnnx(view: OnnxView): OnnxIndex {
  const groups = new Map(view.groups.map((g) => [g.id, g]));
  const nodes = new Map(view.nodes.map((n) => [n.id, n]));
  const parentOf = new Map<string, string | null>();
  for (const g of groups.values()) {
    parentOf.set(g.id, g.parent !== null && groups.has(g.parent) ? g.parent : null);
  }
  // A cycle of parents (a malformed answer) is cut where the walk from a member returns to it.
  for (const g of groups.keys()) {
    const seen = new Set<string>();
    for (let p = parentOf.get(g) ?? null; p !== null && !seen.has(p); p = parentOf.get(p) ?? null) {
      if (p === g) {
        parentOf.set(g, null);
        break;
      }
      seen.add(p);
    }
  }
  const chains = new Map<string, string[]>();
  for (const g of groups.keys()) {
    const chain: string[] = [];
    for (let p: string | null = g; p !== null; p = parentOf.get(p) ?? null) chain.unshift(p);
    chains.set(g, chain);
  }
  const groupOfNode = new Map<string, string | null>();
  for (const n of nodes.values()) {
    groupOfNode.set(n.id, n.group !== null && groups.has(n.group) ? n.group : null);
  }

  // Reading order: each group sits where its first node is.
  const nodeIndex = readingPositions(view);
  const first = new Map<string, number>();
  for (const n of nodes.values()) {
    const i = nodeIndex.get(n.id) ?? 0;
    for (const g of chainOfNode(groupOfNode, chains, n.id)) {
      first.set(g, Math.min(first.get(g) ?? Infinity, i));
    }
  }
  const listed = new Map(view.groups.map((g, i) => [g.id, i]));
  const entries = new Map<string | null, { key: string; at: number; tie: number }[]>();
  const add = (parent: string | null, key: string, at: number, tie: number): void => {
    let list = entries.get(parent);
    if (list === undefined) entries.set(parent, (list = []));
    list.push({ key, at, tie });
  };
  for (const g of groups.keys()) {
    add(parentOf.get(g) ?? null, boxKey("group", g), first.get(g) ?? Infinity, listed.get(g) ?? 0);
  }
  for (const n of nodes.values()) {
    add(groupOfNode.get(n.id) ?? null, boxKey("node", n.id), nodeIndex.get(n.id) ?? 0, -1);
  }
  const children = new Map<string | null, string[]>();
  for (const [parent, list] of entries) {
    list.sort((a, b) => a.at - b.at || a.tie - b.tie);
    children.set(
      parent,
      list.map((e) => e.key),
    );
  }
  const order = new Map<string, number>();
  const walk = (parent: string | null): void => {
    for (const key of children.get(parent) ?? []) {
      order.set(key, order.size);
      const { kind, id } = parseBoxKey(key);
      if (kind === "group") walk(id);
    }
  };
  walk(null);

  const values = new Map<string, OnnxViewValue>();
  const note = (v: OnnxViewValue): void => {
    const known = values.get(v.name);
    if (known === undefined || (known.shape === null && v.shape !== null)) values.set(v.name, v);
  };
  for (const n of view.nodes) n.outputs.forEach(note);
  for (const n of view.nodes) n.inputs.forEach(note);
  view.inputs.forEach(note);
  view.outputs.forEach(note);

  const readers = new Map<string, string[]>();
  const writers = new Map<string, string[]>();
  for (const n of view.nodes) {
    for (const v of n.inputs) push(readers, v.name, n.id);
    for (const v of n.outputs) push(writers, v.name, n.id);
  }
  const inputs = new Map<string, string[]>();
  for (const v of view.inputs) {
    if (!v.initializer && !inputs.has(v.name)) inputs.set(v.name, readers.get(v.name) ?? []);
  }
  const outputs = new Map<string, string[]>();
  for (const v of view.outputs) {
    if (!outputs.has(v.name)) outputs.set(v.name, writers.get(v.name) ?? []);
  }
  return {
    view,
    groups,
    nodes,
    parentOf,
    chains,
    groupOfNode,
    children,
    order,
    values,
    inputs,
    outputs,
  };
}

/**
 * Each node's position for the reading order: its place in the file, except for a node that
 * reads no other node's output nor a graph input (an Identity or Constant an exporter put at the
 * top of the file), which takes the place of its first reader, so a module's first node is where
 * its computation starts.
 */
function readingPositions(view: OnnxView): Map<string, number> {
  const own = new Map(view.nodes.map((n, i) => [n.id, i]));
  const fed = new Set(view.edges.map((e) => e.target));
  const graphInputs = new Set(view.inputs.filter((v) => !v.initializer).map((v) => v.name));
  for (const n of view.nodes) if (n.inputs.some((v) => graphInputs.has(v.name))) fed.add(n.id);
  const readers = new Map<string, string[]>();
  for (const e of view.edges) push(readers, e.source, e.target);
  const out = new Map<string, number>();
  const visit = (id: string, depth: number): number => {
    const known = out.get(id);
    if (known !== undefined) return known;
    const at = own.get(id) ?? 0;
    let pos = at;
    if (!fed.has(id) && depth < 64) {
      const next = (readers.get(id) ?? []).map((r) => visit(r, depth + 1));
      if (next.length > 0) pos = Math.min(...next);
    }
    out.set(id, pos);
    return pos;
  };
  for (const n of view.nodes) visit(n.id, 0);
  return out;
}

function push(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else if (!list.includes(value)) list.push(value);
}

function chainOfNode(
  groupOfNode: ReadonlyMap<string, string | null>,
  chains: ReadonlyMap<string, readonly string[]>,
  node: string,
): readonly string[] {
  const g = groupOfNode.get(node) ?? null;
  return g === null ? [] : (chains.get(g) ?? []);
}

/** The groups holding a box, outermost first (a group's own id is not among them). */
export function ancestorsOf(index: OnnxIndex, key: string): readonly string[] {
  const { kind, id } = parseBoxKey(key);
  if (kind === "node") return chainOfNode(index.groupOfNode, index.chains, id);
  if (kind === "group") return (index.chains.get(id) ?? [id]).slice(0, -1);
  return [];
}

/** Whether a group has anything to show when expanded. */
export function isExpandable(index: OnnxIndex, group: string): boolean {
  return (index.children.get(group)?.length ?? 0) > 0;
}

/** A box of the visible graph; `parent` is the cluster (expanded group) it sits in. */
export interface VisibleBox {
  key: string;
  kind: BoxKind;
  id: string;
  parent: string | null;
}

/** An expanded group, drawn as a frame around its children; `parent` is its own frame. */
export interface VisibleCluster {
  id: string;
  parent: string | null;
}

/** An edge between two boxes, with the names of the values it stands for (first one first). */
export interface VisibleEdge {
  source: string;
  target: string;
  values: string[];
}

/** What is drawn for a set of expanded groups. */
export interface VisibleGraph {
  /** Inputs first, then the boxes in reading order, then outputs. */
  boxes: VisibleBox[];
  /** Parents before children. */
  clusters: VisibleCluster[];
  edges: VisibleEdge[];
}

/**
 * The boxes, clusters and lifted edges shown when the groups in `expanded` are open (a group is
 * open when it and all its ancestors are in `expanded`; a group with nothing inside stays a box).
 */
export function visibleGraph(index: OnnxIndex, expanded: ReadonlySet<string>): VisibleGraph {
  const boxes: VisibleBox[] = [];
  const clusters: VisibleCluster[] = [];
  for (const name of index.inputs.keys()) {
    boxes.push({ key: boxKey("input", name), kind: "input", id: name, parent: null });
  }
  const walk = (parent: string | null): void => {
    for (const key of index.children.get(parent) ?? []) {
      const { kind, id } = parseBoxKey(key);
      if (kind === "group" && expanded.has(id) && isExpandable(index, id)) {
        clusters.push({ id, parent });
        walk(id);
      } else {
        boxes.push({ key, kind, id, parent });
      }
    }
  };
  walk(null);
  for (const name of index.outputs.keys()) {
    boxes.push({ key: boxKey("output", name), kind: "output", id: name, parent: null });
  }

  const rep = representative(index, expanded);
  const edges: VisibleEdge[] = [];
  const byKey = new Map<string, VisibleEdge>();
  const link = (source: string | null, target: string | null, value: string): void => {
    if (source === null || target === null || source === target) return;
    const k = `${source}\u0000${target}`;
    const known = byKey.get(k);
    if (known === undefined) {
      const e = { source, target, values: [value] };
      byKey.set(k, e);
      edges.push(e);
    } else if (!known.values.includes(value)) {
      known.values.push(value);
    }
  };
  for (const [name, readers] of index.inputs) {
    for (const r of readers) link(boxKey("input", name), rep(r), name);
  }
  for (const e of index.view.edges) link(rep(e.source), rep(e.target), e.value);
  for (const [name, writers] of index.outputs) {
    for (const w of writers) link(rep(w), boxKey("output", name), name);
  }
  return { boxes, clusters, edges };
}

/** The box showing each node under `expanded` (null for an unknown node), memoised per call. */
function representative(
  index: OnnxIndex,
  expanded: ReadonlySet<string>,
): (node: string) => string | null {
  const memo = new Map<string, string | null>();
  return (node) => {
    const known = memo.get(node);
    if (known !== undefined) return known;
    let out: string | null = null;
    if (index.nodes.has(node)) {
      out = boxKey("node", node);
      for (const g of chainOfNode(index.groupOfNode, index.chains, node)) {
        if (!expanded.has(g)) {
          out = boxKey("group", g);
          break;
        }
      }
    }
    memo.set(node, out);
    return out;
  };
}

/** The box showing `key` under `expanded`: itself, or the outermost collapsed group holding it. */
export function visibleKeyOf(index: OnnxIndex, expanded: ReadonlySet<string>, key: string): string {
  for (const g of ancestorsOf(index, key)) if (!expanded.has(g)) return boxKey("group", g);
  return key;
}

/** How many boxes `visibleGraph` would draw (inputs and outputs included), without edges. */
export function countVisible(index: OnnxIndex, expanded: ReadonlySet<string>): number {
  let n = index.inputs.size + index.outputs.size;
  const walk = (parent: string | null): void => {
    for (const key of index.children.get(parent) ?? []) {
      const { kind, id } = parseBoxKey(key);
      if (kind === "group" && expanded.has(id) && isExpandable(index, id)) walk(id);
      else n++;
    }
  };
  walk(null);
  return n;
}

/** Above this many nodes a graph opens collapsed to its top-level groups. */
export const COLLAPSED_ABOVE = 200;

/**
 * The groups open when the view first shows a graph: a top level that is one group is opened
 * (repeatedly: a model wrapped in one module shows its parts); then a graph of at most
 * {@link COLLAPSED_ABOVE} nodes opens one more level, when that shows at most as many boxes:
 * the groups there that hold other groups (containers such as `layer1`), not the leaf modules,
 * whose box already says what they are (`conv1`, `Conv2d · 1 node`).
 */
export function initialExpanded(index: OnnxIndex, limit = COLLAPSED_ABOVE): Set<string> {
  const expanded = new Set<string>();
  let level: string | null = null;
  for (let guard = 0; guard <= index.groups.size; guard++) {
    const kids: readonly string[] = index.children.get(level) ?? [];
    const only = kids.length === 1 ? parseBoxKey(kids[0] ?? "") : null;
    if (only?.kind !== "group" || !isExpandable(index, only.id)) break;
    expanded.add(only.id);
    level = only.id;
  }
  if (index.nodes.size <= limit) {
    const next = new Set(expanded);
    for (const key of index.children.get(level) ?? []) {
      const { kind, id } = parseBoxKey(key);
      const holdsGroups = (index.children.get(id) ?? []).some((k) => k.startsWith("g:"));
      if (kind === "group" && holdsGroups) next.add(id);
    }
    if (countVisible(index, next) <= limit) return next;
  }
  return expanded;
}

/**
 * The fitscope layer a box stands for: the nearest group (the box itself when it is a group,
 * else the groups holding it, innermost first) that is a layer of the session; null when none is.
 */
export function layerOf(index: OnnxIndex, key: string): string | null {
  const { kind, id } = parseBoxKey(key);
  const chain =
    kind === "group"
      ? (index.chains.get(id) ?? [])
      : kind === "node"
        ? ancestorsOf(index, key)
        : [];
  for (let i = chain.length - 1; i >= 0; i--) {
    const layer = index.groups.get(chain[i] ?? "")?.layer ?? null;
    if (layer !== null) return layer;
  }
  return null;
}

/** The group that is fitscope layer `layer` (the outermost, when several name it), or null. */
export function groupOfLayer(index: OnnxIndex, layer: string): string | null {
  let best: string | null = null;
  let depth = Infinity;
  for (const g of index.groups.values()) {
    const d = index.chains.get(g.id)?.length ?? 0;
    if (g.layer === layer && d < depth) {
      best = g.id;
      depth = d;
    }
  }
  return best;
}

/** A shape as a label: `1×64×56×56`; a symbolic dimension by its name, an unknown one `?`; `()` for a scalar; null when unknown. */
export function formatShape(shape: readonly OnnxDim[] | null): string | null {
  if (shape === null) return null;
  if (shape.length === 0) return "()";
  return shape.map((d) => (d === null ? "?" : String(d))).join("×");
}

/** A value's dtype and shape: `float32 1×64×56×56`, `float32 ?` (unknown shape), `?` (unknown both). */
export function formatValueType(v: Pick<OnnxViewValue, "shape" | "dtype">): string {
  const shape = formatShape(v.shape);
  if (v.dtype === null) return shape ?? "?";
  return `${v.dtype} ${shape ?? "?"}`;
}

/** The label of an edge: its first value's shape, `+N` for more values; null when unknown. */
export function edgeLabel(index: OnnxIndex, edge: Pick<VisibleEdge, "values">): string | null {
  const first = edge.values[0];
  const shape = first === undefined ? null : formatShape(index.values.get(first)?.shape ?? null);
  if (shape === null) return null;
  return edge.values.length > 1 ? `${shape} +${edge.values.length - 1}` : shape;
}

/** Items of a list attribute shown before it is cut. */
export const ATTRIBUTE_ITEMS = 16;

/** An attribute value as text: `[3, 3]`, `0.5`, `tensor float32 64`, `graph n5/then_branch`. */
export function formatOnnxAttribute(value: OnnxAttribute): string {
  if (value === null) return "—";
  if (Array.isArray(value)) {
    const items = value.slice(0, ATTRIBUTE_ITEMS).map((v) => String(v));
    const more = value.length > ATTRIBUTE_ITEMS ? `, … (${value.length})` : "";
    return `[${items.join(", ")}${more}]`;
  }
  if (typeof value === "object") {
    if ("tensor" in value) return `tensor ${formatValueType(value.tensor)}`;
    if ("graph" in value) return `graph ${value.graph}`;
    return `graphs ${value.graphs.join(", ")}`;
  }
  return String(value);
}
