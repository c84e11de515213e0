import { describe, expect, it } from "vitest";

import {
  layoutDag,
  type LayoutEdge,
  type LayoutNode,
  type PlacedNode,
} from "../src/lib/dag-layout.js";

const node = (id: string, width = 100, height = 40): LayoutNode => ({ id, width, height });
const edge = (source: string, target: string): LayoutEdge => ({ source, target });
const byId = (nodes: PlacedNode[]): Map<string, PlacedNode> => new Map(nodes.map((n) => [n.id, n]));
const overlap = (a: PlacedNode, b: PlacedNode): boolean =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe("layoutDag", () => {
  it("lays out nothing", () => {
    const l = layoutDag([], []);
    expect(l.nodes).toEqual([]);
    expect(l.edges).toEqual([]);
    expect(l.width).toBeGreaterThan(0);
  });

  it("stacks a chain top to bottom, centred", () => {
    const l = layoutDag([node("a"), node("b"), node("c")], [edge("a", "b"), edge("b", "c")]);
    expect(l.nodes.map((n) => [n.id, n.rank])).toEqual([
      ["a", 0],
      ["b", 1],
      ["c", 2],
    ]);
    const [a, b, c] = l.nodes as [PlacedNode, PlacedNode, PlacedNode];
    expect(a.y).toBeLessThan(b.y);
    expect(b.y).toBeLessThan(c.y);
    expect(a.x).toBe(b.x);
    expect(b.x).toBe(c.x);
    expect(l.edges).toHaveLength(2);
    expect(l.edges[0]?.path).toMatch(/^M[\d.]+,[\d.]+ C/);
  });

  it("ranks by the longest path", () => {
    // a -> b -> c, a -> c: c is below b
    const l = layoutDag(
      [node("a"), node("b"), node("c")],
      [edge("a", "c"), edge("a", "b"), edge("b", "c")],
    );
    const m = byId(l.nodes);
    expect(m.get("c")?.rank).toBe(2);
  });

  it("returns nodes in topological order", () => {
    const ids = ["d", "c", "b", "a"];
    const l = layoutDag(
      ids.map((i) => node(i)),
      [edge("a", "b"), edge("b", "c"), edge("c", "d")],
    );
    expect(l.nodes.map((n) => n.id)).toEqual(["a", "b", "c", "d"]);
  });

  it("places branches side by side without overlap and the join under them", () => {
    const l = layoutDag(
      [node("in"), node("l"), node("r"), node("join")],
      [edge("in", "l"), edge("in", "r"), edge("l", "join"), edge("r", "join")],
    );
    const m = byId(l.nodes);
    const left = m.get("l") as PlacedNode;
    const right = m.get("r") as PlacedNode;
    const join = m.get("join") as PlacedNode;
    expect(left.y).toBe(right.y);
    expect(overlap(left, right)).toBe(false);
    const mid = (left.x + left.width / 2 + right.x + right.width / 2) / 2;
    expect(join.x + join.width / 2).toBeCloseTo(mid, 5);
    expect(m.get("in")?.x).toBeCloseTo(join.x, 5);
  });

  it("orders a row by the barycentre of the parents", () => {
    // a and b on row 0 (a left of b); children listed in reverse order
    const l = layoutDag(
      [node("a"), node("b"), node("under-b"), node("under-a")],
      [edge("b", "under-b"), edge("a", "under-a")],
    );
    const m = byId(l.nodes);
    expect((m.get("under-a") as PlacedNode).x).toBeLessThan((m.get("under-b") as PlacedNode).x);
  });

  it("never overlaps nodes in a wide graph", () => {
    const nodes = [node("in"), ...Array.from({ length: 12 }, (_, i) => node(`n${i}`, 60 + i * 7))];
    const edges = Array.from({ length: 12 }, (_, i) => edge(i < 6 ? "in" : `n${i - 6}`, `n${i}`));
    const l = layoutDag(nodes, edges);
    for (const a of l.nodes)
      for (const b of l.nodes) if (a !== b) expect(overlap(a, b)).toBe(false);
    for (const a of l.nodes) {
      expect(a.x).toBeGreaterThanOrEqual(0);
      expect(a.x + a.width).toBeLessThanOrEqual(l.width);
      expect(a.y + a.height).toBeLessThanOrEqual(l.height);
    }
  });

  it("routes a skip connection around the nodes it would cross", () => {
    // residual block: a -> b -> c -> add, a -> add
    const l = layoutDag(
      [node("a"), node("b"), node("c"), node("add")],
      [edge("a", "b"), edge("b", "c"), edge("c", "add"), edge("a", "add")],
    );
    const skip = l.edges.find((e) => e.source === "a" && e.target === "add");
    expect(skip?.path).toContain("L"); // corridor segment
    const b = byId(l.nodes).get("b") as PlacedNode;
    const corridorX = Number(/L([\d.]+),/.exec(skip?.path ?? "")?.[1]);
    expect(corridorX).toBeGreaterThan(b.x + b.width);
    expect(l.width).toBeGreaterThan(corridorX);
  });

  it("drops unknown, self and repeated edges and repeated nodes", () => {
    const l = layoutDag(
      [node("a"), node("b"), node("a", 999)],
      [edge("a", "b"), edge("a", "b"), edge("a", "a"), edge("x", "b"), edge("a", "y")],
    );
    expect(l.nodes).toHaveLength(2);
    expect(byId(l.nodes).get("a")?.width).toBe(100);
    expect(l.edges).toEqual([expect.objectContaining({ source: "a", target: "b" })]);
  });

  it("survives a cycle and still draws every edge", () => {
    const l = layoutDag(
      [node("a"), node("b"), node("c")],
      [edge("a", "b"), edge("b", "c"), edge("c", "a")],
    );
    expect(l.nodes.map((n) => n.id)).toEqual(["a", "b", "c"]);
    expect(l.edges).toHaveLength(3);
    for (const e of l.edges) expect(e.path).not.toContain("NaN");
  });

  it("lays out 300 layers quickly", () => {
    const nodes = Array.from({ length: 300 }, (_, i) => node(`l${i}`));
    const edges: LayoutEdge[] = [];
    for (let i = 1; i < 300; i++) {
      edges.push(edge(`l${i - 1}`, `l${i}`));
      if (i % 3 === 0 && i >= 3) edges.push(edge(`l${i - 3}`, `l${i}`));
    }
    const t0 = performance.now();
    const l = layoutDag(nodes, edges);
    expect(performance.now() - t0).toBeLessThan(500);
    expect(l.nodes).toHaveLength(300);
    expect(l.nodes[299]?.rank).toBe(299);
    for (const e of l.edges) expect(e.path).not.toContain("NaN");
  });
});
