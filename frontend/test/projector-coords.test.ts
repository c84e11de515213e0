import { describe, expect, it } from "vitest";
import { MARGIN, placePoints, toDrawn, toIndices } from "../src/lib/projector-coords.js";

describe("placePoints", () => {
  it("scales into [-1, 1] with one factor for both axes, centred", () => {
    const p = placePoints([0, 10, 5], [0, 2, 1]);
    expect([...p.x]).toEqual([-(1 - MARGIN), 1 - MARGIN, 0].map((v) => Math.fround(v)));
    // y spans 2 of x's 10: the shape is kept, not stretched to the square.
    expect(p.y[0]).toBeCloseTo(-(1 - MARGIN) * 0.2, 6);
    expect(p.y[1]).toBeCloseTo((1 - MARGIN) * 0.2, 6);
    expect(p.y[2]).toBeCloseTo(0, 6);
    for (const v of [...p.x, ...p.y]) expect(Math.abs(v)).toBeLessThanOrEqual(1);
  });

  it("leaves out null and non-finite coordinates and maps indices both ways", () => {
    const p = placePoints([1, null, 3, Number.NaN, 5], [1, 2, null, 4, 5]);
    expect(p.unplaced).toBe(3);
    expect([...p.index]).toEqual([0, 4]);
    expect([...p.drawn]).toEqual([0, -1, -1, -1, 1]);
    expect(toDrawn(p, [4, 1, 0])).toEqual([1, 0]);
    expect(toIndices(p, [1, 0])).toEqual([4, 0]);
  });

  it("puts one point, or points all at one place, at the centre", () => {
    const one = placePoints([7], [-3]);
    expect([one.x[0], one.y[0]]).toEqual([0, 0]);
    const same = placePoints([2, 2], [2, 2]);
    expect([...same.x, ...same.y]).toEqual([0, 0, 0, 0]);
  });

  it("places nothing for an empty or all-null layout", () => {
    expect(placePoints([], []).x.length).toBe(0);
    const none = placePoints([null, null], [null, null]);
    expect(none.x.length).toBe(0);
    expect(none.unplaced).toBe(2);
  });
});
