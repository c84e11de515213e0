/**
 * The hand-written answer types of src/api-types.ts against schemas/openapi.json. Each `KEYS`
 * object must list exactly the interface's properties (the `satisfies` clause makes tsc reject a
 * missing or extra one), and the test compares those lists with the OpenAPI document.
 */
import { describe, expect, it } from "vitest";
import type * as Api from "../src/api-types.js";
import openapi from "../../schemas/openapi.json";

type Keys<T> = { readonly [K in keyof Required<T>]: true };

const KEYS = {
  Session: {
    session_id: true,
    name: true,
    workers: true,
    model_type: true,
    num_layers: true,
    num_params: true,
    start_ms: true,
    last_update_ms: true,
    num_reports: true,
    iteration: true,
    state: true,
    error: true,
    sources: true,
  } satisfies Keys<Api.Session>,
  Sessions: { sessions: true } satisfies Keys<Api.Sessions>,
  OverviewInfo: {
    session_name: true,
    model_type: true,
    num_layers: true,
    num_params: true,
    start_ms: true,
    last_update_ms: true,
    total_runtime_ms: true,
    iterations: true,
    epoch: true,
    num_reports: true,
    total_examples: true,
    total_minibatches: true,
    updates_per_second: true,
    examples_per_second: true,
    frequency: true,
    tags: true,
    hyperparameters: true,
    first_nonfinite: true,
  } satisfies Keys<Api.OverviewInfo>,
  Overview: {
    session_id: true,
    worker_id: true,
    max_points: true,
    info: true,
    score: true,
    metrics: true,
    epochs: true,
    parameters: true,
    ratios: true,
    stdev: true,
  } satisfies Keys<Api.Overview>,
  Series: { iterations: true, values: true } satisfies Keys<Api.Series>,
  Epoch: { epoch: true, iteration: true, timestamp_ms: true } satisfies Keys<Api.Epoch>,
  Parameter: { name: true, layer: true, is_weight: true } satisfies Keys<Api.Parameter>,
  Edge: { source: true, target: true } satisfies Keys<Api.Edge>,
  Graph: {
    session_id: true,
    worker_id: true,
    model_type: true,
    graph_source: true,
    layers: true,
    edges: true,
  } satisfies Keys<Api.Graph>,
  LatestSummaries: {
    iteration: true,
    timestamp_ms: true,
    learning_rates: true,
    parameters: true,
    gradients: true,
    updates: true,
    activations: true,
    summary_iterations: true,
    earlier_histograms: true,
  } satisfies Keys<Api.LatestSummaries>,
  EarlierHistogram: { iteration: true, summary: true } satisfies Keys<Api.EarlierHistogram>,
  Layer: {
    session_id: true,
    worker_id: true,
    max_points: true,
    layer: true,
    parameters: true,
    mean_magnitudes: true,
    activations: true,
    learning_rates: true,
    nonfinite: true,
    latest: true,
  } satisfies Keys<Api.Layer>,
  DeviceSeries: {
    name: true,
    current_bytes: true,
    max_bytes: true,
    total_bytes: true,
  } satisfies Keys<Api.DeviceSeries>,
  System: {
    session_id: true,
    worker_id: true,
    max_points: true,
    memory: true,
    devices: true,
    performance: true,
    collection_ms: true,
    hardware: true,
    software: true,
  } satisfies Keys<Api.System>,
  Metrics: {
    session_id: true,
    worker_id: true,
    max_points: true,
    metrics: true,
    epochs: true,
  } satisfies Keys<Api.Metrics>,
  Event: {
    id: true,
    kind: true,
    session_id: true,
    worker_id: true,
    iteration: true,
  } satisfies Keys<Api.StoredEvent>,
  Error: { error: true } satisfies Keys<Api.ApiErrorBody>,
  Layout: {
    id: true,
    method: true,
    dims: true,
    status: true,
    iteration: true,
    max_iter: true,
    kl_divergence: true,
    error: true,
    params: true,
    created_ms: true,
  } satisfies Keys<Api.Layout>,
  PlacedLayout: {
    id: true,
    method: true,
    dims: true,
    status: true,
    iteration: true,
    max_iter: true,
    kl_divergence: true,
    error: true,
    params: true,
    created_ms: true,
    x: true,
    y: true,
    z: true,
  } satisfies Keys<Api.PlacedLayout>,
  EmbeddingSummary: {
    id: true,
    name: true,
    session_id: true,
    count: true,
    dim: true,
    columns: true,
    nonfinite_rows: true,
    source: true,
    writable: true,
    created_ms: true,
    layouts: true,
  } satisfies Keys<Api.EmbeddingSummary>,
  EmbeddingList: { embeddings: true } satisfies Keys<Api.EmbeddingList>,
  Embedding: {
    id: true,
    name: true,
    session_id: true,
    count: true,
    dim: true,
    columns: true,
    nonfinite_rows: true,
    source: true,
    writable: true,
    created_ms: true,
    layouts: true,
    labels: true,
    metadata: true,
    layout: true,
  } satisfies Keys<Api.Embedding>,
  Neighbor: { index: true, label: true, similarity: true } satisfies Keys<Api.Neighbor>,
  Neighbors: {
    index: true,
    label: true,
    k: true,
    exact: true,
    neighbors: true,
  } satisfies Keys<Api.Neighbors>,
};

interface SchemaObject {
  properties?: Record<string, unknown>;
}

const doc = openapi as unknown as { components: { schemas: Record<string, SchemaObject> } };

describe("api-types.ts matches schemas/openapi.json", () => {
  for (const [name, keys] of Object.entries(KEYS)) {
    it(name, () => {
      const schema = doc.components.schemas[name];
      expect(schema, `components.schemas.${name}`).toBeDefined();
      expect(Object.keys(keys).sort()).toEqual(Object.keys(schema?.properties ?? {}).sort());
    });
  }
});
