import { describe, expect, it } from "vitest";

import openapi from "../../schemas/openapi.json";
import type * as Api from "../src/api-types.js";
import { en } from "../src/i18n/en.js";
import { FINDINGS_CATALOGUES, findingsEn, tf } from "../src/i18n/findings.js";
import { LANGUAGES } from "../src/i18n/index.js";
import {
  alertCount,
  badgeLabel,
  concernsLayer,
  countFindings,
  evidenceRows,
  evidenceText,
  findingMarks,
  findingsOfLayer,
  isAlert,
  iterationSpan,
  markTitle,
  modelHref,
  sortFindings,
  sumCounts,
  workerFindingMarks,
  worstSeverity,
} from "../src/lib/findings.js";

function finding(over: Partial<Api.Finding> = {}): Api.Finding {
  return {
    rule: "ratio_high",
    category: "ratio_high",
    severity: "warning",
    first_iteration: 5,
    last_iteration: 200,
    noticed_iteration: 20,
    layer: "0",
    parameter: "0.weight",
    message: "Updates of 0.weight are large.",
    advice: "Lower the learning rate.",
    evidence: { ratio: -1.158, limit: -2.0, first: 5 },
    ...over,
  };
}

const counts = (error: number, warning: number, info: number): Api.Findings["counts"] => ({
  error,
  warning,
  info,
});

describe("sortFindings", () => {
  it("puts the worst first, then the earliest, then by rule, as the server does", () => {
    const list = [
      finding({ rule: "b", severity: "info", first_iteration: 1 }),
      finding({ rule: "z", severity: "warning", first_iteration: 50 }),
      finding({ rule: "a", severity: "warning", first_iteration: 50 }),
      finding({ rule: "c", severity: "error", first_iteration: 90 }),
      finding({ rule: "d", severity: "warning", first_iteration: 10 }),
    ];
    expect(sortFindings(list).map((f) => f.rule)).toEqual(["c", "d", "a", "z", "b"]);
    expect(list[0]?.rule).toBe("b"); // a copy: the answer is left as it came
  });
});

describe("the badge", () => {
  it("counts warnings and errors, not info", () => {
    expect(alertCount(counts(1, 2, 7))).toBe(3);
    expect(alertCount(counts(0, 0, 4))).toBe(0);
    expect(isAlert({ severity: "info" })).toBe(false);
    expect(isAlert({ severity: "error" })).toBe(true);
  });

  it("takes the worst severity's colour", () => {
    expect(worstSeverity(counts(1, 2, 0))).toBe("error");
    expect(worstSeverity(counts(0, 2, 1))).toBe("warning");
    expect(worstSeverity(counts(0, 0, 1))).toBe("info");
    expect(worstSeverity(counts(0, 0, 0))).toBeNull();
  });

  it("has an accessible name saying how many and what", () => {
    expect(badgeLabel("en", counts(0, 3, 1))).toBe("3 diagnostics warnings");
    expect(badgeLabel("en", counts(0, 1, 0))).toBe("1 diagnostics warning");
    expect(badgeLabel("en", counts(2, 0, 0))).toBe("2 diagnostics errors");
    expect(badgeLabel("en", counts(1, 0, 5))).toBe("1 diagnostics error");
    expect(badgeLabel("en", counts(1, 2, 0))).toBe("3 diagnostics warnings and errors");
    expect(badgeLabel("zh", counts(0, 3, 0))).toBe("3 条诊断警告");
  });
});

describe("a finding as text", () => {
  it("spans its iterations, or names the one", () => {
    expect(iterationSpan("en", finding())).toBe("Iterations 5–200");
    expect(iterationSpan("en", finding({ first_iteration: 20, last_iteration: 20 }))).toBe(
      "Iteration 20",
    );
    expect(iterationSpan("zh", finding())).toBe("迭代 5–200");
  });

  it("shows evidence values as they came, non-finite ones by name", () => {
    expect(evidenceText(-1.158)).toBe("-1.158");
    expect(evidenceText(0)).toBe("0");
    expect(evidenceText("NaN")).toBe("NaN");
    expect(evidenceText("Infinity")).toBe("Infinity");
    expect(evidenceText("-Infinity")).toBe("-Infinity");
    expect(evidenceText(null)).toBe("—");
    expect(evidenceText(true)).toBe("true");
    expect(evidenceText([1, "NaN"])).toBe('[1,"NaN"]');
    expect(evidenceRows({ value: "NaN", limit: 2, kind: "gradients" })).toEqual([
      ["value", "NaN"],
      ["limit", "2"],
      ["kind", "gradients"],
    ]);
  });

  it("links a layer to the model page of its session and worker", () => {
    expect(modelHref("", "s 1", "w/0", "0")).toBe("/train/model?session=s+1&worker=w%2F0&layer=0");
    expect(modelHref("http://h:9000/", "s", "w", "layer1.0")).toBe(
      "http://h:9000/train/model?session=s&worker=w&layer=layer1.0",
    );
  });
});

describe("the findings of one layer (the model page)", () => {
  const list = [
    finding({ rule: "score", layer: null, parameter: null }),
    finding({ rule: "w", layer: "inp", parameter: "inp.weight" }),
    finding({ rule: "act", layer: "inp", parameter: "inp" }),
    finding({ rule: "orphan", layer: null, parameter: "inp.bias" }),
    finding({ rule: "sibling", layer: "inp1", parameter: "inp1.weight" }),
    finding({ rule: "nested", layer: "enc.0", parameter: "enc.0.weight" }),
  ];
  const rules = (layer: string | null) => findingsOfLayer(list, layer).map((f) => f.rule);

  it("keeps those whose layer is it, or whose parameter is one of its own", () => {
    expect(rules("inp")).toEqual(["w", "act", "orphan"]);
    expect(concernsLayer({ layer: null, parameter: "inp.bias" }, "inp")).toBe(true);
  });

  it("does not take a layer whose name merely begins the same", () => {
    expect(rules("inp1")).toEqual(["sibling"]);
    expect(concernsLayer({ layer: "inp1", parameter: "inp1.weight" }, "inp")).toBe(false);
    expect(rules("enc.0")).toEqual(["nested"]);
    expect(rules("enc")).toEqual(["nested"]); // enc.0.weight is a parameter inside enc
  });

  it("gives a layer without findings none, the score's findings to no layer", () => {
    expect(rules("out")).toEqual([]);
    expect(concernsLayer({ layer: null, parameter: null }, "inp")).toBe(false);
  });

  it("keeps every finding without a layer, as a copy in the order given", () => {
    const all = findingsOfLayer(list, null);
    expect(all).toEqual(list);
    expect(all).not.toBe(list);
  });

  it("counts the findings shown by severity", () => {
    expect(
      countFindings([
        finding({ severity: "error" }),
        finding({ severity: "warning" }),
        finding({ severity: "warning" }),
      ]),
    ).toEqual(counts(1, 2, 0));
    expect(countFindings([])).toEqual(counts(0, 0, 0));
  });
});

describe("findingMarks", () => {
  it("marks each warning and error at its first iteration, left to right, info left out", () => {
    const marks = findingMarks("en", [
      finding({ rule: "late", severity: "warning", first_iteration: 120 }),
      finding({ rule: "info", severity: "info", first_iteration: 1 }),
      finding({
        rule: "nan",
        severity: "error",
        first_iteration: 80,
        message: "The score is NaN.",
      }),
      finding({ rule: "early", severity: "warning", first_iteration: 5 }),
    ]);
    expect(marks.map((m) => [m.x, m.severity])).toEqual([
      [5, "warning"],
      [80, "error"],
      [120, "warning"],
    ]);
    expect(marks[1]?.title).toBe("Error: The score is NaN. (iteration 80)");
  });

  it("keeps one marker per finding when two begin at the same iteration, the worst first", () => {
    const marks = findingMarks("en", [
      finding({ rule: "a", first_iteration: 5 }),
      finding({ rule: "b", severity: "error", first_iteration: 5 }),
    ]);
    expect(marks.map((m) => m.severity)).toEqual(["error", "warning"]);
  });

  it("names the finding in the UI's language", () => {
    expect(markTitle("zh", finding({ message: "更新过大。" }))).toBe("警告：更新过大。（迭代 5）");
    expect(findingMarks("en", [])).toEqual([]);
  });
});

describe("every worker's findings", () => {
  it("adds the workers' counts up", () => {
    expect(sumCounts([counts(1, 2, 0), counts(0, 3, 4), counts(2, 0, 1)])).toEqual(counts(3, 5, 5));
    expect(sumCounts([])).toEqual(counts(0, 0, 0));
  });

  it("marks every worker's warnings and errors, named after the worker and in its colour", () => {
    const marks = workerFindingMarks("en", [
      {
        worker: "rank0",
        color: 0,
        findings: [
          finding({ rule: "late", first_iteration: 40 }),
          finding({ rule: "quiet", severity: "info", first_iteration: 1 }),
        ],
      },
      {
        worker: "rank1",
        color: 1,
        findings: [finding({ severity: "error", first_iteration: 3, message: "NaN." })],
      },
      { worker: "rank2", color: 2, findings: [] },
    ]);
    expect(marks.map((m) => [m.x, m.severity, m.worker, m.color])).toEqual([
      [3, "error", "rank1", 1],
      [40, "warning", "rank0", 0],
    ]);
    expect(marks[0]?.title).toBe("\u2068rank1\u2069 — Error: NaN. (iteration 3)");
    expect(
      workerFindingMarks("zh", [{ worker: "w", color: 0, findings: [finding()] }])[0]?.title,
    ).toBe("\u2068w\u2069 — 警告：Updates of 0.weight are large.（迭代 5）");
  });
});

describe("findings catalogues", () => {
  const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

  it("has one for every language of the menu", () => {
    expect(Object.keys(FINDINGS_CATALOGUES).sort()).toEqual(Object.keys(LANGUAGES).sort());
  });

  for (const [lang, catalogue] of Object.entries(FINDINGS_CATALOGUES)) {
    const cat: Record<string, string | undefined> = catalogue;
    it(`${lang} has exactly the English keys, none empty, with their placeholders`, () => {
      const missing = Object.keys(findingsEn).filter((k) => !(k in cat));
      const extra = Object.keys(cat).filter((k) => !(k in findingsEn));
      expect({ missing, extra }).toEqual({ missing: [], extra: [] });
      for (const [k, v] of Object.entries(findingsEn)) {
        expect((cat[k] ?? "").trim(), k).not.toBe("");
        expect(names(cat[k] ?? ""), k).toEqual(names(v));
      }
    });
  }

  it("shares no key with the core catalogue, and translates", () => {
    expect(Object.keys(findingsEn).filter((k) => k in en)).toEqual([]);
    for (const k of [
      "findings.title",
      "findings.none",
      "findings.none_layer",
      "findings.severity.warning",
    ] as const) {
      expect(tf("zh", k)).not.toBe(tf("en", k));
    }
  });
});

type Keys<T> = { readonly [K in keyof Required<T>]: true };

const KEYS = {
  Finding: {
    rule: true,
    category: true,
    severity: true,
    first_iteration: true,
    last_iteration: true,
    noticed_iteration: true,
    layer: true,
    parameter: true,
    message: true,
    advice: true,
    evidence: true,
  } satisfies Keys<Api.Finding>,
  Findings: {
    session_id: true,
    worker_id: true,
    lang: true,
    reports_seen: true,
    counts: true,
    findings: true,
  } satisfies Keys<Api.Findings>,
};

interface SchemaObject {
  properties?: Record<string, { enum?: unknown[]; properties?: Record<string, unknown> }>;
}

const schemas = (openapi as unknown as { components: { schemas: Record<string, SchemaObject> } })
  .components.schemas;

describe("the findings' types match schemas/openapi.json", () => {
  for (const [name, keys] of Object.entries(KEYS)) {
    it(name, () => {
      expect(Object.keys(keys).sort()).toEqual(Object.keys(schemas[name]?.properties ?? {}).sort());
    });
  }

  it("has the schema's severities, categories and counts", () => {
    const props = schemas.Finding?.properties ?? {};
    const severities: Api.FindingSeverity[] = ["info", "warning", "error"];
    expect(props.severity?.enum).toEqual(severities);
    const categories: Api.Finding["category"][] = [
      "divergence",
      "stagnation",
      "noisy_score",
      "ratio_high",
      "ratio_low",
      "ratio_spike",
      "activations",
      "dead_units",
      "nonfinite",
      "param_growth",
      "bias_large",
    ];
    expect(props.category?.enum).toEqual(categories);
    const countKeys = Object.keys(schemas.Findings?.properties?.counts?.properties ?? {});
    expect(countKeys.sort()).toEqual([...severities].sort());
  });
});
