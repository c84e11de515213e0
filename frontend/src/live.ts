/**
 * One Server-Sent Events stream per server, shared by every element of the page.
 *
 * Browsers allow about 6 HTTP/1.1 connections per origin across all tabs, and aiohttp has no
 * HTTP/2: an EventSource per element would starve the page's own requests. Elements subscribe
 * here; the stream opens with the first subscriber and closes with the last. EventSource
 * reconnects by itself and sends Last-Event-ID; a `reset` event (missed events) reaches every
 * subscriber as `{kind: "reset"}`, which means "refetch everything". When the browser gives up on
 * the stream (an HTTP error or a CORS refusal closes an EventSource for good), subscribers get a
 * `reset` every 5 s (polling) while the stream is reopened with a growing delay.
 */
import { apiUrl } from "./api.js";
import type { StoredEvent } from "./api-types.js";

/** What a subscriber receives. */
export type LiveEvent = StoredEvent | { kind: "reset" };

/** The stream's state (the `train-live-status` event's detail.state). */
export type LiveState = "connecting" | "open" | "retrying" | "closed";

/** Callbacks of one subscriber. */
export interface LiveSubscriber {
  onEvent(event: LiveEvent): void;
  onState?(state: LiveState): void;
}

/** While the stream is closed: poll (a `reset` to every subscriber) this often. */
export const POLL_MS = 5000;
/** Reopening a closed stream waits this long at first, doubling up to MAX_REOPEN_MS. */
export const FIRST_REOPEN_MS = 5000;
export const MAX_REOPEN_MS = 60000;

class Stream {
  readonly subscribers = new Set<LiveSubscriber>();
  state: LiveState = "connecting";
  private source: EventSource | null = null;
  private poll: ReturnType<typeof setInterval> | null = null;
  private reopen: ReturnType<typeof setTimeout> | null = null;
  private reopenMs = FIRST_REOPEN_MS;

  constructor(private readonly url: string) {
    this.open();
  }

  private open(): void {
    const source = new EventSource(this.url);
    this.source = source;
    source.addEventListener("open", () => {
      const wasClosed = this.poll !== null;
      this.stopPolling();
      this.reopenMs = FIRST_REOPEN_MS;
      this.setState("open");
      // Events stored while the stream was closed were not seen: refetch once.
      if (wasClosed) this.broadcast({ kind: "reset" });
    });
    source.addEventListener("error", () => {
      if (source.readyState !== EventSource.CLOSED) {
        this.setState("retrying"); // the browser reconnects by itself
        return;
      }
      // The browser gave up (an HTTP error, a CORS refusal): poll, and try the stream again
      // later with a growing delay, so a restarted server is picked up again.
      this.setState("closed");
      this.startPolling();
      this.reopen ??= setTimeout(() => {
        this.reopen = null;
        this.reopenMs = Math.min(this.reopenMs * 2, MAX_REOPEN_MS);
        this.open();
      }, this.reopenMs);
    });
    source.addEventListener("message", (e: MessageEvent<string>) => {
      let data: StoredEvent;
      try {
        data = JSON.parse(e.data) as StoredEvent;
      } catch {
        return;
      }
      this.broadcast(data);
    });
    source.addEventListener("reset", () => {
      this.broadcast({ kind: "reset" });
    });
  }

  private broadcast(event: LiveEvent): void {
    for (const s of [...this.subscribers]) s.onEvent(event);
  }

  private startPolling(): void {
    this.poll ??= setInterval(() => {
      this.broadcast({ kind: "reset" });
    }, POLL_MS);
  }

  private stopPolling(): void {
    if (this.poll !== null) clearInterval(this.poll);
    this.poll = null;
  }

  private setState(state: LiveState): void {
    if (state === this.state) return;
    this.state = state;
    for (const s of [...this.subscribers]) s.onState?.(state);
  }

  close(): void {
    this.source?.close();
    this.stopPolling();
    if (this.reopen !== null) clearTimeout(this.reopen);
    this.reopen = null;
  }
}

const streams = new Map<string, Stream>();

/**
 * Subscribes to the stored-record events of the server at `apiBase`.
 *
 * @returns A function that unsubscribes (closing the stream after the last subscriber).
 */
export function subscribeLive(apiBase: string, subscriber: LiveSubscriber): () => void {
  const url = apiUrl(apiBase, "events");
  let stream = streams.get(url);
  if (stream === undefined) {
    stream = new Stream(url);
    streams.set(url, stream);
  }
  stream.subscribers.add(subscriber);
  subscriber.onState?.(stream.state);
  const s = stream;
  return () => {
    s.subscribers.delete(subscriber);
    if (s.subscribers.size === 0 && streams.get(url) === s) {
      s.close();
      streams.delete(url);
    }
  };
}
