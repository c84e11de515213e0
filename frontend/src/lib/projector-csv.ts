/**
 * The original DL4J UI's upload: a CSV of `x,y,label` rows, read in the browser so a bad line is
 * named before anything is sent, and so the points can be shown even when the server keeps no
 * upload.
 *
 * Rules: fields are separated by commas; a field may be quoted (`"a, b"`, `""` for a quote); a
 * first row whose x and y are not numbers is a header (`x,y,label`); blank lines are skipped;
 * the label may be empty or absent (`x,y`). `NaN`, `Infinity` and `-Infinity` are accepted and
 * give a point that is not placed (null), as a non-finite vector does.
 */

/** The points of a CSV file. */
export interface CsvPoints {
  x: (number | null)[];
  y: (number | null)[];
  labels: string[];
}

/** Why a file was refused; `line` counts from 1. */
export type CsvError =
  | { kind: "columns"; line: number; count: number }
  | { kind: "number"; line: number; value: string }
  | { kind: "quote"; line: number }
  | { kind: "empty" };

export type CsvResult = { ok: true; points: CsvPoints } | { ok: false; error: CsvError };

/** Splits one line into fields; null when a quote is not closed. */
export function splitCsvLine(line: string): string[] | null {
  const fields: string[] = [];
  let field = "";
  let quoted = false;
  let i = 0;
  while (i < line.length) {
    const c = line.charAt(i);
    if (quoted) {
      if (c === '"') {
        if (line[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else field += c;
    } else if (c === '"' && field.trim() === "") {
      quoted = true;
      field = "";
    } else if (c === ",") {
      fields.push(field);
      field = "";
    } else field += c;
    i++;
  }
  if (quoted) return null;
  fields.push(field);
  return fields;
}

const NONFINITE = new Set(["nan", "inf", "+inf", "-inf", "infinity", "+infinity", "-infinity"]);

/** A coordinate: a finite number, null for a non-finite one, undefined when it is no number. */
function coordinate(text: string): number | null | undefined {
  const s = text.trim();
  if (NONFINITE.has(s.toLowerCase())) return null;
  if (s === "" || !/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s)) return undefined;
  return Number(s);
}

/** Reads `x,y,label` rows; the first bad line is the error. */
export function parseXyCsv(text: string): CsvResult {
  const points: CsvPoints = { x: [], y: [], labels: [] };
  const lines = text.replace(/^\uFEFF/, "").split(/\r\n|\n|\r/);
  let first = true;
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n] ?? "";
    if (line.trim() === "") continue;
    const number = n + 1;
    const fields = splitCsvLine(line);
    if (fields === null) return { ok: false, error: { kind: "quote", line: number } };
    if (fields.length < 2 || fields.length > 3) {
      return { ok: false, error: { kind: "columns", line: number, count: fields.length } };
    }
    const [xs = "", ys = "", label = ""] = fields;
    const x = coordinate(xs);
    const y = coordinate(ys);
    if (first && x === undefined && y === undefined) {
      first = false; // a header row
      continue;
    }
    first = false;
    if (x === undefined) return { ok: false, error: { kind: "number", line: number, value: xs } };
    if (y === undefined) return { ok: false, error: { kind: "number", line: number, value: ys } };
    points.x.push(x);
    points.y.push(y);
    points.labels.push(label.trim());
  }
  if (points.labels.length === 0) return { ok: false, error: { kind: "empty" } };
  return { ok: true, points };
}

/** Whether a file looks like an `x,y,label` CSV by its name. */
export function isCsvName(name: string): boolean {
  return /\.csv$/i.test(name);
}
