/**
 * What `<embedding-projector-view>` reads and writes on the server, as a Lit reactive
 * controller: the list of embeddings, the shown embedding with one layout's coordinates, its
 * layouts' live state (the `/embeddings/{id}/events` stream), and the requests that change them
 * (compute a layout, cancel one, upload).
 *
 * A running layout sends events a few times a second; each updates the shown iteration and KL
 * divergence at once, and asks for the coordinates again through a throttle (at most every
 * {@link REFETCH_MS} ms, never two requests at once, the last event always followed by a
 * read). The shown layout stays pinned (`?layout=`) while it runs, so the server's default (its
 * newest finished layout) does not swap it. Every request of a shown embedding is aborted when
 * another is shown. A stream the browser gave up on is opened again after {@link REOPEN_MS} ms;
 * a reconnected one reads everything again (events were missed).
 */
import type { ReactiveController, ReactiveControllerHost } from "lit";
import { ApiError, apiUrl, getJson, isAbort, sendJson } from "./api.js";
import type { Embedding, EmbeddingList, EmbeddingSummary, Layout } from "./api-types.js";
import type { CsvPoints } from "./lib/projector-csv.js";
import { throttle } from "./lib/projector-throttle.js";
import type { LayoutRequest } from "./projector-forms.js";

/** A running layout's coordinates are read again at most this often (ms). */
export const REFETCH_MS = 500;
/** A closed event stream is opened again after this long (ms). */
export const REOPEN_MS = 5000;
/** The id of an embedding read from a CSV in the browser (never an id of the server's). */
export const LOCAL_ID = "\u0000local";

/** The element that holds the controller. */
export type ProjectorHost = ReactiveControllerHost & HTMLElement & { apiBase: string };

/** A layout without its coordinates (as the list has it). */
export function plainLayout(layout: Layout): Layout {
  const { id, method, dims, status, iteration, max_iter, kl_divergence, error, params } = layout;
  const created_ms = layout.created_ms;
  return {
    id,
    method,
    dims,
    status,
    iteration,
    max_iter,
    kl_divergence,
    error,
    params,
    created_ms,
  };
}

function upsert(layouts: readonly Layout[], layout: Layout): Layout[] {
  const i = layouts.findIndex((l) => l.id === layout.id);
  const p = plainLayout(layout);
  return i < 0 ? [...layouts, p] : layouts.map((l, j) => (j === i ? p : l));
}

/** The embedding of a CSV read in the browser (shown when the server keeps no upload). */
export function localEmbedding(name: string, points: CsvPoints): Embedding {
  const layout: Layout = {
    id: LOCAL_ID,
    method: "uploaded",
    dims: 2,
    status: "done",
    iteration: 0,
    max_iter: 0,
    kl_divergence: null,
    error: null,
    params: {},
    created_ms: Date.now(),
  };
  return {
    id: LOCAL_ID,
    name,
    session_id: null,
    count: points.labels.length,
    dim: 2,
    columns: [],
    nonfinite_rows: 0,
    source: "browser",
    writable: false,
    created_ms: layout.created_ms,
    layouts: [layout],
    labels: points.labels,
    metadata: {},
    layout: { ...layout, x: points.x, y: points.y },
  };
}

/** The projector's server state; see the module documentation. */
export class ProjectorData implements ReactiveController {
  /** The server's embeddings (null before the first answer). */
  list: EmbeddingSummary[] | null = null;
  /** The shown embedding, with the coordinates of one layout. */
  data: Embedding | null = null;
  /** The shown layout's latest state (events come more often than coordinates). */
  live: Layout | null = null;
  /** An embedding read from a CSV here, and why the server does not hold it. */
  local: { data: Embedding; reason: string } | null = null;
  /** The last failed request. */
  error: ApiError | null = null;
  /** The shown embedding's id ({@link LOCAL_ID} for the local one). */
  subject: string | null = null;
  /** The layout picked (null: the server's default). */
  layoutId: string | null = null;

  private listController: AbortController | null = null;
  private dataController: AbortController | null = null;
  private source: EventSource | null = null;
  private reopen: ReturnType<typeof setTimeout> | null = null;
  private readonly refetch = throttle(() => this.fetchData(), REFETCH_MS);

  constructor(private readonly host: ProjectorHost) {
    host.addController(this);
  }

  hostConnected(): void {
    if (this.list === null) return;
    // Back in the page: read again what may have changed meanwhile.
    void this.loadList();
    if (this.subject !== null && this.subject !== LOCAL_ID) {
      this.refetch.request();
      this.openEvents(this.subject);
    }
  }

  hostDisconnected(): void {
    this.closeEvents();
    this.listController?.abort();
    this.dataController?.abort();
    this.refetch.cancel();
  }

  /** The shown embedding as listed (its layouts follow the events), else as read. */
  get summary(): EmbeddingSummary | null {
    return this.list?.find((s) => s.id === this.subject) ?? this.data;
  }

  /** The shown layout: its latest state when events are newer than the coordinates. */
  get shownLayout(): Layout | null {
    const fetched = this.data?.layout ?? null;
    if (fetched === null) return null;
    return this.live?.id === fetched.id ? this.live : fetched;
  }

  private changed(): void {
    this.host.requestUpdate();
  }

  private fail(err: unknown): void {
    const e =
      err instanceof ApiError
        ? err
        : new ApiError(0, "client_error", err instanceof Error ? err.message : String(err));
    this.error = e;
    this.changed();
    this.host.dispatchEvent(
      new CustomEvent("train-error", {
        bubbles: true,
        composed: true,
        detail: { status: e.status, code: e.code, message: e.message },
      }),
    );
  }

  /** Reads the list of embeddings. */
  async loadList(): Promise<void> {
    this.listController?.abort();
    const controller = new AbortController();
    this.listController = controller;
    try {
      const { apiBase } = this.host;
      const answer = await getJson<EmbeddingList>(apiBase, "embeddings", {}, controller.signal);
      if (controller.signal.aborted) return;
      this.list = answer.embeddings;
      this.error = null;
      this.changed();
    } catch (err) {
      if (isAbort(err) || controller.signal.aborted) return;
      this.fail(err);
    }
  }

  /** Shows another embedding (null: none), dropping what belonged to the last one. */
  show(id: string | null): void {
    this.subject = id;
    this.dataController?.abort();
    this.refetch.cancel();
    this.closeEvents();
    this.layoutId = null;
    this.live = null;
    this.data = id === LOCAL_ID ? (this.local?.data ?? null) : null;
    this.changed();
    if (id !== null && id !== LOCAL_ID) {
      void this.fetchData();
      this.openEvents(id);
    }
  }

  /** Shows another layout of the shown embedding. */
  selectLayout(layoutId: string): void {
    this.layoutId = layoutId;
    this.refetch.cancel();
    void this.fetchData();
  }

  /** Reads the shown embedding with its layout. */
  private async fetchData(): Promise<void> {
    const id = this.subject;
    if (id === null || id === LOCAL_ID) return;
    this.dataController?.abort();
    const controller = new AbortController();
    this.dataController = controller;
    const layout = this.layoutId ?? this.data?.layout?.id ?? null;
    try {
      const route = `embeddings/${encodeURIComponent(id)}`;
      const data = await getJson<Embedding>(
        this.host.apiBase,
        route,
        { layout },
        controller.signal,
      );
      if (controller.signal.aborted || id !== this.subject) return;
      const fetched = data.layout;
      const live = this.live;
      // An event may be newer than this snapshot: keep its iteration and status.
      if (fetched !== null && (live?.id !== fetched.id || fetched.iteration >= live.iteration)) {
        this.live = plainLayout(fetched);
      }
      this.data = data;
      this.error = null;
      this.changed();
    } catch (err) {
      if (isAbort(err) || controller.signal.aborted) return;
      this.fail(err);
    }
  }

  private openEvents(id: string): void {
    this.closeEvents();
    const url = apiUrl(this.host.apiBase, `embeddings/${encodeURIComponent(id)}/events`);
    const source = new EventSource(url);
    this.source = source;
    let opened = false;
    source.addEventListener("open", () => {
      // Events sent while the stream was down were missed: read the state again.
      if (opened) {
        void this.loadList();
        this.refetch.request();
      }
      opened = true;
    });
    source.addEventListener("layout", (e: MessageEvent<string>) => {
      let layout: Layout;
      try {
        layout = JSON.parse(e.data) as Layout;
      } catch {
        return;
      }
      this.onLayout(layout);
    });
    source.addEventListener("error", () => {
      if (source.readyState !== EventSource.CLOSED || this.source !== source) return;
      // The browser gave up (an HTTP error): try again later.
      this.reopen ??= setTimeout(() => {
        this.reopen = null;
        if (this.host.isConnected && this.subject === id) {
          this.refetch.request();
          this.openEvents(id);
        }
      }, REOPEN_MS);
    });
  }

  private closeEvents(): void {
    this.source?.close();
    this.source = null;
    if (this.reopen !== null) clearTimeout(this.reopen);
    this.reopen = null;
  }

  /** A layout of the shown embedding changed (an event, or the answer to a request). */
  private onLayout(layout: Layout): void {
    const id = this.subject;
    if (this.list !== null) {
      this.list = this.list.map((s) =>
        s.id === id ? { ...s, layouts: upsert(s.layouts, layout) } : s,
      );
    }
    const shown = this.data?.layout?.id ?? null;
    if (layout.id === shown || layout.id === this.layoutId) {
      this.live = plainLayout(layout);
      this.refetch.request();
    } else if (this.data !== null && this.data.layout === null) {
      this.refetch.request(); // the embedding's first layout
    }
    this.changed();
  }

  /** Asks for a new layout of the shown embedding and shows it. @throws ApiError */
  async compute(request: LayoutRequest): Promise<void> {
    const id = this.subject;
    if (id === null || id === LOCAL_ID) return;
    const route = `embeddings/${encodeURIComponent(id)}/layouts`;
    const layout = await sendJson<Layout>(this.host.apiBase, "POST", route, request);
    if (id !== this.subject) return;
    this.live = plainLayout(layout);
    this.onLayout(layout);
    this.selectLayout(layout.id);
  }

  /** Cancels a running layout of the shown embedding. */
  async cancel(layout: Layout): Promise<void> {
    const id = this.subject;
    if (id === null || id === LOCAL_ID) return;
    const route = `embeddings/${encodeURIComponent(id)}/layouts/${encodeURIComponent(layout.id)}`;
    try {
      const answer = await sendJson<Layout>(this.host.apiBase, "DELETE", route);
      if (id === this.subject) this.onLayout(answer);
    } catch (err) {
      this.fail(err);
    }
  }

  /** Uploads an embedding (`POST /embeddings`); returns it, added to the list. @throws ApiError */
  async upload(body: FormData): Promise<EmbeddingSummary> {
    const summary = await sendJson<EmbeddingSummary>(this.host.apiBase, "POST", "embeddings", body);
    this.list = [summary, ...(this.list ?? []).filter((s) => s.id !== summary.id)];
    this.changed();
    return summary;
  }

  /** Keeps points read from a CSV here as the local embedding (the server holds none). */
  keepLocal(name: string, points: CsvPoints, reason: string): void {
    this.local = { data: localEmbedding(name, points), reason };
    if (this.subject === LOCAL_ID) this.data = this.local.data;
    this.changed();
  }
}
