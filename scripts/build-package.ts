/**
 * npm run build:package (and `prepack`): everything the package exports, built into lib/: the
 * preview (React component, custom element, style.css: scripts/build-lib.ts) and the Node side
 * (typed API and CLI: scripts/build-node.ts). npm pack ships lib/, never the sources.
 */
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { buildNode } from "./build-node.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
try {
  execFileSync(process.execPath, ["--import", "tsx", "scripts/build-lib.ts"], {
    cwd: root,
    stdio: "inherit",
  });
  await buildNode();
  console.error("built lib/index.js, lib/cli/main.cjs and their declarations");
} catch (error) {
  console.error(`build:package failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
