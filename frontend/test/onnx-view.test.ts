import { describe, expect, it } from "vitest";
import type { OnnxView } from "../src/api-types.js";
import {
  ancestorsOf,
  boxKey,
  countVisible,
  edgeLabel,
  formatOnnxAttribute,
  formatShape,
  formatValueType,
  groupOfLayer,
  indexOnnx,
  initialExpanded,
  layerOf,
  parseBoxKey,
  visibleGraph,
  visibleKeyOf,
} from "../src/lib/onnx-view.js";
import { fixture } from "./onnx-fixture.js";

const index = indexOnnx(fixture);
const group0 = fixture.groups[0] as OnnxView["groups"][number];
const node = (i: number) => fixture.nodes[i] as OnnxView["nodes"][number];
const keys = (g: ReturnType<typeof visibleGraph>) => g.boxes.map((b) => b.key);
const pairs = (g: ReturnType<typeof visibleGraph>) => g.edges.map((e) => `${e.source}>${e.target}`);

describe("box keys", () => {
  it("keep a node and a group of the same name apart", () => {
    expect(boxKey("node", "n1")).not.toBe(boxKey("group", "n1"));
    expect(parseBoxKey(boxKey("group", "layer1.0"))).toEqual({ kind: "group", id: "layer1.0" });
    expect(parseBoxKey(boxKey("input", "x:y"))).toEqual({ kind: "input", id: "x:y" });
    expect(parseBoxKey("n7")).toEqual({ kind: "node", id: "n7" });
  });
});

describe("indexOnnx", () => {
  it("orders each level as the file reads, a group where its first node is", () => {
    expect(index.children.get(null)).toEqual([
      "g:conv1",
      "g:bn1",
      "g:relu",
      "g:layer1",
      "n:n7",
      "g:fc",
    ]);
    expect(index.children.get("layer1.0")).toEqual([
      "g:layer1.0.conv1",
      "g:layer1.0.relu",
      "g:layer1.0.conv2",
      "n:n6",
    ]);
    expect(index.order.get("g:layer1")).toBeLessThan(index.order.get("g:layer1.0.conv1") ?? 0);
    expect(index.order.get("n:n6")).toBeLessThan(index.order.get("n:n7") ?? 0);
  });

  it("reads a constant node put at the top of the file where its reader is", () => {
    // torch puts the Identity copies of shared initializers first; fc's would make fc read first
    const constant = {
      ...node(8),
      id: "k0",
      op_type: "Identity",
      group: "fc",
      inputs: [],
      outputs: [{ name: "fc.bias.copy", shape: [10], dtype: "float32", initializer: false }],
    };
    const view: OnnxView = {
      ...fixture,
      nodes: [constant, ...fixture.nodes],
      edges: [...fixture.edges, { source: "k0", target: "n8", value: "fc.bias.copy" }],
    };
    const ix = indexOnnx(view);
    expect(ix.children.get(null)?.at(-1)).toBe("g:fc");
    expect(ix.children.get("fc")).toEqual(["n:k0", "n:n8"]);
  });

  it("knows each value's shape, graph inputs and outputs", () => {
    expect(index.values.get("input")?.shape).toEqual(["batch", 3, 224, 224]);
    expect([...index.inputs]).toEqual([["input", ["n0"]]]);
    expect([...index.outputs]).toEqual([["output", ["n8"]]]);
  });

  it("puts groups with unknown or cyclic parents, and nodes of unknown groups, at the top", () => {
    const broken: OnnxView = {
      ...fixture,
      groups: [
        { ...group0, id: "a", parent: "b", nodes: [] },
        { ...group0, id: "b", parent: "a", nodes: [] },
        { ...group0, id: "c", parent: "missing", nodes: [] },
      ],
      nodes: [
        { ...node(0), id: "m0", group: "a" },
        { ...node(1), id: "m1", group: "nowhere" },
      ],
      edges: [],
    };
    const ix = indexOnnx(broken);
    expect(ix.chains.get("a")?.length).toBeLessThanOrEqual(2);
    expect(ix.chains.get("c")).toEqual(["c"]);
    expect(ix.groupOfNode.get("m1")).toBeNull();
    // every node is reachable from the top level
    const vis = visibleGraph(ix, new Set(["a", "b", "c"]));
    expect(
      vis.boxes
        .filter((b) => b.kind === "node")
        .map((b) => b.id)
        .sort(),
    ).toEqual(["m0", "m1"]);
  });
});

describe("visibleGraph", () => {
  it("shows the top-level groups collapsed, with edges lifted and deduplicated", () => {
    const g = visibleGraph(index, new Set());
    expect(keys(g)).toEqual([
      "i:input",
      "g:conv1",
      "g:bn1",
      "g:relu",
      "g:layer1",
      "n:n7",
      "g:fc",
      "o:output",
    ]);
    expect(g.clusters).toEqual([]);
    // n2>n3 and n2>n6 both lift to relu>layer1: one edge, one value
    expect(pairs(g)).toEqual([
      "i:input>g:conv1",
      "g:conv1>g:bn1",
      "g:bn1>g:relu",
      "g:relu>g:layer1",
      "g:layer1>n:n7",
      "n:n7>g:fc",
      "g:fc>o:output",
    ]);
    expect(g.edges.find((e) => e.target === "g:layer1")?.values).toEqual(["/relu/Relu_output_0"]);
  });

  it("drops the edges inside a collapsed group", () => {
    const g = visibleGraph(index, new Set(["layer1"]));
    expect(g.clusters).toEqual([{ id: "layer1", parent: null }]);
    expect(keys(g)).toContain("g:layer1.0");
    expect(pairs(g).filter((p) => p.startsWith("g:layer1.0>g:layer1.0"))).toEqual([]);
    expect(pairs(g)).toContain("g:relu>g:layer1.0");
    expect(pairs(g)).toContain("g:layer1.0>n:n7");
  });

  it("opens nested groups, each child group collapsed until opened", () => {
    const g = visibleGraph(index, new Set(["layer1", "layer1.0"]));
    expect(g.clusters).toEqual([
      { id: "layer1", parent: null },
      { id: "layer1.0", parent: "layer1" },
    ]);
    const inBlock = g.boxes.filter((b) => b.parent === "layer1.0").map((b) => b.key);
    expect(inBlock).toEqual(["g:layer1.0.conv1", "g:layer1.0.relu", "g:layer1.0.conv2", "n:n6"]);
    // the skip connection: relu feeds both the first conv and the Add
    expect(pairs(g)).toContain("g:relu>g:layer1.0.conv1");
    expect(pairs(g)).toContain("g:relu>n:n6");
    expect(pairs(g)).toContain("g:layer1.0.conv2>n:n6");
  });

  it("needs every ancestor open: an inner group open under a collapsed one stays hidden", () => {
    const g = visibleGraph(index, new Set(["layer1.0"]));
    expect(keys(g)).toContain("g:layer1");
    expect(keys(g)).not.toContain("g:layer1.0.conv1");
  });

  it("shows single nodes of open leaf groups", () => {
    const g = visibleGraph(index, new Set(["conv1", "layer1", "layer1.0", "layer1.0.conv1"]));
    expect(keys(g)).toContain("n:n0");
    expect(keys(g)).toContain("n:n3");
    expect(pairs(g)).toContain("i:input>n:n0");
    expect(pairs(g)).toContain("n:n0>g:bn1");
  });

  it("keeps a group with nothing inside a box", () => {
    const view: OnnxView = {
      ...fixture,
      groups: [...fixture.groups, { ...group0, id: "empty", name: "empty", nodes: [] }],
    };
    const ix = indexOnnx(view);
    const g = visibleGraph(ix, new Set(["empty"]));
    expect(g.clusters).toEqual([]);
    expect(keys(g)).toContain("g:empty");
  });

  it("counts what it draws", () => {
    for (const open of [[], ["layer1"], ["layer1", "layer1.0"], ["conv1", "fc"]]) {
      const set = new Set(open);
      expect(countVisible(index, set)).toBe(visibleGraph(index, set).boxes.length);
    }
  });

  it("finds the box that shows a node or group", () => {
    expect(visibleKeyOf(index, new Set(), "n:n3")).toBe("g:layer1");
    expect(visibleKeyOf(index, new Set(["layer1"]), "n:n3")).toBe("g:layer1.0");
    expect(visibleKeyOf(index, new Set(["layer1", "layer1.0", "layer1.0.conv1"]), "n:n3")).toBe(
      "n:n3",
    );
    expect(visibleKeyOf(index, new Set(), "g:layer1.0.relu")).toBe("g:layer1");
    expect(ancestorsOf(index, "n:n3")).toEqual(["layer1", "layer1.0", "layer1.0.conv1"]);
    expect(ancestorsOf(index, "g:layer1.0")).toEqual(["layer1"]);
  });
});

describe("initialExpanded", () => {
  it("opens a small graph's containers one level, leaving leaf modules as boxes", () => {
    expect([...initialExpanded(index)]).toEqual(["layer1"]);
  });

  it("keeps a graph above the limit collapsed to its top-level groups", () => {
    expect([...initialExpanded(index, 5)]).toEqual([]);
  });

  it("opens a lone top-level group, however large the graph", () => {
    const view: OnnxView = {
      ...fixture,
      groups: [
        { ...group0, id: "model", name: "model", parent: null, nodes: [] },
        ...fixture.groups.map((g) => ({
          ...g,
          id: `model.${g.id}`,
          parent: g.parent === null ? "model" : `model.${g.parent}`,
        })),
      ],
      nodes: fixture.nodes.map((n) => ({
        ...n,
        group: n.group === null ? "model" : `model.${n.group}`,
      })),
    };
    const ix = indexOnnx(view);
    expect([...initialExpanded(ix, 5)]).toEqual(["model"]);
  });
});

describe("layerOf", () => {
  it("is the nearest group that is a layer", () => {
    expect(layerOf(index, "n:n3")).toBe("layer1.0.conv1");
    expect(layerOf(index, "g:layer1.0.conv1")).toBe("layer1.0.conv1");
    expect(layerOf(index, "n:n0")).toBe("conv1");
  });

  it("is null where no group around is one", () => {
    expect(layerOf(index, "n:n6")).toBeNull(); // the Add sits in layer1.0, not a layer
    expect(layerOf(index, "g:layer1")).toBeNull();
    expect(layerOf(index, "n:n7")).toBeNull();
    expect(layerOf(index, "i:input")).toBeNull();
  });

  it("takes an outer group's layer when the inner ones have none", () => {
    const view: OnnxView = {
      ...fixture,
      groups: fixture.groups.map((g) => (g.id === "layer1.0" ? { ...g, layer: "layer1.0" } : g)),
    };
    const ix = indexOnnx(view);
    expect(layerOf(ix, "n:n6")).toBe("layer1.0");
    expect(layerOf(ix, "n:n3")).toBe("layer1.0.conv1");
  });

  it("finds the group of a layer", () => {
    expect(groupOfLayer(index, "layer1.0.relu")).toBe("layer1.0.relu");
    expect(groupOfLayer(index, "nope")).toBeNull();
  });
});

describe("labels", () => {
  it("formats shapes", () => {
    expect(formatShape([1, 64, 56, 56])).toBe("1×64×56×56");
    expect(formatShape(["batch", 3, null])).toBe("batch×3×?");
    expect(formatShape([])).toBe("()");
    expect(formatShape(null)).toBeNull();
  });

  it("formats value types", () => {
    expect(formatValueType({ dtype: "float32", shape: [2, 3] })).toBe("float32 2×3");
    expect(formatValueType({ dtype: "int64", shape: null })).toBe("int64 ?");
    expect(formatValueType({ dtype: null, shape: null })).toBe("?");
  });

  it("labels an edge by its value's shape", () => {
    expect(edgeLabel(index, { values: ["/conv1/Conv_output_0"] })).toBe("1×64×112×112");
    expect(edgeLabel(index, { values: ["/conv1/Conv_output_0", "input"] })).toBe("1×64×112×112 +1");
    expect(edgeLabel(index, { values: ["/layer1/layer1.0/conv2/Conv_output_0"] })).toBeNull();
    expect(edgeLabel(index, { values: ["unknown"] })).toBeNull();
  });

  it("formats attributes", () => {
    expect(formatOnnxAttribute([3, 3])).toBe("[3, 3]");
    expect(formatOnnxAttribute(0.5)).toBe("0.5");
    expect(formatOnnxAttribute("NaN")).toBe("NaN");
    expect(formatOnnxAttribute("SAME_UPPER")).toBe("SAME_UPPER");
    expect(formatOnnxAttribute(null)).toBe("—");
    expect(formatOnnxAttribute({ tensor: { name: "t", shape: [64], dtype: "float32" } })).toBe(
      "tensor float32 64",
    );
    expect(formatOnnxAttribute({ graph: "n5/then_branch" })).toBe("graph n5/then_branch");
    expect(formatOnnxAttribute({ graphs: ["a", "b"] })).toBe("graphs a, b");
    const long = Array.from({ length: 20 }, (_, i) => i);
    expect(formatOnnxAttribute(long)).toBe(
      "[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, … (20)]",
    );
  });
});
