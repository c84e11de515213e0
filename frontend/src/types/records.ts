// Generated from schemas/ by scripts/gen-types.mjs; do not edit.
// Regenerate with `npm run gen:types`; `npm run check:types` fails when this file is stale.
// Non-finite floats arrive as the strings "NaN", "Infinity", "-Infinity" (see FloatValue);
// null means absent, never NaN.

/**
 * A non-finite float.
 */
export type NonFiniteFloat = "NaN" | "Infinity" | "-Infinity";

/**
 * A float: a JSON number when finite, else one of the non-finite strings.
 */
export type FloatValue = number | NonFiniteFloat;

/**
 * A float, or null when absent.
 */
export type OptionalFloatValue = FloatValue | null;

/**
 * Equal-width histogram of the finite values, binned like numpy.histogram(values, bins=len(counts), range=(min, max)) in float64. min == max gives one bin holding every value.
 */
export interface Histogram {
  /**
   * Left edge of the first bin: the smallest finite value.
   */
  min: number;
  /**
   * Right edge of the last bin: the largest finite value.
   */
  max: number;
  /**
   * @minItems 1
   */
  counts: Count[];
}

/**
 * Statistics of one tensor over its finite values, with the non-finite values counted beside them. Statistics are null when switched off, or undefined: stdev below 2 finite values, every statistic when no value is finite.
 */
export interface Summary {
  /**
   * Elements in the tensor, finite or not.
   */
  count: Count;
  /**
   * nan_count + posinf_count + neginf_count.
   */
  nonfinite_count: Count;
  nan_count: Count;
  posinf_count: Count;
  neginf_count: Count;
  mean: OptionalFloatValue;
  /**
   * Sample standard deviation (N-1).
   */
  stdev: OptionalFloatValue;
  /**
   * Mean of |x|.
   */
  mean_magnitude: OptionalFloatValue;
  min: OptionalFloatValue;
  max: OptionalFloatValue;
  sum: OptionalFloatValue;
  /**
   * Sum of x^2; the L2 norm is its square root.
   */
  sum_squares: OptionalFloatValue;
  histogram: Histogram | null;
  /**
   * Elements exactly 0 (-0.0 included); zero_count / count is the tensor's fraction of zeros. Null or absent: not counted (records from before fitscope counted zeros).
   */
  zero_count?: Count | null;
  /**
   * Activations only: the layer's units (the last axis of a (batch, ..., features) output; axis 1 of a channels-first output of convolutions, pooling, normalisation and what follows them elementwise). Null or absent for other tensors.
   */
  unit_count?: Count | null;
  /**
   * Activations only: units exactly 0 for every example of the batch (and every position), i.e. never active. Null or absent when unit_count is.
   */
  dead_unit_count?: Count | null;
}

/**
 * A tensor shape; null entries are unknown dimensions.
 */
export type Shape = (number | null)[] | null;

/**
 * Written once per (session_id, worker_id) when a listener attaches.
 */
export interface StaticInfo {
  /**
   * Which record this is.
   */
  record: "static_info";
  /**
   * Session id (a uuid4 by default).
   */
  session_id: string;
  /**
   * Worker id (host:pid by default, host:rank under torch.distributed).
   */
  worker_id: string;
  /**
   * Producer of the record: "StatsListener".
   */
  type_id: string;
  /**
   * Wall-clock time, ms since the Unix epoch. Never part of a key.
   */
  timestamp_ms: number;
  /**
   * Human name of the run.
   */
  session_name: string | null;
  tags: {
    [k: string]: string;
  };
  /**
   * JSON values chosen by the user.
   */
  hyperparameters: {
    [k: string]: unknown;
  };
  software: {
    os: string | null;
    os_version: string | null;
    arch: string | null;
    python: string | null;
    framework: string | null;
    framework_version: string | null;
    backend: string | null;
    device: string | null;
    dtype: string | null;
    hostname: string | null;
    fitscope_version: string | null;
  } | null;
  hardware: {
    cpu_count: number | null;
    memory_total_bytes: number | null;
    devices: {
      name: string;
      memory_total_bytes: number | null;
    }[];
  } | null;
  model: {
    class_name: string;
    num_layers: Count;
    num_params: Count;
    /**
     * In named_parameters() order, without wrapper prefixes.
     */
    param_names: string[];
    /**
     * Shape of each parameter; weights (for ratio charts) have 2+ dimensions.
     */
    param_shapes: {
      [k: string]: number[];
    };
    layers: LayerInfo[];
    /**
     * The framework's JSON configuration of the model, where it has one; else null.
     */
    config:
      | {
          [k: string]: unknown;
        }
      | unknown[]
      | string
      | number
      | boolean
      | null;
    /**
     * How layer inputs were found.
     */
    graph_source: "fx" | "execution_order" | "module_order";
    /**
     * The model's ONNX graph (attach(graph=...) or attach(export_onnx=True)); absent or null when none was given.
     */
    onnx?: OnnxGraph | null;
  } | null;
  listener: {
    frequency: number;
    histogram_bins: number;
    collect: {
      [k: string]: boolean;
    };
  } | null;
}

/**
 * One reported iteration; keyed by (session_id, worker_id, iteration).
 */
export interface StatsReport {
  /**
   * Which record this is.
   */
  record: "stats_report";
  /**
   * Session id (a uuid4 by default).
   */
  session_id: string;
  /**
   * Worker id (host:pid by default, host:rank under torch.distributed).
   */
  worker_id: string;
  /**
   * Producer of the record: "StatsListener".
   */
  type_id: string;
  /**
   * Wall-clock time, ms since the Unix epoch. Never part of a key.
   */
  timestamp_ms: number;
  /**
   * Completed optimizer steps, counted from 1.
   */
  iteration: number;
  /**
   * Epochs completed before this iteration.
   */
  epoch: number;
  /**
   * Loss at this iteration.
   */
  score: OptionalFloatValue;
  /**
   * Loss of every iteration since the previous report, this one included; columnar (values[i] and timestamps_ms[i] belong to iterations[i]).
   */
  scores: {
    iterations: number[];
    values: FloatValue[];
    /**
     * Wall time (ms since the Unix epoch) at which each iteration of the window ended, one per entry of iterations; optional: absent or empty when unknown (files written before fitscope recorded it). A host clock read per iteration: it may step back when the system clock is adjusted.
     */
    timestamps_ms?: number[];
  };
  /**
   * Learning rate per parameter name.
   */
  learning_rates: {
    [k: string]: FloatValue;
  };
  performance: {
    total_runtime_ms: FloatValue;
    total_examples: Count;
    total_minibatches: Count;
    examples_per_second: FloatValue;
    minibatches_per_second: FloatValue;
  } | null;
  memory: {
    process_rss_bytes: number | null;
    system_total_bytes: number | null;
    system_available_bytes: number | null;
    devices: {
      name: string;
      current_bytes: number | null;
      /**
       * Peak allocation since start.
       */
      max_bytes: number | null;
      /**
       * Capacity.
       */
      total_bytes: number | null;
    }[];
  } | null;
  /**
   * What collecting this report cost the training thread, in ms.
   */
  collection_ms: OptionalFloatValue;
  /**
   * summaries[kind][name]: parameter names for parameters/gradients/updates, module names for activations. A kind is absent when it was switched off or not collected for this report: the final partial report written by close() (an iteration that is not a multiple of the frequency) holds parameters and gradients only, never updates or activations; a step skipped by a GradScaler has no updates. Which series exist is read from all reports, not from the latest one.
   */
  summaries: {
    parameters?: {
      [k: string]: Summary;
    };
    gradients?: {
      [k: string]: Summary;
    };
    updates?: {
      [k: string]: Summary;
    };
    activations?: {
      [k: string]: Summary;
    };
  };
  /**
   * How the listener's overhead budget (StatsListener(max_overhead=...)) shaped this report; null or absent when it had none (max_overhead=None: everything every report). Every scalar statistic is always collected; only histograms are spread over reports, activations first, then parameters, updates and gradients.
   */
  budget?: {
    /**
     * The budget: the most the listener may add to training, as a fraction of the training time (0.03 = 3 %).
     */
    max_overhead: FloatValue;
    /**
     * The listener's measured cost over the window this report closes (collection, hooks, and the CPU time of its sink threads since the previous report), as a fraction of the window's training time; null when it could not be measured.
     */
    overhead: OptionalFloatValue;
    /**
     * For each kind whose histograms are switched on: 1 when every tensor of the kind has its histogram in this report; s > 1 when each tensor has one every s reports (tensor j of the kind, j counting the model's parameters in named_parameters order or its layers in module order for activations, on the r-th report, r from 0, when (j + r) % s == 0), the others' histogram being null.
     */
    histogram_strides: {
      [k: string]: number;
    };
  } | null;
}

/**
 * User metrics (StatsListener.log_metrics), e.g. validation loss.
 */
export interface MetricsRecord {
  /**
   * Which record this is.
   */
  record: "metrics";
  /**
   * Session id (a uuid4 by default).
   */
  session_id: string;
  /**
   * Worker id (host:pid by default, host:rank under torch.distributed).
   */
  worker_id: string;
  /**
   * Producer of the record: "StatsListener".
   */
  type_id: string;
  /**
   * Wall-clock time, ms since the Unix epoch. Never part of a key.
   */
  timestamp_ms: number;
  iteration: number;
  epoch: number;
  values: {
    [k: string]: FloatValue;
  };
}

/**
 * The end of an epoch: epoch (from 0) ended after iteration.
 */
export interface EpochRecord {
  /**
   * Which record this is.
   */
  record: "epoch";
  /**
   * Session id (a uuid4 by default).
   */
  session_id: string;
  /**
   * Worker id (host:pid by default, host:rank under torch.distributed).
   */
  worker_id: string;
  /**
   * Producer of the record: "StatsListener".
   */
  type_id: string;
  /**
   * Wall-clock time, ms since the Unix epoch. Never part of a key.
   */
  timestamp_ms: number;
  epoch: number;
  iteration: number;
}

/**
 * An ONNX model's computation graph as fitscope stores it with a session (StaticInfo.model.onnx): structure, attributes, shapes and initializer names, never the weights. Subgraphs (If/Loop/Scan bodies) are flattened into nodes that name their graph.
 */
export interface OnnxGraph {
  format: "onnx";
  /**
   * Where it came from: the file name, or the exporter (torch.onnx.export, dynamo or torchscript).
   */
  source: string | null;
  /**
   * producer_name and producer_version of the model.
   */
  producer: string | null;
  ir_version: number;
  /**
   * Opset version per domain ("" is the default ONNX domain).
   */
  opsets: {
    [k: string]: number;
  };
  /**
   * Where the node scopes came from (the first kind found): name_scopes metadata, /a/a.b/Op node names, dotted initializer names, or none.
   */
  grouping: "name_scopes" | "node_names" | "initializers" | "none";
  /**
   * The main graph's inputs (initializers excluded).
   */
  inputs: OnnxValue[];
  outputs: OnnxValue[];
  /**
   * Initializers of every graph, by name, shape and dtype only.
   */
  initializers: OnnxValue[];
  /**
   * Shape and dtype of every other named value (graph inputs, outputs, value_info and inferred shapes), by name.
   */
  values: {
    [k: string]: OnnxValue;
  };
  /**
   * Every node, main graph first in its order, then each subgraph's.
   */
  nodes: OnnxNode[];
  subgraphs: {
    /**
     * "NODE_ID/ATTRIBUTE".
     */
    id: string;
    /**
     * Id of the node (If, Loop, Scan...) the subgraph belongs to.
     */
    node: string;
    /**
     * The attribute holding it (then_branch, body...).
     */
    attribute: string;
  }[];
}

export type Count = number;

/**
 * One configuration value of a module: a scalar, or an array of scalars (kernel_size [3, 3]).
 */
export type LayerAttributeValue = LayerAttributeScalar | LayerAttributeScalar[];

export type LayerAttributeScalar = string | number | boolean | null;

/**
 * A dimension: a size, a symbolic name (batch), or null when unknown.
 */
export type OnnxDim = number | string | null;

/**
 * A node attribute: a number (non-finite floats as strings), a string, a list of them, a tensor's dtype and shape (never its values), or the id of a subgraph.
 */
export type OnnxAttribute =
  | (number | string | null)
  | FloatValue
  | ((number | string) | FloatValue)[]
  | {
      tensor: OnnxValue;
    }
  | {
      /**
       * A subgraph id.
       */
      graph: string;
    }
  | {
      graphs: string[];
    };

export interface LayerInfo {
  /**
   * Qualified module name; "(root)" for parameters the model owns itself.
   */
  name: string;
  /**
   * Module class name.
   */
  type: string;
  num_params: Count;
  /**
   * Parameter names, as in reports.
   */
  params: string[];
  /**
   * Layers feeding this one; empty when fed by the model input.
   */
  inputs: string[];
  input_shape: Shape;
  output_shape: Shape;
  /**
   * Activation function, when the layer is one ("relu") or names one; else null.
   */
  activation: string | null;
  /**
   * The module's configuration read from the module itself (in_features, kernel_size, hidden_size, eps, p, negative_slope...): JSON scalars or arrays of scalars (tuples as arrays; non-finite floats as the strings "NaN", "Infinity", "-Infinity"; null where the module holds None), in the module's own order; optional: absent or empty when none is known.
   */
  attributes?: {
    [k: string]: LayerAttributeValue;
  };
}

export interface OnnxValue {
  name: string;
  /**
   * null when unknown (not even the rank).
   */
  shape: OnnxDim[] | null;
  /**
   * numpy-style name (float32, int64, bfloat16...); null when unknown or not a tensor.
   */
  dtype: string | null;
}

export interface OnnxNode {
  /**
   * n0, n1, ... in reading order; unique in the model.
   */
  id: string;
  /**
   * The node's name in the file (may be empty).
   */
  name: string;
  op_type: string;
  /**
   * "" for the default ONNX domain.
   */
  domain: string;
  /**
   * The subgraph it belongs to (null: the main graph).
   */
  graph: string | null;
  /**
   * Qualified names of the modules it was called from, outermost first (from the exporter's name_scopes metadata, else the /a/a.b/Op node-name path); empty when unknown.
   */
  scope: string[];
  /**
   * Class of each scope entry (pkg.torch.onnx.class_hierarchy), when the exporter recorded it.
   */
  scope_types: string[] | null;
  attributes: {
    [k: string]: OnnxAttribute;
  };
  /**
   * Value names; "" for an omitted optional input.
   */
  inputs: string[];
  outputs: string[];
}
