// The package.json of @fitscope/elements (package-dist/package.json), from frontend/package.json
// and the element entries: its version, the `exports` map (one subpath per element module, the
// single-file bundle, the manifest), `types`, `customElements`, `files` and the dependencies the
// modules import (Lit and uPlot; the bundle and the lazy chunks carry their own copies).

/** What the package's modules import, as frontend/package.json pins it (a caret range of that). */
const DEPENDENCIES = ["lit", "uplot"];

/** The bundles of vite.config.ts, copied beside the modules (each loads the next from beside it). */
export const BUNDLE_FILES = [
  "fitscope-ui.js",
  "fitscope-projector.js",
  "fitscope-onnx.js",
  "fitscope-graph-worker.js",
];

/** The package.json object of the package, given frontend/package.json and the entries. */
export function packageJson(frontend, entries) {
  const exports = {
    ".": { types: "./index.d.ts", default: "./index.js" },
  };
  for (const { name } of entries) {
    exports[`./${name}.js`] = { types: `./${name}.d.ts`, default: `./${name}.js` };
  }
  // The single file, and the chunks a portal's bundler may have to copy (resolvable by name).
  for (const file of BUNDLE_FILES) exports[`./${file}`] = `./${file}`;
  exports["./custom-elements.json"] = "./custom-elements.json";
  exports["./package.json"] = "./package.json";
  const dependencies = {};
  for (const name of DEPENDENCIES) {
    const pinned = frontend.dependencies?.[name];
    if (pinned === undefined) throw new Error(`frontend/package.json has no dependency ${name}`);
    dependencies[name] = `^${pinned.replace(/^[\^~]/, "")}`;
  }
  return {
    name: "@fitscope/elements",
    version: frontend.version,
    description:
      "fitscope's web components (Lit + uPlot): the training UI's overview, model and system " +
      "pages for portals, reading a fitscope server's HTTP API.",
    license: "Apache-2.0",
    type: "module",
    main: "./index.js",
    module: "./index.js",
    types: "./index.d.ts",
    exports,
    customElements: "custom-elements.json",
    files: ["**/*.js", "**/*.d.ts", "custom-elements.json", "README.md"],
    keywords: ["web-components", "custom-elements", "lit", "training", "deep-learning"],
    dependencies,
  };
}
