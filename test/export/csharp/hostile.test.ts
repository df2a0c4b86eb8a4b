import { readFileSync } from "node:fs";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { JsonObject, JsonValue } from "../../../src/json/value.ts";
import { type CompiledProgram, describeWithMono, removeMonoTempDirs } from "../../support/mono.ts";
import {
  batchProblems,
  compileWithHarness,
  type Model,
  prepareModel,
  removeDifferentialTempDirs,
  runHarness,
  validatorVerdict,
} from "./support/differential.ts";
import { jsonText, ROOT_TRAPS, type Sample, SECRET_MARKER, trapsOf } from "./support/values.ts";

/**
 * Issue 16's hostile-input test: titles, descriptions, keys, enum values, discriminators, defaults
 * and patterns that would break naive code generation (comment ends, quotes, backslashes, XML,
 * keywords, JavaScript's special keys, keys differing only in case, a key equal to the class name,
 * line breaks, U+2028). The file must compile with -warnaserror+ and -doc (well-formed XML doc
 * comments), ToJson(FromJson(x)) must keep every exact key and value, and the verdicts must be
 * the validator's. (Integers are bounded here: unbounded ones are the generated windows' concern.)
 */

const H =
  '*/ /* "q" \\ \\" <b>&amp; </summary> <!-- ]]> @class class __proto__ constructor {0} $"{x}"\nnext line\r\n\u2028sep\u2029para \u0085 end';

const string = (extra: JsonObject = {}): JsonObject => ({ type: "string", ...extra });

const hostile: JsonObject = {
  $schema: "http://json-schema.org/draft-07/schema#",
  title: H,
  description: H,
  type: "object",
  properties: {
    "*/": string({ title: H, description: H }),
    '"': string({ description: "\\" }),
    "\\": string({ title: "\\u0041" }),
    "<": string({ description: "<summary>" }),
    "</summary>": { type: "integer", title: "</summary>", minimum: 0, maximum: 1000 },
    "@class": string(),
    class: string({ default: '*/"\\\n' }),
    // computed: a literal `__proto__:` would set the prototype, not add a key
    ["__proto__"]: {
      title: H,
      type: "object",
      properties: { constructor: string(), toString: { type: "boolean" } },
      additionalProperties: false,
    },
    constructor: string({ enum: ["*/", '"', "\\", "a\nb", "\u2028", "class", "A", "a"] }),
    key: string(),
    Key: string(),
    KEY: { type: "boolean" },
    "line\nbreak": string(),
    "sep\u2028arator": string({ title: "\u2028" }),
    toString: string(),
    ToString: string(),
    ToJson: string(),
    FromJson: string(),
    Validate: string(),
    Equals: string(),
    GetHashCode: string(),
    GetType: string(),
    "1st": string(),
    "a-b": string(),
    "a b": string(),
    "a.b": string(),
    $type: string(),
    $ref: string(),
    "x\u0000y": string(),
    ключ: string(),
    group: {
      type: "object",
      properties: {
        ["__proto__"]: { type: "boolean" },
        constructor: { type: "integer", maximum: 1000 },
      },
      additionalProperties: false,
    },
    pattern: string({ pattern: '^[^"\\\\]*$', description: "*/ \\" }),
    // Airbyte's secret marking, with hostile text: masked in ToString() as writeOnly is
    "airbyte */": string({ airbyte_secret: true, description: H, order: 1, group: "*/" }),
    auth: {
      title: H,
      description: H,
      oneOf: [
        {
          title: H,
          type: "object",
          properties: {
            type: { type: "string", const: 'a"b*/\\' },
            secret: string({ writeOnly: true, description: H, minLength: 1 }),
            Type: string(),
          },
          required: ["type", "secret"],
          additionalProperties: false,
        },
        {
          title: "class",
          type: "object",
          properties: {
            type: { type: "string", const: "class" },
            "*/": { type: "integer", minimum: 0, maximum: 9 },
          },
          required: ["type"],
          additionalProperties: false,
        },
        {
          title: "Class",
          type: "object",
          properties: { type: { type: "string", const: "Class" } },
          required: ["type"],
          additionalProperties: false,
        },
      ],
    },
  },
  required: ["*/", "auth"],
  additionalProperties: false,
};

/** The root class is named after the title: a key (and a group, and a branch) may take that name too. */
const sameNames: JsonObject = {
  $schema: "http://json-schema.org/draft-07/schema#",
  title: "Rest API",
  type: "object",
  properties: {
    RestApi: string(),
    restApi: string(),
    rest_api: { type: "integer", minimum: -5, maximum: 5 },
    "Rest API": string(),
    REST_API: string(),
    settings: {
      title: "Rest API",
      type: "object",
      properties: { RestApi: string(), settings: string(), Settings: string() },
    },
    Settings: { title: "Settings", type: "object", properties: { x: string() } },
    auth: {
      title: "Rest API",
      oneOf: [
        {
          title: "Rest API",
          type: "object",
          properties: { kind: { type: "string", const: "RestApi" }, RestApi: string() },
          required: ["kind"],
        },
        {
          title: "Auth",
          type: "object",
          properties: { kind: { type: "string", const: "auth" }, auth: string(), Auth: string() },
          required: ["kind"],
        },
      ],
    },
  },
  required: ["auth"],
};

const hostileValue = (): JsonObject => {
  const value: Record<string, JsonValue> = {
    "*/": H,
    '"': '"',
    "\\": "\\",
    "<": "</summary>",
    "</summary>": 7,
    "@class": "@class",
    class: "class",
    constructor: "a\nb",
    key: "lower",
    Key: "Upper",
    KEY: true,
    "line\nbreak": "\r\n",
    "sep\u2028arator": "\u2028\u2029",
    toString: "t",
    ToString: "T",
    ToJson: "j",
    FromJson: "f",
    Validate: "v",
    Equals: "e",
    GetHashCode: "h",
    GetType: "g",
    "1st": "1",
    "a-b": "-",
    "a b": " ",
    "a.b": ".",
    $type: "System.Object",
    $ref: "#/x",
    "x\u0000y": "\u0000",
    ключ: "значение",
    group: JSON.parse('{"__proto__":false,"constructor":1}') as JsonObject,
    pattern: "no quotes */",
    "airbyte */": `${SECRET_MARKER}2 */ "`,
    auth: { type: 'a"b*/\\', secret: `${SECRET_MARKER}1 */ "`, Type: "T" },
  };
  const out: JsonObject = JSON.parse(JSON.stringify(value)) as JsonObject;
  // an own "__proto__" key, as JSON.parse makes it
  return JSON.parse(
    JSON.stringify(out).replace(/^\{/, '{"__proto__":{"constructor":"c","toString":false},'),
  ) as JsonObject;
};

const sameNamesValue: JsonObject = {
  RestApi: "a",
  restApi: "b",
  rest_api: 3,
  "Rest API": "c",
  REST_API: "d",
  settings: { RestApi: "e", settings: "f", Settings: "g" },
  Settings: { x: "h" },
  auth: { kind: "RestApi", RestApi: "i" },
};

/** Every leaf of a JSON value with its exact path, sorted: keys compared exactly, own `__proto__` too. */
function leaves(value: JsonValue, path: string[] = []): string[] {
  if (value !== null && typeof value === "object") {
    const keys = Array.isArray(value) ? value.map((_, i) => String(i)) : Object.keys(value);
    if (keys.length === 0) return [`${JSON.stringify(path)}=${Array.isArray(value) ? "[]" : "{}"}`];
    return keys
      .flatMap((key) => leaves((value as Record<string, JsonValue>)[key]!, [...path, key]))
      .sort();
  }
  return [`${JSON.stringify(path)}=${JSON.stringify(value)}`];
}

afterAll(() => {
  removeMonoTempDirs();
  removeDifferentialTempDirs();
});

describeWithMono("hostile titles, descriptions and keys in the C# model", () => {
  let models: Model[];
  let program: CompiledProgram | undefined;
  let compileError: unknown;

  beforeAll(async () => {
    models = [
      await prepareModel(hostile, "hostile", "Hostile.Keys"),
      await prepareModel(sameNames, "same names", "Hostile.SameNames"),
    ];
    try {
      program = compileWithHarness(models);
    } catch (error) {
      compileError = error;
    }
  });

  it("are taken (not refused) and compile with -warnaserror+", () => {
    for (const model of models)
      if (!model.csharp.ok)
        throw new Error(`${model.name} is refused: ${model.csharp.problem.message}`);
    program = compileWithHarness(models);
  });

  it("titles equal to the members the root class declares (ToString, ToJson, FromJson, Validate…) compile", async () => {
    const titles = [
      "toString",
      "To Json",
      "From Json",
      "Validate",
      "Equals",
      "Get Hash Code",
      "Get Type",
    ];
    const named: Model[] = [];
    for (const [i, title] of titles.entries())
      named.push(
        await prepareModel(
          {
            title,
            type: "object",
            properties: {
              [title.replace(/ /g, "")]: string(),
              group: { title, type: "object", properties: { [title]: string() } },
            },
          },
          title,
          `Hostile.Titles${i}`,
        ),
      );
    for (const model of named)
      if (!model.csharp.ok)
        throw new Error(`${model.name} is refused: ${model.csharp.problem.message}`);
    const titled = compileWithHarness(named);
    const value = { [titles[0]!]: "x", group: { [titles[0]!]: "y" } };
    const run = runHarness(
      titled,
      [{ label: "toString", text: JSON.stringify(value) }],
      "Hostile.Titles0",
    );
    expect(run.lines[0]).toMatchObject({ verdict: "valid" });
    expect(JSON.parse(run.lines[0]!.toJson!)).toEqual(value);
  });

  it("compile with -doc too: every public member documented, the XML well-formed", () => {
    const documented = compileWithHarness(models, { doc: true });
    const doc = readFileSync(documented.doc!, "utf8");
    // the texts are in the documentation as text, not as markup
    expect(doc).toContain("&lt;/summary&gt;");
    expect(doc).toContain("@class class __proto__ constructor");
    expect(doc).not.toMatch(/<\/summary>\s*<\/summary>/);
  });

  it("keep every exact key and value through FromJson and ToJson, and agree with the validator", () => {
    if (!program) throw compileError;
    const [hostileModel, sameNamesModel] = models as [Model, Model];
    const value = hostileValue();
    expect(Object.keys(value)).toContain("__proto__");
    expect(validatorVerdict(hostileModel.validate, JSON.stringify(value))).toEqual({
      valid: true,
      reasons: [],
    });
    const samples: Sample[] = [
      { label: "every hostile key", text: JSON.stringify(value) },
      ...ROOT_TRAPS,
      ...trapsOf(hostile, value, "hostile"),
    ];
    const run = runHarness(program, samples, hostileModel.namespace);
    expect(run.lines[0], JSON.stringify(run.lines[0])).toMatchObject({ verdict: "valid" });
    expect(leaves(JSON.parse(run.lines[0]!.toJson!) as JsonValue)).toEqual(leaves(value));
    expect(run.lines[0]!.toString).not.toContain(SECRET_MARKER);
    expect(batchProblems(hostileModel, samples, run).join("\n\n")).toBe("");

    // every key alone (with the required ones) comes back exactly, under its own name
    const alone: Sample[] = Object.keys(value)
      .filter((key) => key !== "*/" && key !== "auth")
      .map((key) => ({
        label: `only ${JSON.stringify(key)}`,
        text: jsonText(
          JSON.parse(
            `{${JSON.stringify(key)}:${JSON.stringify(value[key])},"*/":"r","auth":{"type":"class"}}`,
          ) as JsonObject,
        ),
      }));
    const aloneRun = runHarness(program, alone, hostileModel.namespace);
    alone.forEach((sample, i) => {
      const line = aloneRun.lines[i]!;
      expect(line.verdict, `${sample.label}: ${JSON.stringify(line)}`).toBe("valid");
      expect(leaves(JSON.parse(line.toJson!) as JsonValue), sample.label).toEqual(
        leaves(JSON.parse(sample.text) as JsonValue),
      );
    });

    const same: Sample[] = [
      { label: "same names", text: JSON.stringify(sameNamesValue) },
      ...trapsOf(sameNames, sameNamesValue, "same names"),
    ];
    const sameRun = runHarness(program, same, sameNamesModel.namespace);
    expect(sameRun.lines[0], JSON.stringify(sameRun.lines[0])).toMatchObject({ verdict: "valid" });
    expect(leaves(JSON.parse(sameRun.lines[0]!.toJson!) as JsonValue)).toEqual(
      leaves(sameNamesValue),
    );
    expect(batchProblems(sameNamesModel, same, sameRun).join("\n\n")).toBe("");
  });
});
