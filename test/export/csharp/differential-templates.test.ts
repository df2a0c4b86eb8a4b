import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import type { JsonObject, JsonValue } from "../../../src/json/value.ts";
import { describeWithMono, removeMonoTempDirs } from "../../support/mono.ts";
import { repoRoot } from "../support/files.ts";
import {
  batchProblems,
  compileWithHarness,
  prepareModel,
  removeDifferentialTempDirs,
  runHarness,
  validatorVerdict,
} from "./support/differential.ts";
import {
  covering,
  jsonText,
  mutateOnce,
  ROOT_TRAPS,
  type Sample,
  SECRET_MARKER,
  sampleValues,
  sitesOf,
  trapsOf,
} from "./support/values.ts";

/**
 * Issue 16's differential test on every template in schemas/: the generated C# (compiled with
 * -warnaserror+, run by one mono process per template) and the exported validator judge the
 * same values (generated with fast-check, mutated once, and the hand-made traps) and must agree
 * on every one; no output but ToJson may show a secret.
 */

const templates = readdirSync(join(repoRoot, "schemas"))
  .filter((name) => name.endsWith(".json"))
  .sort();

afterAll(() => {
  removeMonoTempDirs();
  removeDifferentialTempDirs();
});

const pascal = (name: string) =>
  name
    .replace(/\.json$/, "")
    .split(/[^A-Za-z0-9]+/)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join("");

describeWithMono("the C# model agrees with the validator on every template", () => {
  it("has templates to check", () => {
    expect(templates.length).toBeGreaterThanOrEqual(9);
  });

  templates.forEach((file, t) => {
    it(`${file}: the same verdict on every value, no secret shown`, async () => {
      const schema = JSON.parse(
        readFileSync(join(repoRoot, "schemas", file), "utf8"),
      ) as JsonObject;
      const model = await prepareModel(schema, file, `CredentialTests.${pascal(file)}`);
      if (!model.csharp.ok) throw new Error(`${file} is refused: ${model.csharp.problem.message}`);
      const program = compileWithHarness([model]);

      const generated = sampleValues(schema, 400, 1600 + t);
      const valid = generated.filter(
        (value) => validatorVerdict(model.validate, JSON.stringify(value)).valid,
      );
      const bases: JsonValue[] = covering(schema, valid);
      expect(bases.length, `${file}: no valid value was generated`).toBeGreaterThan(0);
      const samples: Sample[] = [
        ...ROOT_TRAPS,
        ...bases.flatMap((base, i) => trapsOf(schema, base, `base #${i}`)),
        ...mutateOnce(schema, valid, 16 + t),
        ...mutateOnce(schema, valid, 160 + t),
        ...generated.map((value, i) => ({ label: `generated #${i}`, text: jsonText(value) })),
      ];
      const run = runHarness(program, samples, model.namespace);
      expect(batchProblems(model, samples, run).join("\n\n")).toBe("");

      // the batch reached both verdicts, and the secrets (when the window has any) were in it
      const verdicts = new Set(run.lines.map((line) => line.verdict));
      expect([...verdicts].sort()).toEqual(["invalid", "valid"]);
      const hasSecrets = valid.some((value) =>
        sitesOf(schema, value).some((site) => site.schema.writeOnly === true),
      );
      if (hasSecrets)
        expect(samples.filter((s) => s.text.includes(SECRET_MARKER)).length).toBeGreaterThan(10);
    });
  });
});
