/**
 * The package's Node side, built: `lib/index.js` (the typed API, `import … from
 * "credential-designer"`, ES modules) with its declarations, and `lib/cli/main.cjs` (what
 * bin/credential-designer.cjs runs). Bundled with rolldown, so a command starts from a few files
 * instead of resolving ~200 sources; the real dependencies (ajv, json-schema-to-typescript,
 * prettier, the regexp tools) stay external, and each heavy part stays behind the import() that
 * loads it only for the command that needs it (chunks in lib/chunks/ and lib/cli/chunks/).
 *
 * The command is CommonJS: Node then loads it and its CommonJS dependencies with require(), with
 * no ES module loader and no scan of each CommonJS file for its exports (refa alone is 1 MB).
 * That made `export` about a fifth faster and `check` a third (npm run bench -- cli).
 */
import { execFileSync } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "rolldown";
import { rewriteDeclarationSpecifiers } from "./declaration-specifiers.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const lib = path.join(root, "lib");
const manifest = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as {
  dependencies?: Record<string, string>;
};
const dependencies = Object.keys(manifest.dependencies ?? {});
const OUTPUTS = ["index.js", "index.d.ts", "cli", "chunks", "types"];

/** Builds lib/index.js, lib/cli/ and lib/types/; on failure removes what it wrote and throws. */
export async function buildNode(): Promise<void> {
  for (const output of OUTPUTS) rmSync(path.join(lib, output), { recursive: true, force: true });
  try {
    const common = {
      cwd: root,
      platform: "node",
      tsconfig: path.join(root, "tsconfig.json"),
      external: (id: string) =>
        id.startsWith("node:") ||
        dependencies.some((name) => id === name || id.startsWith(`${name}/`)),
      logLevel: "warn",
    } as const;
    // Readable output: a --debug stack trace points at names a user can find.
    const output = { minify: false, comments: { legal: true, annotation: false, jsdoc: false } };
    await build({
      ...common,
      input: { index: "src/api/index.ts" },
      output: {
        ...output,
        dir: lib,
        format: "esm",
        entryFileNames: "[name].js",
        chunkFileNames: "chunks/[name]-[hash].js",
      },
    });
    await build({
      ...common,
      input: { main: "src/cli/run.ts" },
      output: {
        ...output,
        dir: path.join(lib, "cli"),
        format: "cjs",
        entryFileNames: "[name].cjs",
        chunkFileNames: "chunks/[name]-[hash].cjs",
      },
    });
    execFileSync(
      path.join(root, "node_modules", ".bin", "tsc"),
      ["-p", path.join(root, "tsconfig.api.json")],
      { stdio: "inherit" },
    );
    rewriteDeclarationSpecifiers(path.join(lib, "types"));
    writeFileSync(path.join(lib, "index.d.ts"), 'export * from "./types/api/index.js";\n');
  } catch (error) {
    for (const output of OUTPUTS) rmSync(path.join(lib, output), { recursive: true, force: true });
    throw error;
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    await buildNode();
    console.error("built lib/index.js, lib/cli/main.cjs and their declarations");
  } catch (error) {
    console.error(`build:node failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
