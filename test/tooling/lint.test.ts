import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, expect, it } from "vitest";

/**
 * `npm run lint` (Biome, with the project's biome.jsonc) fails on what the issue asks it to catch:
 * each planted mistake is linted in a folder of its own with a copy of the configuration.
 */
const root = fileURLToPath(new URL("../../", import.meta.url));
const biome = join(root, "node_modules/.bin/biome");
const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

function lint(files: Record<string, string>): { status: number | null; output: string } {
  const folder = mkdtempSync(join(tmpdir(), "lint-"));
  folders.push(folder);
  copyFileSync(join(root, "biome.jsonc"), join(folder, "biome.jsonc"));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(folder, name), text);
  const run = spawnSync(
    biome,
    [
      "check",
      "--error-on-warnings",
      "--vcs-enabled=false",
      "--max-diagnostics=50",
      ...Object.keys(files),
    ],
    { cwd: folder, encoding: "utf8" },
  );
  return { status: run.status, output: run.stdout + run.stderr };
}

it("passes a clean, formatted file", () => {
  expect(lint({ "clean.ts": "export const answer = 42;\n" })).toMatchObject({ status: 0 });
});

it.each([
  [
    "an unused import",
    'import { join } from "node:path";\n\nexport const a = 1;\n',
    "noUnusedImports",
  ],
  [
    "an unused variable",
    "export function f() {\n  const unused = 1;\n  return 2;\n}\n",
    "noUnusedVariables",
  ],
  [
    "a floating promise",
    "async function save() {}\n\nexport function onClick() {\n  save();\n}\n",
    "noFloatingPromises",
  ],
  [
    "a missing hook dependency",
    'import { useEffect } from "react";\n\nexport function useLog(value: string) {\n  useEffect(() => {\n    console.log(value);\n  }, []);\n}\n',
    "useExhaustiveDependencies",
  ],
  ["a file not formatted", "export const  x = {a:1}\n", "format"],
])("fails on %s", (_what, text, rule) => {
  const { status, output } = lint({ "planted.tsx": text });
  expect(status).not.toBe(0);
  expect(output).toContain(rule);
});

it("fails on an import cycle", () => {
  const { status, output } = lint({
    "a.ts": 'import { b } from "./b.ts";\n\nexport const a = () => b;\n',
    "b.ts": 'import { a } from "./a.ts";\n\nexport const b = () => a;\n',
  });
  expect(status).not.toBe(0);
  expect(output).toContain("noImportCycles");
});
