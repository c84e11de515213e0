import { describe, expect, it } from "vitest";
import { countVisible, indexOnnx, visibleGraph } from "../src/lib/onnx-view.js";
import {
  groupsHoldingHits,
  isSearchable,
  revealGroups,
  searchOnnx,
  stepMatch,
} from "../src/lib/onnx-search.js";
import { fixture } from "./onnx-fixture.js";

const index = indexOnnx(fixture);

describe("searchOnnx", () => {
  it("matches op types and names case-insensitively, in reading order", () => {
    expect(searchOnnx(index, "relu")).toEqual(["g:relu", "n:n2", "g:layer1.0.relu", "n:n4"]);
    expect(searchOnnx(index, "  GEMM ")).toEqual(["n:n8"]);
  });

  it("matches group names and module types", () => {
    expect(searchOnnx(index, "basicblock")).toEqual(["g:layer1.0"]);
    expect(searchOnnx(index, "layer1.0.conv2")).toEqual(["g:layer1.0.conv2"]);
  });

  it("matches a node by its exact id only", () => {
    expect(searchOnnx(index, "n3")).toEqual(["n:n3"]);
  });

  it("finds nothing for a blank query or an unknown name", () => {
    expect(searchOnnx(index, " ")).toEqual([]);
    expect(searchOnnx(index, "lstm")).toEqual([]);
  });

  it("returns keys of the index", () => {
    for (const k of searchOnnx(index, "o")) expect(isSearchable(index, k)).toBe(true);
    expect(isSearchable(index, "i:input")).toBe(false);
  });
});

describe("revealGroups", () => {
  it("opens the ancestors of every match", () => {
    const hits = searchOnnx(index, "Conv");
    const open = revealGroups(index, new Set(), hits, 0);
    expect([...open].sort()).toEqual([
      "conv1",
      "layer1",
      "layer1.0",
      "layer1.0.conv1",
      "layer1.0.conv2",
    ]);
    const shown = visibleGraph(index, open).boxes.map((b) => b.key);
    for (const n of ["n:n0", "n:n3", "n:n5"]) expect(shown).toContain(n);
  });

  it("opens the current match's ancestors only when all would draw too many boxes", () => {
    const hits = searchOnnx(index, "Conv");
    const all = revealGroups(index, new Set(), hits, 0);
    const limit = countVisible(index, all) - 1;
    const current = hits.indexOf("n:n5");
    expect([...revealGroups(index, new Set(), hits, current, limit)].sort()).toEqual([
      "layer1",
      "layer1.0",
      "layer1.0.conv2",
    ]);
  });

  it("marks collapsed groups that hold matches", () => {
    const hits = searchOnnx(index, "Relu");
    expect([...groupsHoldingHits(index, new Set(), hits)].sort()).toEqual(["g:layer1", "g:relu"]);
    expect([...groupsHoldingHits(index, new Set(["relu", "layer1", "layer1.0"]), hits)]).toEqual([
      "g:layer1.0.relu",
    ]);
  });
});

describe("stepMatch", () => {
  it("cycles forward and back, wrapping around", () => {
    expect(stepMatch(3, -1)).toBe(0);
    expect(stepMatch(3, 0)).toBe(1);
    expect(stepMatch(3, 2)).toBe(0);
    expect(stepMatch(3, 0, true)).toBe(2);
    expect(stepMatch(3, -1, true)).toBe(2);
    expect(stepMatch(0, 0)).toBe(-1);
  });
});
