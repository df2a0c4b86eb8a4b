import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

/**
 * The embeddable preview's entries, by the name of the file each becomes in lib/preview:
 * CredentialForm (React external, a peer dependency) and <credential-form> (no React at all).
 * `npm run build:lib` (scripts/build-lib.ts) builds each on its own, with this config and the
 * entry put in, so that each is one file with no chunk shared with the other: what a page loads
 * first is that file alone. Ajv is a lazy chunk of its own, loaded only when no precompiled
 * validator is given; so are the error sentences and the update in place.
 */
export const LIB_ENTRIES = {
  index: fileURLToPath(new URL("src/preview/index.ts", import.meta.url)),
  element: fileURLToPath(new URL("src/preview/element.ts", import.meta.url)),
};

/** One entry's build (`vite build --config vite.lib.config.ts` builds index.js alone). */
export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  logLevel: "warn",
  mode: "production",
  // The production JSX runtime, whatever NODE_ENV the caller runs with (Vitest sets "test").
  oxc: { jsx: { runtime: "automatic", development: false } },
  build: {
    outDir: "lib/preview",
    emptyOutDir: true,
    // No source maps in the package: they would carry the sources (ajv's alone is 480 KB), and an
    // app's bundler makes its own.
    sourcemap: false,
    minify: true,
    lib: {
      // (A string, so that an entry put in as `{ [name]: path }` replaces it, not joins it.)
      entry: LIB_ENTRIES.index,
      formats: ["es"],
      fileName: (_format, entry) => `${entry}.js`,
    },
    rolldownOptions: {
      external: [/^react(\/.*)?$/, /^react-dom(\/.*)?$/],
      // A lazy chunk imports what it shares with the entry from the entry itself (which then
      // exports a few more, internal names), rather than from a chunk split off for it, which
      // the entry would load too.
      preserveEntrySignatures: "allow-extension",
      // No /* @__PURE__ */ annotations in the minified output: nothing in it is left to shake.
      output: {
        chunkFileNames: "chunks/[name]-[hash].js",
        minify: true,
        comments: { legal: true, annotation: false, jsdoc: false },
      },
    },
  },
});
