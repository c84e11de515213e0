/**
 * A small ResNet-like `onnx` member of `GET /api/v1/graph`, as the server answers it: a stem
 * (conv1, bn1, relu), one residual block (layer1.0 with two convolutions, a ReLU and the Add of
 * the skip connection directly in it), a top-level Flatten, and fc. Groups that are fitscope
 * layers name them; layer1 and layer1.0 are containers, not layers.
 */
import type { OnnxView, OnnxViewNode, OnnxViewValue } from "../src/api-types.js";

const v = (
  name: string,
  shape: OnnxViewValue["shape"],
  initializer = false,
  dtype: string | null = "float32",
): OnnxViewValue => ({ name, shape, dtype, initializer });

const node = (
  id: string,
  op_type: string,
  group: string | null,
  inputs: OnnxViewValue[],
  outputs: OnnxViewValue[],
  attributes: OnnxViewNode["attributes"] = {},
): OnnxViewNode => ({
  id,
  name: `/${(group ?? "").replaceAll(".", "/")}/${op_type}`,
  op_type,
  domain: "",
  group,
  attributes,
  inputs,
  outputs,
});

const x = v("input", ["batch", 3, 224, 224]);
const a = v("/conv1/Conv_output_0", [1, 64, 112, 112]);
const b = v("/bn1/BatchNormalization_output_0", [1, 64, 112, 112]);
const c = v("/relu/Relu_output_0", [1, 64, 112, 112]);
const d = v("/layer1/layer1.0/conv1/Conv_output_0", [1, 64, 112, 112]);
const e = v("/layer1/layer1.0/relu/Relu_output_0", [1, 64, 112, 112]);
const f = v("/layer1/layer1.0/conv2/Conv_output_0", null);
const g = v("/layer1/layer1.0/Add_output_0", [1, 64, 112, 112]);
const h = v("/Flatten_output_0", [1, 802816]);
const out = v("output", [1, 10]);

export const fixture: OnnxView = {
  source: "resnet-like.onnx",
  producer: "pytorch 2.13.0",
  ir_version: 8,
  opsets: { "": 17 },
  grouping: "node_names",
  num_nodes: 9,
  num_parameters: 8_037_066,
  inputs: [x],
  outputs: [out],
  groups: [
    group("conv1", null, "Conv2d", "conv1", ["conv1.weight"], ["n0"], 1),
    group("bn1", null, "BatchNorm2d", "bn1", ["bn1.weight", "bn1.bias"], ["n1"], 1),
    group("relu", null, "ReLU", "relu", [], ["n2"], 1),
    group("layer1", null, "Sequential", null, [], [], 4),
    group("layer1.0", "layer1", "BasicBlock", null, [], ["n6"], 4),
    group(
      "layer1.0.conv1",
      "layer1.0",
      "Conv2d",
      "layer1.0.conv1",
      ["layer1.0.conv1.weight"],
      ["n3"],
      1,
    ),
    group("layer1.0.relu", "layer1.0", "ReLU", "layer1.0.relu", [], ["n4"], 1),
    group(
      "layer1.0.conv2",
      "layer1.0",
      "Conv2d",
      "layer1.0.conv2",
      ["layer1.0.conv2.weight"],
      ["n5"],
      1,
    ),
    group("fc", null, "Linear", "fc", ["fc.weight", "fc.bias"], ["n8"], 1),
  ],
  nodes: [
    node("n0", "Conv", "conv1", [x, v("conv1.weight", [64, 3, 7, 7], true)], [a], {
      kernel_shape: [7, 7],
      strides: [2, 2],
      pads: [3, 3, 3, 3],
    }),
    node("n1", "BatchNormalization", "bn1", [a, v("bn1.weight", [64], true)], [b], {
      epsilon: 1e-5,
      momentum: 0.9,
    }),
    node("n2", "Relu", "relu", [b], [c]),
    node(
      "n3",
      "Conv",
      "layer1.0.conv1",
      [c, v("layer1.0.conv1.weight", [64, 64, 3, 3], true)],
      [d],
      {
        kernel_shape: [3, 3],
      },
    ),
    node("n4", "Relu", "layer1.0.relu", [d], [e]),
    node(
      "n5",
      "Conv",
      "layer1.0.conv2",
      [e, v("layer1.0.conv2.weight", [64, 64, 3, 3], true)],
      [f],
    ),
    node("n6", "Add", "layer1.0", [f, c], [g]),
    node("n7", "Flatten", null, [g], [h], { axis: 1 }),
    node(
      "n8",
      "Gemm",
      "fc",
      [h, v("fc.weight", [10, 802816], true), v("fc.bias", [10], true)],
      [out],
      {
        alpha: 1,
        beta: 1,
        transB: 1,
      },
    ),
  ],
  edges: [
    { source: "n0", target: "n1", value: a.name },
    { source: "n1", target: "n2", value: b.name },
    { source: "n2", target: "n3", value: c.name },
    { source: "n3", target: "n4", value: d.name },
    { source: "n4", target: "n5", value: e.name },
    { source: "n5", target: "n6", value: f.name },
    { source: "n2", target: "n6", value: c.name },
    { source: "n6", target: "n7", value: g.name },
    { source: "n7", target: "n8", value: h.name },
  ],
  unmatched_parameters: [],
};

function group(
  id: string,
  parent: string | null,
  type: string | null,
  layer: string | null,
  parameters: string[],
  nodes: string[],
  num_nodes: number,
): OnnxView["groups"][number] {
  const name = id
    .split(".")
    .slice(parent === null ? 0 : parent.split(".").length)
    .join(".");
  return { id, name, parent, kind: "module", type, layer, parameters, nodes, num_nodes };
}
