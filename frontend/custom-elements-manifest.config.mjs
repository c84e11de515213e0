// The custom elements manifest of the package @fitscope/elements (custom-elements.json):
// `npm run build:package` writes it into package-dist/, `npm run check:manifest` checks
// docs/web-components.md against it. The plugins are in scripts/manifest-plugins.mjs.
//
// Every element documents itself in its source (its module's or its class's JSDoc: `@fires`,
// `@csspart`, `@cssprop`, `@slot`, `@attr`); <train-model> and the histogram elements too, so
// nothing is added here.
import {
  definePlugin,
  eventTypesPlugin,
  moduleDocPlugin,
  statePlugin,
  packagePathsPlugin,
} from "./scripts/manifest-plugins.mjs";

export default {
  globs: ["src/**/*.ts"],
  exclude: ["src/types/**", "src/i18n/**"],
  outdir: "package-dist",
  litelement: true,
  // Never write `customElements` into frontend/package.json: the package's own package.json
  // (scripts/package-json.mjs) carries it.
  packagejson: false,
  plugins: [
    definePlugin(),
    moduleDocPlugin(),
    eventTypesPlugin(),
    statePlugin(),
    packagePathsPlugin(),
  ],
};
