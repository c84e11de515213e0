/**
 * One Server-Sent Events stream per server, shared by every element of the page.
 *
 * Browsers allow about 6 HTTP/1.1 connections per origin across all tabs, and aiohttp has no
 * HTTP/2: an EventSource per element would starve the page's own requests. Elements subscribe
 * here; the stream opens with the first subscriber and closes with the last. EventSource
 * reconnects by itself and sends Last-Event-ID; a `reset` event (missed events) reaches every
 * subscriber as `{kind: "reset"}`, which means "refetch everything".
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

class Stream {
  readonly subscribers = new Set<LiveSubscriber>();
  state: LiveState = "connecting";
  private source: EventSource;

  constructor(url: string) {
    this.source = new EventSource(url);
    this.source.addEventListener("open", () => this.setState("open"));
    this.source.addEventListener("error", () => {
      // CONNECTING: the browser retries by itself; CLOSED: it gave up (e.g. a CORS refusal).
      this.setState(this.source.readyState === EventSource.CLOSED ? "closed" : "retrying");
    });
    this.source.addEventListener("message", (e: MessageEvent<string>) => {
      let data: StoredEvent;
      try {
        data = JSON.parse(e.data) as StoredEvent;
      } catch {
        return;
      }
      for (const s of [...this.subscribers]) s.onEvent(data);
    });
    this.source.addEventListener("reset", () => {
      for (const s of [...this.subscribers]) s.onEvent({ kind: "reset" });
    });
  }

  private setState(state: LiveState): void {
    if (state === this.state) return;
    this.state = state;
    for (const s of [...this.subscribers]) s.onState?.(state);
  }

  close(): void {
    this.source.close();
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
