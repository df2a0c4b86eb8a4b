import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

/**
 * The designer's web page. `npm start` serves it on http://127.0.0.1 only (never on the
 * network); `npm run build` writes it to dist/. It loads nothing from other hosts.
 */
export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  clearScreen: false,
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
  // Only the designer page: the benchmark's and the tests' pages are built by their own scripts.
  optimizeDeps: { entries: ["index.html"] },
  build: {
    outDir: "dist",
    emptyOutDir: true,
  },
});
