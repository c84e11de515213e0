/**
 * The UI bundles, written into the Python package (server/static/, installed as
 * fitscope/server/static/) so `fitscope serve` needs no Node. Two minified ES modules, each
 * built on its own (`npm run build` runs both):
 *
 * - `vite build` (mode `production`): `fitscope-ui.js`, the core bundle, every element but the
 *   projector's insides (src/index.ts);
 * - `vite build --mode projector`: `fitscope-projector.js`, the embedding projector's chunk
 *   (src/embedding-projector-view.ts and regl-scatterplot), which `<embedding-projector>` loads
 *   with a dynamic `import()` from beside the core bundle the first time one is shown;
 * - `vite build --mode onnx`: `fitscope-onnx.js`, the ONNX graph view's chunk
 *   (src/onnx-graph-view.ts), which `<train-layer-graph>` loads the same way the first time it
 *   is given an ONNX graph;
 * - `vite build --mode graph-worker`: `fitscope-graph-worker.js`, the ONNX view's layout worker
 *   (src/graph-layout-worker.ts and @dagrejs/dagre), started by the ONNX chunk as a module
 *   worker from beside it. Neither the core bundle nor the ONNX chunk carries dagre.
 *
 * Two builds, not one with code splitting: a split chunk would import the modules it shares
 * with the core bundle (Lit, the theme) from `./fitscope-ui.js`, and the server's pages load
 * the core bundle as `fitscope-ui.js?v=<hash>`, another URL and so a second copy of the whole
 * core module. The projector's chunk instead carries its own copy of what it needs (about
 * 8 KB gzip) and imports nothing.
 *
 * The output is deterministic (no hashes, no timestamps): `make check` rebuilds both and fails
 * on a difference (scripts/check-bundle.mjs). Not library mode: that mode leaves whitespace in ES
 * output, and these files are the final artefacts browsers load, not inputs to another bundler.
 */
import { defineConfig } from "vite";

/** The bundles: the build mode that writes each, its entry module and its file name. */
export const BUNDLES = {
  production: { entry: "src/index.ts", file: "fitscope-ui.js" },
  projector: { entry: "src/embedding-projector-view.ts", file: "fitscope-projector.js" },
  onnx: { entry: "src/onnx-graph-view.ts", file: "fitscope-onnx.js" },
  "graph-worker": { entry: "src/graph-layout-worker.ts", file: "fitscope-graph-worker.js" },
} as const;

export default defineConfig(({ mode }) => {
  const bundle = mode in BUNDLES ? BUNDLES[mode as keyof typeof BUNDLES] : BUNDLES.production;
  return {
    publicDir: false,
    build: {
      outDir: "../server/static",
      emptyOutDir: false,
      target: "es2022",
      minify: true,
      sourcemap: false,
      reportCompressedSize: false,
      modulePreload: false,
      copyPublicDir: false,
      rolldownOptions: {
        input: bundle.entry,
        preserveEntrySignatures: "strict",
        output: {
          format: "es",
          entryFileNames: bundle.file,
          codeSplitting: false,
        },
      },
    },
  };
});
