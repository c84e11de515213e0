import { describe, expect, it } from "vitest";

import { drawBand, drawGuides, type DrawTarget, type Guides } from "../src/lib/chart-draw.js";

/** A 2D context that records the calls the draw functions make (no canvas in node). */
class RecordingContext {
  calls: string[] = [];
  fillStyle = "";
  strokeStyle = "";
  lineWidth = 1;
  font = "";
  textAlign = "";
  textBaseline = "";
  save(): void {
    this.calls.push("save");
  }
  restore(): void {
    this.calls.push("restore");
  }
  beginPath(): void {}
  clip(): void {
    this.calls.push("clip");
  }
  rect(x: number, y: number, w: number, h: number): void {
    this.calls.push(`rect ${x} ${y} ${w} ${h}`);
  }
  setLineDash(d: number[]): void {
    this.calls.push(`dash ${d.join(",")}`);
  }
  moveTo(x: number, y: number): void {
    this.calls.push(`move ${x} ${y}`);
  }
  lineTo(x: number, y: number): void {
    this.calls.push(`line ${x} ${y}`);
  }
  stroke(): void {
    this.calls.push(`stroke ${this.strokeStyle}`);
  }
  fillRect(x: number, y: number, w: number, h: number): void {
    this.calls.push(`fillRect ${x} ${y} ${w} ${h} ${this.fillStyle}`);
  }
  measureText(text: string): { width: number } {
    return { width: 6 * text.length };
  }
  fillText(text: string, x: number, y: number): void {
    this.calls.push(`text ${text} ${x} ${y} ${this.font} ${this.fillStyle}`);
  }
}

/**
 * A plot whose area spans x 10..210 and y 20..120 canvas px; x values map 1:1 from 0 (so x 0..200
 * is on screen) and y values from 0 at the bottom to 10 at the top (10 px per unit).
 */
function target(xMin = 0, xMax = 200): { u: DrawTarget; ctx: RecordingContext } {
  const ctx = new RecordingContext();
  const u = {
    ctx: ctx as unknown as CanvasRenderingContext2D,
    bbox: { left: 10, top: 20, width: 200, height: 100 },
    scales: { x: { min: xMin, max: xMax } },
    valToPos: (v: number, scale: string) => (scale === "x" ? 10 + v : 120 - 10 * v),
  } as unknown as DrawTarget;
  return { u, ctx };
}

const GUIDES: Guides = {
  refLines: [],
  epochs: [],
  log: false,
  color: "grey",
  font: "serif",
  lang: "en",
  pxRatio: 1,
};

describe("drawBand", () => {
  it("fills between the two values, in either order", () => {
    for (const band of [
      [2, 4],
      [4, 2],
    ] as const) {
      const { u, ctx } = target();
      drawBand(u, band, false, "green");
      expect(ctx.calls).toEqual(["save", "fillRect 10 80 200 20 green", "restore"]);
    }
  });

  it("clips the band to the plot and skips one wholly outside it", () => {
    const { u, ctx } = target();
    drawBand(u, [-5, 5], false, "green");
    expect(ctx.calls).toContain("fillRect 10 70 200 50 green");
    const out = target();
    drawBand(out.u, [20, 30], false, "green");
    expect(out.ctx.calls).toEqual([]);
  });

  it("draws nothing without a band, or on a log axis when the band reaches 0", () => {
    const { u, ctx } = target();
    drawBand(u, null, false, "green");
    drawBand(u, [0, 2], true, "green");
    drawBand(u, [-1, 2], true, "green");
    expect(ctx.calls).toEqual([]);
    drawBand(u, [1, 2], true, "green");
    expect(ctx.calls).toHaveLength(3);
  });
});

describe("drawGuides", () => {
  const strokes = (ctx: RecordingContext): string[] =>
    ctx.calls.filter((c) => c.startsWith("move") || c.startsWith("line"));
  const texts = (ctx: RecordingContext): string[] => ctx.calls.filter((c) => c.startsWith("text"));

  it("draws reference lines across the plot, dashed and clipped to it", () => {
    const { u, ctx } = target();
    drawGuides(u, { ...GUIDES, refLines: [3] });
    expect(ctx.calls.slice(0, 4)).toEqual(["save", "rect 10 20 200 100", "clip", "dash 4,4"]);
    expect(strokes(ctx)).toEqual(["move 10 90.5", "line 210 90.5"]);
    expect(ctx.calls).toContain("stroke grey");
  });

  it("skips reference lines that are non-finite, off the plot, or ≤ 0 on a log axis", () => {
    const { u, ctx } = target();
    drawGuides(u, { ...GUIDES, refLines: [Number.NaN, Number.POSITIVE_INFINITY, 11, -1] });
    expect(strokes(ctx)).toEqual([]);
    const log = target();
    drawGuides(log.u, { ...GUIDES, log: true, refLines: [0, -2, 1] });
    expect(strokes(log.ctx)).toEqual(["move 10 110.5", "line 210 110.5"]);
  });

  it("draws epoch ends as vertical lines, labelled above the plot", () => {
    const { u, ctx } = target();
    drawGuides(u, {
      ...GUIDES,
      epochs: [
        { epoch: 2, iteration: 120 },
        { epoch: 1, iteration: 50 },
      ],
    });
    expect(strokes(ctx)).toEqual([
      "move 60.5 20",
      "line 60.5 120",
      "move 130.5 20",
      "line 130.5 120",
    ]);
    expect(texts(ctx)).toEqual([
      "text Epoch 1 63.5 18 11px serif grey",
      "text Epoch 2 133.5 18 11px serif grey",
    ]);
    // the labels come after the clipped lines, outside the clip
    expect(ctx.calls.lastIndexOf("restore")).toBe(ctx.calls.length - 1);
    expect(ctx.calls.indexOf("restore")).toBeLessThan(
      ctx.calls.findIndex((c) => c.startsWith("text")),
    );
  });

  it("leaves out epochs off the x-range and lines closer than 3 px to the last", () => {
    const { u, ctx } = target(40, 200);
    drawGuides(u, {
      ...GUIDES,
      epochs: [
        { epoch: 1, iteration: 30 },
        { epoch: 2, iteration: 100 },
        { epoch: 3, iteration: 102 },
        { epoch: 4, iteration: 250 },
      ],
    });
    expect(strokes(ctx)).toEqual(["move 110.5 20", "line 110.5 120"]);
    expect(texts(ctx)).toEqual(["text Epoch 2 113.5 18 11px serif grey"]);
  });

  it("drops a label that would overlap the previous one or run past the right edge", () => {
    const { u, ctx } = target();
    drawGuides(u, {
      ...GUIDES,
      epochs: [
        { epoch: 1, iteration: 10 },
        { epoch: 2, iteration: 30 },
        { epoch: 3, iteration: 70 },
        { epoch: 4, iteration: 180 },
      ],
    });
    expect(strokes(ctx)).toHaveLength(8);
    // "Epoch 1" is 42 px wide, so "Epoch 2" 20 px on would overlap it; "Epoch 4" would end at
    // 235.5, more than 12 px past the right edge (210)
    expect(texts(ctx).map((t) => t.split(" ").slice(1, 3).join(" "))).toEqual([
      "Epoch 1",
      "Epoch 3",
    ]);
  });

  it("scales lines, dashes and type by the pixel ratio", () => {
    const { u, ctx } = target();
    drawGuides(u, { ...GUIDES, pxRatio: 2, epochs: [{ epoch: 1, iteration: 50 }] });
    expect(ctx.calls).toContain("dash 8,8");
    expect(ctx.lineWidth).toBe(2);
    expect(texts(ctx)).toEqual(["text Epoch 1 66.5 16 22px serif grey"]);
  });

  it("labels the epochs in the chart's language", () => {
    const { u, ctx } = target();
    drawGuides(u, { ...GUIDES, lang: "zh", epochs: [{ epoch: 3, iteration: 50 }] });
    expect(texts(ctx)[0]).toContain("第 3 轮");
  });
});
