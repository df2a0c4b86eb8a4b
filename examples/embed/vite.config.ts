import { fileURLToPath } from "node:url";
import { defineConfig, type Plugin } from "vite";

/**
 * Vite's dev server injects imported CSS as <style> elements, which the page's policy
 * (default-src 'self') blocks: in dev only, the policy allows inline styles. The built page (what
 * the end-to-end test serves) links its CSS and keeps the strict policy.
 */
const inlineStylesInDev: Plugin = {
  name: "inline-styles-in-dev",
  apply: "serve",
  transformIndexHtml: (html) =>
    html.replace("default-src 'self';", "default-src 'self'; style-src 'self' 'unsafe-inline';"),
};

/** In this repository the example uses the component's sources; in an app, the installed package. */
export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  plugins: [inlineStylesInDev],
  resolve: {
    alias: {
      "credential-designer/preview/style.css": fileURLToPath(
        new URL("../../src/preview/credential-form.css", import.meta.url),
      ),
      "credential-designer/preview": fileURLToPath(
        new URL("../../src/preview/index.ts", import.meta.url),
      ),
    },
  },
  server: { host: "127.0.0.1" },
  preview: { host: "127.0.0.1" },
});
