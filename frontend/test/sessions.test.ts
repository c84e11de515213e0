import { describe, expect, it } from "vitest";
import type { Session } from "../src/api-types.js";
import { formatDateTime } from "../src/lib/format.js";
import { sessionLabel } from "../src/lib/sessions.js";

function session(id: string, name: string | null, start: number): Session {
  return {
    session_id: id,
    name,
    workers: ["w"],
    model_type: null,
    num_layers: null,
    num_params: null,
    start_ms: start,
    last_update_ms: null,
    num_reports: 0,
    iteration: null,
  };
}

describe("sessionLabel", () => {
  it("uses the name, or the id when there is none", () => {
    const a = session("id-a", "mlp", 1);
    const b = session("id-b", null, 2);
    expect(sessionLabel(a, [a, b])).toBe("mlp");
    expect(sessionLabel(b, [a, b])).toBe("id-b");
  });

  it("adds the start time when names repeat", () => {
    const a = session("id-a", "run", 1_700_000_000_000);
    const b = session("id-b", "run", 1_700_000_100_000);
    const c = session("id-c", "other", 1);
    expect(sessionLabel(a, [a, b, c])).toBe(`run (${formatDateTime(1_700_000_000_000)})`);
    expect(sessionLabel(b, [a, b, c])).not.toBe(sessionLabel(a, [a, b, c]));
    expect(sessionLabel(c, [a, b, c])).toBe("other");
  });
});
