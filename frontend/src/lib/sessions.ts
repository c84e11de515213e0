/** Presenting sessions, layer and parameter names in the shell and the pages. */
import type { Session } from "../api-types.js";
import { formatDateTime, isolate } from "./format.js";

/**
 * A session's name in the selector: its name, or its id when it has none, isolated (see
 * {@link isolate}); a name that several sessions share gets the start time, so the choices can
 * be told apart.
 */
export function sessionLabel(session: Session, all: readonly Session[]): string {
  const name = session.name ?? session.session_id;
  const shared = all.filter((s) => (s.name ?? s.session_id) === name).length > 1;
  return shared ? `${isolate(name)} (${formatDateTime(session.start_ms)})` : isolate(name);
}

/** Whether a module name says nothing by itself: its last part is an index (`0`, `features.3`). */
export function isIndexName(name: string): boolean {
  return /(^|\.)\d+$/.test(name);
}

/**
 * A layer's name as shown: with its type when the name is an index (`nn.Sequential`'s `0` is
 * shown `0 (Linear)`), else as it is.
 */
export function layerLabel(name: string, type: string | null | undefined): string {
  return type !== null && type !== undefined && type !== "" && isIndexName(name)
    ? `${name} (${type})`
    : name;
}

/**
 * A parameter's name as shown: `0.weight` of a Linear layer `0` is `0.weight (Linear)`; a
 * parameter of a named layer keeps its name.
 *
 * @param name The parameter's qualified name (`0.weight`).
 * @param layer The layer owning it (`0`), or null when unknown.
 * @param types Layer types by layer name.
 */
export function paramLabel(
  name: string,
  layer: string | null | undefined,
  types: ReadonlyMap<string, string>,
): string {
  if (layer === null || layer === undefined || !isIndexName(layer)) return name;
  const type = types.get(layer);
  return type === undefined ? name : `${name} (${type})`;
}

/**
 * A duration as the live status says it, to the minute past one minute: "40 s", "3 min", "2 h".
 */
export function quietFor(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s} s`;
  const min = Math.floor(s / 60);
  if (min < 120) return `${min} min`;
  const h = Math.floor(min / 60);
  return h < 48 ? `${h} h` : `${Math.floor(h / 24)} d`;
}
