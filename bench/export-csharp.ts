/**
 * npm run bench -- csharp [--rounds 5] [--compiles 3]: what `export --csharp` costs. For every
 * template and a 1,000-field window (test/export/support/generated-schemas.ts `largeSchema`):
 * `exportFiles` without and with `csharp`, alternating in one run, medians and their ratio; then
 * the time Mono's `mcs` takes to compile each generated `<base>.cs` with `-warnaserror+` (a cold
 * process per compile, as a build runs it; medians).
 */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { exportFiles } from "../src/export/index.ts";
import type { JsonObject } from "../src/json/value.ts";
import { largeSchema } from "../test/export/support/generated-schemas.ts";
import { median } from "./median.ts";

const run = promisify(execFile);
const SCHEMAS = new URL("../schemas/", import.meta.url);
/**
 * Newtonsoft.Json for mcs: NEWTONSOFT_JSON_DLL (a path), else the pkg-config package Debian's
 * libnewtonsoft-json-cil-dev installs.
 */
const NEWTONSOFT = process.env.NEWTONSOFT_JSON_DLL
  ? `-r:${process.env.NEWTONSOFT_JSON_DLL}`
  : "-pkg:newtonsoft-json";

function option(args: readonly string[], name: string, fallback: number): number {
  const at = args.indexOf(name);
  const value = at >= 0 ? Number(args[at + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`${name} takes a whole number, 1 or more`);
  return value;
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

async function windows(): Promise<Array<{ name: string; schema: JsonObject }>> {
  const names = (await fs.readdir(SCHEMAS)).filter((name) => name.endsWith(".json")).sort();
  const templates = await Promise.all(
    names.map(async (name) => ({
      name: name.replace(/\.json$/, ""),
      schema: JSON.parse(await fs.readFile(new URL(name, SCHEMAS), "utf8")) as JsonObject,
    })),
  );
  // The C# model does not resolve `$ref` (it refuses one): largeSchema's one shared definition
  // is written in place, as a designer-made window has it.
  return [
    ...templates,
    { name: "1,000 fields (largeSchema, $ref inlined)", schema: inlineRefs(largeSchema(1000)) },
  ];
}

/** The schema with each `{"$ref": "#/definitions/NAME"}` replaced by that definition (no cycles). */
function inlineRefs(schema: JsonObject): JsonObject {
  const definitions = (schema.definitions ?? {}) as Record<string, JsonObject>;
  const inline = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(inline);
    if (value === null || typeof value !== "object") return value;
    const ref = (value as JsonObject).$ref;
    if (typeof ref === "string" && ref.startsWith("#/definitions/"))
      return inline(definitions[ref.slice("#/definitions/".length)]);
    return Object.fromEntries(Object.entries(value).map(([key, child]) => [key, inline(child)]));
  };
  const { definitions: _, ...rest } = schema;
  return inline(rest) as JsonObject;
}

export async function csharpBench(args: readonly string[] = []): Promise<void> {
  const rounds = option(args, "--rounds", 5);
  const compiles = option(args, "--compiles", 3);
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), "credential-designer-bench-csharp-"));
  const exportRows: string[] = [];
  const compileRows: string[] = [];
  try {
    const mcs = await findMcs();
    for (const { name, schema } of await windows()) {
      const base = "credentials";
      // Warm-up: neither side pays for first-time module initialisation.
      await exportFiles(schema, base);
      let cs: { contents: string } | undefined;
      try {
        cs = (await exportFiles(schema, base, { csharp: {} }))[4];
      } catch (error) {
        const row = `| ${name} | refused: ${error instanceof Error ? error.message : String(error)} | | | | |`;
        exportRows.push(row);
        console.error(row);
        continue;
      }
      const times = { without: [] as number[], with: [] as number[] };
      for (let round = 0; round < rounds; round++) {
        times.without.push(await timed(() => exportFiles(schema, base)));
        times.with.push(await timed(() => exportFiles(schema, base, { csharp: {} })));
      }
      const [without, withCs] = [median(times.without), median(times.with)];
      const row = `| ${name} | ${rounds} | ${without.toFixed(0)} ms | ${withCs.toFixed(0)} ms | ${(withCs / without).toFixed(2)} | ${(cs!.contents.length / 1024).toFixed(1)} KB |`;
      exportRows.push(row);
      console.error(row);

      if (!mcs) continue;
      const file = path.join(tmp, `${name.replace(/\W+/g, "-")}.cs`);
      await fs.writeFile(file, cs!.contents);
      const compileTimes: number[] = [];
      for (let i = 0; i < compiles; i++)
        compileTimes.push(await timed(() => compile(mcs, file, `${file}.dll`)));
      const compileRow = `| ${name} | ${compiles} | ${median(compileTimes).toFixed(0)} ms |`;
      compileRows.push(compileRow);
      console.error(compileRow);
    }
    const today = new Date().toISOString().slice(0, 10);
    console.log(
      `\nExport with --csharp against without, medians (Node ${process.version}, ${today})\n`,
    );
    console.log("| window | rounds | export | export --csharp | ratio | .cs size |");
    console.log("| --- | ---: | ---: | ---: | ---: | ---: |");
    for (const row of exportRows) console.log(row);
    if (!mcs) {
      console.log("\nCompile time: not measured, mcs is not installed (apt-get install mono-mcs).");
      return;
    }
    const { stdout: version } = await run(mcs, ["--version"]);
    console.log(
      `\nCompile time of <base>.cs, mcs -warnaserror+ -target:library, medians (${version.trim()})\n`,
    );
    console.log("| window | compiles | mcs |");
    console.log("| --- | ---: | ---: |");
    for (const row of compileRows) console.log(row);
  } finally {
    await fs.rm(tmp, { recursive: true, force: true });
  }
}

async function findMcs(): Promise<string | undefined> {
  for (const folder of (process.env.PATH ?? "").split(path.delimiter)) {
    const candidate = path.join(folder, "mcs");
    if (folder && existsSync(candidate)) return candidate;
  }
  return undefined;
}

async function compile(mcs: string, file: string, out: string): Promise<void> {
  await run(mcs, [
    "-target:library",
    "-warnaserror+",
    "-nologo",
    `-out:${out}`,
    NEWTONSOFT,
    "-r:System.ComponentModel.DataAnnotations.dll",
    "-r:System.Runtime.Serialization.dll",
    file,
  ]);
}
