import { describe, expect, it } from "vitest";

import { markerTitle, nonFiniteLabel } from "../src/lib/chart-markers.js";

describe("nonFiniteLabel", () => {
  it("spells each kind as the tables do", () => {
    expect(nonFiniteLabel("en", "nan")).toBe("NaN");
    expect(nonFiniteLabel("en", "inf")).toBe("+Inf");
    expect(nonFiniteLabel("en", "-inf")).toBe("-Inf");
  });
});

describe("markerTitle", () => {
  it("names the series, the value and the iteration", () => {
    expect(markerTitle("en", "Score", "nan", 300)).toBe("Score: NaN at iteration 300");
    expect(markerTitle("en", "loss", "-inf", 7)).toBe("loss: -Inf at iteration 7");
  });

  it("leaves the series out when it has no label", () => {
    expect(markerTitle("en", "", "inf", 12)).toBe("+Inf at iteration 12");
  });

  it("reads in the chart's language", () => {
    expect(markerTitle("zh", "Score", "nan", 300)).toBe("Score: 迭代 300 处为 NaN");
  });
});
