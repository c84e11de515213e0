// Type-level checks run under `npm run typecheck` (tsc covers test/); the runtime checks under
// `npm test`. A failing `satisfies` or `@ts-expect-error` is a tsc error, not a vitest failure.

import { describe, expect, expectTypeOf, it } from "vitest";

import type {
  EpochRecord,
  FloatValue,
  Histogram,
  MetricsRecord,
  StaticInfo,
  StatsReport,
  Summary,
} from "../src/index.js";
import { parseFloatValue } from "../src/index.js";

/** A report as the server sends it: NaN as a string, statistics switched off as null. */
const report = {
  record: "stats_report",
  session_id: "3f0c9a52-8e4b-4d8e-9a53-1f6f3c2b7e10",
  worker_id: "host:1234",
  type_id: "StatsListener",
  timestamp_ms: 1_700_000_000_000,
  iteration: 20,
  epoch: 1,
  score: "NaN",
  scores: { iterations: [19, 20], values: [0.6931, "NaN"] },
  learning_rates: { "fc1.weight": 0.01, "fc1.bias": 0.01 },
  performance: {
    total_runtime_ms: 1520.5,
    total_examples: 640,
    total_minibatches: 20,
    examples_per_second: 421.0,
    minibatches_per_second: "Infinity",
  },
  memory: null,
  collection_ms: null,
  summaries: {
    parameters: {
      "fc1.weight": {
        count: 6,
        nonfinite_count: 2,
        nan_count: 1,
        posinf_count: 0,
        neginf_count: 1,
        mean: 0.125,
        stdev: 0.5,
        mean_magnitude: 0.375,
        min: -0.5,
        max: 0.75,
        sum: 0.5,
        sum_squares: 0.875,
        histogram: { min: -0.5, max: 0.75, counts: [1, 0, 2, 1] },
      },
    },
    gradients: {
      "fc1.weight": {
        count: 3,
        nonfinite_count: 3,
        nan_count: 3,
        posinf_count: 0,
        neginf_count: 0,
        mean: null,
        stdev: null,
        mean_magnitude: null,
        min: null,
        max: null,
        sum: null,
        sum_squares: null,
        histogram: null,
      },
    },
  },
} satisfies StatsReport;

const metrics = {
  record: "metrics",
  session_id: "s",
  worker_id: "w",
  type_id: "StatsListener",
  timestamp_ms: 0,
  iteration: 20,
  epoch: 1,
  values: { val_loss: "-Infinity", val_acc: 0.5 },
} satisfies MetricsRecord;

const epoch = {
  record: "epoch",
  session_id: "s",
  worker_id: "w",
  type_id: "StatsListener",
  timestamp_ms: 0,
  epoch: 0,
  iteration: 10,
} satisfies EpochRecord;

const staticInfo = {
  record: "static_info",
  session_id: "s",
  worker_id: "w",
  type_id: "StatsListener",
  timestamp_ms: 0,
  session_name: null,
  tags: { team: "vision" },
  hyperparameters: { lr: 0.01, layers: [64, 64], optimizer: { name: "sgd" } },
  software: null,
  hardware: { cpu_count: 16, memory_total_bytes: null, devices: [] },
  model: {
    class_name: "MLP",
    num_layers: 1,
    num_params: 6,
    param_names: ["fc1.weight"],
    param_shapes: { "fc1.weight": [2, 3] },
    layers: [
      {
        name: "fc1",
        type: "Linear",
        num_params: 6,
        params: ["fc1.weight"],
        inputs: [],
        input_shape: [null, 3],
        output_shape: null,
        activation: null,
      },
    ],
    config: null,
    graph_source: "fx",
  },
  listener: { frequency: 10, histogram_bins: 20, collect: { gradients: true } },
} satisfies StaticInfo;

describe("generated record types", () => {
  it("accept records as they arrive over the wire", () => {
    // What the server sends is JSON; the literals above must survive that unchanged.
    for (const record of [report, metrics, epoch, staticInfo]) {
      expect(JSON.parse(JSON.stringify(record))).toEqual(record);
    }
  });

  it("keep NaN apart from absent", () => {
    const parsed = JSON.parse(JSON.stringify(report)) as StatsReport;
    expect(parseFloatValue(parsed.score)).toBeNaN();
    expect(parseFloatValue(parsed.collection_ms)).toBeNull();
    const gradient = parsed.summaries.gradients?.["fc1.weight"];
    expect(gradient?.mean).toBeNull();
    expect(gradient?.histogram).toBeNull();
    expect(parsed.scores.values.map(parseFloatValue)).toEqual([0.6931, Number.NaN]);
  });

  it("spell FloatValue as a number or one of the three strings", () => {
    expectTypeOf<FloatValue>().toEqualTypeOf<number | "NaN" | "Infinity" | "-Infinity">();
    expectTypeOf<Summary["mean"]>().toEqualTypeOf<FloatValue | null>();
    expectTypeOf<StatsReport["score"]>().toEqualTypeOf<FloatValue | null>();
  });

  it("give additionalProperties: false objects no index signature", () => {
    expectTypeOf<keyof Histogram>().toEqualTypeOf<"min" | "max" | "counts">();
    expectTypeOf<string>().not.toExtend<keyof Summary>();
    expectTypeOf<string>().not.toExtend<keyof StatsReport>();
    expectTypeOf<string>().not.toExtend<keyof StaticInfo>();
    expectTypeOf<string>().not.toExtend<keyof MetricsRecord>();
    expectTypeOf<string>().not.toExtend<keyof EpochRecord>();
    expectTypeOf<string>().not.toExtend<keyof NonNullable<StatsReport["performance"]>>();

    // @ts-expect-error: an unknown key is an error, as the schema says.
    const extra: Histogram = { min: 0, max: 1, counts: [1], bins: 1 };
    expect(extra.counts).toEqual([1]);
  });

  it("tell records apart by their record field", () => {
    type AnyRecord = StaticInfo | StatsReport | MetricsRecord | EpochRecord;
    const label = (r: AnyRecord): number | null =>
      r.record === "stats_report" ? parseFloatValue(r.score) : null;
    expect(label(report)).toBeNaN();
    expect(label(epoch)).toBeNull();
  });
});
