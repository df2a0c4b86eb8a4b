/**
 * npm run build:lib: bundles src/preview into lib/preview/index.js (CredentialForm, React
 * external) and lib/preview/element.js (<credential-form>, no React), each on its own (see
 * vite.lib.config.ts), and writes their type declarations (tsc), with `.ts` import specifiers
 * turned into `.js` so that the declarations resolve for consumers. Nothing is left half-written:
 * on failure lib/preview is removed.
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "vite";
import { LIB_ENTRIES } from "../vite.lib.config.ts";
import { rewriteDeclarationSpecifiers } from "./declaration-specifiers.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const lib = path.join(root, "lib", "preview");

try {
  let first = true;
  for (const [name, entry] of Object.entries(LIB_ENTRIES)) {
    await build({
      configFile: path.join(root, "vite.lib.config.ts"),
      build: { emptyOutDir: first, lib: { entry: { [name]: entry } } },
    });
    first = false;
  }
  execFileSync(
    path.join(root, "node_modules", ".bin", "tsc"),
    ["-p", path.join(root, "tsconfig.lib.json")],
    { stdio: "inherit" },
  );
  rewriteDeclarationSpecifiers(path.join(lib, "types"));
  for (const name of Object.keys(LIB_ENTRIES))
    writeFileSync(path.join(lib, `${name}.d.ts`), `export * from "./types/preview/${name}.js";\n`);
  copyFileSync(
    path.join(root, "src", "preview", "credential-form.css"),
    path.join(lib, "style.css"),
  );
  console.error(`built ${path.relative(root, lib)}/index.js, element.js and their declarations`);
} catch (error) {
  rmSync(lib, { recursive: true, force: true });
  console.error(`build:lib failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
