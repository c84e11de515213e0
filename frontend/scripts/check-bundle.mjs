// Fails when server/static/fitscope-ui.js is not what the current sources build.
// The bundle is committed so that `pip install` gives a working UI without Node; this check
// (run by `make check`) keeps it honest: it builds into a temporary folder and compares bytes.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "vite";

const committed = new URL("../../server/static/fitscope-ui.js", import.meta.url);
const out = mkdtempSync(join(tmpdir(), "fitscope-bundle-"));
try {
  await build({ logLevel: "warn", build: { outDir: out, emptyOutDir: true } });
  const fresh = readFileSync(join(out, "fitscope-ui.js"));
  let old;
  try {
    old = readFileSync(committed);
  } catch {
    console.error("server/static/fitscope-ui.js is missing: run `cd frontend && npm run build`.");
    process.exit(1);
  }
  if (!fresh.equals(old)) {
    console.error(
      "server/static/fitscope-ui.js differs from a fresh build of frontend/src: run `cd frontend && npm run build` and commit it.",
    );
    process.exit(1);
  }
  console.log(`bundle up to date (${fresh.length} bytes)`);
} finally {
  rmSync(out, { recursive: true, force: true });
}
