import fc from "fast-check";
import { afterAll, beforeAll, expect, it } from "vitest";
import { SchemaProblem } from "../../../src/json/problem.ts";
import type { JsonObject } from "../../../src/json/value.ts";
import { credentialSchema } from "../../schema/credential-schema-arbitrary.ts";
import {
  type CompiledProgram,
  CSharpCompileError,
  describeWithMono,
  removeMonoTempDirs,
} from "../../support/mono.ts";
import {
  batchProblems,
  compileWithHarness,
  type Model,
  prepareModel,
  removeDifferentialTempDirs,
  runHarness,
  validatorVerdict,
} from "./support/differential.ts";
import { supportedSchema } from "./support/schemas.ts";
import {
  covering,
  jsonText,
  mutateOnce,
  ROOT_TRAPS,
  type Sample,
  sampleValues,
  trapsOf,
} from "./support/values.ts";

/**
 * Issue 16's differential test on generated windows: a few dozen schemas of the kind the C#
 * export supports, compiled together in one mcs run, each judged by its own mono process against
 * its validator; and the designer's general schema arbitrary, where a schema the generator
 * refuses must be refused with a SchemaProblem, never a crash.
 */

const SUPPORTED = 30;
const GENERAL = 30;

afterAll(() => {
  removeMonoTempDirs();
  removeDifferentialTempDirs();
});

/** Exports a schema; undefined when exportFiles itself refuses it (not the C# export's concern). */
async function prepared(
  schema: JsonObject,
  name: string,
  namespace: string,
): Promise<Model | undefined> {
  try {
    return await prepareModel(schema, name, namespace);
  } catch (error) {
    if (error instanceof SchemaProblem) return undefined; // refused by exportFiles (the validator)
    throw error;
  }
}

/**
 * One compilation for all; when it fails, each alone, to say which models do not compile, and the
 * others together again (so one bad model does not hide what the others do).
 */
function compileAll(models: Model[]): {
  program?: CompiledProgram;
  compiled: Model[];
  failures: string[];
} {
  try {
    return { program: compileWithHarness(models), compiled: models, failures: [] };
  } catch (error) {
    if (!(error instanceof CSharpCompileError)) throw error;
  }
  const failures: string[] = [];
  const compiled = models.filter((model) => {
    try {
      compileWithHarness([model]);
      return true;
    } catch (alone) {
      if (!(alone instanceof CSharpCompileError)) throw alone;
      failures.push(
        `${model.name}: ${alone.message.slice(0, 3000)}\nschema: ${JSON.stringify(model.schema)}`,
      );
      return false;
    }
  });
  return {
    ...(compiled.length > 0 ? { program: compileWithHarness(compiled) } : {}),
    compiled,
    failures,
  };
}

/** The first few windows' problems, after how many windows have some. */
function summary(problems: readonly string[], windows: number): string {
  if (problems.length === 0) return "";
  return `${problems.length} of ${windows} window(s) have problems; the first ${Math.min(4, problems.length)}:\n\n${problems.slice(0, 4).join("\n\n")}`;
}

function samplesFor(model: Model, seed: number): Sample[] {
  const generated = sampleValues(model.schema, 120, seed);
  const valid = generated.filter(
    (value) => validatorVerdict(model.validate, JSON.stringify(value)).valid,
  );
  const traps = covering(model.schema, valid).flatMap((base, i) =>
    trapsOf(model.schema, base, `base #${i}`),
  );
  return [
    ...ROOT_TRAPS.slice(0, 6),
    ...traps,
    ...mutateOnce(model.schema, valid, seed),
    ...generated.map((value, i) => ({ label: `generated #${i}`, text: jsonText(value) })),
  ];
}

describeWithMono("the C# model agrees with the validator on generated windows", () => {
  const models: Model[] = [];
  let compiled: ReturnType<typeof compileAll> = { compiled: [], failures: [] };

  beforeAll(async () => {
    const schemas = fc.sample(supportedSchema, { numRuns: SUPPORTED, seed: 1616 });
    for (const [i, schema] of schemas.entries()) {
      const model = await prepared(schema, `supported #${i}`, `Generated.Supported${i}`);
      if (model) models.push(model);
    }
    const accepted = models.filter((model) => model.csharp.ok);
    compiled = compileAll(accepted);
  }, 120_000);

  it("exports nearly every generated window and the generator takes every one", () => {
    expect(models.length).toBeGreaterThanOrEqual(SUPPORTED * 0.8);
    const refused = models.flatMap((model) =>
      model.csharp.ok
        ? []
        : [
            `${model.name}: ${model.csharp.problem.message}\nschema: ${JSON.stringify(model.schema)}`,
          ],
    );
    expect(refused.join("\n\n")).toBe("");
    // secrets by either marking: Airbyte's airbyte_secret is masked and kept out of messages too
    const texts = models.map((model) => JSON.stringify(model.schema));
    expect(texts.filter((text) => text.includes('"airbyte_secret":true')).length).toBeGreaterThan(
      3,
    );
    expect(texts.filter((text) => text.includes('"writeOnly":true')).length).toBeGreaterThan(3);
  });

  it("compiles them all with -warnaserror+ (one mcs run)", () => {
    expect(compiled.failures.slice(0, 3).join("\n\n")).toBe("");
    expect(compiled.program).toBeDefined();
  });

  it("gives the validator's verdict on every value of every window, and shows no secret", () => {
    const { program } = compiled;
    if (!program) throw new Error("no model compiled");
    const problems: string[] = [];
    let total = 0;
    for (const [i, model] of compiled.compiled.entries()) {
      const samples = samplesFor(model, 500 + i);
      total += samples.length;
      const run = runHarness(program, samples, model.namespace);
      const found = batchProblems(model, samples, run);
      if (found.length > 0)
        problems.push(`${found.join("\n")}\n   schema: ${JSON.stringify(model.schema)}`);
    }
    expect(total).toBeGreaterThan(compiled.compiled.length * 100);
    expect(summary(problems, compiled.compiled.length)).toBe("");
  }, 180_000);

  it("refuses what it cannot model with a SchemaProblem, never a crash; compiles and agrees on the rest (the designer's general schemas)", async () => {
    const schemas = fc.sample(credentialSchema, { numRuns: GENERAL, seed: 1617 });
    const general: Model[] = [];
    for (const [i, schema] of schemas.entries()) {
      // prepareModel throws when generateCSharp fails with anything but a SchemaProblem
      const model = await prepared(schema, `general #${i}`, `Generated.General${i}`);
      if (!model) continue;
      if (model.csharp.ok) general.push(model);
      else {
        expect(model.csharp.problem.problem, model.name).not.toBe("");
        expect(model.csharp.problem.fix, model.name).not.toBe("");
      }
    }
    // the generator takes a good part of them (those whose choices have a discriminator)
    expect(general.length).toBeGreaterThanOrEqual(GENERAL / 6);
    const generalCompiled = compileAll(general);
    const problems: string[] = [...generalCompiled.failures];
    for (const [i, model] of generalCompiled.compiled.entries()) {
      const samples = samplesFor(model, 900 + i);
      const run = runHarness(generalCompiled.program!, samples, model.namespace);
      const found = batchProblems(model, samples, run);
      if (found.length > 0)
        problems.push(`${found.join("\n")}\n   schema: ${JSON.stringify(model.schema)}`);
    }
    expect(summary(problems, general.length)).toBe("");
  }, 180_000);
});
