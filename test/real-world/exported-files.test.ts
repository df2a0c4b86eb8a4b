import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import Ajv from "ajv";
import { fullFormats } from "ajv-formats/dist/formats.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isJsonObject, type JsonObject, type JsonValue } from "../../src/json/value.ts";
import { AJV_OPTIONS } from "../../src/schema/ajv-options.ts";
import { mutateOnce, resolved, sampleValues } from "../export/csharp/support/values.ts";
import {
  removeScratchDirs,
  runTsc,
  scratchDir,
  writeFiles,
  writeTsProject,
} from "../export/support/files.ts";
import { type CorpusExport, exportCorpus, rootTypeOf } from "./support/exports.ts";

/**
 * What export writes for each real credential window, used for real: the precompiled validators
 * judge generated values (from test/export/csharp/support/values.ts: valid-looking ones, and each
 * of them changed once) exactly as Ajv judges them against the window's schema; and the TypeScript
 * bindings of every window, with the values the validator accepted written as typed constants,
 * compile in one strict `tsc --strict` run (the TypeScript 7 native compiler, no compiler API).
 */

/**
 * `value` with the keys no schema along the way declares left out (extra keys the schema allows:
 * the bindings have no index signature for them unless the schema says additionalProperties, and
 * an object literal with an unknown key is an error in TypeScript, though a value that has one
 * is still assignable).
 */
function declaredOnly(
  root: JsonObject,
  schema: JsonValue | undefined,
  value: JsonValue,
): JsonValue {
  const at = resolved(root, schema);
  if (!isJsonObject(at)) return value;
  const parts = [at, ...branchesFor(root, at, value)];
  if (Array.isArray(value)) {
    const items = parts.map((part) => part.items).find((items) => items !== undefined);
    return Array.isArray(items) ? value : value.map((item) => declaredOnly(root, items, item));
  }
  if (!isJsonObject(value)) return value;
  const open = (part: JsonObject) =>
    part.additionalProperties !== undefined && part.additionalProperties !== false;
  const result: JsonObject = {};
  for (const [key, item] of Object.entries(value)) {
    const declaring = parts
      .map((part) => (isJsonObject(part.properties) ? part.properties : {}))
      .find((properties) => Object.hasOwn(properties, key));
    // Kept when declared, or when every part the value is read by allows other keys.
    if (!declaring && !parts.every(open)) continue;
    Object.defineProperty(result, key, {
      value: declaring ? declaredOnly(root, declaring[key], item) : item,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return result;
}

/** The branches of `schema` (allOf, and the oneOf/anyOf branches whose constants `value` has). */
function branchesFor(root: JsonObject, schema: JsonObject, value: JsonValue): JsonObject[] {
  const list = (keyword: string) =>
    (Array.isArray(schema[keyword]) ? (schema[keyword] as JsonValue[]) : [])
      .map((branch) => resolved(root, branch))
      .filter(isJsonObject);
  const matches = (branch: JsonObject) =>
    !isJsonObject(value) ||
    !isJsonObject(branch.properties) ||
    Object.entries(branch.properties).every(([key, property]) => {
      const at = resolved(root, property);
      if (!isJsonObject(at) || at.const === undefined) return true;
      return JSON.stringify(value[key]) === JSON.stringify(at.const);
    });
  return [...list("allOf"), ...[...list("oneOf"), ...list("anyOf")].filter(matches)];
}

type Validate = ((data: unknown) => boolean) & { errors?: unknown[] | null };

interface Verdicts {
  exported: CorpusExport;
  /** Values the exported validator and Ajv disagree on, with both verdicts. */
  disagreements: string[];
  valid: JsonValue[];
  invalid: number;
}

const SAMPLES = 24;
let projectDir = "";
let exports: CorpusExport[] = [];
const verdicts = new Map<string, Verdicts>();
let tsc: { status: number | null; output: string } = { status: null, output: "" };

beforeAll(async () => {
  exports = await exportCorpus();
  projectDir = scratchDir("real-world");
  writeTsProject(projectDir);
  for (const [index, exported] of exports.entries()) {
    if (!exported.files) continue;
    const dir = join(projectDir, exported.base);
    writeFiles(dir, exported.files);
    // Imported as ES modules: the folder's package.json says "type": "module".
    const validate = (
      (await import(
        /* @vite-ignore */ pathToFileURL(join(dir, `${exported.base}.validate.js`)).href
      )) as { default: Validate }
    ).default;
    const schema = structuredClone(exported.entry.schema);
    const reference = new Ajv({ ...AJV_OPTIONS, formats: fullFormats }).compile(schema);
    const values = sampleValues(schema, SAMPLES, 1000 + index);
    const texts = [
      ...values.map((value, i) => ({ label: `generated #${i}`, text: JSON.stringify(value) })),
      ...mutateOnce(schema, values, 2000 + index),
    ];
    const result: Verdicts = { exported, disagreements: [], valid: [], invalid: 0 };
    for (const { label, text } of texts) {
      const mine = validate(JSON.parse(text));
      const ajv = reference(JSON.parse(text));
      if (mine !== ajv)
        result.disagreements.push(`${label}: exported says ${mine}, Ajv says ${ajv}: ${text}`);
      if (!ajv) {
        result.invalid++;
        continue;
      }
      const typed = declaredOnly(schema, schema, JSON.parse(text) as JsonValue);
      if (reference(typed)) result.valid.push(typed);
    }
    verdicts.set(exported.entry.name, result);
    const root = rootTypeOf(exported);
    writeFileSync(
      join(dir, "usage.ts"),
      `import type { ${root} } from "./${exported.base}.js";
import validate from "./${exported.base}.validate.js";

/** Values the validator accepts are values of the bindings' type. */
export const accepted: ${root}[] = ${JSON.stringify(result.valid, null, 1)};

// @ts-expect-error a window is an object of fields, not a number
export const notAWindow: ${root} = 42;

/** The validator is a type guard of the root type. */
export function read(data: unknown): ${root} | undefined {
  return validate(data) ? data : undefined;
}
`,
    );
  }
  tsc = runTsc(projectDir);
}, 180_000);

afterAll(removeScratchDirs);

describe("the exported files of every real credential window", () => {
  it("most windows export, and each refusal is a CredentialDesignerError with a reason", () => {
    const refused = exports.filter((exported) => !exported.files);
    expect(exports.length - refused.length).toBeGreaterThanOrEqual(60);
    for (const exported of refused) expect(exported.refusal).toMatch(/\S/);
  });

  it("the validators agree with Ajv on generated good and bad values", () => {
    const problems = [...verdicts.values()].flatMap((v) =>
      v.disagreements.map((line) => `${v.exported.entry.name}: ${line}`),
    );
    expect(problems).toEqual([]);
    // The values are good and bad: across the corpus, both verdicts, and most windows get both.
    const both = [...verdicts.values()].filter((v) => v.valid.length > 0 && v.invalid > 0);
    expect(both.length).toBeGreaterThanOrEqual(Math.floor(verdicts.size * 0.8));
  });

  it("the bindings of every exported window compile under tsc --strict, with the accepted values as typed constants", () => {
    expect(verdicts.size).toBeGreaterThanOrEqual(60);
    expect(tsc.output).toBe("");
    expect(tsc.status).toBe(0);
  });
});
