import { describe, expect, it } from "vitest";
import { arrowDirection, nearestInDirection, type NavRect } from "../src/lib/graph-nav.js";

// Two rows: a, b, c on top (b in the middle), d straight under b, e under c but far right.
const rects = new Map<string, NavRect>([
  ["a", { x: 0, y: 0, width: 80, height: 30 }],
  ["b", { x: 100, y: 0, width: 80, height: 30 }],
  ["c", { x: 200, y: 0, width: 80, height: 30 }],
  ["d", { x: 100, y: 80, width: 80, height: 30 }],
  ["e", { x: 400, y: 78, width: 80, height: 34 }],
]);

describe("nearestInDirection", () => {
  it("goes to the box straight below or above", () => {
    expect(nearestInDirection(rects, "b", "down")).toBe("d");
    expect(nearestInDirection(rects, "d", "up")).toBe("b");
  });

  it("prefers a box in line over a closer one to the side", () => {
    expect(nearestInDirection(rects, "c", "down")).toBe("d");
    expect(nearestInDirection(rects, "e", "up")).toBe("c");
  });

  it("moves along a row left and right, a box of another height included", () => {
    expect(nearestInDirection(rects, "b", "right")).toBe("c");
    expect(nearestInDirection(rects, "b", "left")).toBe("a");
    expect(nearestInDirection(rects, "d", "right")).toBe("e");
  });

  it("finds nothing past the edge, or for an unknown box", () => {
    expect(nearestInDirection(rects, "a", "left")).toBeNull();
    expect(nearestInDirection(rects, "a", "up")).toBeNull();
    expect(nearestInDirection(rects, "zz", "down")).toBeNull();
  });
});

describe("arrowDirection", () => {
  it("maps the arrow keys and nothing else", () => {
    expect(arrowDirection("ArrowUp")).toBe("up");
    expect(arrowDirection("ArrowDown")).toBe("down");
    expect(arrowDirection("ArrowLeft")).toBe("left");
    expect(arrowDirection("ArrowRight")).toBe("right");
    expect(arrowDirection("Enter")).toBeNull();
  });
});
