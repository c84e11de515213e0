import { describe, expect, it } from "vitest";
import { curvePath } from "../src/lib/graph-path.js";

describe("curvePath", () => {
  it("is a line for two points and curves through inner points", () => {
    expect(curvePath([])).toBe("");
    expect(curvePath([[1, 2]])).toBe("M1,2");
    expect(
      curvePath([
        [0, 0],
        [10, 20],
      ]),
    ).toBe("M0,0 L10,20");
    expect(
      curvePath([
        [0, 0],
        [10, 10],
        [20, 10],
        [30, 0],
      ]),
    ).toBe("M0,0 Q10,10 15,10 Q20,10 30,0");
  });

  it("starts and ends on the polyline's ends", () => {
    const d = curvePath([
      [1.04, 2],
      [5, 9],
      [7.26, 30],
    ]);
    expect(d.startsWith("M1,2 ")).toBe(true);
    expect(d.endsWith(" 7.3,30")).toBe(true);
  });
});
