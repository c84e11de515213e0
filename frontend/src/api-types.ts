/**
 * The answers of the HTTP API (schemas/openapi.json, components.schemas), as TypeScript types.
 * Record shapes (StaticInfo's hardware/software, LayerInfo, Summary) come from the generated
 * types/records.ts; the few response envelopes are written here and checked against the
 * OpenAPI document by test/api-types.test.ts, which fails when a property is added or removed
 * on either side.
 */
import type {
  LayerInfo,
  OnnxAttribute,
  OnnxDim,
  OptionalFloatValue,
  StaticInfo,
  Summary,
} from "./types/records.js";

/** One quantity over iterations, columnar (uPlot's layout); null is a gap. */
export interface Series {
  iterations: number[];
  values: OptionalFloatValue[];
}

/** Series by name. */
export type SeriesMap = Record<string, Series>;

/** The end of an epoch. */
export interface Epoch {
  epoch: number;
  iteration: number;
  timestamp_ms: number;
}

/** A parameter of the model, in model order. */
export interface Parameter {
  name: string;
  layer: string | null;
  is_weight: boolean;
}

/** A session of an attached storage. */
export interface Session {
  session_id: string;
  name: string | null;
  workers: string[];
  model_type: string | null;
  num_layers: number | null;
  num_params: number | null;
  start_ms: number | null;
  last_update_ms: number | null;
  num_reports: number;
  iteration: number | null;
  /**
   * `live` (a report lately), `stalled` (no report for a while, not known closed), `ended` (its
   * writer closed, or read from a file no process writes) or `error` (damaged: see `error`).
   */
  state: SessionState;
  /** Why the session cannot be read (state `error`); null otherwise. */
  error: SessionError | null;
  /** The files (or storage labels) holding the session; two when two files hold it. */
  sources: string[];
}

/** A session's state in `GET /api/v1/sessions`. */
export type SessionState = "live" | "stalled" | "ended" | "error";

/** Why a session cannot be read. */
export interface SessionError {
  code: string;
  message: string;
}

/** `GET /api/v1/sessions`. */
export interface Sessions {
  sessions: Session[];
}

/** The model and training information table. */
export interface OverviewInfo {
  session_name: string | null;
  model_type: string | null;
  num_layers: number | null;
  num_params: number | null;
  start_ms: number | null;
  last_update_ms: number | null;
  total_runtime_ms: OptionalFloatValue;
  iterations: number | null;
  epoch: number | null;
  num_reports: number;
  total_examples: number | null;
  total_minibatches: number | null;
  updates_per_second: OptionalFloatValue;
  examples_per_second: OptionalFloatValue;
  frequency: number | null;
  tags: Record<string, string>;
  hyperparameters: Record<string, unknown>;
  /** The first iteration with a non-finite value, or null when every value was finite. */
  first_nonfinite: FirstNonFinite | null;
}

/** Where a non-finite value first appeared. */
export interface FirstNonFinite {
  iteration: number;
  /** `score`, `parameters`, `gradients`, `updates` or `activations`. */
  kind: string;
  /** The parameter or layer name (null for the score). */
  name: string | null;
  value: "NaN" | "Infinity" | "-Infinity";
}

/** What every per-session answer starts with. */
interface SessionAnswer {
  session_id: string;
  worker_id: string;
  max_points: number;
}

/** `GET /api/v1/overview`. */
export interface Overview extends SessionAnswer {
  info: OverviewInfo;
  score: Series;
  metrics: SeriesMap;
  epochs: Epoch[];
  parameters: Parameter[];
  ratios: SeriesMap;
  stdev: { activations: SeriesMap; gradients: SeriesMap; updates: SeriesMap };
  /** Each report's timestamp_ms at its iteration (for wall-time and relative-time axes). */
  report_times: Series;
}

/** An edge of the layer graph: source's output feeds target. */
export interface Edge {
  source: string;
  target: string;
}

/** `GET /api/v1/graph`. */
export interface Graph {
  session_id: string;
  worker_id: string;
  model_type: string | null;
  graph_source: string | null;
  layers: LayerInfo[];
  edges: Edge[];
  /** The session's ONNX graph grouped into the model's modules; null when it has none. */
  onnx: OnnxView | null;
}

/** A value an ONNX node reads or writes (component `OnnxValue`), with its shape when known. */
export interface OnnxViewValue {
  name: string;
  /** null when unknown (not even the rank) */
  shape: OnnxDim[] | null;
  /** numpy-style (float32, int64...); null when unknown */
  dtype: string | null;
  /** an initializer (a weight or a constant of the file) */
  initializer: boolean;
}

/** A node of the ONNX graph (component `OnnxViewNode`). */
export interface OnnxViewNode {
  id: string;
  name: string;
  op_type: string;
  domain: string;
  /** the innermost group holding it; null for a top-level node */
  group: string | null;
  attributes: Record<string, OnnxAttribute>;
  inputs: OnnxViewValue[];
  outputs: OnnxViewValue[];
}

/** A module (or a subgraph) of the ONNX graph, holding nodes and other groups. */
export interface OnnxGroup {
  /** the module's qualified name (layer1.0.conv1), or NODE_ID/ATTRIBUTE for a subgraph */
  id: string;
  /** its own name (conv1) */
  name: string;
  /** the enclosing group; null at the top level */
  parent: string | null;
  kind: "module" | "subgraph";
  /** the module's class when known */
  type: string | null;
  /** the fitscope layer it is, when the session has one of that name */
  layer: string | null;
  /** the fitscope parameter names it holds directly */
  parameters: string[];
  /** ids of the nodes directly in it */
  nodes: string[];
  /** nodes in it and in every group under it */
  num_nodes: number;
}

/** Node to node, one per (producer, consumer, value). */
export interface OnnxEdge {
  source: string;
  target: string;
  value: string;
}

/** `GET /api/v1/graph`'s `onnx`: the ONNX graph grouped into the model's modules. */
export interface OnnxView {
  source: string | null;
  producer: string | null;
  ir_version: number;
  opsets: Record<string, number>;
  /** what the groups came from */
  grouping: "name_scopes" | "node_names" | "initializers" | "none";
  num_nodes: number;
  /** elements in the initializers */
  num_parameters: number;
  inputs: OnnxViewValue[];
  outputs: OnnxViewValue[];
  /** parents before children */
  groups: OnnxGroup[];
  nodes: OnnxViewNode[];
  edges: OnnxEdge[];
  /** fitscope parameters no group holds */
  unmatched_parameters: string[];
}

/** The layer's summaries in the latest report. */
export interface LatestSummaries {
  iteration: number;
  timestamp_ms: number;
  learning_rates: Record<string, OptionalFloatValue>;
  parameters: Record<string, Summary>;
  gradients: Record<string, Summary>;
  updates: Record<string, Summary>;
  activations: Summary | null;
  /**
   * The iteration each kind's summaries come from: the latest report holding that kind for the
   * layer (a final partial report may lack gradients and updates); null when none holds it.
   */
  summary_iterations: {
    parameters: number | null;
    gradients: number | null;
    updates: number | null;
    activations: number | null;
  };
  /**
   * For a summary above whose histogram the overhead budget (`StatsListener(max_overhead=...)`)
   * left out of its report, the newest earlier summary of the tensor that has one.
   */
  earlier_histograms: {
    parameters: Record<string, EarlierHistogram>;
    gradients: Record<string, EarlierHistogram>;
    updates: Record<string, EarlierHistogram>;
    activations: EarlierHistogram | null;
  };
}

/** A tensor's summary, with its histogram, from an earlier report than the one shown. */
export interface EarlierHistogram {
  /** The iteration of the report the summary comes from. */
  iteration: number;
  summary: Summary;
}

/** `GET /api/v1/layer`. */
export interface Layer extends SessionAnswer {
  layer: LayerInfo;
  parameters: Parameter[];
  mean_magnitudes: { parameters: SeriesMap; updates: SeriesMap; ratios: SeriesMap };
  activations: {
    mean: Series;
    stdev: Series;
    mean_plus_2_stdev: Series;
    mean_minus_2_stdev: Series;
  } | null;
  /**
   * The fraction of the layer's units that were 0 for every example of the batch
   * (dead_unit_count / unit_count) at each report that counted them; null when the layer's
   * outputs have no units or no report counted them.
   */
  dead_units: Series | null;
  learning_rates: SeriesMap;
  nonfinite: {
    parameters: SeriesMap;
    gradients: SeriesMap;
    updates: SeriesMap;
    activations: Series | null;
  };
  latest: LatestSummaries | null;
  /** Each report's timestamp_ms at its iteration (for wall-time and relative-time axes). */
  report_times: Series;
}

/** A kind of tensor summary, as the histogram routes name it. */
export type SummaryKind = "parameters" | "gradients" | "updates" | "activations";

/** A stored histogram and the iteration of its report (component `HistogramAt`). */
export interface HistogramAt {
  iteration: number;
  /** left edge of the first bin: the smallest finite value */
  min: number;
  /** right edge of the last bin: the largest finite value */
  max: number;
  /** equal-width bins from min to max (one bin holding every value when min equals max) */
  counts: number[];
}

/** `GET /api/v1/histograms` (component `Histograms`): one tensor's histograms over iterations. */
export interface Histograms {
  session_id: string;
  worker_id: string;
  kind: SummaryKind;
  /** a parameter, or a layer for activations */
  name: string;
  max_count: number;
  /** in iteration order, at most max_count spread evenly (the first and last among them) */
  histograms: HistogramAt[];
}

/**
 * `GET /api/v1/histogram` (component `HistogramAnswer`): the newest histogram stored at or
 * before an iteration, or with `after=true` the oldest after it; null when there is none.
 */
export interface HistogramAnswer {
  session_id: string;
  worker_id: string;
  kind: SummaryKind;
  name: string;
  histogram: HistogramAt | null;
}

/** One device's memory over time. */
export interface DeviceSeries {
  name: string;
  current_bytes: Series;
  max_bytes: Series;
  total_bytes: Series;
}

/** `GET /api/v1/system`. */
export interface System extends SessionAnswer {
  memory: {
    process_rss_bytes: Series;
    system_total_bytes: Series;
    system_available_bytes: Series;
  };
  devices: DeviceSeries[];
  performance: { examples_per_second: Series; minibatches_per_second: Series };
  collection_ms: Series;
  /** Each report's timestamp_ms at its iteration (for wall-time and relative-time axes). */
  report_times: Series;
  hardware: StaticInfo["hardware"];
  software: StaticInfo["software"];
}

/** `GET /api/v1/metrics`. */
export interface Metrics extends SessionAnswer {
  metrics: SeriesMap;
  epochs: Epoch[];
}

/** The data of an SSE message: a record was stored. */
export interface StoredEvent {
  id: string;
  kind: "static_info" | "update" | "metrics" | "epoch";
  session_id: string;
  worker_id: string;
  iteration: number | null;
}

/** How a layout was made (`uploaded`: coordinates given, the original UI's x,y,label CSV). */
export type LayoutMethod = "tsne" | "pca" | "umap" | "uploaded";

/** Where a layout stands. */
export type LayoutStatus = "running" | "done" | "cancelled" | "failed";

/** A layout of an embedding's points: stored (done) or being computed by the server. */
export interface Layout {
  id: string;
  method: LayoutMethod;
  dims: 2 | 3;
  status: LayoutStatus;
  /** iterations done (t-SNE: early exaggeration included) */
  iteration: number;
  max_iter: number;
  /** t-SNE's KL divergence at the latest progress report */
  kl_divergence: number | null;
  /** why a failed layout failed */
  error: string | null;
  params: Record<string, unknown>;
  created_ms: number;
}

/** A layout with its coordinates, one per point: null where the point's vector is not finite. */
export interface PlacedLayout extends Layout {
  x: (number | null)[];
  y: (number | null)[];
  z?: (number | null)[];
}

/** An embedding as listed (no vectors). */
export interface EmbeddingSummary {
  id: string;
  name: string;
  /** the training session it belongs to */
  session_id: string | null;
  count: number;
  dim: number;
  /** its metadata columns */
  columns: string[];
  /** points whose vector holds a NaN or an Inf: no layout places them */
  nonfinite_rows: number;
  /** where it is kept: a file's path, memory, uploaded */
  source: string;
  /** whether layouts can be computed and kept for it */
  writable: boolean;
  created_ms: number;
  /** stored layouts, then the server's running or ended jobs */
  layouts: Layout[];
}

/** `GET /api/v1/embeddings`. */
export interface EmbeddingList {
  embeddings: EmbeddingSummary[];
}

/** A metadata value of one point (a non-finite number is the string "NaN", "Infinity", "-Infinity"). */
export type MetadataValue = string | number | null;

/** `GET /api/v1/embeddings/{id}`: an embedding's labels, metadata and one layout's coordinates. */
export interface Embedding extends EmbeddingSummary {
  /** one label per point */
  labels: string[];
  /** metadata columns, one value per point */
  metadata: Record<string, MetadataValue[]>;
  /** the layout asked for, else the newest done one, else the newest running one */
  layout: PlacedLayout | null;
}

/** One neighbour of a point. */
export interface Neighbor {
  index: number;
  label: string;
  /** cosine similarity in the original space */
  similarity: number;
}

/** `GET /api/v1/embeddings/{id}/neighbors`: the k nearest points by cosine similarity. */
export interface Neighbors {
  /** the point asked about */
  index: number;
  label: string;
  k: number;
  /** false: an approximate index answered (the similarities are still exact) */
  exact: boolean;
  /** most similar first */
  neighbors: Neighbor[];
}

/** The error shape of every route. */
export interface ApiErrorBody {
  error: { status: number; code: string; message: string };
}

/** How bad a finding is: past the guide's number, far past it, or broken (NaN, an exploded score). */
export type FindingSeverity = "info" | "warning" | "error";

/** A symptom of the debugging guide found in a run (docs/diagnostics.md). */
export interface Finding {
  /** the rule's stable id (score_rising, ratio_high, ...) */
  rule: string;
  category:
    | "divergence"
    | "stagnation"
    | "noisy_score"
    | "ratio_high"
    | "ratio_low"
    | "ratio_spike"
    | "activations"
    | "dead_units"
    | "nonfinite"
    | "param_growth"
    | "bias_large";
  severity: FindingSeverity;
  /** when the symptom began (charts put their marker here) */
  first_iteration: number;
  /** the last reported iteration where it still held */
  last_iteration: number;
  /** the report at which it reached its severity */
  noticed_iteration: number;
  layer: string | null;
  parameter: string | null;
  /** what was seen, in the asked language */
  message: string;
  /** what to do, citing the debugging guide */
  advice: string;
  /** the values and thresholds behind it (non-finite numbers as "NaN", "Infinity", "-Infinity") */
  evidence: Record<string, unknown>;
}

/** `GET /api/v1/findings`: one worker's findings, worst first, then by first_iteration. */
export interface Findings {
  session_id: string;
  worker_id: string;
  lang: "en" | "zh";
  /** stored reports the rules have seen */
  reports_seen: number;
  counts: Record<FindingSeverity, number>;
  findings: Finding[];
}
