import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

/** In this repository the example uses the component's sources; in an app, the installed package. */
export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  resolve: {
    alias: {
      "credential-designer/preview/style.css": fileURLToPath(new URL("../../src/preview/credential-form.css", import.meta.url)),
      "credential-designer/preview": fileURLToPath(new URL("../../src/preview/index.ts", import.meta.url)),
    },
  },
  server: { host: "127.0.0.1" },
  preview: { host: "127.0.0.1" },
});
