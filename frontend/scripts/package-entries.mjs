// The element modules of the package @fitscope/elements: each module src/index.ts re-exports that
// registers an element (`define("train-overview", TrainOverview)`). Read from the sources, so a
// new element exported by src/index.ts is a new entry of the package without a list to keep.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const SRC = fileURLToPath(new URL("../src/", import.meta.url));

/** `[{ name: "train-overview", tag: "train-overview" }, ...]`, in src/index.ts's order. */
export function elementEntries() {
  const index = readFileSync(`${SRC}index.ts`, "utf8");
  const entries = [];
  for (const [, name] of index.matchAll(/^export \{[^}]*\} from "\.\/([\w-]+)\.js";$/gm)) {
    const source = readFileSync(`${SRC}${name}.ts`, "utf8");
    const defined = /^define\("([a-z][\w-]*)",/m.exec(source);
    if (defined !== null) entries.push({ name, tag: defined[1] });
  }
  return entries;
}
