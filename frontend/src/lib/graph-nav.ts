/**
 * Keyboard movement between the boxes of a laid-out graph: the arrow keys go to the nearest box
 * in their direction, as a person reads the drawing.
 */

/** A placed box: top-left corner and size. */
export interface NavRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** An arrow key's direction. */
export type Direction = "up" | "down" | "left" | "right";

/** The direction of an arrow key (`ArrowUp`...), or null for another key. */
export function arrowDirection(key: string): Direction | null {
  switch (key) {
    case "ArrowUp":
      return "up";
    case "ArrowDown":
      return "down";
    case "ArrowLeft":
      return "left";
    case "ArrowRight":
      return "right";
    default:
      return null;
  }
}

/**
 * The box nearest to `from` in `dir`, or null when none lies that way. A box lies below when
 * its centre is lower by more than a few pixels (boxes of one row share their centre line);
 * among those, distance along the direction counts once and distance across it three times, so
 * the box straight below wins over a closer one far to the side.
 */
export function nearestInDirection(
  rects: ReadonlyMap<string, NavRect>,
  from: string,
  dir: Direction,
): string | null {
  const here = rects.get(from);
  if (here === undefined) return null;
  const cx = here.x + here.width / 2;
  const cy = here.y + here.height / 2;
  let best: string | null = null;
  let score = Infinity;
  for (const [key, r] of rects) {
    if (key === from) continue;
    const dx = r.x + r.width / 2 - cx;
    const dy = r.y + r.height / 2 - cy;
    const along = dir === "down" ? dy : dir === "up" ? -dy : dir === "right" ? dx : -dx;
    const across = dir === "down" || dir === "up" ? Math.abs(dx) : Math.abs(dy);
    if (along <= 4) continue;
    const s = along + 3 * across;
    if (s < score) {
      score = s;
      best = key;
    }
  }
  return best;
}
