// Plugins of @custom-elements-manifest/analyzer for fitscope's sources
// (custom-elements-manifest.config.mjs uses them; docs/web-components.md, "Package").
//
// The analyzer reads what Lit's `static properties` and a class's own JSDoc say. fitscope's
// elements differ from its defaults in four ways, each handled here:
//
// - they register with `define("tag", Class)` (src/define.ts, guarded against a second copy),
//   not `customElements.define`: definePlugin records those calls as definitions;
// - most of them put `@fires`, `@csspart`, `@cssprop` and `@slot` in the module's documentation
//   (one element per file), not on the class: moduleDocPlugin applies the module's tags to the
//   element the module defines;
// - their events are typed once, in `HTMLElementEventMap` (`"train-error":
//   CustomEvent<TrainErrorDetail>`): eventTypesPlugin gives each event that type, the detail's
//   interface written out;
// - the package's files are the sources' compiled modules (src/train-overview.ts is
//   train-overview.js), and the two elements of the lazy chunks live in those chunks:
//   packagePathsPlugin rewrites the paths, and keeps only the modules that declare an element
//   or a base class of one, without private or protected members.
//
// Lit's `state: true` properties are members, never attributes: statePlugin drops the attributes
// the analyzer gives them.
// The analyzer's own class-JSDoc parser, so module tags read exactly as class tags do. Not a
// public entry point of the package: it is pinned to an exact version in package.json.
import { classJsDocPlugin } from "@custom-elements-manifest/analyzer/src/features/analyse-phase/class-jsdoc.js";

/** Modules that are not compiled one to one but live in a bundle of their own. */
const CHUNK_MODULES = {
  "src/embedding-projector-view.ts": "fitscope-projector.js",
  "src/onnx-graph-view.ts": "fitscope-onnx.js",
};

/** The package's path of a source path (`src/lib/format.ts`, `/src/lib/format.js`). */
export function packagePath(path) {
  const source = path.replace(/^\.?\//, "").replace(/\.js$/, ".ts");
  return CHUNK_MODULES[source] ?? source.replace(/^src\//, "").replace(/\.ts$/, ".js");
}

/** Records `define("tag", Class)` calls (src/define.ts) as custom element definitions. */
export function definePlugin() {
  return {
    name: "fitscope: define() calls",
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isCallExpression(node) || !ts.isIdentifier(node.expression)) return;
      const [tag, cls] = node.arguments;
      if (node.expression.text !== "define" || tag === undefined || cls === undefined) return;
      if (!ts.isStringLiteral(tag) || !ts.isIdentifier(cls)) return;
      moduleDoc.exports = [
        ...(moduleDoc.exports ?? []),
        {
          kind: "custom-element-definition",
          name: tag.text,
          declaration: { name: cls.text, module: moduleDoc.path },
        },
      ];
    },
  };
}

/** The JSDoc comment before a module's first statement (its module documentation), if any. */
function moduleDocComment(sourceFile) {
  const first = sourceFile.statements[0];
  const docs = first?.jsDoc ?? [];
  return docs.length > 0 ? docs[0] : null;
}

/**
 * Applies the tags of a module's documentation to the element it defines, parsed exactly as the
 * analyzer parses a class's JSDoc. A class whose own description only points at the module
 * ("see the module documentation") gets the module's description instead.
 */
export function moduleDocPlugin() {
  const classDoc = classJsDocPlugin();
  const comments = new Map();
  return {
    name: "fitscope: module documentation",
    analyzePhase({ ts, node, moduleDoc }) {
      if (node.kind === ts.SyntaxKind.SourceFile) {
        const doc = moduleDocComment(node);
        if (doc !== null) comments.set(moduleDoc.path, doc);
      }
    },
    moduleLinkPhase({ ts, moduleDoc }) {
      const doc = comments.get(moduleDoc.path);
      if (doc === undefined) return;
      const defined = new Set(
        (moduleDoc.exports ?? [])
          .filter((e) => e.kind === "custom-element-definition")
          .map((e) => e.declaration.name),
      );
      for (const cls of moduleDoc.declarations ?? []) {
        if (cls.kind !== "class" || !defined.has(cls.name)) continue;
        const own = cls.description;
        // The analyzer's cleanup removed the empty lists; its JSDoc parser pushes onto them.
        const lists = ["attributes", "members", "events", "cssParts", "cssProperties", "slots"];
        for (const kind of [...lists, "cssStates"]) cls[kind] ??= [];
        // Tags only: a stand-in JSDoc node without TS's parsed comment and tags.
        const tagsOnly = { getFullText: () => doc.getFullText() };
        const node = { kind: ts.SyntaxKind.ClassDeclaration, name: { getText: () => cls.name } };
        classDoc.analyzePhase({ ts, node: { ...node, jsDoc: [tagsOnly] }, moduleDoc });
        if (own === undefined || /see the module documentation/i.test(own)) {
          const text = ts.getTextOfJSDocComment(doc.comment);
          if (text !== undefined) cls.description = text;
        }
        for (const kind of [...lists, "cssStates"]) {
          if (cls[kind].length === 0) Reflect.deleteProperty(cls, kind);
        }
      }
    },
  };
}

/** The members of an interface or type literal, as written (`{ status: number; code: string }`). */
function membersText(node, sourceFile) {
  const members = node.members.map((m) => m.getText(sourceFile).replace(/\s+/g, " ").trim());
  return `{ ${members.map((m) => m.replace(/[;,]$/, "")).join("; ")} }`;
}

/**
 * Types each event after its `HTMLElementEventMap` entry: `CustomEvent<{ layer: string }>`, a
 * detail interface of the sources written out member by member.
 */
export function eventTypesPlugin() {
  const events = new Map();
  const interfaces = new Map();
  return {
    name: "fitscope: event types",
    collectPhase({ ts, node }) {
      if (ts.isTypeAliasDeclaration(node)) {
        interfaces.set(node.name.text, node.type.getText().replace(/\s+/g, " "));
        return;
      }
      if (!ts.isInterfaceDeclaration(node)) return;
      const sourceFile = node.getSourceFile();
      if (node.name.text !== "HTMLElementEventMap") {
        interfaces.set(node.name.text, membersText(node, sourceFile));
        return;
      }
      for (const member of node.members) {
        if (!ts.isPropertySignature(member) || member.type === undefined) continue;
        const name = member.name.getText(sourceFile).replace(/^"|"$/g, "");
        events.set(name, member.type.getText(sourceFile).replace(/\s+/g, " "));
      }
    },
    packageLinkPhase({ customElementsManifest }) {
      for (const cls of classes(customElementsManifest)) {
        // An event the analyzer found in a `dispatchEvent` of a variable's name (`emit(type)`)
        // is neither typed nor documented: not an event name.
        cls.events = cls.events?.filter((e) => events.has(e.name) || e.description !== undefined);
        for (const event of cls.events ?? []) {
          const type = events.get(event.name);
          if (type === undefined) continue;
          const text = type.replace(/^CustomEvent<(\w+)>$/, (whole, name) =>
            interfaces.has(name) ? `CustomEvent<${interfaces.get(name)}>` : whole,
          );
          event.type = { text };
        }
      }
    },
  };
}

/** The names in a class's `static properties` whose options say `state: true`. */
function stateProperties(ts, node) {
  const names = [];
  for (const member of node.members) {
    const isStatic = ts.getCombinedModifierFlags(member) & ts.ModifierFlags.Static;
    if (!isStatic || member.name?.getText() !== "properties" || member.initializer === undefined) {
      continue;
    }
    if (!ts.isObjectLiteralExpression(member.initializer)) continue;
    for (const prop of member.initializer.properties) {
      if (!ts.isPropertyAssignment(prop) || !ts.isObjectLiteralExpression(prop.initializer))
        continue;
      const state = prop.initializer.properties.some(
        (o) => o.name?.getText() === "state" && o.initializer?.kind === ts.SyntaxKind.TrueKeyword,
      );
      if (state) names.push(prop.name.getText());
    }
  }
  return names;
}

/**
 * Removes the attributes the analyzer gives Lit's internal reactive state (`state: true`, which
 * Lit never reads from an attribute); the properties stay members.
 */
export function statePlugin() {
  const state = new Set();
  return {
    name: "fitscope: Lit state",
    analyzePhase({ ts, node }) {
      if (!ts.isClassDeclaration(node) || node.name === undefined) return;
      for (const name of stateProperties(ts, node)) state.add(`${node.name.text}.${name}`);
    },
    packageLinkPhase({ customElementsManifest }) {
      for (const cls of classes(customElementsManifest)) {
        const isState = (entry, name) =>
          state.has(`${entry.inheritedFrom?.name ?? cls.name}.${name}`);
        cls.attributes = cls.attributes?.filter((a) => !isState(a, a.fieldName ?? a.name));
        for (const member of cls.members ?? []) {
          if (!isState(member, member.name)) continue;
          delete member.attribute;
          delete member.reflects;
        }
      }
    },
  };
}

/** Every class declaration of a manifest. */
function classes(manifest) {
  return manifest.modules.flatMap((m) => (m.declarations ?? []).filter((d) => d.kind === "class"));
}

/** Removes repeated entries (a tag both in the module's and in the class's documentation). */
function dedupe(cls) {
  for (const kind of ["cssParts", "cssProperties", "slots", "events", "attributes"]) {
    if (cls[kind] === undefined) continue;
    const seen = new Map();
    for (const entry of cls[kind]) {
      const kept = seen.get(entry.name);
      if (kept === undefined) seen.set(entry.name, entry);
      else if (kept.description === undefined) seen.set(entry.name, { ...kept, ...entry });
    }
    cls[kind] = [...seen.values()];
  }
}

/** Rewrites every `path` and `module` of the manifest to the package's layout, recursively. */
function rewritePaths(value) {
  if (Array.isArray(value)) {
    value.forEach(rewritePaths);
  } else if (value !== null && typeof value === "object") {
    for (const [key, inner] of Object.entries(value)) {
      if ((key === "path" || key === "module") && typeof inner === "string") {
        value[key] = packagePath(inner);
      } else {
        rewritePaths(inner);
      }
    }
  }
}

/**
 * The package's view of the manifest: the modules that declare an element or a base class of
 * one, without private or protected members, with the package's paths.
 */
export function packagePathsPlugin() {
  return {
    name: "fitscope: package paths",
    packageLinkPhase({ customElementsManifest }) {
      const all = classes(customElementsManifest);
      const bases = new Set(all.map((c) => c.superclass?.name).filter((n) => n !== undefined));
      const keep = (c) => c.customElement === true || bases.has(c.name);
      customElementsManifest.modules = customElementsManifest.modules.filter((m) =>
        (m.declarations ?? []).some((d) => d.kind === "class" && keep(d)),
      );
      for (const mod of customElementsManifest.modules) {
        // What the analyzer took for declarations inside functions (`const { kinds } = ...`).
        const exported = new Set((mod.exports ?? []).map((e) => e.declaration.name));
        mod.declarations = mod.declarations.filter((d) => exported.has(d.name));
      }
      for (const cls of classes(customElementsManifest)) {
        dedupe(cls);
        cls.members = (cls.members ?? []).filter(
          (m) => m.privacy !== "private" && m.privacy !== "protected" && !m.name.startsWith("#"),
        );
      }
      rewritePaths(customElementsManifest);
    },
  };
}
