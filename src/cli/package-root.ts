import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

let root: string | undefined;

/**
 * The folder of credential-designer's own package.json (its `schemas/` are the templates), found
 * upwards from this module: the same from the sources (src/cli/) and from the build, where this
 * code sits in lib/ at a depth the bundler chooses.
 */
export function packageRoot(): string {
  if (root !== undefined) return root;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = path.join(dir, "package.json");
    if (existsSync(manifest) && isOurs(manifest)) return (root = dir);
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error("credential-designer's package.json was not found");
    dir = parent;
  }
}

function isOurs(manifest: string): boolean {
  try {
    return (
      (JSON.parse(readFileSync(manifest, "utf8")) as { name?: unknown }).name ===
      "credential-designer"
    );
  } catch {
    return false;
  }
}
