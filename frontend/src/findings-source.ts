/**
 * One worker's findings (`GET /api/v1/findings`), shared by every element of the page that shows
 * them: the shell's badge, `<train-findings>` and the overview's score chart markers ask for the
 * same (server, session, worker, language) and get one request, not three. With every worker
 * shown, {@link WorkersFindingsController} watches one such source per worker, so the all-workers
 * overview's markers, its list per worker and the shell's badge still read each worker once.
 *
 * A source loads once when its first watcher comes, then again when the live stream announces a
 * report (`update`), a StaticInfo or a `reset` for the worker it shows, at most once per
 * {@link FINDINGS_REFRESH_MS} and never two requests at once: the server's diagnosis is
 * incremental, but a run reporting 100 times a second need not be read 100 times. It closes
 * (aborting what is in flight) when its last watcher leaves.
 */
import type { ReactiveController, ReactiveControllerHost } from "lit";
import { ApiError, apiUrl, getJson, isAbort } from "./api.js";
import type { Findings } from "./api-types.js";
import { findingsLang, resolveLang, type Lang } from "./i18n/index.js";
import { subscribeLive, type LiveEvent } from "./live.js";
import { findingMarks, sumCounts, workerFindingMarks, type FindingMark } from "./lib/findings.js";

/** Shortest time between two requests of one source. */
export const FINDINGS_REFRESH_MS = 1000;

/** What a source knows: the latest answer, and the latest request's error (null when it worked). */
export interface FindingsState {
  answer: Findings | null;
  error: ApiError | null;
}

/**
 * Which findings: the server, a session (null: the newest), a worker (null: its first), a
 * language (the server translates findings into en and zh only: others ask for English).
 */
export interface FindingsKey {
  apiBase: string;
  session: string | null;
  worker: string | null;
  lang: string;
}

type Listener = (state: FindingsState) => void;

class Source {
  readonly listeners = new Set<Listener>();
  state: FindingsState = { answer: null, error: null };
  private readonly unsubscribe: () => void;
  private controller: AbortController | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private lastStart = -Infinity;
  private dirty = false;

  constructor(private readonly key: FindingsKey) {
    this.unsubscribe = subscribeLive(key.apiBase, {
      onEvent: (e) => {
        if (this.relevant(e)) this.schedule();
      },
    });
    void this.load();
  }

  private relevant(e: LiveEvent): boolean {
    if (e.kind === "reset") return true;
    if (e.kind !== "update" && e.kind !== "static_info") return false;
    const shown = this.state.answer;
    if (shown === null) return true;
    if (e.session_id !== shown.session_id) {
      // A new session becomes the shown one when the newest is followed.
      return this.key.session === null && e.kind === "static_info";
    }
    return e.worker_id === shown.worker_id;
  }

  private schedule(): void {
    if (this.controller !== null) {
      this.dirty = true;
      return;
    }
    if (this.timer !== null) return;
    const wait = Math.max(0, this.lastStart + FINDINGS_REFRESH_MS - performance.now());
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.load();
    }, wait);
  }

  private async load(): Promise<void> {
    const controller = new AbortController();
    this.controller = controller;
    this.lastStart = performance.now();
    const { apiBase, session, worker } = this.key;
    const lang = findingsLang(resolveLang(this.key.lang));
    try {
      const answer = await getJson<Findings>(
        apiBase,
        "findings",
        { session, worker, lang },
        controller.signal,
      );
      this.state = { answer, error: null };
    } catch (err) {
      if (isAbort(err) || controller.signal.aborted) return;
      const error =
        err instanceof ApiError
          ? err
          : new ApiError(0, "client_error", err instanceof Error ? err.message : String(err));
      this.state = { answer: this.state.answer, error };
    } finally {
      if (this.controller === controller) this.controller = null;
    }
    for (const l of [...this.listeners]) l(this.state);
    if (this.dirty) {
      this.dirty = false;
      this.schedule();
    }
  }

  close(): void {
    this.unsubscribe();
    this.controller?.abort();
    this.controller = null;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }
}

const sources = new Map<string, Source>();

/**
 * Calls `listener` with the findings of `key` now (when known) and after each load.
 *
 * @returns A function that stops watching (closing the source after its last watcher).
 */
export function watchFindings(key: FindingsKey, listener: Listener): () => void {
  const id = apiUrl(key.apiBase, "findings", {
    session: key.session,
    worker: key.worker,
    lang: findingsLang(resolveLang(key.lang)),
  });
  let source = sources.get(id);
  if (source === undefined) {
    source = new Source(key);
    sources.set(id, source);
  } else if (source.state.answer !== null || source.state.error !== null) {
    listener(source.state);
  }
  source.listeners.add(listener);
  const s = source;
  return () => {
    s.listeners.delete(listener);
    if (s.listeners.size === 0 && sources.get(id) === s) {
      s.close();
      sources.delete(id);
    }
  };
}

/**
 * A Lit controller holding the findings of one key: `watch(key)` in the host's `willUpdate`
 * (null: none), `state` in its `render`. It stops watching while the host is disconnected.
 */
export class FindingsController implements ReactiveController {
  state: FindingsState = { answer: null, error: null };
  private key: FindingsKey | null = null;
  private id = "";
  private stop: (() => void) | null = null;
  private marks: { of: Findings | null; lang: Lang | null; marks: FindingMark[] } = {
    of: null,
    lang: null,
    marks: [],
  };

  constructor(private readonly host: ReactiveControllerHost & EventTarget) {
    host.addController(this);
  }

  /** Watches `key` (when it differs from the one watched); null stops watching. */
  watch(key: FindingsKey | null): void {
    const id = key === null ? "" : JSON.stringify(key);
    if (id === this.id) return;
    this.id = id;
    this.key = key;
    this.state = { answer: null, error: null };
    this.start();
  }

  /** A score chart's markers: the warnings and errors of the answer when it is (session, worker)'s;
   * computed once per answer and language. */
  marksFor(session: string, worker: string, lang: Lang): FindingMark[] {
    const a = this.state.answer;
    const of = a !== null && a.session_id === session && a.worker_id === worker ? a : null;
    if (of !== this.marks.of || lang !== this.marks.lang) {
      this.marks = { of, lang, marks: findingMarks(lang, of?.findings ?? []) };
    }
    return this.marks.marks;
  }

  private start(): void {
    this.stop?.();
    this.stop = null;
    if (this.key === null) return;
    this.stop = watchFindings(this.key, (state) => {
      this.state = state;
      this.host.requestUpdate();
    });
  }

  hostConnected(): void {
    if (this.stop === null) this.start();
  }

  hostDisconnected(): void {
    this.stop?.();
    this.stop = null;
  }
}

/** The workers' findings of one session, in one language, on one server. */
export interface WorkersFindingsKey {
  apiBase: string;
  session: string;
  lang: string;
}

interface Watched {
  readonly key: FindingsKey;
  state: FindingsState;
  stop: (() => void) | null;
}

/**
 * A Lit controller holding the findings of several workers of one session: `watch(key, workers)`
 * in the host's `willUpdate` (null: none), then their answers, summed counts or markers in its
 * `render`. One shared source per worker (a worker that stays watched is not read again when
 * another comes or goes). It stops watching while the host is disconnected.
 */
export class WorkersFindingsController implements ReactiveController {
  private watched = new Map<string, Watched>();
  private id = "";
  private connected = false;
  private marks: {
    of: readonly (Findings | null)[];
    lang: Lang | null;
    colors: string;
    marks: FindingMark[];
  } = { of: [], lang: null, colors: "", marks: [] };

  constructor(private readonly host: ReactiveControllerHost & EventTarget) {
    host.addController(this);
  }

  /** Watches `workers` of `key`'s session (when they differ from those watched); null: none. */
  watch(key: WorkersFindingsKey | null, workers: readonly string[]): void {
    const id = key === null ? "" : JSON.stringify([key, workers]);
    if (id === this.id) return;
    this.id = id;
    const next = new Map<string, Watched>();
    const keys: FindingsKey[] = key === null ? [] : workers.map((worker) => ({ ...key, worker }));
    for (const k of keys) {
      const worker = k.worker ?? "";
      const old = this.watched.get(worker);
      next.set(
        worker,
        old !== undefined && JSON.stringify(old.key) === JSON.stringify(k)
          ? old
          : { key: k, state: { answer: null, error: null }, stop: null },
      );
    }
    const previous = this.watched;
    this.watched = next;
    // the new watchers first, so a source both share is kept open (not closed and read again)
    if (this.connected) for (const w of next.values()) this.start(w);
    for (const [worker, w] of previous) {
      if (next.get(worker) !== w) this.stopOne(w);
    }
  }

  /** The answers of `session`'s watched workers, in the order watched (null: none yet). */
  answers(session: string): (Findings | null)[] {
    return [...this.watched].map(([worker, w]) => {
      const a = w.state.answer;
      return a !== null && a.session_id === session && a.worker_id === worker ? a : null;
    });
  }

  /** The counts of every watched worker of `session` added up; null before any answer. */
  counts(session: string): Findings["counts"] | null {
    const known = this.answers(session).filter((a): a is Findings => a !== null);
    return known.length === 0 ? null : sumCounts(known.map((a) => a.counts));
  }

  /**
   * The all-workers score chart's markers: every worker's warnings and errors, named after their
   * worker, coloured by its place `colorOf`; computed once per set of answers and language.
   */
  marksFor(session: string, lang: Lang, colorOf: ReadonlyMap<string, number>): FindingMark[] {
    const of = this.answers(session);
    const colors = JSON.stringify([...colorOf]);
    const m = this.marks;
    const same =
      m.lang === lang &&
      m.colors === colors &&
      m.of.length === of.length &&
      m.of.every((a, i) => a === of[i]);
    if (!same) {
      const workers = of.flatMap((a) =>
        a === null
          ? []
          : [{ worker: a.worker_id, color: colorOf.get(a.worker_id) ?? 0, findings: a.findings }],
      );
      this.marks = { of, lang, colors, marks: workerFindingMarks(lang, workers) };
    }
    return this.marks.marks;
  }

  private start(w: Watched): void {
    if (w.stop !== null) return;
    w.stop = watchFindings(w.key, (state) => {
      w.state = state;
      this.host.requestUpdate();
    });
  }

  private stopOne(w: Watched): void {
    w.stop?.();
    w.stop = null;
  }

  hostConnected(): void {
    this.connected = true;
    for (const w of this.watched.values()) this.start(w);
  }

  hostDisconnected(): void {
    this.connected = false;
    for (const w of this.watched.values()) this.stopOne(w);
  }
}
