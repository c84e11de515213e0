import { describe, expect, it } from "vitest";
import {
  boxFace,
  clip,
  GROUP_HEIGHT,
  headerText,
  linkLabel,
  MAX_CHARS,
  NODE_HEIGHT,
  type BoxWords,
} from "../src/lib/onnx-boxes.js";
import { indexOnnx, visibleGraph } from "../src/lib/onnx-view.js";
import { fixture } from "./onnx-fixture.js";

const index = indexOnnx(fixture);
const words: BoxWords = { nodes: (n) => `${n} nodes`, noName: "(no name)" };

describe("boxFace", () => {
  it("shows a node's op type, its name in the tooltip", () => {
    const f = boxFace(index, { key: "n:n0", kind: "node", id: "n0", parent: null }, words);
    expect(f.lines).toEqual(["Conv", null]);
    expect(f.height).toBe(NODE_HEIGHT);
    expect(f.family).toBe("conv");
    expect(f.title).toBe("Conv\n/conv1/Conv");
  });

  it("shows a group's name, type and node count", () => {
    const f = boxFace(
      index,
      { key: "g:layer1.0", kind: "group", id: "layer1.0", parent: null },
      words,
    );
    expect(f.lines).toEqual(["0", "BasicBlock · 4 nodes"]);
    expect(f.height).toBe(GROUP_HEIGHT);
    expect(f.title).toContain("layer1.0");
  });

  it("shows a graph input's shape", () => {
    const f = boxFace(index, { key: "i:input", kind: "input", id: "input", parent: null }, words);
    expect(f.lines).toEqual(["input", "batch×3×224×224"]);
    expect(f.family).toBe("value");
  });

  it("sizes boxes by their text, within bounds", () => {
    const g = visibleGraph(index, new Set());
    for (const b of g.boxes) {
      const f = boxFace(index, b, words);
      expect(f.width).toBeGreaterThanOrEqual(48);
      expect(f.width).toBeLessThanOrEqual(280);
    }
  });
});

describe("labels", () => {
  it("cuts long text with an ellipsis", () => {
    expect(clip("short")).toBe("short");
    const long = "x".repeat(MAX_CHARS + 5);
    expect(clip(long)).toHaveLength(MAX_CHARS);
    expect(clip(long).endsWith("…")).toBe(true);
  });

  it("labels a link with its shape and the room it needs", () => {
    const l = linkLabel(index, { source: "a", target: "b", values: ["/conv1/Conv_output_0"] });
    expect(l?.text).toBe("1×64×112×112");
    expect(l?.width).toBeGreaterThan(0);
    expect(linkLabel(index, { source: "a", target: "b", values: ["nope"] })).toBeNull();
  });

  it("heads an open group with its name and type", () => {
    expect(headerText(index, "layer1.0")).toBe("0 · BasicBlock");
    expect(headerText(index, "layer1")).toBe("layer1 · Sequential");
    expect(headerText(index, "layer1", 90)).toBe("layer1");
    expect(headerText(index, "layer1", 50)).toBe("lay…");
  });
});
