import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { generateCSharp } from "../../../../src/export/csharp/generate.ts";
import { exportFiles } from "../../../../src/export/index.ts";
import { SchemaProblem } from "../../../../src/json/problem.ts";
import type { JsonObject, JsonValue } from "../../../../src/json/value.ts";
import { isSecret } from "../../../../src/model/secret-values.ts";
import { type CompiledProgram, compileCSharp, runMono } from "../../../support/mono.ts";
import { type Sample, SECRET_MARKER, sitesOf } from "./values.ts";

/**
 * The differential test's plumbing: a schema's exported validator (`<base>.validate.js`, imported
 * for real) and its generated C# (compiled with the harness, run by mono) judge the same JSON
 * texts; every verdict must agree and no output may show a secret.
 */

export const harnessDir = resolve(dirname(fileURLToPath(import.meta.url)), "../harness");
export const harnessSource = (): string => readFileSync(join(harnessDir, "Harness.cs"), "utf8");

export type Validate = ((data: unknown) => boolean) & {
  errors?: Array<{ instancePath: string; keyword: string; message?: string }> | null;
};

/** One schema made ready: its validator and (unless refused) its C#. */
export interface Model {
  name: string;
  schema: JsonObject;
  namespace: string;
  validate: Validate;
  /** The generated C#, or the SchemaProblem that refused the schema. */
  csharp: { ok: true; source: string } | { ok: false; problem: SchemaProblem };
}

const tempDirs: string[] = [];
export function removeDifferentialTempDirs(): void {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** Imports the `<base>.validate.js` that exportFiles writes for `schema`. */
export async function exportedValidator(schema: JsonObject, baseName: string): Promise<Validate> {
  const files = await exportFiles(schema, baseName);
  const file = files.find((f) => f.name === `${baseName}.validate.js`);
  if (!file) throw new Error(`exportFiles wrote no ${baseName}.validate.js`);
  const dir = mkdtempSync(join(tmpdir(), "cd-csharp-validate-"));
  tempDirs.push(dir);
  const path = join(dir, file.name.replace(/\.js$/, ".mjs"));
  writeFileSync(path, file.contents);
  const module = (await import(/* @vite-ignore */ pathToFileURL(path).href)) as {
    default: Validate;
  };
  return module.default;
}

/**
 * The validator and the C# of `schema`. A schema the generator refuses must be refused with a
 * SchemaProblem; anything else it throws is rethrown (a crash is a bug).
 */
export async function prepareModel(
  schema: JsonObject,
  name: string,
  namespace: string,
  generate: (schema: JsonObject, namespace: string) => string = (s, ns) =>
    generateCSharp(s, { namespace: ns }),
): Promise<Model> {
  const validate = await exportedValidator(schema, "credential");
  let csharp: Model["csharp"];
  try {
    csharp = { ok: true, source: generate(schema, namespace) };
  } catch (error) {
    if (!(error instanceof SchemaProblem))
      throw new Error(
        `generateCSharp crashed on ${name} instead of refusing with a SchemaProblem: ${
          error instanceof Error ? (error.stack ?? error.message) : String(error)
        }\nschema: ${JSON.stringify(schema)}`,
      );
    csharp = { ok: false, problem: error };
  }
  return { name, schema, namespace, validate, csharp };
}

/** A file name for a model's source. */
export const sourceName = (model: Model): string => `${model.namespace.replace(/\W/g, "_")}.cs`;

/** Compiles the harness with the C# of every given (not refused) model, in one mcs run. */
export function compileWithHarness(
  models: readonly Model[],
  options: { doc?: boolean } = {},
): CompiledProgram {
  const sources: Record<string, string> = { "Harness.cs": harnessSource() };
  for (const model of models) if (model.csharp.ok) sources[sourceName(model)] = model.csharp.source;
  return compileCSharp(sources, { name: "Harness", ...options });
}

/** What the harness printed for one value. */
export interface HarnessLine {
  index: number;
  verdict: "valid" | "invalid";
  stage: "parse" | "validate" | null;
  exception: { type: string; message: string; isJsonException: boolean; inner: string[] } | null;
  results: Array<{ members: string[] | null; message: string | null }>;
  toString: string | null;
  toJson: string | null;
  errors: string[];
}

/** Runs one batch through the compiled harness (one mono process) and reads its lines. */
export function runHarness(
  program: CompiledProgram,
  samples: readonly Sample[],
  root: string,
): { lines: HarnessLine[]; raw: string[] } {
  const batch = join(program.dir, `batch-${Date.now()}-${Math.random().toString(36).slice(2)}.txt`);
  // One JSON string per line; JSON.stringify escapes lone surrogates, so the file is valid UTF-8.
  writeFileSync(batch, `${samples.map((sample) => JSON.stringify(sample.text)).join("\n")}\n`);
  const result = runMono(program, [batch, root]);
  if (result.status !== 0)
    throw new Error(
      `the harness failed (exit ${result.status}) on ${root}:\n${result.stderr}\n${result.stdout.slice(0, 2000)}`,
    );
  const raw = result.stdout.split("\n").filter((line) => line.length > 0);
  const lines = raw.map((line) => JSON.parse(line) as HarnessLine);
  if (lines.length !== samples.length)
    throw new Error(
      `the harness printed ${lines.length} lines for ${samples.length} values:\n${result.stderr}`,
    );
  return { lines, raw };
}

/** The exported validator's verdict on a JSON text (JSON.parse'd, as real input is). */
export function validatorVerdict(
  validate: Validate,
  text: string,
): { valid: boolean; reasons: string[] } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { valid: false, reasons: [`not JSON: ${(error as Error).message}`] };
  }
  const valid = validate(data);
  return {
    valid,
    reasons: (validate.errors ?? []).map(
      (e) => `${e.instancePath || "/"} ${e.keyword}: ${e.message ?? ""}`,
    ),
  };
}

export interface Disagreement {
  sample: Sample;
  validator: { valid: boolean; reasons: string[] };
  csharp: HarnessLine;
}

/** The values on which the C# model and the validator disagree. */
export function disagreements(
  model: Model,
  samples: readonly Sample[],
  lines: readonly HarnessLine[],
): Disagreement[] {
  const out: Disagreement[] = [];
  samples.forEach((sample, i) => {
    const validator = validatorVerdict(model.validate, sample.text);
    const csharp = lines[i]!;
    if (validator.valid !== (csharp.verdict === "valid")) out.push({ sample, validator, csharp });
  });
  return out;
}

/** How the C# model judged a value, in one line. */
export function csharpReason(line: HarnessLine): string {
  if (line.exception) return `${line.stage}: ${line.exception.type}: ${line.exception.message}`;
  if (line.results.length > 0)
    return line.results.map((r) => `${(r.members ?? []).join(",")} ${r.message ?? ""}`).join("; ");
  return line.errors.join("; ") || "(no results)";
}

/** A readable report of the first disagreements. */
export function describeDisagreements(
  model: Model,
  found: readonly Disagreement[],
  max = 8,
): string {
  if (found.length === 0) return "";
  const shown = found
    .slice(0, max)
    .map(
      (d, i) =>
        `#${i + 1} ${d.sample.label}\n   value: ${JSON.stringify(d.sample.text).slice(0, 400)}\n` +
        `   validator: ${d.validator.valid ? "valid" : "invalid"}${d.validator.reasons.length ? ` (${d.validator.reasons.join("; ")})` : ""}\n` +
        `   C#:        ${d.csharp.verdict} (${csharpReason(d.csharp)})`,
    );
  return `${model.name}: the C# model disagrees with the validator on ${found.length} value(s):\n${shown.join("\n")}${found.length > max ? `\n… and ${found.length - max} more` : ""}`;
}

/** Output lines that show a secret marker, with the value that produced them. */
export function secretLeaks(samples: readonly Sample[], raw: readonly string[]): string[] {
  const leaks: string[] = [];
  raw.forEach((line, i) => {
    const parsed = JSON.parse(line) as HarnessLine;
    // toJson gives the secret back on purpose (it is what the adapter sends on); every other
    // output must not show it.
    const { toJson: _toJson, ...shown } = parsed;
    const text = JSON.stringify(shown);
    if (text.includes(SECRET_MARKER))
      leaks.push(
        `${samples[i]!.label}\n   value: ${samples[i]!.text.slice(0, 300)}\n   output: ${text.slice(0, 600)}`,
      );
  });
  return leaks;
}

/** Values whose parse failure is not a JsonException (the root's FromJson must throw one). */
export function nonJsonExceptions(
  samples: readonly Sample[],
  lines: readonly HarnessLine[],
): string[] {
  return lines.flatMap((line, i) =>
    line.stage === "parse" && line.exception && !line.exception.isJsonException
      ? [
          `${samples[i]!.label}: ${line.exception.type}: ${line.exception.message}\n   value: ${samples[i]!.text.slice(0, 300)}`,
        ]
      : [],
  );
}

/** Values on which Validate(), ToString() or ToJson() threw or returned nothing. */
export function harnessErrors(samples: readonly Sample[], lines: readonly HarnessLine[]): string[] {
  return lines.flatMap((line, i) =>
    line.errors.length > 0 || (line.stage === "validate" && line.exception)
      ? [
          `${samples[i]!.label}: ${[...line.errors, line.exception ? `${line.exception.type}: ${line.exception.message}` : ""].join("; ")}\n   value: ${samples[i]!.text.slice(0, 300)}`,
        ]
      : [],
  );
}

/** Everything one batch found wrong with a model, as readable sections (empty when none). */
export function batchProblems(
  model: Model,
  samples: readonly Sample[],
  run: { lines: HarnessLine[]; raw: string[] },
): string[] {
  const problems: string[] = [];
  const found = disagreements(model, samples, run.lines);
  if (found.length > 0) problems.push(describeDisagreements(model, found));
  const leaks = secretLeaks(samples, run.raw);
  if (leaks.length > 0)
    problems.push(
      `${model.name}: a secret shows in ${leaks.length} output(s):\n${leaks.slice(0, 5).join("\n")}`,
    );
  const wrongExceptions = nonJsonExceptions(samples, run.lines);
  if (wrongExceptions.length > 0)
    problems.push(
      `${model.name}: FromJson threw something other than a JsonException on ${wrongExceptions.length} value(s):\n${wrongExceptions.slice(0, 5).join("\n")}`,
    );
  const thrown = harnessErrors(samples, run.lines);
  if (thrown.length > 0)
    problems.push(
      `${model.name}: Validate/ToString/ToJson failed on ${thrown.length} value(s):\n${thrown.slice(0, 5).join("\n")}`,
    );
  const paths = memberPathProblems(model, samples, run.lines);
  if (paths.length > 0)
    problems.push(
      `${model.name}: Validate()'s member names miss the field the validator names on ${paths.length} value(s):\n${paths.slice(0, 5).join("\n")}`,
    );
  const hidden = toStringMisses(model, samples, run.lines);
  if (hidden.length > 0)
    problems.push(
      `${model.name}: ToString() of a valid model does not show a field's value on ${hidden.length} value(s):\n${hidden.slice(0, 5).join("\n")}`,
    );
  const roundTrips: string[] = [];
  run.lines.forEach((line, i) => {
    if (line.verdict !== "valid" || line.toJson === null) return;
    const again = validatorVerdict(model.validate, line.toJson);
    if (!again.valid)
      roundTrips.push(
        `${samples[i]!.label}\n   value:  ${samples[i]!.text.slice(0, 300)}\n   ToJson: ${line.toJson.slice(0, 300)}\n   validator: ${again.reasons.join("; ")}`,
      );
  });
  if (roundTrips.length > 0)
    problems.push(
      `${model.name}: ToJson() of a valid model is refused by the validator on ${roundTrips.length} value(s):\n${roundTrips.slice(0, 5).join("\n")}`,
    );
  return problems;
}

/**
 * Values that Validate() refuses where no result's member name is the JSON path (pointer) of a
 * field the validator names, or of one inside it (the validator names the object for `required`
 * and `additionalProperties`, Validate() may name the key).
 */
export function memberPathProblems(
  model: Model,
  samples: readonly Sample[],
  lines: readonly HarnessLine[],
): string[] {
  return lines.flatMap((line, i) => {
    if (line.stage !== "validate" || line.results.length === 0) return [];
    const text = samples[i]!.text;
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      return []; // not JSON: the validator names no field (and the verdicts are compared elsewhere)
    }
    if (model.validate(data)) return []; // a disagreement, reported as one
    const paths = (model.validate.errors ?? []).map((error) => error.instancePath);
    const members = line.results.flatMap((result) => result.members ?? []);
    const named = paths.some((path) =>
      members.some((member) => member === path || member.startsWith(`${path}/`)),
    );
    return named
      ? []
      : [
          `${samples[i]!.label}\n   value: ${text.slice(0, 300)}\n   validator: ${JSON.stringify(paths)}\n   C#: ${JSON.stringify(members)}`,
        ];
  });
}

/**
 * Valid values whose ToString() leaves out the value of a field that is not a secret (checked for
 * plain strings of letters and digits, which every display shows as they are).
 */
export function toStringMisses(
  model: Model,
  samples: readonly Sample[],
  lines: readonly HarnessLine[],
): string[] {
  return lines.flatMap((line, i) => {
    if (line.verdict !== "valid" || line.toString === null) return [];
    let data: JsonValue;
    try {
      data = JSON.parse(samples[i]!.text) as JsonValue;
    } catch {
      return [];
    }
    const missing = sitesOf(model.schema, data).filter(
      (site) =>
        !isSecret(site.schema) &&
        typeof site.value === "string" &&
        /^[A-Za-z0-9]{3,}$/.test(site.value) &&
        !line.toString!.includes(site.value),
    );
    return missing.length === 0
      ? []
      : [
          `${samples[i]!.label}: /${missing[0]!.path.join("/")} = ${JSON.stringify(missing[0]!.value)}\n   ToString: ${line.toString.slice(0, 300)}`,
        ];
  });
}
