import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { JsonObject } from "../../../src/json/value.ts";
import {
  CSharpCompileError,
  compileCSharp,
  describeWithMono,
  removeMonoTempDirs,
} from "../../support/mono.ts";
import { repoRoot } from "../support/files.ts";
import {
  compileWithHarness,
  describeDisagreements,
  disagreements,
  harnessDir,
  harnessErrors,
  type Model,
  nonJsonExceptions,
  prepareModel,
  removeDifferentialTempDirs,
  runHarness,
  secretLeaks,
} from "./support/differential.ts";
import {
  jsonText,
  mutateOnce,
  RawJson,
  ROOT_TRAPS,
  type Sample,
  SECRET_MARKER,
  sampleValues,
  trapsOf,
} from "./support/values.ts";

/**
 * The differential harness itself, run against a hand-written C# model of schemas/basic-auth.json
 * (harness/FixtureBasicAuth.cs): compile with -warnaserror+, a batch through one mono process,
 * verdicts, reasons, secrets, and a model that gets things wrong is caught.
 */

const schema = JSON.parse(
  readFileSync(join(repoRoot, "schemas/basic-auth.json"), "utf8"),
) as JsonObject;
const fixture = readFileSync(join(harnessDir, "FixtureBasicAuth.cs"), "utf8");

afterAll(() => {
  removeMonoTempDirs();
  removeDifferentialTempDirs();
});

describeWithMono("the C# differential harness (on a hand-written model)", () => {
  let model: Model;
  beforeAll(async () => {
    model = await prepareModel(schema, "basic-auth (fixture)", "Fixture.BasicAuth", () => fixture);
  });

  it("compiles the harness with a model and judges a batch like the validator", () => {
    const program = compileWithHarness([model]);
    const good = {
      username: "integration-user",
      password: `${SECRET_MARKER}1`,
    };
    const values = sampleValues(schema, 60, 16);
    const samples: Sample[] = [
      { label: "good", text: jsonText(good) },
      ...ROOT_TRAPS,
      ...trapsOf(schema, good, "good"),
      ...mutateOnce(schema, values, 7),
      ...values.map((value, i) => ({ label: `generated #${i}`, text: jsonText(value) })),
    ];
    const { lines, raw } = runHarness(program, samples, "Fixture.BasicAuth");
    expect(lines[0]).toMatchObject({ verdict: "valid", stage: null, results: [] });
    expect(lines[0]!.toString).toBe(
      'BasicAuthentication { Username = "integration-user", Password = *** }',
    );
    expect(JSON.parse(lines[0]!.toJson!)).toEqual(good);
    const colon = samples.findIndex((s) => s.label.endsWith("/username: value inside other text"));
    expect(colon).toBeGreaterThan(0);
    expect(lines[colon]).toMatchObject({ verdict: "valid" });
    const numberForString = samples.findIndex((s) =>
      s.label.endsWith("/username: 123 for a string"),
    );
    expect(lines[numberForString]).toMatchObject({
      verdict: "invalid",
      stage: "parse",
      exception: { type: "Fixture.BasicAuth.FixtureCredentialException", isJsonException: true },
    });
    const found = disagreements(model, samples, lines);
    expect(found, describeDisagreements(model, found)).toEqual([]);
    expect(secretLeaks(samples, raw)).toEqual([]);
    expect(nonJsonExceptions(samples, lines)).toEqual([]);
    expect(harnessErrors(samples, lines)).toEqual([]);
    // the traps did reach both verdicts and both stages
    expect(new Set(lines.map((line) => `${line.verdict}/${line.stage}`))).toEqual(
      new Set(["valid/null", "invalid/parse", "invalid/validate"]),
    );
  });

  it("catches a model that gets verdicts wrong, leaks a secret or throws the wrong exception", async () => {
    const broken = fixture
      .replace('"^[^:]+\\\\z"', '"^[^:]+"') // an anchor lost: "u:x" matches
      .replace(': "***"', ": Password")
      .replace(
        "return (string)property.Value;",
        'if (((string)property.Value).Length > 300) throw new System.InvalidOperationException("too long: " + (string)property.Value);\n            return (string)property.Value;',
      );
    expect(broken).not.toBe(fixture);
    const brokenModel = await prepareModel(schema, "broken", "Fixture.BasicAuth", () => broken);
    const program = compileWithHarness([brokenModel]);
    const samples: Sample[] = [
      { label: "colon", text: jsonText({ username: "u:x", password: "p" }) },
      { label: "secret", text: jsonText({ username: "u", password: `${SECRET_MARKER}2` }) },
      {
        label: "long",
        text: jsonText({ username: "u", password: `${SECRET_MARKER}3${"x".repeat(300)}` }),
      },
      { label: "30.0", text: jsonText({ username: "u", password: new RawJson("30.0") }) },
    ];
    const { lines, raw } = runHarness(program, samples, "Fixture.BasicAuth");
    const found = disagreements(brokenModel, samples, lines);
    expect(found.map((d) => d.sample.label)).toEqual(["colon", "long"]);
    expect(describeDisagreements(brokenModel, found)).toContain(
      "validator: invalid (/username pattern",
    );
    expect(describeDisagreements(brokenModel, found)).toContain("C#:        valid (");
    expect(secretLeaks(samples, raw).map((leak) => leak.split("\n")[0])).toEqual([
      "secret",
      "long",
    ]);
    expect(nonJsonExceptions(samples, lines)).toEqual([
      expect.stringContaining("long: System.InvalidOperationException: too long"),
    ]);
  });

  it("reports the compiler's output when a file does not compile with -warnaserror+", () => {
    const unusedVariable =
      "public static class Warn { public static void Main() { int unused = 1; } }";
    expect(() => compileCSharp({ "Warn.cs": unusedVariable })).toThrow(CSharpCompileError);
    expect(() => compileCSharp({ "Warn.cs": unusedVariable })).toThrow(
      /CS0219.*`unused. is assigned but its value is never used/,
    );
  });
});
