import { describe, expect, it } from "vitest";

import { FAINT_ALPHA } from "../src/lib/chart-options.js";
import { BACKGROUNDS, SERIES_COLORS, SERIES_COUNT, seriesDash, seriesToken } from "../src/theme.js";

type Rgb = [number, number, number];

function rgb(hex: string): Rgb {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** WCAG 2 relative luminance. */
function luminance([r, g, b]: Rgb): number {
  const lin = (c: number) => {
    const v = c / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

function contrast(a: Rgb, b: Rgb): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** `fg` drawn with opacity `alpha` over `bg`. */
function blend(fg: Rgb, bg: Rgb, alpha: number): Rgb {
  return fg.map((c, i) => Math.round(alpha * c + (1 - alpha) * (bg[i] ?? 0))) as Rgb;
}

/**
 * A rough perceptual distance (the "redmean" approximation), 0 to about 765. 12 colours that all
 * keep 3:1 contrast with one background cannot be far apart; the threshold keeps neighbours
 * apart, and the line width, dashes and legend do the rest.
 */
function distance(a: Rgb, b: Rgb): number {
  const rm = (a[0] + b[0]) / 2;
  const [dr, dg, db] = [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
  return Math.sqrt((2 + rm / 256) * dr * dr + 4 * dg * dg + (2 + (255 - rm) / 256) * db * db);
}

describe("series colours", () => {
  for (const theme of ["light", "dark"] as const) {
    const bg = rgb(BACKGROUNDS[theme]);
    const colors = SERIES_COLORS[theme].map(rgb);

    it(`${theme}: 12 colours, each with 3:1 contrast against the background`, () => {
      expect(colors).toHaveLength(SERIES_COUNT);
      expect(SERIES_COUNT).toBeGreaterThanOrEqual(12);
      for (const c of colors) expect(contrast(c, bg)).toBeGreaterThanOrEqual(3);
    });

    it(`${theme}: a faint line (the raw score) keeps 3:1 contrast against the background`, () => {
      for (const c of colors)
        expect(contrast(blend(c, bg, FAINT_ALPHA), bg)).toBeGreaterThanOrEqual(3);
    });

    it(`${theme}: no two colours are alike`, () => {
      for (let i = 0; i < colors.length; i++)
        for (let j = i + 1; j < colors.length; j++) {
          const d = distance(colors[i] as Rgb, colors[j] as Rgb);
          expect(d, `${SERIES_COLORS[theme][i]} vs ${SERIES_COLORS[theme][j]}`).toBeGreaterThan(60);
        }
    });
  }

  it("repeats the colours past 12 with a dash pattern per round", () => {
    expect(seriesToken(0)).toBe(1);
    expect(seriesToken(SERIES_COUNT)).toBe(1);
    expect(seriesDash(0)).toBeUndefined();
    expect(seriesDash(SERIES_COUNT - 1)).toBeUndefined();
    expect(seriesDash(SERIES_COUNT)).toEqual([6, 3]);
    expect(seriesDash(2 * SERIES_COUNT)).not.toEqual(seriesDash(SERIES_COUNT));
  });
});
