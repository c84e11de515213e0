/**
 * The answers of the HTTP API (schemas/openapi.json, components.schemas), as TypeScript types.
 * Record shapes (StaticInfo's hardware/software, LayerInfo, Summary) come from the generated
 * types/records.ts; the few response envelopes are written here and checked against the
 * OpenAPI document by test/api-types.test.ts, which fails when a property is added or removed
 * on either side.
 */
import type { LayerInfo, OptionalFloatValue, StaticInfo, Summary } from "./types/records.js";

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
  learning_rates: SeriesMap;
  nonfinite: {
    parameters: SeriesMap;
    gradients: SeriesMap;
    updates: SeriesMap;
    activations: Series | null;
  };
  latest: LatestSummaries | null;
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

/** The error shape of every route. */
export interface ApiErrorBody {
  error: { status: number; code: string; message: string };
}
