import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { build } from "vite";
import type { TestProject } from "vitest/node";
import viteConfig from "../../vite.config.ts";

/**
 * The e2e project's globalSetup (vitest.config.ts). Vitest runs it before the e2e files, and only
 * when the run has e2e files (`vitest run --project unit` does none of this). In a temporary
 * folder, removed after the run, it makes:
 *
 * - `inject("distDir")`: the designer built once for the whole run, as `npm run build` makes it
 *   (the real vite.config.ts), for the tests of the built page. The tests only read it: one that
 *   needs a changed copy copies it first.
 * - `inject("devCacheDir")`: the Vite cache of the run's dev servers (test/support/server.ts), so
 *   that their pre-bundled dependencies are the run's own: a dev server or a test run elsewhere
 *   in the working tree, re-bundling into node_modules/.vite, cannot change them under a page.
 */

declare module "vitest" {
  export interface ProvidedContext {
    /** The production build of the designer (index.html, assets/). */
    distDir: string;
    /** The cacheDir of the e2e dev servers. */
    devCacheDir: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), "credential-designer-e2e-"));
  const remove = () => fs.rm(tmp, { recursive: true, force: true, maxRetries: 3 });
  try {
    const dist = path.join(tmp, "dist");
    await build({
      ...viteConfig,
      configFile: false,
      logLevel: "error",
      cacheDir: path.join(tmp, "build-cache"),
      build: {
        ...viteConfig.build,
        outDir: dist,
        emptyOutDir: true,
        reportCompressedSize: false,
        chunkSizeWarningLimit: 100_000,
      },
    });
    project.provide("distDir", dist);
    project.provide("devCacheDir", path.join(tmp, "dev-cache"));
  } catch (error) {
    await remove();
    throw error;
  }
  return remove;
}
