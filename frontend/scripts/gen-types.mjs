#!/usr/bin/env node
// Generates src/types/records.ts from the JSON Schemas in ../schemas (the one contract).
//
//   node scripts/gen-types.mjs           write src/types/records.ts
//   node scripts/gen-types.mjs --check   exit 1 if the committed file differs from a fresh run
//
// How: json-schema-to-typescript compiles each record schema on its own. The relative $refs
// ("common.schema.json#/$defs/summary") are served from ../schemas by a local resolver, never
// fetched. Each run declares the shared definitions it reaches (Summary, Histogram, FloatValue,
// ...), so the declarations are split apart with the TypeScript parser and every name is kept
// once; a name declared twice with different bodies is an error, never silently merged.
//
// The shared $defs of common.schema.json get their TypeScript names from COMMON_NAMES below. The
// names are given in memory (as a "title"); the schema files are read, never written.

import { readFile, readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { compile } from "json-schema-to-typescript";
import ts from "typescript";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const SCHEMAS_DIR = path.resolve(HERE, "..", "..", "schemas");
const OUT_FILE = path.resolve(HERE, "..", "src", "types", "records.ts");
const OUT_NAME = "src/types/records.ts";

/** Record schemas, in the order their types appear in the output. */
const RECORDS = [
  { file: "static_info.schema.json", name: "StaticInfo" },
  { file: "stats_report.schema.json", name: "StatsReport" },
  { file: "metrics.schema.json", name: "MetricsRecord" },
  { file: "epoch.schema.json", name: "EpochRecord" },
  { file: "onnx_graph.schema.json", name: "OnnxGraph" },
];

/**
 * TypeScript names of common.schema.json's $defs. A def left out (count) is inlined: it is a
 * plain `number` and a name would only hide that.
 */
const COMMON_NAMES = {
  nonfinite: "NonFiniteFloat",
  number: "FloatValue",
  optional_number: "OptionalFloatValue",
  histogram: "Histogram",
  summary: "Summary",
  shape: "Shape",
};

/**
 * TypeScript names of onnx_graph.schema.json's untitled $defs. Compiled on its own, the schema's
 * root would name a def after its key (Dim), while a $ref from static_info.schema.json inlines
 * it: a title makes both runs emit one declaration. (Its other defs carry titles in the file.)
 */
const ONNX_NAMES = {
  dim: "OnnxDim",
};

/** The $id prefix the schemas declare; a $ref written against it is served from SCHEMAS_DIR. */
const ID_PREFIX = "https://fitscope.invalid/schemas/v1/";

const BANNER = [
  "// Generated from schemas/ by scripts/gen-types.mjs; do not edit.",
  "// Regenerate with `npm run gen:types`; `npm run check:types` fails when this file is stale.",
  '// Non-finite floats arrive as the strings "NaN", "Infinity", "-Infinity" (see FloatValue);',
  "// null means absent, never NaN.",
].join("\n");

async function loadSchemas() {
  const schemas = new Map();
  for (const file of (await readdir(SCHEMAS_DIR)).sort()) {
    if (!file.endsWith(".schema.json")) continue;
    const text = await readFile(path.join(SCHEMAS_DIR, file), "utf8");
    try {
      schemas.set(file, JSON.parse(text));
    } catch (err) {
      throw new Error(`${path.join(SCHEMAS_DIR, file)} is not valid JSON: ${err.message}`, {
        cause: err,
      });
    }
  }
  const known = new Set(["common.schema.json", ...RECORDS.map((r) => r.file)]);
  const unknown = [...schemas.keys()].filter((file) => !known.has(file));
  if (unknown.length > 0) {
    throw new Error(`${unknown.join(", ")}: add to RECORDS in scripts/gen-types.mjs.`);
  }
  const common = schemas.get("common.schema.json");
  if (!common) throw new Error(`${SCHEMAS_DIR}/common.schema.json is missing.`);
  for (const [def, tsName] of Object.entries(COMMON_NAMES)) {
    const schema = common.$defs?.[def];
    if (!schema) {
      throw new Error(
        `common.schema.json has no $defs/${def}; update COMMON_NAMES in scripts/gen-types.mjs.`,
      );
    }
    schema.title = tsName;
  }
  const onnx = schemas.get("onnx_graph.schema.json");
  for (const [def, tsName] of Object.entries(ONNX_NAMES)) {
    const schema = onnx?.$defs?.[def];
    if (!schema) {
      throw new Error(
        `onnx_graph.schema.json has no $defs/${def}; update ONNX_NAMES in scripts/gen-types.mjs.`,
      );
    }
    schema.title = tsName;
  }
  for (const schema of schemas.values()) normalize(schema);
  return schemas;
}

/** Keywords that hold one subschema, and those that hold a list or a map of them. */
const SUBSCHEMA = ["additionalProperties", "items", "contains", "not", "if", "then", "else"];
const SUBSCHEMA_LISTS = ["prefixItems", "allOf", "anyOf", "oneOf"];
const SUBSCHEMA_MAPS = ["$defs", "properties", "patternProperties", "dependentSchemas"];

/** Keywords that describe a schema without constraining it. */
const ANNOTATIONS = new Set([
  "$schema",
  "$id",
  "$anchor",
  "$comment",
  "title",
  "description",
  "default",
  "examples",
  "deprecated",
  "readOnly",
  "writeOnly",
]);

/**
 * Works around two habits of json-schema-to-typescript, in memory, on every subschema:
 *
 * - `{"$ref": R, "description": D}` becomes `{"description": D, "allOf": [{"$ref": R}]}`, which
 *   means the same in 2020-12. Otherwise the target is copied (title included) once per annotated
 *   use, and the copies are named FloatValue1, FloatValue2, ...
 * - A schema with nothing but annotations (any JSON value) becomes `unknown`; the generator
 *   would otherwise emit the object type `{[k: string]: unknown}`, which rejects null.
 */
function normalize(schema) {
  if (schema === null || typeof schema !== "object") return;
  if (typeof schema.$ref === "string" && Object.keys(schema).length > 1) {
    schema.allOf = [...(schema.allOf ?? []), { $ref: schema.$ref }];
    delete schema.$ref;
  }
  if (Object.keys(schema).every((k) => ANNOTATIONS.has(k))) {
    schema.tsType = "unknown";
  }
  for (const k of SUBSCHEMA) normalize(schema[k]);
  for (const k of SUBSCHEMA_LISTS) (schema[k] ?? []).forEach(normalize);
  for (const k of SUBSCHEMA_MAPS) Object.values(schema[k] ?? {}).forEach(normalize);
}

/** A json-schema-ref-parser resolver that serves schemas/*.json from memory and nothing else. */
function localResolver(schemas) {
  return {
    order: 1,
    canRead: true,
    read(file) {
      const url = file.url;
      const name = url.startsWith(ID_PREFIX)
        ? url.slice(ID_PREFIX.length)
        : path.relative(SCHEMAS_DIR, url.startsWith("file://") ? fileURLToPath(url) : url);
      const schema = schemas.get(name);
      if (!schema) {
        throw new Error(`$ref to ${url} does not name a file in ${SCHEMAS_DIR}.`);
      }
      // A fresh copy each time: the generator annotates and dereferences what it is given.
      return JSON.stringify(schema);
    },
  };
}

/** Splits generated code into top-level declarations: name -> text (leading JSDoc included). */
function declarations(code, origin) {
  const source = ts.createSourceFile(
    "generated.ts",
    code,
    ts.ScriptTarget.ES2022,
    true,
    ts.ScriptKind.TS,
  );
  const out = [];
  for (const statement of source.statements) {
    if (!ts.isInterfaceDeclaration(statement) && !ts.isTypeAliasDeclaration(statement)) {
      throw new Error(`${origin}: unexpected top-level ${ts.SyntaxKind[statement.kind]}.`);
    }
    out.push({ name: statement.name.text, text: statement.getFullText(source).trim() });
  }
  return out;
}

async function generate() {
  const schemas = await loadSchemas();
  const resolver = localResolver(schemas);
  const seen = new Map();
  for (const { file, name } of RECORDS) {
    const schema = structuredClone(schemas.get(file));
    if (!schema) throw new Error(`${SCHEMAS_DIR}/${file} is missing.`);
    schema.title = name;
    const code = await compile(schema, name, {
      cwd: SCHEMAS_DIR,
      bannerComment: "",
      unknownAny: true,
      // A minItems: 1 array would come out as the tuple [number, ...number[]]; consumers want
      // plain arrays, and the bound stays in the schema (and in a @minItems comment).
      ignoreMinAndMaxItems: true,
      style: { printWidth: 100, trailingComma: "all" },
      $refOptions: {
        resolve: { file: false, http: false, fitscope: resolver },
      },
    });
    for (const decl of declarations(code, file)) {
      const earlier = seen.get(decl.name);
      if (earlier === undefined) {
        seen.set(decl.name, { ...decl, file });
      } else if (earlier.text !== decl.text) {
        throw new Error(
          `${decl.name} comes out differently from ${earlier.file} and ${file}; ` +
            "a shared definition must generate one type.",
        );
      }
    }
  }
  // json-schema-to-typescript appends 1, 2, ... when two different schemas want one name.
  const numbered = [...seen.keys()].filter((n) => {
    const base = /^(.*\D)\d+$/.exec(n)?.[1];
    return base !== undefined && seen.has(base);
  });
  if (numbered.length > 0) {
    throw new Error(
      `Generated names clash: ${numbered.join(", ")}. Give the schemas distinct titles.`,
    );
  }
  // Shared definitions first, then the records, then anything else, whatever order the
  // generator met them in.
  const order = [...Object.values(COMMON_NAMES), ...RECORDS.map((r) => r.name)];
  const rank = (name) => (order.includes(name) ? order.indexOf(name) : order.length);
  const sorted = [...seen.values()].sort((a, b) => rank(a.name) - rank(b.name));
  const body = sorted.map((d) => d.text).join("\n\n");
  return `${BANNER}\n\n${body}\n`;
}

async function main() {
  const check = process.argv.includes("--check");
  const fresh = await generate();
  if (!check) {
    await writeFile(OUT_FILE, fresh);
    console.log(`wrote ${OUT_NAME}`);
    return;
  }
  let committed = null;
  try {
    committed = await readFile(OUT_FILE, "utf8");
  } catch (err) {
    if (err.code !== "ENOENT") throw err; // missing counts as out of date
  }
  if (committed !== fresh) {
    console.error(`${OUT_NAME} is out of date with schemas/; run npm run gen:types`);
    if (committed !== null) {
      const want = fresh.split("\n");
      const have = committed.split("\n");
      const line = want.findIndex((text, i) => text !== have[i]);
      const at = line === -1 ? want.length : line;
      console.error(`first difference at line ${at + 1}:`);
      console.error(`  committed: ${JSON.stringify(have[at] ?? "<end of file>")}`);
      console.error(`  generated: ${JSON.stringify(want[at] ?? "<end of file>")}`);
    }
    process.exit(1);
  }
  console.log(`${OUT_NAME} is up to date with schemas/`);
}

main().catch((err) => {
  console.error(`gen-types: ${err.message}`);
  process.exit(1);
});
