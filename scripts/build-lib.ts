/**
 * npm run build:lib: bundles src/preview into lib/preview/index.js (Vite, React external) and
 * writes its type declarations (tsc), with `.ts` import specifiers turned into `.js` so that the
 * declarations resolve for consumers. Nothing is left half-written: on failure lib/ is removed.
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "vite";

const root = fileURLToPath(new URL("..", import.meta.url));
const lib = path.join(root, "lib", "preview");

try {
  await build({ configFile: path.join(root, "vite.lib.config.ts") });
  execFileSync(
    path.join(root, "node_modules", ".bin", "tsc"),
    ["-p", path.join(root, "tsconfig.lib.json")],
    { stdio: "inherit" },
  );
  for (const file of walk(path.join(lib, "types"))) {
    if (!file.endsWith(".d.ts")) continue;
    const text = readFileSync(file, "utf8");
    writeFileSync(
      file,
      text
        .replace(/(from\s+["']\.{1,2}\/[^"']+)\.tsx?(["'])/g, "$1.js$2")
        .replace(/(import\(["']\.{1,2}\/[^"']+)\.tsx?(["']\))/g, "$1.js$2"),
    );
  }
  writeFileSync(path.join(lib, "index.d.ts"), 'export * from "./types/preview/index.js";\n');
  copyFileSync(
    path.join(root, "src", "preview", "credential-form.css"),
    path.join(lib, "style.css"),
  );
  console.log(`built ${path.relative(root, lib)}/index.js and its declarations`);
} catch (error) {
  rmSync(lib, { recursive: true, force: true });
  console.error(`build:lib failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

function* walk(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(full);
    else yield full;
  }
}
