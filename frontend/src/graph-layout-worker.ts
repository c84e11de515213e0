/**
 * The layout worker's entry (`fitscope-graph-worker.js`, built on its own: vite.config.ts): it
 * answers each {@link LayoutRequest} message with a {@link LayoutResult}, or a
 * {@link LayoutFailure} when dagre throws, carrying the request's `id`.
 *
 * It also exports {@link layoutGraph}, so that a page where no worker can start imports this
 * same file and lays out on the main thread (src/graph-layout-client.ts). Imported into a page,
 * it listens to nothing.
 */
import {
  layoutGraph,
  type LayoutFailure,
  type LayoutRequest,
  type LayoutResult,
} from "./lib/graph-layout.js";

export { layoutGraph };
export type { LayoutFailure, LayoutRequest, LayoutResult };

/** The part of a worker's global scope this file uses (the DOM's types do not describe it). */
interface WorkerScope {
  postMessage(message: LayoutResult | LayoutFailure): void;
  addEventListener(type: "message", listener: (e: MessageEvent<LayoutRequest>) => void): void;
}

if ("WorkerGlobalScope" in globalThis) {
  const scope = globalThis as unknown as WorkerScope;
  scope.addEventListener("message", (e) => {
    const req = e.data;
    try {
      scope.postMessage(layoutGraph(req));
    } catch (err) {
      scope.postMessage({ id: req.id, error: err instanceof Error ? err.message : String(err) });
    }
  });
}
