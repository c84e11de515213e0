/**
 * The projector's search: a word (case-insensitive substring) or a regular expression, either
 * written `/re/flags` or typed with the Regex toggle on. A query that is not a valid regular
 * expression is a {@link Query} of kind `invalid` carrying the engine's message: it is shown,
 * never thrown.
 */

/** A parsed search query. */
export type Query =
  | { kind: "empty" }
  | { kind: "text"; needle: string }
  | { kind: "regex"; re: RegExp }
  | { kind: "invalid"; detail: string };

/** `/body/flags`: the slash form of a regular expression. */
const SLASHED = /^\/(.*)\/([a-z]*)$/s;

function compile(body: string, flags: string): Query {
  try {
    // g and y make test() stateful (lastIndex): one label after another would skip matches.
    return { kind: "regex", re: new RegExp(body, flags.replace(/[gy]/g, "")) };
  } catch (err) {
    return { kind: "invalid", detail: err instanceof Error ? err.message : String(err) };
  }
}

/**
 * Parses what the user typed.
 *
 * @param text The search box's text; surrounding spaces are ignored.
 * @param regex The Regex toggle: the whole text is a regular expression (case-insensitive).
 * @returns `empty` for blank text; `/re/flags` is a regular expression with exactly those flags
 *   (`/paris/i` for any case) whatever the toggle; otherwise `text`, matched ignoring case, or
 *   with the toggle on, `regex` with the `i` flag.
 */
export function parseQuery(text: string, regex: boolean): Query {
  const q = text.trim();
  if (q === "") return { kind: "empty" };
  const slashed = SLASHED.exec(q);
  if (slashed !== null && q.length >= 2) return compile(slashed[1] ?? "", slashed[2] ?? "");
  if (regex) return compile(q, "i");
  return { kind: "text", needle: q.toLocaleLowerCase() };
}

/** Whether `label` matches `query` (never for `empty` or `invalid`). */
export function matches(query: Query, label: string): boolean {
  switch (query.kind) {
    case "text":
      return label.toLocaleLowerCase().includes(query.needle);
    case "regex":
      return query.re.test(label);
    default:
      return false;
  }
}

/**
 * The indices of the labels that match, in label order. Exact matches of a text query come
 * first ("cat" before "concatenate"), so choosing the first result picks the word itself.
 */
export function search(query: Query, labels: readonly string[]): number[] {
  if (query.kind === "empty" || query.kind === "invalid") return [];
  const exact: number[] = [];
  const rest: number[] = [];
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i] ?? "";
    if (!matches(query, label)) continue;
    if (query.kind === "text" && label.toLocaleLowerCase() === query.needle) exact.push(i);
    else rest.push(i);
  }
  return exact.length === 0 ? rest : exact.concat(rest);
}
