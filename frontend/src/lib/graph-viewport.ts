/**
 * The pan and zoom of a graph drawing: one transform (translate, then scale) from the layout's
 * coordinates to the viewport's pixels, and the moves the view makes with it. Pure.
 */

/** `translate(x, y) scale(k)`: a layout point p shows at (p.x * k + x, p.y * k + y). */
export interface Transform {
  x: number;
  y: number;
  k: number;
}

/** A width and height (px). */
export interface Size {
  width: number;
  height: number;
}

/** A rectangle in layout coordinates. */
export interface Box extends Size {
  x: number;
  y: number;
}

/** The zoom range. */
export const MIN_ZOOM = 0.05;
export const MAX_ZOOM = 3;
/** The smallest scale a first view shrinks the drawing to, to show all of it. */
export const READABLE_ZOOM = 0.6;
/** Room kept around a fitted drawing (px, each side). */
const INSET = 8;

const clampZoom = (k: number): number => Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, k));

/**
 * The transform that shows `content` in `view` at most 1:1, centred. `firstView`: where the
 * whole would come out smaller than {@link READABLE_ZOOM}, fit the width only and show the
 * top, so that a tall graph starts readable rather than tiny (the Fit button fits both).
 */
export function fitTransform(content: Size, view: Size, firstView = false): Transform {
  const byWidth = (view.width - 2 * INSET) / Math.max(1, content.width);
  const byHeight = (view.height - 2 * INSET) / Math.max(1, content.height);
  const readable = Math.min(1, byWidth, byHeight) >= READABLE_ZOOM;
  const k = Math.max(MIN_ZOOM, Math.min(1, byWidth, firstView && !readable ? Infinity : byHeight));
  return {
    x: (view.width - content.width * k) / 2,
    y: Math.max(INSET, (view.height - content.height * k) / 2),
    k,
  };
}

/** `t` zoomed by `factor` about the viewport point (px, py), which stays where it is. */
export function zoomAt(t: Transform, factor: number, px: number, py: number): Transform {
  const k = clampZoom(t.k * factor);
  return { x: px - ((px - t.x) * k) / t.k, y: py - ((py - t.y) * k) / t.k, k };
}

/** `t` panned so that the centre of `box` is the centre of `view`. */
export function centreOn(t: Transform, box: Box, view: Size): Transform {
  return {
    x: view.width / 2 - (box.x + box.width / 2) * t.k,
    y: view.height / 2 - (box.y + box.height / 2) * t.k,
    k: t.k,
  };
}

/** `t` panned so that `box` shows where `at` (viewport px) is: a toggled box stays put. */
export function keepAt(t: Transform, box: Box, at: { x: number; y: number }): Transform {
  return { x: at.x - box.x * t.k, y: at.y - box.y * t.k, k: t.k };
}

/** Where `box`'s top-left corner shows in the viewport under `t`. */
export function onScreen(t: Transform, box: Box): { x: number; y: number } {
  return { x: box.x * t.k + t.x, y: box.y * t.k + t.y };
}

/** Whether all of `box` shows in `view` under `t`. */
export function inView(t: Transform, box: Box, view: Size): boolean {
  const { x, y } = onScreen(t, box);
  return (
    x >= 0 && y >= 0 && x + box.width * t.k <= view.width && y + box.height * t.k <= view.height
  );
}

/** The SVG `transform` attribute of `t`. */
export function transformAttribute(t: Transform): string {
  return `translate(${t.x.toFixed(1)},${t.y.toFixed(1)}) scale(${t.k.toFixed(4)})`;
}
