import { describe, expect, it } from "vitest";

import type { Layer } from "../src/api-types.js";
import { ridgeAt, ridgeLayout, ridgePath } from "../src/lib/hist-ridges.js";
import {
  nearestStop,
  pageStop,
  reportStops,
  sliderKeyAction,
  stepTarget,
} from "../src/lib/hist-timeline.js";

function layerWith(nonfinite: Partial<Layer["nonfinite"]>, latest: number | null): Layer {
  return {
    nonfinite: { parameters: {}, gradients: {}, updates: {}, activations: null, ...nonfinite },
    latest: latest === null ? null : { iteration: latest },
  } as unknown as Layer;
}

const s = (iterations: number[]) => ({ iterations, values: iterations.map(() => 0) });

describe("reportStops", () => {
  it("joins the reports of the parameter's kinds and the activations, ascending", () => {
    const layer = layerWith(
      {
        parameters: { w: s([10, 20, 30]), b: s([5]) },
        gradients: { w: s([10, 20, 30]) },
        updates: { w: s([20, 30]) },
        activations: s([30, 40]),
      },
      40,
    );
    expect(reportStops(layer, "w")).toEqual([10, 20, 30, 40]);
    expect(reportStops(layer, null)).toEqual([30, 40]);
  });

  it("has no stops without series", () => {
    expect(reportStops(layerWith({}, 40), "w")).toEqual([]);
  });
});

describe("nearestStop and pageStop", () => {
  it("lands on the nearest stop, the lower one on a tie", () => {
    expect(nearestStop([10, 20, 30], 24)).toBe(20);
    expect(nearestStop([10, 20, 30], 25)).toBe(20);
    expect(nearestStop([10, 20, 30], 26)).toBe(30);
    expect(nearestStop([10, 20, 30], -5)).toBe(10);
    expect(nearestStop([], 7)).toBe(7);
  });

  it("pages a tenth of the stops, at least one, within the ends", () => {
    const stops = Array.from({ length: 30 }, (_, i) => (i + 1) * 10);
    expect(pageStop(stops, 150, 1)).toBe(180);
    expect(pageStop(stops, 150, -1)).toBe(120);
    expect(pageStop(stops, 20, -1)).toBe(10);
    expect(pageStop(stops, 290, 1)).toBe(300);
    expect(pageStop([10, 20], 10, 1)).toBe(20);
    expect(pageStop([], 10, 1)).toBe(10);
  });
});

describe("sliderKeyAction", () => {
  it("maps the slider's keys", () => {
    expect(sliderKeyAction("ArrowLeft")).toEqual({ kind: "step", direction: -1 });
    expect(sliderKeyAction("ArrowDown")).toEqual({ kind: "step", direction: -1 });
    expect(sliderKeyAction("ArrowRight")).toEqual({ kind: "step", direction: 1 });
    expect(sliderKeyAction("ArrowUp")).toEqual({ kind: "step", direction: 1 });
    expect(sliderKeyAction("Home")).toEqual({ kind: "jump", to: "first" });
    expect(sliderKeyAction("End")).toEqual({ kind: "jump", to: "last" });
    expect(sliderKeyAction("PageUp")).toEqual({ kind: "page", direction: 1 });
    expect(sliderKeyAction("PageDown")).toEqual({ kind: "page", direction: -1 });
    expect(sliderKeyAction("a")).toBeNull();
  });
});

describe("stepTarget", () => {
  it("takes the nearest neighbour of the shown tensors", () => {
    expect(stepTarget([80, 70, null], -1)).toBe(80);
    expect(stepTarget([110, 100, null], 1)).toBe(100);
    expect(stepTarget([null, null], 1)).toBeNull();
    expect(stepTarget([], -1)).toBeNull();
  });
});

describe("ridgeLayout", () => {
  const box = { width: 100, height: 50, peak: 20 };

  it("stacks the ridges by iteration on one value axis and one count scale", () => {
    const layout = ridgeLayout(
      [
        { iteration: 0, min: 0, max: 2, counts: [1, 2] },
        { iteration: 10, min: 1, max: 4, counts: [4, 0, 2] },
      ],
      box,
    );
    expect([layout.lo, layout.hi]).toEqual([0, 4]);
    const [old, now] = layout.ridges;
    // oldest at the top (baseline = peak), newest at the bottom (baseline = height)
    expect(old?.baseline).toBe(20);
    expect(now?.baseline).toBe(50);
    // counts scaled by the largest (4) to the peak: 20 units per 4
    expect(old?.points).toEqual([
      [0, 20],
      [12.5, 15],
      [37.5, 10],
      [50, 20],
    ]);
    expect(now?.points).toEqual([
      [25, 50],
      [37.5, 30],
      [62.5, 50],
      [87.5, 40],
      [100, 50],
    ]);
    expect(ridgePath(old ?? { iteration: 0, baseline: 0, points: [] })).toBe(
      "M0 20 L12.5 15 L37.5 10 L50 20 Z",
    );
  });

  it("draws a histogram of one value as a spike and a single ridge at the bottom", () => {
    const layout = ridgeLayout([{ iteration: 5, min: 2, max: 2, counts: [3] }], box);
    expect(layout.lo).toBeCloseTo(1.8, 12);
    expect(layout.hi).toBeCloseTo(2.2, 12);
    const r = layout.ridges[0];
    expect(r?.baseline).toBe(50);
    expect(r?.points[1]?.[0]).toBeCloseTo(50, 9);
    expect(r?.points[1]?.[1]).toBe(30);
  });

  it("has no ridges for no histograms", () => {
    expect(ridgeLayout([], box)).toEqual({ lo: 0, hi: 1, ridges: [] });
  });
});

describe("ridgeAt", () => {
  it("picks the newest ridge at or before an iteration", () => {
    expect(ridgeAt([10, 20, 30], 25)).toBe(20);
    expect(ridgeAt([10, 20, 30], 30)).toBe(30);
    expect(ridgeAt([10, 20, 30], 5)).toBeNull();
    expect(ridgeAt([10, 20, 30], null)).toBeNull();
  });
});
