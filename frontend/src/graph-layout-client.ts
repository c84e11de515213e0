/**
 * The ONNX graph view's side of the layout worker (src/graph-layout-worker.ts, built into
 * `fitscope-graph-worker.js` beside the other bundles): one request at a time, a newer one
 * cancelling the older.
 *
 * Cancelling: dagre runs to the end once started, so a request that comes while the worker is
 * still busy terminates the worker (the older request resolves to null) and starts a new one
 * for the newer request; the browser has the worker's file cached, so a fresh worker costs a
 * few milliseconds.
 *
 * Where the worker is created from:
 * - the worker's URL when it has the page's origin (fitscope's own pages: their CSP's
 *   `default-src 'self'` admits it as a worker source);
 * - a page of another origin (a portal loading the bundle from the fitscope server) may not
 *   start a worker from another origin's URL, so it gets a `blob:` worker of one line,
 *   `import "<url>"`, which loads the worker's module in CORS mode (the server sends CORS
 *   headers on its static files for the origins it lists);
 * - where no worker can start (the portal's CSP has no `worker-src blob:`, or the file fails to
 *   load in it), the same module is imported into the page and the layout runs on the main
 *   thread, newest request only. The view works either way; only the worker keeps the page
 *   responsive while a large view is laid out.
 */
import type { LayoutFailure, LayoutRequest, LayoutResult } from "./lib/graph-layout.js";

/** The worker's bundle, a file beside the core bundle (server/static/). */
export const GRAPH_WORKER = "fitscope-graph-worker.js";

/** What the worker's module exports (used when the layout runs on the main thread). */
interface WorkerModule {
  layoutGraph: (req: LayoutRequest) => LayoutResult;
}

interface Pending {
  id: number;
  request: LayoutRequest;
  resolve: (r: LayoutResult | null) => void;
  reject: (e: Error) => void;
}

/** Where layouts are computed: a worker, or (when none can start) the page itself. */
export type LayoutMode = "worker" | "page";

/** Lays out graphs in a Web Worker; see the module documentation. */
export class GraphLayoutClient {
  private worker: Worker | null = null;
  private blobUrl: string | null = null;
  private pending: Pending | null = null;
  private nextId = 1;
  private inline: Promise<WorkerModule> | null = null;
  /** Where the layouts run; `page` once a worker could not start. */
  mode: LayoutMode = "worker";

  /** @param url The worker module's absolute URL. */
  constructor(private readonly url: string) {}

  /**
   * Lays `request` out (its `id` is replaced). Resolves to null when a newer request supersedes
   * it, rejects when the layout fails.
   */
  layout(request: Omit<LayoutRequest, "id">): Promise<LayoutResult | null> {
    const id = this.nextId++;
    const req: LayoutRequest = { ...request, id };
    const superseded = this.pending;
    this.pending = null;
    if (superseded !== null) {
      superseded.resolve(null);
      if (this.mode === "worker") this.stopWorker(); // dagre cannot be interrupted: end the worker
    }
    return new Promise((resolve, reject) => {
      const p: Pending = { id, request: req, resolve, reject };
      this.pending = p;
      if (this.mode === "worker") this.post(p);
      else this.runInline(p);
    });
  }

  /** Ends the worker and drops the pending request (it resolves to null). */
  dispose(): void {
    this.pending?.resolve(null);
    this.pending = null;
    this.stopWorker();
    if (this.blobUrl !== null) URL.revokeObjectURL(this.blobUrl);
    this.blobUrl = null;
  }

  private post(p: Pending): void {
    let worker: Worker;
    try {
      worker = this.worker ?? this.startWorker();
    } catch {
      this.toPage(p);
      return;
    }
    worker.postMessage(p.request);
  }

  private startWorker(): Worker {
    const sameOrigin = new URL(this.url).origin === location.origin;
    let src = this.url;
    if (!sameOrigin) {
      this.blobUrl ??= URL.createObjectURL(
        new Blob([`import ${JSON.stringify(this.url)};\n`], { type: "text/javascript" }),
      );
      src = this.blobUrl;
    }
    const worker = new Worker(src, { type: "module", name: "fitscope-graph-layout" });
    worker.addEventListener("message", (e: MessageEvent<LayoutResult | LayoutFailure>) => {
      const p = this.pending;
      if (p?.id !== e.data.id) return;
      this.pending = null;
      if ("error" in e.data) p.reject(new Error(e.data.error));
      else p.resolve(e.data);
    });
    // An error event: the module did not load (a network error, a CSP refusal, an old browser
    // without module workers). Layout errors come back as messages, never as this.
    worker.addEventListener("error", (e: Event) => {
      e.preventDefault();
      if (this.worker !== worker) return;
      this.stopWorker();
      const p = this.pending;
      if (p !== null) this.toPage(p);
      else this.mode = "page";
    });
    this.worker = worker;
    return worker;
  }

  private stopWorker(): void {
    this.worker?.terminate();
    this.worker = null;
  }

  private toPage(p: Pending): void {
    this.mode = "page";
    this.runInline(p);
  }

  private runInline(p: Pending): void {
    this.inline ??= import(/* @vite-ignore */ this.url) as Promise<WorkerModule>;
    this.inline
      // A macrotask first: a newer request made meanwhile supersedes this one before it runs.
      .then((mod) => new Promise<WorkerModule>((r) => setTimeout(() => r(mod), 0)))
      .then(
        (mod) => {
          if (this.pending !== p) return;
          this.pending = null;
          try {
            p.resolve(mod.layoutGraph(p.request));
          } catch (err) {
            p.reject(err instanceof Error ? err : new Error(String(err)));
          }
        },
        (err: unknown) => {
          this.inline = null;
          if (this.pending !== p) return;
          this.pending = null;
          p.reject(err instanceof Error ? err : new Error(String(err)));
        },
      );
  }
}
