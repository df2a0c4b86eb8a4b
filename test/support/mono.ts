import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, delimiter, join } from "node:path";
import { describe, it } from "vitest";

/**
 * Mono for the C# export's tests: find `mcs` and `mono`, compile generated C# with
 * `-warnaserror+` against Newtonsoft.Json and System.ComponentModel.DataAnnotations, run the
 * result.
 *
 * Under `CI=true` a missing compiler fails the tests (`.ci/run` installs it); locally the C# tests
 * are skipped, with one message that says how to install Mono.
 */

/** The Debian packages the C# tests need (issue 16). */
export const MONO_INSTALL_COMMAND =
  "sudo apt-get install -y --no-install-recommends mono-mcs mono-runtime libnewtonsoft-json-cil-dev " +
  "libmono-system-componentmodel-dataannotations4.0-cil libmono-system-runtime-serialization4.0-cil";

export interface MonoToolchain {
  mcs: string;
  mono: string;
  /** The Newtonsoft.Json.dll that is referenced and copied beside each program. */
  newtonsoftJson: string;
}

export type MonoLookup = { found: true; toolchain: MonoToolchain } | { found: false; why: string };

let cached: MonoLookup | undefined;

/** Where `mcs`, `mono` and Newtonsoft.Json.dll are, or why they cannot be used. */
export function findMono(): MonoLookup {
  cached ??= lookUpMono();
  return cached;
}

/** The lookup itself, uncached (findMono keeps its first answer). */
export function lookUpMono(): MonoLookup {
  const mcs = onPath("mcs");
  const mono = onPath("mono");
  const missing = [!mcs && "mcs (the compiler)", !mono && "mono (the runtime)"].filter(Boolean);
  if (missing.length > 0)
    return { found: false, why: `${missing.join(" and ")} not found on PATH` };
  const newtonsoftJson = findNewtonsoftJson();
  if (!newtonsoftJson.found) return newtonsoftJson;
  return {
    found: true,
    toolchain: { mcs: mcs!, mono: mono!, newtonsoftJson: newtonsoftJson.path },
  };
}

function onPath(command: string): string | undefined {
  for (const dir of (process.env.PATH ?? "").split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, command);
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
}

/**
 * Newtonsoft.Json.dll: `NEWTONSOFT_JSON_DLL` if set (a wrong path is an error), else what
 * `pkg-config --libs newtonsoft-json` references (Debian's libnewtonsoft-json-cil-dev puts it under
 * /usr/lib/cli/Newtonsoft.Json-5.0/ whatever the version), else the usual places.
 */
function findNewtonsoftJson(): { found: true; path: string } | { found: false; why: string } {
  const fromEnv = process.env.NEWTONSOFT_JSON_DLL;
  if (fromEnv) {
    return existsSync(fromEnv)
      ? { found: true, path: fromEnv }
      : { found: false, why: `NEWTONSOFT_JSON_DLL=${fromEnv} does not exist` };
  }
  const candidates: string[] = [];
  for (const args of [
    ["--variable=Libraries", "newtonsoft-json"],
    ["--libs", "newtonsoft-json"],
  ]) {
    const result = spawnSync("pkg-config", args, { encoding: "utf8" });
    if (result.status === 0)
      for (const word of result.stdout.split(/\s+/))
        if (word.endsWith(".dll")) candidates.push(word.replace(/^-r(eference)?:/, ""));
  }
  candidates.push(
    "/usr/lib/cli/Newtonsoft.Json/Newtonsoft.Json.dll",
    "/usr/lib/cli/Newtonsoft.Json-5.0/Newtonsoft.Json.dll",
    "/usr/lib/cli/Newtonsoft.Json-6.0/Newtonsoft.Json.dll",
    "/usr/lib/mono/gac/Newtonsoft.Json/6.0.0.0__b9a188c8922137c6/Newtonsoft.Json.dll",
    "/usr/lib/mono/4.5/Newtonsoft.Json.dll",
  );
  const path = candidates.find((candidate) => existsSync(candidate));
  return path
    ? { found: true, path }
    : {
        found: false,
        why: `Newtonsoft.Json.dll not found (looked at pkg-config newtonsoft-json, ${candidates.join(", ")}); set NEWTONSOFT_JSON_DLL to its path`,
      };
}

/** True when the C# tests must run: under `CI=true` a missing Mono fails them. */
function required(): boolean {
  return process.env.CI === "true";
}

let warned = false;

/** The toolchain, or undefined (after one loud message) when the C# tests may be skipped here. */
function toolchainOrSkip(): MonoToolchain | undefined {
  const lookup = findMono();
  if (lookup.found) return lookup.toolchain;
  if (required()) return undefined;
  if (!warned) {
    warned = true;
    console.warn(
      `\n*** The C# export tests are SKIPPED: ${lookup.why}.\n*** Install Mono to run them: ${MONO_INSTALL_COMMAND}\n*** (under CI=true they fail instead)\n`,
    );
  }
  return undefined;
}

/** The toolchain, or an error that says what is missing and how to install it. */
export function requireMono(): MonoToolchain {
  const lookup = findMono();
  if (lookup.found) return lookup.toolchain;
  throw new Error(
    `Mono is needed for the C# export tests: ${lookup.why}. Install it: ${MONO_INSTALL_COMMAND}`,
  );
}

/**
 * `describe` for tests that need Mono: runs them when Mono is found; under `CI=true` without Mono
 * it adds one test that fails with the install command; locally without Mono it skips them, after
 * one message.
 */
export function describeWithMono(name: string, body: () => void): void {
  const toolchain = toolchainOrSkip();
  if (toolchain) {
    describe(name, body);
  } else if (required()) {
    describe(name, () => {
      it("needs Mono (CI=true: a missing compiler fails the C# tests)", () => {
        requireMono();
      });
    });
  } else {
    describe.skip(name, body);
  }
}

/** Where a compiled program is: its directory (with Newtonsoft.Json.dll beside it) and exe. */
export interface CompiledProgram {
  dir: string;
  exe: string;
  /** The XML documentation, when compiled with `doc`. */
  doc?: string;
}

export class CSharpCompileError extends Error {
  constructor(
    readonly output: string,
    readonly files: readonly string[],
  ) {
    super(
      `mcs -warnaserror+ failed on ${files.map((file) => basename(file)).join(", ")}:\n${output}`,
    );
    this.name = "CSharpCompileError";
  }
}

const tempDirs: string[] = [];

/** Deletes the directories compileCSharp made (call it from afterAll). */
export function removeMonoTempDirs(): void {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/**
 * Compiles C# sources (name → text) into one executable with `mcs -warnaserror+`, in a fresh temp
 * directory that also gets a copy of Newtonsoft.Json.dll so that `mono` finds it. Throws a
 * CSharpCompileError carrying the compiler's whole output when it fails.
 */
export function compileCSharp(
  sources: Readonly<Record<string, string>>,
  options: {
    name?: string;
    references?: readonly string[];
    /** Also write the XML documentation (`-doc`), so malformed doc comments are errors too. */
    doc?: boolean;
  } = {},
): CompiledProgram {
  const { mcs, newtonsoftJson } = requireMono();
  const dir = mkdtempSync(join(tmpdir(), "cd-csharp-"));
  tempDirs.push(dir);
  const srcDir = join(dir, "src");
  mkdirSync(srcDir);
  const files = Object.entries(sources).map(([name, text]) => {
    if (!/^[\w.-]+\.cs$/.test(name))
      throw new Error(`${JSON.stringify(name)} is not a .cs file name`);
    const path = join(srcDir, name);
    writeFileSync(path, text);
    return path;
  });
  const exe = join(dir, `${options.name ?? "Program"}.exe`);
  copyFileSync(newtonsoftJson, join(dir, "Newtonsoft.Json.dll"));
  const references = [
    newtonsoftJson,
    "System.ComponentModel.DataAnnotations.dll",
    "System.Runtime.Serialization.dll",
    ...(options.references ?? []),
  ];
  const result = spawnSync(
    mcs,
    [
      "-warnaserror+",
      "-nologo",
      "-target:exe",
      "-debug-",
      ...references.map((reference) => `-r:${reference}`),
      `-out:${exe}`,
      ...(options.doc ? [`-doc:${exe.replace(/\.exe$/, ".xml")}`] : []),
      ...files,
    ],
    { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 },
  );
  if (result.error) throw result.error;
  if (result.status !== 0 || !existsSync(exe))
    throw new CSharpCompileError(`${result.stdout}${result.stderr}`.trim(), files);
  return { dir, exe, ...(options.doc ? { doc: exe.replace(/\.exe$/, ".xml") } : {}) };
}

/** Runs a compiled program with mono; returns its exit status and output (UTF-8). */
export function runMono(
  program: CompiledProgram,
  args: readonly string[],
): { status: number | null; stdout: string; stderr: string } {
  const { mono } = requireMono();
  const result = spawnSync(mono, ["--debug", program.exe, ...args], {
    cwd: program.dir,
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, MONO_ENV_OPTIONS: "" },
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
