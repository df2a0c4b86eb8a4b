import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { ExportFile } from "../../../src/export/index.ts";
import type { JsonObject } from "../../../src/json/value.ts";

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
export const tscBin = join(repoRoot, "node_modules/.bin/tsc");

export function loadFixture(name: string): JsonObject {
  return JSON.parse(
    readFileSync(join(repoRoot, "test/fixtures/export", name), "utf8"),
  ) as JsonObject;
}

const scratchDirs: string[] = [];

/** Deletes the directories scratchDir made (call it from afterAll). */
export function removeScratchDirs(): void {
  for (const dir of scratchDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** A fresh directory outside the repository, with no node_modules in it or above it. */
export function scratchDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `cd-export-${prefix}-`));
  scratchDirs.push(dir);
  for (let up = dir; ; up = dirname(up)) {
    if (existsSync(join(up, "node_modules")))
      throw new Error(`${up} has a node_modules: the test would not prove anything`);
    if (dirname(up) === up) break;
  }
  return dir;
}

export function writeFiles(dir: string, files: ReadonlyArray<ExportFile>): void {
  mkdirSync(dir, { recursive: true });
  for (const file of files) writeFileSync(join(dir, file.name), file.contents);
}

/**
 * Runs an ES module script with node in `cwd`, with code generation from strings disallowed,
 * and returns what it printed as JSON.
 */
export function runStrictNode(cwd: string, script: string): unknown {
  const path = join(cwd, `run-${Date.now()}-${Math.random().toString(36).slice(2)}.mjs`);
  writeFileSync(path, script);
  const out = execFileSync(process.execPath, ["--disallow-code-generation-from-strings", path], {
    cwd,
    encoding: "utf8",
    env: { PATH: process.env.PATH ?? "" },
  });
  return JSON.parse(out);
}

/** `tsc --strict --noEmit -p <dir>`; returns exit status and output. */
export function runTsc(dir: string): { status: number | null; output: string } {
  const result = spawnSync(tscBin, ["--strict", "--noEmit", "-p", join(dir, "tsconfig.json")], {
    cwd: dir,
    encoding: "utf8",
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

/** A strict ESM TypeScript project in `dir` over all .ts files in it. */
export function writeTsProject(dir: string): void {
  writeFileSync(join(dir, "package.json"), JSON.stringify({ type: "module", private: true }));
  writeFileSync(
    join(dir, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: {
        strict: true,
        noEmit: true,
        target: "es2022",
        module: "nodenext",
        moduleResolution: "nodenext",
        types: [],
        noUncheckedIndexedAccess: true,
        exactOptionalPropertyTypes: true,
        noImplicitOverride: true,
        noFallthroughCasesInSwitch: true,
        isolatedModules: true,
        verbatimModuleSyntax: true,
        skipLibCheck: false,
      },
      include: ["**/*.ts"],
    }),
  );
}
