import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

/**
 * `npm run build:lib`: the embeddable preview as an ES module library, `lib/preview/index.js`,
 * with React external (a peer dependency) and ajv in a lazy chunk of its own, loaded only when no
 * precompiled validator is given.
 */
export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  logLevel: "warn",
  mode: "production",
  // The production JSX runtime, whatever NODE_ENV the caller runs with (Vitest sets "test").
  oxc: { jsx: { runtime: "automatic", development: false } },
  build: {
    outDir: "lib/preview",
    emptyOutDir: true,
    sourcemap: true,
    minify: true,
    lib: {
      entry: fileURLToPath(new URL("src/preview/index.ts", import.meta.url)),
      formats: ["es"],
      fileName: () => "index.js",
    },
    rolldownOptions: {
      external: [/^react(\/.*)?$/, /^react-dom(\/.*)?$/],
      // No /* @__PURE__ */ annotations in the minified output: nothing in it is left to shake.
      output: {
        chunkFileNames: "chunks/[name]-[hash].js",
        minify: true,
        comments: { legal: true, annotation: false, jsdoc: false },
      },
    },
  },
});
