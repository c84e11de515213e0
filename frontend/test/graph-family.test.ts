import { describe, expect, it } from "vitest";
import { layerFamily, opFamily } from "../src/lib/graph-family.js";
import { layerFamily as reexported } from "../src/train-layer-graph.js";

describe("families", () => {
  it("colours layer types by class name", () => {
    expect(layerFamily("Conv2d")).toBe("conv");
    expect(layerFamily("BatchNorm1d")).toBe("norm");
    expect(layerFamily("Linear")).toBe("linear");
    expect(layerFamily("Flatten")).toBe("other");
    expect(reexported).toBe(layerFamily);
  });

  it("colours ONNX ops, the ones class names miss included", () => {
    expect(opFamily("Conv")).toBe("conv");
    expect(opFamily("Gemm")).toBe("linear");
    expect(opFamily("MatMul")).toBe("linear");
    expect(opFamily("BatchNormalization")).toBe("norm");
    expect(opFamily("Relu")).toBe("activation");
    expect(opFamily("Erf")).toBe("activation");
    expect(opFamily("GlobalAveragePool")).toBe("pool");
    expect(opFamily("Reshape")).toBe("other");
  });
});
