import { describe, expect, it } from "vitest";
import {
  centreOn,
  fitTransform,
  inView,
  keepAt,
  MAX_ZOOM,
  MIN_ZOOM,
  onScreen,
  transformAttribute,
  zoomAt,
} from "../src/lib/graph-viewport.js";

const view = { width: 600, height: 500 };

describe("fitTransform", () => {
  it("shows a small drawing 1:1, centred", () => {
    expect(fitTransform({ width: 200, height: 100 }, view)).toEqual({ x: 200, y: 200, k: 1 });
  });

  it("shrinks a large drawing to fit both ways", () => {
    const t = fitTransform({ width: 1168, height: 484 }, view);
    expect(t.k).toBeCloseTo(0.5);
    expect(t.x).toBeCloseTo(8);
  });

  it("fits a tall graph's first view by its width when the whole would be unreadable", () => {
    const tall = { width: 300, height: 5000 };
    const first = fitTransform(tall, view, true);
    expect(first.k).toBe(1);
    expect(first.y).toBe(8); // its top shows
    expect(fitTransform(tall, view).k).toBeLessThan(0.1); // Fit shows all of it
  });

  it("fits a first view both ways while it stays readable", () => {
    expect(fitTransform({ width: 300, height: 700 }, view, true).k).toBeCloseTo(484 / 700);
  });
});

describe("zoomAt", () => {
  it("keeps the point under the pointer in place", () => {
    const t = { x: 10, y: 20, k: 1 };
    const z = zoomAt(t, 2, 110, 220);
    expect(z.k).toBe(2);
    // layout point (100, 200) showed at (110, 220) and still does
    expect(100 * z.k + z.x).toBeCloseTo(110);
    expect(200 * z.k + z.y).toBeCloseTo(220);
  });

  it("stays within the zoom range", () => {
    expect(zoomAt({ x: 0, y: 0, k: 1 }, 1000, 0, 0).k).toBe(MAX_ZOOM);
    expect(zoomAt({ x: 0, y: 0, k: 1 }, 1e-6, 0, 0).k).toBe(MIN_ZOOM);
  });
});

describe("moves", () => {
  const box = { x: 100, y: 50, width: 40, height: 20 };

  it("centres a box", () => {
    const t = centreOn({ x: 0, y: 0, k: 2 }, box, view);
    const at = onScreen(t, box);
    expect(at.x + box.width).toBeCloseTo(300);
    expect(at.y + box.height).toBeCloseTo(250);
  });

  it("keeps a box where it was on the screen", () => {
    const t = keepAt({ x: 0, y: 0, k: 0.5 }, { ...box, x: 400 }, { x: 30, y: 40 });
    expect(onScreen(t, { ...box, x: 400 })).toEqual({ x: 30, y: 40 });
  });

  it("tells whether a box shows", () => {
    expect(inView({ x: 0, y: 0, k: 1 }, box, view)).toBe(true);
    expect(inView({ x: 500, y: 0, k: 1 }, box, view)).toBe(false);
    expect(inView({ x: 0, y: -60, k: 1 }, box, view)).toBe(false);
  });

  it("writes the SVG transform", () => {
    expect(transformAttribute({ x: 1.234, y: -5, k: 0.5 })).toBe(
      "translate(1.2,-5.0) scale(0.5000)",
    );
  });
});
