import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { throttle } from "../src/lib/projector-throttle.js";

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(0);
});
afterEach(() => {
  vi.useRealTimers();
});

describe("throttle", () => {
  it("runs the first request at once and coalesces a burst into one later run", async () => {
    const task = vi.fn();
    const t = throttle(task, 500);
    t.request();
    expect(task).toHaveBeenCalledTimes(1);
    for (let i = 0; i < 10; i++) {
      await vi.advanceTimersByTimeAsync(40);
      t.request();
    }
    expect(task).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(100);
    expect(task).toHaveBeenCalledTimes(2); // at 500 ms
    await vi.advanceTimersByTimeAsync(2000);
    expect(task).toHaveBeenCalledTimes(2);
  });

  it("never runs twice at once, and a request during a run gives one run after it", async () => {
    let finish: () => void = () => undefined;
    let active = 0;
    let maxActive = 0;
    const task = vi.fn(
      () =>
        new Promise<void>((resolve) => {
          active++;
          maxActive = Math.max(maxActive, active);
          finish = () => {
            active--;
            resolve();
          };
        }),
    );
    const t = throttle(task, 100);
    t.request();
    await vi.advanceTimersByTimeAsync(1000); // the run is slow
    t.request();
    t.request();
    expect(task).toHaveBeenCalledTimes(1);
    expect(t.busy).toBe(true);
    finish();
    await vi.advanceTimersByTimeAsync(0);
    expect(task).toHaveBeenCalledTimes(2);
    finish();
    await vi.advanceTimersByTimeAsync(1000);
    expect(task).toHaveBeenCalledTimes(2);
    expect(maxActive).toBe(1);
    expect(t.busy).toBe(false);
  });

  it("keeps going after a task that throws or rejects", async () => {
    let calls = 0;
    const t = throttle(() => {
      calls++;
      if (calls === 1) throw new Error("boom");
      return Promise.reject(new Error("again"));
    }, 10);
    t.request();
    await vi.advanceTimersByTimeAsync(20);
    t.request();
    await vi.advanceTimersByTimeAsync(20);
    t.request();
    await vi.advanceTimersByTimeAsync(20);
    expect(calls).toBe(3);
  });

  it("cancel drops the waiting run", async () => {
    const task = vi.fn();
    const t = throttle(task, 500);
    t.request();
    t.request();
    t.cancel();
    await vi.advanceTimersByTimeAsync(1000);
    expect(task).toHaveBeenCalledTimes(1);
    expect(t.busy).toBe(false);
  });
});
