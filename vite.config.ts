import { isAbsolute } from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig, type Plugin } from "vite";

/**
 * The designer's web page. `npm start` serves it on http://127.0.0.1 only (never on the
 * network); `npm run build` writes it to dist/. It loads nothing from other hosts.
 */

/**
 * The built page's Content-Security-Policy (a `<meta>` in dist/index.html; see the README's
 * "Content-Security-Policy"). Everything is served from the page's own origin; nothing may be
 * fetched (`connect-src 'none'`); no inline script or style (the build emits none, and CodeMirror's
 * styles go through a constructed stylesheet: codeMirrorStylesWithoutStyleElements below).
 * `'unsafe-eval'` is the one allowance: the live preview compiles the design's validator with
 * Ajv's `compile` on the page, and Ajv compiles to code through `new Function`.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self' 'unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "worker-src 'self'",
  "connect-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
].join("; ");

/**
 * Writes the policy into the built page right after `<meta charset>`: before every script and
 * style (a policy in a <meta> governs only what comes after it), and without pushing the charset
 * declaration out of the first bytes of the file.
 */
function contentSecurityPolicy(): Plugin {
  return {
    name: "credential-designer:content-security-policy",
    apply: "build",
    transformIndexHtml: {
      order: "post",
      handler(html) {
        const charset = /<meta charset="utf-8"\s*\/?>/i;
        if (!charset.test(html))
          throw new Error(
            'index.html needs <meta charset="utf-8"> in its <head>: the Content-Security-Policy is written after it',
          );
        return html.replace(
          charset,
          (tag) =>
            `${tag}\n    <meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`,
        );
      },
    },
  };
}

/**
 * The designer page runs its React components on Preact's React-compatible runtime
 * (`preact/compat`): the same components, hooks and events, in about 10 KB of JavaScript
 * (gzipped) where React and React DOM take about 65 KB, and 200 KB more to parse before the page
 * can draw. On the 2-core
 * machines we measure on, that parse was the largest single cost of opening the page (see
 * docs/decisions.md). Only the page: the dev server, `npm run build` and the designer's
 * benchmark page. The embeddable preview (vite.lib.config.ts) uses its host's React, and Vitest's
 * component tests run on React.
 */
export const PREACT_COMPAT_ALIASES = [
  { find: /^react-dom\/client$/, replacement: "preact/compat/client" },
  { find: /^react-dom$/, replacement: "preact/compat" },
  { find: /^react\/jsx-runtime$/, replacement: "preact/jsx-runtime" },
  { find: /^react\/jsx-dev-runtime$/, replacement: "preact/jsx-dev-runtime" },
  {
    find: /^react$/,
    replacement: fileURLToPath(new URL("src/designer/runtime/react-on-preact.ts", import.meta.url)),
  },
];

const shim = (file: string) =>
  fileURLToPath(new URL(`src/designer/export/worker-shims/${file}`, import.meta.url));
/** Node modules json-schema-to-typescript and its $ref parser (with its error helper, ono) import, and what they get in the browser. */
const NODE_MODULE_SHIMS: Record<string, string> = {
  fs: shim("empty.ts"),
  prettier: shim("empty.ts"), // the Node entry only: the exporter formats with prettier/standalone
  tinyglobby: shim("empty.ts"),
  "cli-color": shim("empty.ts"),
  util: shim("util.ts"),
  path: "path-browserify",
};
const NEEDS_SHIMS =
  /[\\/]node_modules[\\/](json-schema-to-typescript|@apidevtools[\\/]json-schema-ref-parser|@jsdevtools[\\/]ono)[\\/]/;

/**
 * The browser stand-ins json-schema-to-typescript needs, in the export worker. Only imports made
 * by those three packages are redirected, so nothing else in the page or the worker changes.
 * (The `process` and `Buffer` globals are set by the worker itself: worker-shims/node-globals.ts.)
 */
function exporterNodeShims(): Plugin {
  return {
    name: "credential-designer:exporter-node-shims",
    enforce: "pre",
    async resolveId(source, importer) {
      if (!importer || !NEEDS_SHIMS.test(importer)) return null;
      const target = NODE_MODULE_SHIMS[source.replace(/^node:/, "")];
      if (target === undefined) return null;
      return isAbsolute(target) ? target : this.resolve(target, importer, { skipSelf: true });
    },
  };
}

/**
 * CodeMirror (the Schema JSON view) styles itself through style-mod, which writes a `<style>`
 * element into a document's <head> and uses a constructed stylesheet (`adoptedStyleSheets`) only
 * in a shadow root. `style-src 'self'` blocks that element; a constructed stylesheet is CSSOM,
 * which the policy does not govern. So style-mod is made to adopt a constructed sheet in the
 * document too, where the browser has them (Chromium 73+, Firefox 101+, Safari 16.4+); elsewhere
 * it falls back to its `<style>` element. The build fails if style-mod's code no longer matches.
 */
function codeMirrorStylesWithoutStyleElements(): Plugin {
  const onlyInShadowRoots = "if (!root.head && root.adoptedStyleSheets && win.CSSStyleSheet) {";
  return {
    name: "credential-designer:codemirror-constructed-styles",
    transform(code, id) {
      if (!/[\\/]node_modules[\\/]style-mod[\\/]src[\\/]style-mod\.js$/.test(id.split("?")[0]!))
        return null;
      if (!code.includes(onlyInShadowRoots))
        this.error(
          `style-mod changed: "${onlyInShadowRoots}" not found; see codeMirrorStylesWithoutStyleElements in vite.config.ts`,
        );
      return {
        code: code.replace(
          onlyInShadowRoots,
          "if (root.adoptedStyleSheets && win.CSSStyleSheet) {",
        ),
        map: null,
      };
    },
  };
}

export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  clearScreen: false,
  plugins: [exporterNodeShims(), codeMirrorStylesWithoutStyleElements(), contentSecurityPolicy()],
  resolve: { alias: PREACT_COMPAT_ALIASES },
  server: {
    host: "127.0.0.1",
    port: 5173,
    strictPort: false,
    open: false,
  },
  preview: {
    host: "127.0.0.1",
    strictPort: false,
    open: false,
  },
  // Only the designer page (the benchmark's and the tests' pages are built by their own scripts),
  // and its workers (export, the reader of imported files and texts, the check), whose dependencies the
  // dev server would otherwise discover on first use and re-optimise, reloading the page.
  optimizeDeps: {
    entries: [
      "index.html",
      "src/designer/export/export-worker.ts",
      "src/designer/import/reader/read-worker.ts",
      "src/designer/problems/check-worker.ts",
    ],
    rolldownOptions: { plugins: [exporterNodeShims(), codeMirrorStylesWithoutStyleElements()] },
  },
  worker: {
    format: "es",
    plugins: () => [exporterNodeShims()],
    // ono (the $ref parser's errors) guards a CommonJS `module.exports` in its ES build with
    // `typeof module === "object"`, which is harmless; the warning about it is noise.
    rolldownOptions: { checks: { commonJsVariableInEsm: false } },
  },
  build: {
    outDir: "dist",
    emptyOutDir: true,
  },
});
