import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * tsc writes the sources' `.ts` import specifiers into the declarations as they are; consumers
 * resolve `.js`. Rewrites every relative `./x.ts` / `./x.tsx` in the `.d.ts` files under `dir`.
 */
export function rewriteDeclarationSpecifiers(dir: string): void {
  for (const file of walk(dir)) {
    if (!file.endsWith(".d.ts")) continue;
    const text = readFileSync(file, "utf8");
    writeFileSync(
      file,
      text
        .replace(/(from\s+["']\.{1,2}\/[^"']+)\.tsx?(["'])/g, "$1.js$2")
        .replace(/(import\(["']\.{1,2}\/[^"']+)\.tsx?(["']\))/g, "$1.js$2"),
    );
  }
}

function* walk(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(full);
    else yield full;
  }
}
