// `npm run build:package`: writes package-dist/, the npm package @fitscope/elements (git-ignored;
// not published from this repository). docs/web-components.md, "Package", describes it:
//
// - one ES module per source module (src/train-overview.ts is train-overview.js; src/lib/ is
//   lib/), unminified, importing `lit` and `uplot` (the package's dependencies) by name: each
//   element module registers its element and the elements it is made of (package-entries.mjs);
// - the single-file bundle fitscope-ui.js and the lazy chunks beside it (fitscope-projector.js,
//   fitscope-onnx.js, fitscope-graph-worker.js), built by vite.config.ts as for server/static/:
//   `<embedding-projector>` and `<train-layer-graph>` load those from beside their own module;
// - TypeScript declarations (tsc --emitDeclarationOnly, tsconfig.package.json);
// - custom-elements.json (@custom-elements-manifest/analyzer, custom-elements-manifest.config.mjs);
// - package.json (package-json.mjs) and README.md (package/README.md).
import { spawnSync } from "node:child_process";
import { copyFileSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "vite";
import { elementEntries } from "./package-entries.mjs";
import { BUNDLE_FILES, packageJson } from "./package-json.mjs";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const OUT = join(ROOT, "package-dist");
/** The build modes of vite.config.ts, one per bundle (as scripts/check-bundle.mjs). */
const MODES = ["production", "projector", "onnx", "graph-worker"];

/** Lit and uPlot stay imports (`lit`, `lit/directives/...`, `uplot`); uPlot's CSS is inlined. */
function isDependency(id) {
  return id === "lit" || id.startsWith("lit/") || id === "uplot";
}

/** Runs a tool of node_modules/.bin in frontend/, failing the build when it fails. */
function run(tool, args) {
  const result = spawnSync(join(ROOT, "node_modules", ".bin", tool), args, {
    cwd: ROOT,
    stdio: "inherit",
  });
  if (result.status !== 0) throw new Error(`${tool} ${args.join(" ")} failed`);
}

/** The modules: src/index.ts and every element module, each module of src/ a file of its own. */
async function buildModules(entries) {
  const input = { index: "src/index.ts" };
  for (const { name } of entries) input[name] = `src/${name}.ts`;
  await build({
    configFile: false,
    root: ROOT,
    logLevel: "warn",
    publicDir: false,
    build: {
      outDir: OUT,
      emptyOutDir: false,
      target: "es2022",
      minify: false,
      sourcemap: false,
      reportCompressedSize: false,
      modulePreload: false,
      copyPublicDir: false,
      rolldownOptions: {
        input,
        external: isDependency,
        preserveEntrySignatures: "strict",
        output: {
          format: "es",
          preserveModules: true,
          preserveModulesRoot: "src",
          // A module of a dependency that is inlined (uPlot's stylesheet) goes to vendor/:
          // npm leaves any node_modules/ folder out of a package.
          entryFileNames: (chunk) =>
            chunk.name.startsWith("node_modules/")
              ? `vendor/${chunk.name
                  .split("/")
                  .pop()
                  .replace(/\.css_inline$/, ".css")}.js`
              : "[name].js",
        },
      },
    },
  });
}

/** Every file under `dir`, relative to it, sorted. */
function filesUnder(dir) {
  return readdirSync(dir, { recursive: true })
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isFile())
    .map((path) => relative(dir, path))
    .sort();
}

/** Prints each bundle's and the manifest's size, and the totals of the modules and declarations. */
function report() {
  const totals = { js: [0, 0, 0], "d.ts": [0, 0, 0] };
  for (const name of filesUnder(OUT)) {
    const bytes = readFileSync(join(OUT, name));
    const gzip = gzipSync(bytes, { level: 9 }).length;
    const kind = name.endsWith(".d.ts") ? "d.ts" : name.endsWith(".js") ? "js" : null;
    if (kind !== null && !BUNDLE_FILES.includes(name)) {
      totals[kind][0] += 1;
      totals[kind][1] += bytes.length;
      totals[kind][2] += gzip;
    } else {
      console.log(`${name}: ${bytes.length} bytes (${gzip} gzip)`);
    }
  }
  const [js, jsBytes, jsGzip] = totals.js;
  const [dts, dtsBytes] = totals["d.ts"];
  console.log(`${js} modules: ${jsBytes} bytes (${jsGzip} gzip, each on its own)`);
  console.log(`${dts} declaration files: ${dtsBytes} bytes`);
}

const entries = elementEntries();
rmSync(OUT, { recursive: true, force: true });
await buildModules(entries);
for (const mode of MODES) {
  await build({ mode, root: ROOT, logLevel: "warn", build: { outDir: OUT, emptyOutDir: false } });
}
run("tsc", ["-p", "tsconfig.package.json"]);
run("cem", ["analyze", "--quiet"]);
const frontend = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
writeFileSync(
  join(OUT, "package.json"),
  `${JSON.stringify(packageJson(frontend, entries), null, 2)}\n`,
);
copyFileSync(join(ROOT, "package", "README.md"), join(OUT, "README.md"));
report();
