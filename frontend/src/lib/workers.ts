/**
 * The workers of a distributed run: the "all workers" choice, which workers stopped reporting,
 * and the mean / min / max of one series over the workers.
 *
 * A worker *stopped* when its latest report (its StaticInfo while it has none) is more than
 * max({@link STOPPED_MIN_MS}, {@link STOPPED_INTERVALS} × its typical report interval) older
 * than the newest report of the session; its typical interval is its time from StaticInfo to
 * latest report per report, as the server's live/stalled rule measures it. A session whose
 * workers all went quiet has no stopped worker: the shell's live status says that the run is
 * quiet.
 */
import type { ReactiveController, ReactiveControllerHost } from "lit";
import { getJson } from "../api.js";
import type { Overview, OverviewInfo } from "../api-types.js";
import type { WireFloat, WireSeries } from "./series.js";

/** The `worker` value (attribute, address parameter) that shows every worker of the session. */
export const ALL_WORKERS = "*";

/** A worker is stopped when its latest report is older than the session's newest by at least this (ms)... */
export const STOPPED_MIN_MS = 60_000;
/** ...and by this many of its own typical report intervals. */
export const STOPPED_INTERVALS = 10;

/** How often the stopped markers are checked again (ms): a worker that goes quiet sends no event. */
export const WATCH_MS = 10_000;

/** What the stopped rule reads of one worker. */
export interface WorkerTimes {
  /** its StaticInfo's time */
  start_ms: number | null;
  /** its latest report's time */
  last_update_ms: number | null;
  /** how many reports it stored */
  num_reports: number;
}

/** The times of a worker's overview information. */
export function workerTimes(info: OverviewInfo): WorkerTimes {
  return {
    start_ms: info.start_ms,
    last_update_ms: info.last_update_ms,
    num_reports: info.num_reports,
  };
}

/**
 * The workers that stopped reporting (see the module documentation).
 *
 * @param times Each worker's times.
 * @returns The ids of the stopped workers.
 */
export function stoppedWorkers(times: ReadonlyMap<string, WorkerTimes>): Set<string> {
  const last = (w: WorkerTimes): number | null => w.last_update_ms ?? w.start_ms;
  let newest: number | null = null;
  for (const w of times.values()) {
    const l = last(w);
    if (l !== null && (newest === null || l > newest)) newest = l;
  }
  const out = new Set<string>();
  if (newest === null) return out;
  for (const [id, w] of times) {
    const l = last(w);
    if (l === null) continue;
    let threshold = STOPPED_MIN_MS;
    if (w.start_ms !== null && w.last_update_ms !== null && w.num_reports > 0) {
      const interval = (w.last_update_ms - w.start_ms) / w.num_reports;
      threshold = Math.max(threshold, STOPPED_INTERVALS * interval);
    }
    if (newest - l > threshold) out.add(id);
  }
  return out;
}

/**
 * The times of each worker, read from its overview (two points per series: only its
 * information is used). A worker whose overview cannot be read is left out.
 */
export async function fetchWorkerTimes(
  apiBase: string,
  session: string,
  workers: readonly string[],
  signal: AbortSignal,
): Promise<Map<string, WorkerTimes>> {
  const answers = await Promise.all(
    workers.map((worker) =>
      getJson<Overview>(apiBase, "overview", { session, worker, max_points: 2 }, signal).catch(
        (err: unknown) => {
          if (signal.aborted) throw err;
          return null;
        },
      ),
    ),
  );
  const out = new Map<string, WorkerTimes>();
  answers.forEach((a, i) => {
    const worker = workers[i];
    if (a !== null && worker !== undefined && a.session_id === session) {
      out.set(worker, workerTimes(a.info));
    }
  });
  return out;
}

/** One series over the workers, at the union of their iterations. */
export interface Aggregate {
  mean: WireSeries;
  min: WireSeries;
  max: WireSeries;
  /** how many workers have a value at each iteration */
  counts: number[];
}

function toNumber(v: WireFloat | undefined): number | null {
  if (v === undefined || v === null) return null;
  if (typeof v === "number") return v;
  if (v === "NaN") return Number.NaN;
  return v === "Infinity" ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
}

/**
 * The mean, minimum and maximum over the workers' series at each iteration any of them has.
 *
 * At an iteration, the workers with a value there count (a worker without a point there, or
 * with an absent value, is left out; none: a gap). The arithmetic is IEEE's, as the server's
 * derived values: a NaN of one worker makes the mean, min and max NaN there, +Inf makes the
 * mean and the max +Inf, and +Inf with -Inf gives a NaN mean. Non-finite values are never
 * dropped or replaced.
 *
 * @example aggregate([{iterations: [1, 2], values: [1, 2]}, {iterations: [1], values: [3]}])
 *   → mean [2, 2], min [1, 2], max [3, 2], counts [2, 1]
 */
export function aggregate(series: readonly WireSeries[]): Aggregate {
  const at = series.map((s) => {
    const m = new Map<number, WireFloat>();
    s.iterations.forEach((it, i) => m.set(it, s.values[i] ?? null));
    return m;
  });
  const iterations = [...new Set(series.flatMap((s) => s.iterations))].sort((a, b) => a - b);
  const mean: WireFloat[] = [];
  const min: WireFloat[] = [];
  const max: WireFloat[] = [];
  const counts: number[] = [];
  for (const it of iterations) {
    const values = at.map((m) => toNumber(m.get(it))).filter((v): v is number => v !== null);
    counts.push(values.length);
    if (values.length === 0) {
      mean.push(null);
      min.push(null);
      max.push(null);
      continue;
    }
    mean.push(values.reduce((a, b) => a + b, 0) / values.length);
    min.push(Math.min(...values));
    max.push(Math.max(...values));
  }
  return {
    mean: { iterations, values: mean },
    min: { iterations: [...iterations], values: min },
    max: { iterations: [...iterations], values: max },
    counts,
  };
}

/**
 * Keeps the stopped workers of one session known to an element: read when the session or its
 * workers change, every {@link WATCH_MS} while the element is connected, and at once when a
 * worker marked stopped reports again. Nothing is read for a session of fewer than 2 workers.
 */
export class StoppedWatch implements ReactiveController {
  /** The stopped workers of the watched session. */
  stopped: ReadonlySet<string> = new Set();
  private key = "";
  private target: { apiBase: string; session: string; workers: readonly string[] } | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;
  private controller: AbortController | null = null;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  /** Watches these workers of `session` (null: none); cheap to call on every update. */
  watch(apiBase: string, session: string | null, workers: readonly string[]): void {
    const key = JSON.stringify([apiBase, session, workers]);
    if (key === this.key) return;
    this.key = key;
    this.target = session === null || workers.length < 2 ? null : { apiBase, session, workers };
    if (this.target === null) this.set(new Set());
    void this.load();
  }

  /** Reads again now when one of `workers` (those a live event named; null: any) is marked stopped. */
  reported(workers: ReadonlySet<string> | null): void {
    if (this.stopped.size === 0) return;
    if (workers === null || [...workers].some((w) => this.stopped.has(w))) void this.load();
  }

  hostConnected(): void {
    this.timer ??= setInterval(() => void this.load(), WATCH_MS);
  }

  hostDisconnected(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    this.controller?.abort();
    this.controller = null;
  }

  private async load(): Promise<void> {
    const target = this.target;
    this.controller?.abort();
    if (target === null) return;
    const controller = new AbortController();
    this.controller = controller;
    try {
      const times = await fetchWorkerTimes(
        target.apiBase,
        target.session,
        target.workers,
        controller.signal,
      );
      if (controller.signal.aborted || target !== this.target) return;
      this.set(stoppedWorkers(times));
    } catch {
      // aborted by a newer read, or the server is gone: the page shows that error itself
    }
  }

  private set(next: Set<string>): void {
    const same = next.size === this.stopped.size && [...next].every((w) => this.stopped.has(w));
    if (same) return;
    this.stopped = next;
    this.host.requestUpdate();
  }
}
