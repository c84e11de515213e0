/**
 * Coalescing a burst of requests into few runs of one task: at most one run every `intervalMs`,
 * never two at once, and a request made meanwhile is never lost (it gives one more run later).
 *
 * The projector refetches a running t-SNE layout's coordinates with it: the server announces
 * progress a few times a second, a refetch of 100,000 points takes a while, and the map needs
 * the latest snapshot, not every one.
 */

/** A throttled task. */
export interface Throttle {
  /** Asks for a run: now when the interval has passed and none runs, else once later. */
  request(): void;
  /** Drops a run waiting for its time (one already running goes on, and is not repeated). */
  cancel(): void;
  /** Whether a run is waiting or running. */
  readonly busy: boolean;
}

/** The clock a throttle reads (tests pass a fake one). */
export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realClock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => {
    clearTimeout(handle as ReturnType<typeof setTimeout>);
  },
};

/**
 * Wraps `task` so it runs at most once per `intervalMs` (measured from the start of a run) and
 * never overlaps itself. The first request runs at once (leading edge); requests during the
 * interval or a run give one run when both are over (trailing edge). A task that throws or
 * rejects is treated as done: handling its errors is the task's own business.
 */
export function throttle(
  task: () => Promise<void> | void,
  intervalMs: number,
  clock: Clock = realClock,
): Throttle {
  let last = -Infinity;
  let timer: unknown = null;
  let running = false;
  let again = false;

  const run = (): void => {
    timer = null;
    running = true;
    last = clock.now();
    let result: Promise<void> | void;
    try {
      result = task();
    } catch {
      result = undefined;
    }
    void Promise.resolve(result)
      .catch(() => undefined)
      .then(() => {
        running = false;
        if (again) {
          again = false;
          request();
        }
      });
  };

  const request = (): void => {
    if (running) {
      again = true;
      return;
    }
    if (timer !== null) return;
    const wait = last + intervalMs - clock.now();
    if (wait <= 0) run();
    else timer = clock.setTimeout(run, wait);
  };

  return {
    request,
    cancel(): void {
      if (timer !== null) clock.clearTimeout(timer);
      timer = null;
      again = false;
    },
    get busy(): boolean {
      return running || timer !== null;
    },
  };
}
