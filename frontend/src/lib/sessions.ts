/** Presenting sessions in the shell. */
import type { Session } from "../api-types.js";
import { formatDateTime } from "./format.js";

/**
 * A session's name in the selector: its name, or its id when it has none; a name that several
 * sessions share gets the start time, so the choices can be told apart.
 */
export function sessionLabel(session: Session, all: readonly Session[]): string {
  const name = session.name ?? session.session_id;
  const shared = all.filter((s) => (s.name ?? s.session_id) === name).length > 1;
  return shared ? `${name} (${formatDateTime(session.start_ms)})` : name;
}
