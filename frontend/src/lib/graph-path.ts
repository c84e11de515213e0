/**
 * SVG paths of the graph views' edges: a smooth curve along the polyline a layout gives an edge.
 */

const r1 = (v: number): number => Math.round(v * 10) / 10;

/**
 * A path through `points` from the first to the last: straight for two points; otherwise
 * quadratic curves whose control points are the inner points, joined at the midpoints between
 * them, so the curve bends smoothly where the polyline turns.
 */
export function curvePath(points: readonly (readonly [number, number])[]): string {
  const p = points;
  const first = p[0];
  const last = p[p.length - 1];
  if (first === undefined || last === undefined) return "";
  if (p.length === 1) return `M${r1(first[0])},${r1(first[1])}`;
  let d = `M${r1(first[0])},${r1(first[1])}`;
  if (p.length === 2) return `${d} L${r1(last[0])},${r1(last[1])}`;
  for (let i = 1; i < p.length - 1; i++) {
    const c = p[i] as readonly [number, number];
    const n = p[i + 1] as readonly [number, number];
    const end = i === p.length - 2 ? n : ([(c[0] + n[0]) / 2, (c[1] + n[1]) / 2] as const);
    d += ` Q${r1(c[0])},${r1(c[1])} ${r1(end[0])},${r1(end[1])}`;
  }
  return d;
}
