// `npm run check:manifest` (run by `make check`): regenerates the custom elements manifest from
// the sources (custom-elements-manifest.config.mjs, in memory) and fails when
// docs/web-components.md disagrees with it:
//
// - elements: every element of the package (package-entries.mjs) is in the docs' Elements table,
//   and every element of that table is in the manifest;
// - attributes, per element: each one the manifest gives an element the docs give it too (the
//   building blocks' table, or the page elements' section), and each one the docs give it exists;
// - events: each event an element documented there fires is a row of the Events table, and each
//   row is fired by some element;
// - CSS custom properties and parts (and slots): each one of a documented element is in the docs'
//   table or list, and each one listed there belongs to some element.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { cli } from "@custom-elements-manifest/analyzer/cli.js";
import { docsNames } from "./docs-names.mjs";
import { elementEntries } from "./package-entries.mjs";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const DOCS = "docs/web-components.md";

/** The manifest's custom elements by tag. */
function elementsByTag(manifest) {
  const out = new Map();
  for (const mod of manifest.modules) {
    for (const d of mod.declarations ?? []) if (d.tagName !== undefined) out.set(d.tagName, d);
  }
  return out;
}

/** The names of an element's `kind` entries (`attributes`, `events`, ...). */
function names(element, kind) {
  return (element[kind] ?? []).map((entry) => entry.name).filter((n) => n !== "");
}

/** Every check of the module documentation; the problems found, as sentences. */
function compare(manifest, docs, entries) {
  const problems = [];
  const elements = elementsByTag(manifest);
  for (const { tag, name } of entries) {
    if (!docs.elements.has(tag))
      problems.push(`<${tag}> (${name}.js) is not in the Elements table`);
  }
  const documented = [...docs.elements].filter((tag) => {
    if (elements.has(tag)) return true;
    problems.push(`<${tag}> is in the Elements table but no source defines it`);
    return false;
  });
  for (const tag of documented) {
    const element = elements.get(tag);
    const attributes = new Set(names(element, "attributes"));
    const given = docs.attributes.get(tag) ?? new Set();
    for (const a of attributes) {
      if (!given.has(a)) problems.push(`attribute ${a} of <${tag}> is not documented for it`);
    }
    for (const a of given) {
      if (!attributes.has(a))
        problems.push(`<${tag}> has no attribute ${a}, which the docs give it`);
    }
    for (const e of names(element, "events")) {
      if (!docs.events.has(e)) problems.push(`event ${e} (<${tag}>) is not in the Events table`);
    }
    for (const p of names(element, "cssProperties")) {
      if (!docs.cssProperties.has(p)) problems.push(`${p} (<${tag}>) is not in the CSS table`);
    }
    for (const p of [...names(element, "cssParts"), ...names(element, "slots")]) {
      if (!docs.parts.has(p)) problems.push(`part or slot ${p} (<${tag}>) is not under Parts`);
    }
  }
  const all = [...elements.values()];
  const used = (kinds) => new Set(all.flatMap((el) => kinds.flatMap((k) => names(el, k))));
  const fired = used(["events"]);
  for (const e of docs.events) if (!fired.has(e)) problems.push(`no element fires event ${e}`);
  const props = used(["cssProperties"]);
  for (const p of docs.cssProperties) if (!props.has(p)) problems.push(`no element reads ${p}`);
  const parts = used(["cssParts", "slots"]);
  for (const p of docs.parts) if (!parts.has(p)) problems.push(`no element has a part ${p}`);
  return { problems, documented };
}

const manifest = await cli({ argv: ["analyze", "--quiet"], cwd: ROOT, noWrite: true });
const docs = docsNames(readFileSync(new URL(`../../${DOCS}`, import.meta.url), "utf8"));
const { problems, documented } = compare(manifest, docs, elementEntries());
if (problems.length > 0) {
  for (const p of problems) console.error(`${DOCS}: ${p}`);
  console.error(
    `${DOCS} disagrees with the custom elements manifest (${problems.length} problems): ` +
      "document the names there, or add the JSDoc tags (@attr, @fires, @cssprop, @csspart, " +
      "@slot) to the element's source.",
  );
  process.exitCode = 1;
} else {
  console.log(
    `${DOCS} agrees with the manifest: ${documented.length} elements, ${docs.events.size} ` +
      `events, ${docs.cssProperties.size} CSS custom properties, ${docs.parts.size} parts.`,
  );
}
