/**
 * ESLint (flat config): @eslint/js recommended, typescript-eslint's strict type-checked rules,
 * eslint-plugin-lit and eslint-plugin-wc for the elements, eslint-config-prettier last so no
 * stylistic rule fights Prettier (which owns formatting: `npm run check:format`).
 *
 * Only src/, test/, scripts/, vite.config.ts and custom-elements-manifest.config.mjs are linted; src/types/records.ts is generated
 * from schemas/ by scripts/gen-types.mjs and is checked against them instead.
 */
import js from "@eslint/js";
import prettier from "eslint-config-prettier";
import lit from "eslint-plugin-lit";
import wc from "eslint-plugin-wc";
import globals from "globals";
import { defineConfig, globalIgnores } from "eslint/config";
import tseslint from "typescript-eslint";

export default defineConfig(
  // Everything but src/, test/, scripts/ and two configs (node_modules is ignored by default).
  globalIgnores([
    "*",
    "!src/",
    "!test/",
    "!scripts/",
    "!vite.config.ts",
    "!custom-elements-manifest.config.mjs",
    "src/types/records.ts",
  ]),
  {
    linterOptions: { reportUnusedDisableDirectives: "error" },
  },
  js.configs.recommended,
  tseslint.configs.strictTypeChecked,
  {
    rules: {
      // Numbers in template literals (SVG coordinates, CSS lengths, messages) are the point of
      // them; strict's default bans them, recommended's allows them.
      "@typescript-eslint/restrict-template-expressions": ["error", { allowNumber: true }],
      // Lit event bindings read best as `@click=${() => this.select(x)}`; the rule still
      // reports void values used anywhere else.
      "@typescript-eslint/no-confusing-void-expression": ["error", { ignoreArrowShorthand: true }],
    },
  },
  {
    languageOptions: {
      parserOptions: {
        // vite.config.ts is outside tsconfig.json's `include` (it is not part of the bundle).
        projectService: { allowDefaultProject: ["vite.config.ts"] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
  },
  {
    files: ["src/**/*.ts"],
    ...lit.configs["flat/recommended"],
  },
  {
    files: ["src/**/*.ts"],
    // Beyond recommended: mistakes the elements could make, none of them stylistic.
    rules: {
      "lit/lifecycle-super": "error",
      "lit/no-classfield-shadowing": "error",
      "lit/no-invalid-escape-sequences": "error",
      "lit/no-legacy-imports": "error",
      "lit/no-template-bind": "error",
      "lit/no-value-attribute": "error",
    },
  },
  {
    files: ["src/**/*.ts"],
    ...wc.configs["flat/best-practice"],
  },
  {
    files: ["src/**/*.ts"],
    // Without this the wc rules only look at classes extending HTMLElement directly.
    settings: { wc: { elementBaseClasses: ["LitElement", "PageElement", "BlockElement"] } },
    rules: {
      // LitElement implements every lifecycle callback (and its types say so), so a guard
      // around `super.connectedCallback()` could never be false.
      "wc/guard-super-call": "off",
    },
  },
  {
    files: ["src/**/*.ts", "test/**/*.ts"],
    languageOptions: { globals: globals.browser },
  },
  {
    files: ["scripts/**/*.mjs", "vite.config.ts", "custom-elements-manifest.config.mjs"],
    languageOptions: { globals: globals.node },
  },
  {
    // The Node scripts are plain JavaScript, and @types/node is not installed (tsconfig.json:
    // `"types": []`), so the type-aware rules would see every Node API as unresolved.
    files: ["scripts/**/*.mjs", "custom-elements-manifest.config.mjs"],
    ...tseslint.configs.disableTypeChecked,
  },
  prettier,
);
