/**
 * Search in the ONNX graph view: which nodes and groups a query names, and which groups to open
 * so that they show.
 *
 * A query matches, case-insensitively as a substring, a node's name, op type or id, and a
 * group's qualified name or module type. Matches come in reading order (lib/onnx-view.ts), the
 * order Enter walks them in.
 */
import { ancestorsOf, boxKey, countVisible, parseBoxKey, type OnnxIndex } from "./onnx-view.js";

/** The box keys (`n:` nodes, `g:` groups) matching `query`, in reading order; none for a blank query. */
export function searchOnnx(index: OnnxIndex, query: string): string[] {
  const q = query.trim().toLowerCase();
  if (q === "") return [];
  const hits: string[] = [];
  for (const n of index.nodes.values()) {
    if (
      n.name.toLowerCase().includes(q) ||
      n.op_type.toLowerCase().includes(q) ||
      n.id.toLowerCase() === q
    ) {
      hits.push(boxKey("node", n.id));
    }
  }
  for (const g of index.groups.values()) {
    if (g.id.toLowerCase().includes(q) || (g.type ?? "").toLowerCase().includes(q)) {
      hits.push(boxKey("group", g.id));
    }
  }
  const at = (k: string): number => index.order.get(k) ?? Infinity;
  return hits.sort((a, b) => at(a) - at(b));
}

/** Above this many boxes, a search opens the groups of the current match only. */
export const REVEAL_LIMIT = 600;

/**
 * The groups to open so that the matches show: those holding every match, when `expanded` plus
 * them draws at most `limit` boxes, else those holding the current match (`hits[current]`)
 * only, so that a query matching most of a large graph does not open all of it.
 */
export function revealGroups(
  index: OnnxIndex,
  expanded: ReadonlySet<string>,
  hits: readonly string[],
  current: number,
  limit = REVEAL_LIMIT,
): Set<string> {
  const all = new Set<string>();
  for (const h of hits) for (const g of ancestorsOf(index, h)) all.add(g);
  if (countVisible(index, new Set([...expanded, ...all])) <= limit) return all;
  const one = hits[current];
  return new Set(one === undefined ? [] : ancestorsOf(index, one));
}

/**
 * The collapsed groups (box keys) that hold a match out of sight, so the view can mark them: a
 * group box "contains matches".
 */
export function groupsHoldingHits(
  index: OnnxIndex,
  expanded: ReadonlySet<string>,
  hits: readonly string[],
): Set<string> {
  const out = new Set<string>();
  for (const h of hits) {
    for (const g of ancestorsOf(index, h)) {
      if (!expanded.has(g)) {
        out.add(boxKey("group", g));
        break;
      }
    }
  }
  return out;
}

/** The next match after `current` (Enter) or before it (Shift+Enter), wrapping around; -1 for none. */
export function stepMatch(count: number, current: number, back = false): number {
  if (count === 0) return -1;
  if (current < 0 || current >= count) return back ? count - 1 : 0;
  return (current + (back ? count - 1 : 1)) % count;
}

/** Whether a box key names a node or group of the index (the keys a search can return). */
export function isSearchable(index: OnnxIndex, key: string): boolean {
  const { kind, id } = parseBoxKey(key);
  return kind === "node" ? index.nodes.has(id) : kind === "group" && index.groups.has(id);
}
