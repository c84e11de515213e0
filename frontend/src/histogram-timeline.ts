/**
 * The model page's histograms at an earlier iteration: a Lit controller that loads, for each
 * shown tensor, `GET /api/v1/histogram` at the slider's iteration (debounced while the thumb is
 * dragged, the stale request aborted), and works out where an arrow key moves the slider (the
 * previous or next stored histogram of any shown tensor: `iteration=current-1`, or `after=true`).
 */
import type { ReactiveController, ReactiveControllerHost } from "lit";

import { ApiError, getJson, isAbort } from "./api.js";
import type { HistogramAnswer, HistogramAt, SummaryKind } from "./api-types.js";
import { stepTarget } from "./lib/hist-timeline.js";

/** A tensor whose histograms are shown: a parameter, or a layer for activations. */
export interface TensorRef {
  kind: SummaryKind;
  name: string;
}

/** Where the histograms come from. */
export interface TimelineQuery {
  apiBase: string;
  session: string;
  worker: string;
  tensors: readonly TensorRef[];
}

/** How long a dragged thumb rests before its histograms are asked for (ms). */
export const DRAG_DEBOUNCE_MS = 150;

function queryKey(q: TimelineQuery): string {
  return JSON.stringify([q.apiBase, q.session, q.worker, q.tensors.map((t) => [t.kind, t.name])]);
}

function apiError(err: unknown): ApiError {
  return err instanceof ApiError
    ? err
    : new ApiError(0, "client_error", err instanceof Error ? err.message : String(err));
}

/** The histograms of the shown tensors at one iteration, and the slider's arrow-key steps. */
export class HistogramTimeline implements ReactiveController {
  /** The last failed request (cleared by the next answer). */
  error: ApiError | null = null;

  private readonly host: ReactiveControllerHost;
  /** The answers on hand: for which query, at which iteration, by kind. */
  private shown: {
    query: string;
    iteration: number;
    byKind: Map<SummaryKind, HistogramAt | null>;
  } | null = null;
  /** The query and iteration last asked for ("" for none). */
  private wanted = "";
  private wantedQuery = "";
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** The debounced request the timer will make. */
  private pending: (() => void) | null = null;
  private controller: AbortController | null = null;
  private steps: Promise<void> = Promise.resolve();
  private stepGeneration = 0;
  private stepController = new AbortController();

  constructor(host: ReactiveControllerHost) {
    this.host = host;
    host.addController(this);
  }

  hostDisconnected(): void {
    this.cancel();
    this.cancelSteps();
    this.wanted = "";
  }

  private cancel(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.pending = null;
    this.controller?.abort();
    this.controller = null;
  }

  /** Drops the arrow-key steps queued or in flight (a drag, another layer). */
  cancelSteps(): void {
    this.stepGeneration++;
    this.stepController.abort();
    this.stepController = new AbortController();
  }

  /** True while the histograms last asked for have not arrived. */
  get loading(): boolean {
    return this.timer !== null || this.controller !== null;
  }

  /**
   * The histograms on hand for `query`, by kind (null: none stored at or before the iteration),
   * with the iteration they were asked for; while another iteration loads, the previous one's.
   * Null when none are on hand for this query.
   */
  histograms(query: TimelineQuery | null): {
    iteration: number;
    byKind: ReadonlyMap<SummaryKind, HistogramAt | null>;
  } | null {
    if (query === null || this.shown === null || this.shown.query !== queryKey(query)) return null;
    return this.shown;
  }

  /**
   * Shows the histograms of `query` at `iteration` (null: none, the page shows the latest).
   * `when`: `debounce` waits {@link DRAG_DEBOUNCE_MS} (a dragged thumb) before asking; `now`
   * asks at once, also for a request still waiting (the drag ended); `soon` (the default) asks at
   * once for a new query or iteration and leaves a waiting one waiting. The same query and
   * iteration again asks nothing more.
   */
  request(
    query: TimelineQuery | null,
    iteration: number | null,
    when: "soon" | "now" | "debounce" = "soon",
  ): void {
    const qk = query === null ? "" : queryKey(query);
    if (qk !== this.wantedQuery) this.cancelSteps();
    this.wantedQuery = qk;
    const key = query === null || iteration === null ? "" : `${qk}@${iteration}`;
    if (key === this.wanted) {
      if (when === "now" && this.timer !== null) this.pending?.(); // the drag ended: ask now
      return;
    }
    this.wanted = key;
    this.cancel();
    if (query === null || iteration === null) {
      this.host.requestUpdate();
      return;
    }
    const run = (): void => {
      if (this.timer !== null) clearTimeout(this.timer);
      this.timer = null;
      this.pending = null;
      void this.load(query, qk, iteration);
    };
    if (when === "debounce") {
      this.pending = run;
      this.timer = setTimeout(run, DRAG_DEBOUNCE_MS);
    } else run();
    this.host.requestUpdate();
  }

  private async load(query: TimelineQuery, qk: string, iteration: number): Promise<void> {
    const controller = new AbortController();
    this.controller = controller;
    try {
      const answers = await Promise.all(
        query.tensors.map((t) =>
          getJson<HistogramAnswer>(
            query.apiBase,
            "histogram",
            { session: query.session, worker: query.worker, kind: t.kind, name: t.name, iteration },
            controller.signal,
          ),
        ),
      );
      if (controller.signal.aborted) return;
      const byKind = new Map<SummaryKind, HistogramAt | null>();
      query.tensors.forEach((t, i) => byKind.set(t.kind, answers[i]?.histogram ?? null));
      this.shown = { query: qk, iteration, byKind };
      this.error = null;
    } catch (err) {
      if (isAbort(err) || controller.signal.aborted) return;
      this.error = apiError(err);
      this.wanted = ""; // asked again on the next change
    } finally {
      if (this.controller === controller) {
        this.controller = null;
        this.host.requestUpdate();
      }
    }
  }

  /**
   * Moves one stored histogram back (-1) or on (1) from `current()`: asks each tensor of `query`
   * for its neighbour, then calls `apply` with the nearest (nothing when there is none). Steps
   * run one after another, each from where the previous one left the slider, so quick key
   * presses are not lost.
   */
  step(
    query: TimelineQuery,
    current: () => number,
    direction: -1 | 1,
    apply: (iteration: number) => void,
  ): void {
    const generation = this.stepGeneration;
    const signal = this.stepController.signal;
    const run = async (): Promise<void> => {
      if (generation !== this.stepGeneration) return;
      const from = current();
      if (direction < 0 && from <= 0) return;
      const params =
        direction < 0 ? { iteration: from - 1 } : { iteration: from, after: "true" as const };
      const answers = await Promise.all(
        query.tensors.map((t) =>
          getJson<HistogramAnswer>(
            query.apiBase,
            "histogram",
            { session: query.session, worker: query.worker, kind: t.kind, name: t.name, ...params },
            signal,
          ),
        ),
      );
      if (generation !== this.stepGeneration) return;
      const target = stepTarget(
        answers.map((a) => a.histogram?.iteration ?? null),
        direction,
      );
      if (target !== null) apply(target);
    };
    this.steps = this.steps.then(run).catch((err: unknown) => {
      if (isAbort(err) || generation !== this.stepGeneration) return;
      this.error = apiError(err);
      this.host.requestUpdate();
    });
  }
}
