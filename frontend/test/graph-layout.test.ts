import { describe, expect, it } from "vitest";
import { corners, layoutGraph, type LayoutRequest, type Rect } from "../src/lib/graph-layout.js";

const inside = (inner: Rect, outer: Rect): boolean =>
  inner.x >= outer.x &&
  inner.y >= outer.y &&
  inner.x + inner.width <= outer.x + outer.width &&
  inner.y + inner.height <= outer.y + outer.height;

const request: LayoutRequest = {
  id: 7,
  boxes: [
    { id: "in", width: 60, height: 30, parent: null },
    { id: "a", width: 80, height: 28, parent: "C" },
    { id: "b", width: 80, height: 28, parent: "D" },
    { id: "c", width: 80, height: 28, parent: "C" },
    { id: "out", width: 60, height: 30, parent: null },
  ],
  clusters: [
    { id: "C", parent: null },
    { id: "D", parent: "C" },
  ],
  links: [
    { source: "in", target: "a", labelWidth: 50, labelHeight: 12 },
    { source: "a", target: "b", labelWidth: 0, labelHeight: 0 },
    { source: "b", target: "c", labelWidth: 50, labelHeight: 12 },
    { source: "c", target: "out", labelWidth: 0, labelHeight: 0 },
    { source: "c", target: "out", labelWidth: 0, labelHeight: 0 },
    { source: "a", target: "a", labelWidth: 0, labelHeight: 0 },
    { source: "a", target: "nowhere", labelWidth: 0, labelHeight: 0 },
  ],
  clusterHeader: 20,
};

describe("layoutGraph", () => {
  const r = layoutGraph(request);

  it("answers the request's id with every box placed", () => {
    expect(r.id).toBe(7);
    expect(Object.keys(r.boxes).sort()).toEqual(["a", "b", "c", "in", "out"]);
    expect(Object.keys(r.clusters).sort()).toEqual(["C", "D"]);
  });

  it("flows top to bottom along the edges", () => {
    const y = (id: string) => r.boxes[id]?.y ?? NaN;
    expect(y("in")).toBeLessThan(y("a"));
    expect(y("a")).toBeLessThan(y("b"));
    expect(y("b")).toBeLessThan(y("c"));
    expect(y("c")).toBeLessThan(y("out"));
  });

  it("frames each cluster around its children, nested clusters inside their parent", () => {
    const C = r.clusters.C as Rect;
    const D = r.clusters.D as Rect;
    expect(inside(r.boxes.a as Rect, C)).toBe(true);
    expect(inside(r.boxes.c as Rect, C)).toBe(true);
    expect(inside(r.boxes.b as Rect, D)).toBe(true);
    expect(inside(D, C)).toBe(true);
    expect(inside(r.boxes.in as Rect, C)).toBe(false);
  });

  it("leaves room for a cluster's header above its first row", () => {
    const C = r.clusters.C as Rect;
    expect((r.boxes.a as Rect).y - C.y).toBeGreaterThanOrEqual(20);
  });

  it("drops repeated links, self-loops and links to unknown boxes; places labels", () => {
    expect(r.links.map((l) => `${l.source}>${l.target}`)).toEqual(["in>a", "a>b", "b>c", "c>out"]);
    for (const l of r.links) expect(l.points.length).toBeGreaterThanOrEqual(2);
    expect(r.links[0]?.label).not.toBeNull();
    expect(r.links[1]?.label).toBeNull();
  });

  it("keeps the drawing's size around everything", () => {
    for (const b of Object.values(r.boxes)) {
      expect(b.x + b.width).toBeLessThanOrEqual(r.width);
      expect(b.y + b.height).toBeLessThanOrEqual(r.height);
    }
  });
});

describe("layoutGraph with one box feeding many", () => {
  // a mask read by every layer of a chain: ten readers, more than dagre routes one by one
  const boxes = [
    { id: "mask", width: 60, height: 30, parent: null },
    ...Array.from({ length: 10 }, (_, i) => ({
      id: `l${i}`,
      width: 80,
      height: 40,
      parent: "enc",
    })),
  ];
  const links = [
    ...Array.from({ length: 9 }, (_, i) => ({
      source: `l${i}`,
      target: `l${i + 1}`,
      labelWidth: 0,
      labelHeight: 0,
    })),
    ...Array.from({ length: 10 }, (_, i) => ({
      source: "mask",
      target: `l${i}`,
      labelWidth: 40,
      labelHeight: 12,
    })),
  ];
  const r = layoutGraph({ id: 1, boxes, clusters: [{ id: "enc", parent: null }], links });

  it("runs a bus down the left of the readers, into each from its left", () => {
    const enc = r.clusters.enc as Rect;
    for (let i = 0; i < 10; i++) {
      const link = r.links.find((l) => l.source === "mask" && l.target === `l${i}`);
      const target = r.boxes[`l${i}`] as Rect;
      const last = link?.points.at(-1);
      expect(last?.[0]).toBeCloseTo(target.x, 0);
      expect(last?.[1]).toBeCloseTo(target.y + target.height / 2, 0);
      // the bus lies inside the frame, left of every reader
      const bus = link?.points.at(-2);
      expect(bus?.[0]).toBeLessThan(target.x);
      expect(bus?.[0]).toBeGreaterThan(enc.x);
    }
  });

  it("keeps the chain in order, one reader under the other", () => {
    for (let i = 1; i < 10; i++) {
      expect((r.boxes[`l${i}`] as Rect).y).toBeGreaterThan((r.boxes[`l${i - 1}`] as Rect).y);
    }
  });
});

describe("corners", () => {
  it("adds a point either side of each inner corner, within half a segment", () => {
    expect(
      corners([
        [0, 0],
        [0, 100],
        [50, 100],
        [50, 104],
      ]),
    ).toEqual([
      [0, 0],
      [0, 92],
      [0, 100],
      [8, 100],
      [42, 100],
      [50, 100],
      [50, 102],
      [50, 104],
    ]);
    expect(corners([[1, 2]])).toEqual([[1, 2]]);
  });
});
