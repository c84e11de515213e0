/**
 * What the UI shows of the diagnostics' findings (`GET /api/v1/findings`), as pure functions:
 * their order, the badge's count and name, a finding's iterations and evidence as text, the
 * score chart's markers (of one worker, or of every worker of a session), the findings of one
 * layer, and the model page's address of a finding's layer.
 */
import type { Finding, FindingSeverity, Findings } from "../api-types.js";
import type { Lang } from "../i18n/index.js";
import { tf } from "../i18n/findings.js";
import { isolate } from "./format.js";

/** Worst first. */
export const SEVERITIES: readonly FindingSeverity[] = ["error", "warning", "info"];

/** A marker of the score chart: a warning or an error, at the iteration its symptom began. */
export interface FindingMark {
  x: number;
  severity: FindingSeverity;
  /** its title and accessible name, naming the finding */
  title: string;
  /** with every worker shown: the worker whose finding it is (`data-worker`) */
  worker?: string;
  /** with every worker shown: the worker's colour (its place among the session's workers) */
  color?: number;
}

/** One worker's findings, and its colour (its place among the session's workers). */
export interface WorkerFindings {
  worker: string;
  color: number;
  findings: readonly Finding[];
}

function rank(s: FindingSeverity): number {
  const i = SEVERITIES.indexOf(s);
  return i < 0 ? SEVERITIES.length : i;
}

/** Worst first, then by when the symptom began, then by rule (the server's order). */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      rank(a.severity) - rank(b.severity) ||
      a.first_iteration - b.first_iteration ||
      (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0),
  );
}

/**
 * Whether a finding concerns `layer`: its layer is that one, or its parameter is one of that
 * layer's (`inp.weight` belongs to `inp`; `inp1.weight` does not). A finding about the score
 * (no layer, no parameter) concerns none.
 */
export function concernsLayer(f: Pick<Finding, "layer" | "parameter">, layer: string): boolean {
  return f.layer === layer || (f.parameter?.startsWith(`${layer}.`) ?? false);
}

/** The findings concerning `layer` (all of them when it is null), in the order given. */
export function findingsOfLayer(findings: readonly Finding[], layer: string | null): Finding[] {
  return layer === null ? [...findings] : findings.filter((f) => concernsLayer(f, layer));
}

/** How many findings of each severity. */
export function countFindings(findings: readonly Pick<Finding, "severity">[]): Findings["counts"] {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity] += 1;
  return counts;
}

/** Whether a finding counts for the badge and the chart's markers (a warning or an error). */
export function isAlert(f: Pick<Finding, "severity">): boolean {
  return f.severity === "warning" || f.severity === "error";
}

/** Counts added up (the findings of several workers). */
export function sumCounts(list: readonly Findings["counts"][]): Findings["counts"] {
  const sum = { error: 0, warning: 0, info: 0 };
  for (const c of list) {
    sum.error += c.error;
    sum.warning += c.warning;
    sum.info += c.info;
  }
  return sum;
}

/** The badge's number: warnings and errors. */
export function alertCount(counts: Findings["counts"]): number {
  return counts.warning + counts.error;
}

/** The worst severity with a finding; null when there is none. */
export function worstSeverity(counts: Findings["counts"]): FindingSeverity | null {
  return SEVERITIES.find((s) => counts[s] > 0) ?? null;
}

/** The badge's accessible name: "3 diagnostics warnings", "1 diagnostics error", ... */
export function badgeLabel(lang: Lang, counts: Findings["counts"]): string {
  const count = alertCount(counts);
  if (counts.error === 0) {
    return count === 1
      ? tf(lang, "findings.badge.warning_one")
      : tf(lang, "findings.badge.warnings", { count });
  }
  if (counts.warning === 0) {
    return count === 1
      ? tf(lang, "findings.badge.error_one")
      : tf(lang, "findings.badge.errors", { count });
  }
  return tf(lang, "findings.badge.mixed", { count });
}

/** "Iterations 5–200", or "Iteration 5" when it began and ended there. */
export function iterationSpan(lang: Lang, f: Finding): string {
  return f.first_iteration === f.last_iteration
    ? tf(lang, "findings.iteration", { first: f.first_iteration })
    : tf(lang, "findings.iterations", { first: f.first_iteration, last: f.last_iteration });
}

/**
 * One evidence value as text: numbers as JSON writes them, the non-finite ones (which arrive as
 * the strings "NaN", "Infinity", "-Infinity") as they arrive, absent as "—", anything else as
 * JSON.
 */
export function evidenceText(v: unknown): string {
  if (v === null || v === undefined) return "—";
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  return JSON.stringify(v);
}

/** The evidence as [key, text] rows, in the server's order. */
export function evidenceRows(evidence: Readonly<Record<string, unknown>>): [string, string][] {
  return Object.entries(evidence).map(([k, v]) => [k, evidenceText(v)]);
}

/** The title of a finding's marker: "Warning: Updates of 0.weight are large… (iteration 5)". */
export function markTitle(lang: Lang, f: Finding): string {
  return tf(lang, "findings.marker", {
    severity: tf(lang, `findings.severity.${f.severity}`),
    message: f.message,
    iteration: f.first_iteration,
  });
}

/** The score chart's markers: one per warning or error, at its first_iteration, left to right. */
export function findingMarks(lang: Lang, findings: readonly Finding[]): FindingMark[] {
  return sortFindings(findings.filter(isAlert))
    .map((f) => ({ x: f.first_iteration, severity: f.severity, title: markTitle(lang, f) }))
    .sort((a, b) => a.x - b.x);
}

/**
 * The all-workers score chart's markers: each worker's warnings and errors at their
 * first_iteration, titled "rank1 — Error: … (iteration 3)" and in the worker's colour, left to
 * right (a worker's own in the order {@link findingMarks} gives).
 */
export function workerFindingMarks(lang: Lang, workers: readonly WorkerFindings[]): FindingMark[] {
  return workers
    .flatMap(({ worker, color, findings }) =>
      findingMarks(lang, findings).map((m) => ({
        ...m,
        title: tf(lang, "findings.marker_worker", { worker: isolate(worker), marker: m.title }),
        worker,
        color,
      })),
    )
    .sort((a, b) => a.x - b.x);
}

/** The server's model page showing `layer` (`/train/model?session=&worker=&layer=`). */
export function modelHref(apiBase: string, session: string, worker: string, layer: string): string {
  const q = new URLSearchParams({ session, worker, layer });
  return `${apiBase.replace(/\/+$/, "")}/train/model?${q.toString()}`;
}
