import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "vite";
import { PREACT_COMPAT_ALIASES } from "../../vite.config.ts";

const PAGES = fileURLToPath(new URL("./pages/", import.meta.url));

/**
 * Builds one of the designer benches' pages (bench/designer/pages/<page>) for production into
 * `outDir`, with Vite's own settings only (no project config): the same way for the designer bench
 * page and for the blank React page it is compared with. The designer's page runs on the runtime
 * the designer ships with (React's API on Preact, as vite.config.ts sets it); the blank page on
 * React itself.
 */
export async function buildBenchPage(
  page: "designer.html" | "blank.html",
  outDir: string,
  cacheDir: string,
  { minify = true }: { minify?: boolean } = {},
): Promise<void> {
  await build({
    root: PAGES,
    base: "./",
    configFile: false,
    envDir: false,
    publicDir: false,
    mode: "production",
    logLevel: "error",
    cacheDir,
    ...(page === "designer.html" ? { resolve: { alias: PREACT_COMPAT_ALIASES } } : {}),
    build: {
      outDir,
      emptyOutDir: true,
      minify,
      reportCompressedSize: false,
      chunkSizeWarningLimit: 100_000,
      rolldownOptions: { input: path.join(PAGES, page) },
    },
  });
}
