/**
 * The shared event stream, against a stand-in EventSource (node has none): one stream per
 * server, fan-out, states, and polling plus reopening once the browser gives up on a stream.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { FIRST_REOPEN_MS, POLL_MS, subscribeLive, type LiveEvent } from "../src/live.js";

class FakeEventSource {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSED = 2;
  static instances: FakeEventSource[] = [];
  readyState = FakeEventSource.CONNECTING;
  closed = false;
  private listeners = new Map<string, ((e: unknown) => void)[]>();

  constructor(readonly url: string) {
    FakeEventSource.instances.push(this);
  }

  addEventListener(type: string, fn: (e: unknown) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), fn]);
  }

  close(): void {
    this.closed = true;
    this.readyState = FakeEventSource.CLOSED;
  }

  emit(type: string, data?: string): void {
    if (type === "open") this.readyState = FakeEventSource.OPEN;
    for (const fn of this.listeners.get(type) ?? []) fn({ data });
  }

  fail(giveUp: boolean): void {
    this.readyState = giveUp ? FakeEventSource.CLOSED : FakeEventSource.CONNECTING;
    this.emit("error");
  }
}

/** The i-th stream opened so far. */
function nth(i: number): FakeEventSource {
  const s = FakeEventSource.instances[i];
  if (s === undefined) throw new Error(`stream ${String(i)} was not opened`);
  return s;
}

function collect() {
  const events: LiveEvent[] = [];
  const states: string[] = [];
  return {
    events,
    states,
    subscriber: {
      onEvent: (e: LiveEvent) => events.push(e),
      onState: (s: string) => states.push(s),
    },
  };
}

beforeEach(() => {
  FakeEventSource.instances = [];
  vi.stubGlobal("EventSource", FakeEventSource);
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe("subscribeLive", () => {
  it("shares one stream per server and closes it after the last subscriber", () => {
    const a = collect();
    const b = collect();
    const offA = subscribeLive("http://x:1", a.subscriber);
    const offB = subscribeLive("http://x:1/", b.subscriber);
    const offC = subscribeLive("http://y:2", collect().subscriber);
    expect(FakeEventSource.instances.map((s) => s.url)).toEqual([
      "http://x:1/api/v1/events",
      "http://y:2/api/v1/events",
    ]);
    const stream = nth(0);
    stream.emit("open");
    const stored = { id: "s-1", kind: "update", session_id: "s", worker_id: "w", iteration: 10 };
    stream.emit("message", JSON.stringify(stored));
    stream.emit("message", "not json");
    expect(a.events).toEqual([stored]);
    expect(b.events).toEqual([stored]);
    expect(a.states).toEqual(["connecting", "open"]);
    offA();
    expect(stream.closed).toBe(false);
    offB();
    expect(stream.closed).toBe(true);
    offC();
  });

  it("passes resets on and tells retrying from closed", () => {
    const a = collect();
    const off = subscribeLive("", a.subscriber);
    const stream = nth(0);
    stream.emit("reset");
    expect(a.events).toEqual([{ kind: "reset" }]);
    stream.fail(false);
    expect(a.states.at(-1)).toBe("retrying");
    expect(FakeEventSource.instances).toHaveLength(1); // the browser reconnects by itself
    off();
  });

  it("polls while the browser has given up, and reopens the stream with a growing delay", () => {
    const a = collect();
    const off = subscribeLive("", a.subscriber);
    nth(0).fail(true);
    expect(a.states.at(-1)).toBe("closed");
    vi.advanceTimersByTime(POLL_MS);
    expect(a.events.filter((e) => e.kind === "reset")).toHaveLength(1);
    vi.advanceTimersByTime(Math.max(0, FIRST_REOPEN_MS - POLL_MS));
    expect(FakeEventSource.instances).toHaveLength(2);
    nth(1).fail(true); // still refused: the next try waits twice as long
    vi.advanceTimersByTime(FIRST_REOPEN_MS * 2 - 1);
    expect(FakeEventSource.instances).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(FakeEventSource.instances).toHaveLength(3);

    const before = a.events.length;
    nth(2).emit("open"); // back: one refetch, polling stops
    expect(a.states.at(-1)).toBe("open");
    expect(a.events.slice(before)).toEqual([{ kind: "reset" }]);
    vi.advanceTimersByTime(POLL_MS * 3);
    expect(a.events.length).toBe(before + 1);
    off();
  });
});
