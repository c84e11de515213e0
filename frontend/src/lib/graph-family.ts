/**
 * The colour family of a box in the graph views: from a layer's class name (`Conv2d`,
 * `BatchNorm1d`) in the layer graph, from an ONNX node's op type (`Conv`, `Gemm`) in the ONNX
 * graph. Each family has a series colour token (`--train-series-1` ... `-6`): {@link familyStyles}
 * sets it as `--c` on an element of class `fam-<family>`, in both views.
 */
import { css } from "lit";

/** The colour family of a layer type or op type. */
export type LayerFamily = "linear" | "conv" | "norm" | "activation" | "pool" | "other";

const FAMILY_PATTERNS: [LayerFamily, RegExp][] = [
  ["norm", /norm|lrn|localresponse/i],
  ["pool", /pool|subsampl|upsampl/i],
  ["conv", /conv/i],
  [
    "activation",
    /activation|relu|sigmoid|tanh|softmax|softplus|softsign|gelu|silu|swish|mish|elu|selu|hardswish|hardtanh|logsigmoid|threshold|prelu/i,
  ],
  ["linear", /linear|dense|output|embedding|bilinear|lstm|gru|rnn|attention/i],
];

/** The family a layer type belongs to (decides its colour). */
export function layerFamily(type: string): LayerFamily {
  for (const [family, re] of FAMILY_PATTERNS) if (re.test(type)) return family;
  return "other";
}

/** ONNX ops of the families the class-name patterns do not catch. */
const OP_FAMILIES: Readonly<Record<string, LayerFamily>> = {
  Gemm: "linear",
  MatMul: "linear",
  MatMulInteger: "linear",
  QLinearMatMul: "linear",
  Einsum: "linear",
  Gather: "linear",
  Attention: "linear",
  Erf: "activation",
  HardSigmoid: "activation",
  LeakyRelu: "activation",
  Clip: "activation",
  LogSoftmax: "activation",
  Resize: "pool",
  LpNormalization: "norm",
  MeanVarianceNormalization: "norm",
  Dropout: "other",
};

/** The family of an ONNX op type (`Conv` conv, `Gemm` linear, `Relu` activation...). */
export function opFamily(opType: string): LayerFamily {
  return OP_FAMILIES[opType] ?? layerFamily(opType);
}

/** `--c`, a box's colour, per family class (`fam-linear` ... `fam-other`), for both graph views. */
export const familyStyles = css`
  .fam-linear {
    --c: var(--_series-1);
  }
  .fam-conv {
    --c: var(--_series-2);
  }
  .fam-norm {
    --c: var(--_series-3);
  }
  .fam-activation {
    --c: var(--_series-4);
  }
  .fam-pool {
    --c: var(--_series-5);
  }
  .fam-other {
    --c: var(--_series-6);
  }
`;
