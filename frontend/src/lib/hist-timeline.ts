/**
 * The pieces of the model page's histogram slider that need no DOM: the report iterations it
 * moves over, where a dragged position lands, what a key does, and which iteration an arrow key
 * moves to given each shown tensor's neighbouring stored histogram.
 */
import type { Layer } from "../api-types.js";

/**
 * The iterations of the reports holding a summary of `param` (parameters, gradients, updates)
 * or of the layer's activations, ascending: the slider's stops, from the series the page has
 * (the layer's non-finite counts, one point per report; downsampled like every series above
 * `max_points`, first and last kept).
 */
export function reportStops(layer: Layer, param: string | null): number[] {
  const nf = layer.nonfinite;
  const series = [
    param === null ? undefined : nf.parameters[param],
    param === null ? undefined : nf.gradients[param],
    param === null ? undefined : nf.updates[param],
    nf.activations ?? undefined,
  ];
  const all = new Set<number>();
  for (const s of series) for (const it of s?.iterations ?? []) all.add(it);
  const latest = layer.latest?.iteration;
  if (latest !== undefined && all.size > 0) all.add(latest);
  return [...all].sort((a, b) => a - b);
}

/** The stop nearest to `value` (the lower one on a tie); `value` itself when there is none. */
export function nearestStop(stops: readonly number[], value: number): number {
  let best: number | null = null;
  for (const s of stops) {
    if (best === null || Math.abs(s - value) < Math.abs(best - value)) best = s;
  }
  return best ?? value;
}

/** What a key does on the slider. */
export type SliderKeyAction =
  | { kind: "step"; direction: -1 | 1 }
  | { kind: "jump"; to: "first" | "last" }
  | { kind: "page"; direction: -1 | 1 };

/**
 * The slider's keys: ←/↓ the previous stored histogram, →/↑ the next, Home the first, End the
 * latest, PageDown/PageUp a tenth of the stops back or on; null for any other key.
 */
export function sliderKeyAction(key: string): SliderKeyAction | null {
  switch (key) {
    case "ArrowLeft":
    case "ArrowDown":
      return { kind: "step", direction: -1 };
    case "ArrowRight":
    case "ArrowUp":
      return { kind: "step", direction: 1 };
    case "Home":
      return { kind: "jump", to: "first" };
    case "End":
      return { kind: "jump", to: "last" };
    case "PageDown":
      return { kind: "page", direction: -1 };
    case "PageUp":
      return { kind: "page", direction: 1 };
    default:
      return null;
  }
}

/** The stop a tenth of the stops (at least one) from `value` in `direction`, within the ends. */
export function pageStop(stops: readonly number[], value: number, direction: -1 | 1): number {
  if (stops.length === 0) return value;
  const at = stops.indexOf(nearestStop(stops, value));
  const by = Math.max(1, Math.round(stops.length / 10));
  const i = Math.min(stops.length - 1, Math.max(0, at + direction * by));
  return stops[i] ?? value;
}

/**
 * The iteration an arrow key moves to, from each shown tensor's neighbouring stored histogram
 * (`/histogram` at `current - 1` going back, `after=true` from `current` going on; null for a
 * tensor with none there): the nearest of them, so no stored histogram of any shown tensor is
 * skipped. Null when no tensor has one that way.
 */
export function stepTarget(found: readonly (number | null)[], direction: -1 | 1): number | null {
  const its = found.filter((v): v is number => v !== null);
  if (its.length === 0) return null;
  return direction < 0 ? Math.max(...its) : Math.min(...its);
}
