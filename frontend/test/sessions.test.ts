import { describe, expect, it } from "vitest";
import type { Session } from "../src/api-types.js";
import { formatDateTime, isolate } from "../src/lib/format.js";
import {
  isIndexName,
  layerLabel,
  paramLabel,
  quietFor,
  sessionLabel,
} from "../src/lib/sessions.js";

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
    state: "ended",
    error: null,
    sources: ["a.fitscope"],
  };
}

describe("sessionLabel", () => {
  it("uses the name, or the id when there is none", () => {
    const a = session("id-a", "mlp", 1);
    const b = session("id-b", null, 2);
    expect(sessionLabel(a, [a, b])).toBe(isolate("mlp"));
    expect(sessionLabel(b, [a, b])).toBe(isolate("id-b"));
  });

  it("adds the start time when names repeat", () => {
    const a = session("id-a", "run", 1_700_000_000_000);
    const b = session("id-b", "run", 1_700_000_100_000);
    const c = session("id-c", "other", 1);
    expect(sessionLabel(a, [a, b, c])).toBe(
      `${isolate("run")} (${formatDateTime(1_700_000_000_000)})`,
    );
    expect(sessionLabel(b, [a, b, c])).not.toBe(sessionLabel(a, [a, b, c]));
    expect(sessionLabel(c, [a, b, c])).toBe(isolate("other"));
  });

  it("isolates a name with a right-to-left override from the start time after it", () => {
    const evil = "\u202Eexe.txt";
    const a = session("id-a", evil, 1);
    const b = session("id-b", evil, 2);
    const label = sessionLabel(a, [a, b]);
    expect(label.startsWith(`\u2068${evil}\u2069 (`)).toBe(true);
  });
});

describe("layer and parameter labels", () => {
  it("knows index names", () => {
    expect(isIndexName("0")).toBe(true);
    expect(isIndexName("features.12")).toBe(true);
    expect(isIndexName("fc1")).toBe(false);
    expect(isIndexName("out")).toBe(false);
  });

  it("adds the type to index names only", () => {
    expect(layerLabel("0", "Linear")).toBe("0 (Linear)");
    expect(layerLabel("features.3", "Conv2d")).toBe("features.3 (Conv2d)");
    expect(layerLabel("hidden", "Linear")).toBe("hidden");
    expect(layerLabel("0", null)).toBe("0");
  });

  it("adds the owning layer's type to parameters of index layers", () => {
    const types = new Map([
      ["0", "Linear"],
      ["hidden", "Linear"],
    ]);
    expect(paramLabel("0.weight", "0", types)).toBe("0.weight (Linear)");
    expect(paramLabel("hidden.weight", "hidden", types)).toBe("hidden.weight");
    expect(paramLabel("2.bias", "2", types)).toBe("2.bias");
    expect(paramLabel("x", null, types)).toBe("x");
  });
});

describe("quietFor", () => {
  it("says seconds, then minutes, then hours and days", () => {
    expect(quietFor(40_000)).toBe("40 s");
    expect(quietFor(3 * 60_000 + 20_000)).toBe("3 min");
    expect(quietFor(5 * 3_600_000)).toBe("5 h");
    expect(quietFor(3 * 86_400_000)).toBe("3 d");
    expect(quietFor(-5)).toBe("0 s");
  });
});
