// What docs/web-components.md names, read from its sections and tables, for
// scripts/check-manifest.mjs: the elements, each element's attributes, the events, the CSS custom
// properties and the parts (and slots).

/** The markdown's sections by heading text (`## Elements` is "Elements"), each its body. */
function sections(markdown) {
  const out = new Map();
  let heading = "";
  for (const line of markdown.split("\n")) {
    const match = /^#{2,3} (.*)$/.exec(line);
    if (match !== null) {
      heading = match[1].trim();
      out.set(heading, "");
    } else if (heading !== "") {
      out.set(heading, `${out.get(heading)}${line}\n`);
    }
  }
  return out;
}

/** The one section whose heading starts with `start`; fails when there is none. */
function section(all, start) {
  for (const [heading, body] of all) if (heading.startsWith(start)) return { heading, body };
  throw new Error(`docs/web-components.md has no section "${start}"`);
}

/** A table's body rows as cells (`\|` inside a cell is a `|`). */
function tableRows(body) {
  return body
    .split("\n")
    .filter((line) => line.startsWith("|") && !/^\|[\s|:-]+\|$/.test(line))
    .slice(1)
    .map((line) =>
      line
        .slice(1, -1)
        .split(/(?<!\\)\|/)
        .map((cell) => cell.trim().replace(/\\\|/g, "|")),
    );
}

/** The text without anything in parentheses (nested too): what a list names, not its notes. */
function withoutNotes(text) {
  let out = text;
  for (let before = ""; before !== out;) {
    before = out;
    out = out.replace(/\([^()]*\)/g, "");
  }
  return out;
}

/** The code spans of `text` (`` `api-base` ``), a `<tag>` span as the tag. */
function spans(text) {
  return [...text.matchAll(/`([^`]+)`/g)].map((m) => m[1].replace(/^<([a-z][\w-]*)>$/, "$1"));
}

/** `--train-series-1` … `--train-series-12` as the twelve names. */
function expandRanges(text) {
  return text.replace(/`(--[\w-]+?)(\d+)`\s*…\s*`\1(\d+)`/g, (_whole, stem, from, to) => {
    const names = [];
    for (let i = Number(from); i <= Number(to); i++) names.push(`\`${stem}${i}\``);
    return names.join(", ");
  });
}

/**
 * The attributes docs/web-components.md gives each element: the building blocks' table (its
 * attributes column), the shared attributes of the page elements its heading lists, and each
 * sentence there of the form "`<tag>` (also) takes `a`, `b` ...".
 */
function attributesByTag(all) {
  const byTag = new Map();
  const add = (tag, names) => byTag.set(tag, new Set([...(byTag.get(tag) ?? []), ...names]));
  const blocks = section(all, "Attributes and properties of the building blocks");
  for (const [element, attributes] of tableRows(blocks.body)) {
    add(spans(element)[0], spans(withoutNotes(attributes)));
  }
  const shared = section(all, "Attributes shared by the page elements");
  const names = tableRows(shared.body).map(([attribute]) => spans(attribute)[0]);
  for (const tag of spans(shared.heading)) add(tag, names);
  const prose = withoutNotes(shared.body.replace(/^\|.*$/gm, ""));
  for (const sentence of prose.split(/\.\s+/)) {
    const match = /^\s*`<?([a-z][\w-]*)>?` (?:also )?takes (.*)$/s.exec(sentence);
    if (match !== null) add(match[1], spans(match[2]));
  }
  return byTag;
}

/** Everything the checks read from docs/web-components.md. */
export function docsNames(markdown) {
  const all = sections(markdown);
  const elements = tableRows(section(all, "Elements").body).map(([tag]) => spans(tag)[0]);
  const events = tableRows(section(all, "Events").body).map(([name]) => spans(name)[0]);
  const cssRows = tableRows(section(all, "CSS custom properties").body);
  const cssProperties = cssRows.flatMap(([names]) => spans(expandRanges(names)));
  // The Parts section names elements too (`<train-findings>` also has ...): not parts.
  const listed = withoutNotes(section(all, "Parts").body).replace(/`<[a-z][\w-]*>`/g, "");
  const parts = spans(listed);
  return {
    elements: new Set(elements),
    attributes: attributesByTag(all),
    events: new Set(events),
    cssProperties: new Set(cssProperties),
    parts: new Set(parts),
  };
}
