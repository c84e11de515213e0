/**
 * The UI bundles, written into the Python package (server/static/, installed as
 * fitscope/server/static/) so `fitscope serve` needs no Node. Two minified ES modules, each
 * built on its own (`npm run build` runs both):
 *
 * - `vite build` (mode `production`): `fitscope-ui.js`, the core bundle, every element but the
 *   projector's insides (src/index.ts);
 * - `vite build --mode projector`: `fitscope-projector.js`, the embedding projector's chunk
 *   (src/embedding-projector-view.ts and regl-scatterplot), which `<embedding-projector>` loads
 *   with a dynamic `import()` from beside the core bundle the first time one is shown.
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
} as const;

export default defineConfig(({ mode }) => {
  const bundle = mode === "projector" ? BUNDLES.projector : BUNDLES.production;
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
