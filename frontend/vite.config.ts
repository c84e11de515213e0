/**
 * The UI bundle: one minified ES module with every element, written into the Python package
 * (server/static/, installed as fitscope/server/static/) so `fitscope serve` needs no Node.
 * The output is deterministic (no hashes, no timestamps): `make check` rebuilds it and fails on
 * a diff. Not library mode: that mode leaves whitespace in ES output, and this file is the
 * final artefact browsers load, not an input to another bundler.
 */
import { defineConfig } from "vite";

export default defineConfig({
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
      input: "src/index.ts",
      preserveEntrySignatures: "strict",
      output: {
        format: "es",
        entryFileNames: "fitscope-ui.js",
        codeSplitting: false,
      },
    },
  },
});
