import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

/**
 * `npx vite --config examples/vanilla/vite.config.ts` serves the page. In this repository the
 * example uses the element's sources; in an app, the installed package.
 */
export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  resolve: {
    alias: {
      "credential-designer/preview/style.css": fileURLToPath(
        new URL("../../src/preview/credential-form.css", import.meta.url),
      ),
      "credential-designer/preview/element": fileURLToPath(
        new URL("../../src/preview/element.ts", import.meta.url),
      ),
    },
  },
  server: { host: "127.0.0.1" },
  preview: { host: "127.0.0.1" },
});
