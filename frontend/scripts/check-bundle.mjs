// Fails when server/static/ does not hold exactly what the current sources build.
// The bundles are committed so that `pip install` gives a working UI without Node; this check
// (run by `make check`) keeps them honest: it runs every build of vite.config.ts (the core
// bundle, the projector's chunk, the ONNX graph view's chunk, its layout worker) into a temporary folder and compares each emitted file
// byte for byte with server/static/. A .js file in server/static/ that no build emits (a chunk
// left behind by a rename) fails it too. It prints each file's size, plain and gzip-compressed
// (level 9, as the server sends it).
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "vite";

/** The build modes of vite.config.ts, one per bundle. */
const MODES = ["production", "projector", "onnx", "graph-worker"];

const STATIC = fileURLToPath(new URL("../../server/static/", import.meta.url));
const out = mkdtempSync(join(tmpdir(), "fitscope-bundle-"));
const problems = [];
try {
  for (const mode of MODES) {
    await build({ mode, logLevel: "warn", build: { outDir: out, emptyOutDir: false } });
  }
  const emitted = readdirSync(out).sort();
  for (const name of emitted) {
    const fresh = readFileSync(join(out, name));
    let old;
    try {
      old = readFileSync(join(STATIC, name));
    } catch {
      problems.push(`server/static/${name} is missing`);
      continue;
    }
    if (!fresh.equals(old)) {
      problems.push(`server/static/${name} differs from a fresh build of frontend/src`);
      continue;
    }
    const gzip = gzipSync(fresh, { level: 9 }).length;
    console.log(`${name}: up to date (${fresh.length} bytes, ${gzip} gzip)`);
  }
  for (const name of readdirSync(STATIC).sort()) {
    if (name.endsWith(".js") && !emitted.includes(name)) {
      problems.push(`server/static/${name} is not emitted by any build (a stale chunk): delete it`);
    }
  }
  if (problems.length > 0) {
    for (const p of problems) console.error(p);
    console.error("Run `cd frontend && npm run build` and commit server/static/.");
    process.exitCode = 1;
  }
} finally {
  rmSync(out, { recursive: true, force: true });
}
