import fc from "fast-check";
import { afterAll, expect, it } from "vitest";
import type { JsonObject, JsonValue } from "../../../src/json/value.ts";
import { describeWithMono, removeMonoTempDirs } from "../../support/mono.ts";
import {
  batchProblems,
  compileWithHarness,
  type Model,
  prepareModel,
  removeDifferentialTempDirs,
  runHarness,
} from "./support/differential.ts";
import { jsonText, mutateOnce, type Sample, sampleValues } from "./support/values.ts";

/**
 * The generator over random windows of what it supports (fast-check, seeded): hostile keys and
 * titles, every leaf type and its checks, groups, choices, open and closed objects, defaults.
 * All of them compile together with -warnaserror+ (one mono program), and each judges its own
 * generated and mutated values as its exported validator does.
 */

afterAll(() => {
  removeMonoTempDirs();
  removeDifferentialTempDirs();
});

const hostileText = fc.oneof(
  fc.string({ unit: "binary", maxLength: 6 }),
  fc.constantFrom(
    "@class",
    "__proto__",
    "*/",
    '"',
    "\\",
    "<b>",
    "ToString",
    "Equals",
    "Regex",
    "JToken",
    "CredentialJson",
    "ExtensionData",
    "type",
    "a/b~c",
    "ApiKey",
    "apiKey",
    "\u2028",
    "",
  ),
);

const counts = (max: number) => fc.option(fc.nat({ max }), { nil: undefined });
const defined = (schema: Record<string, JsonValue | undefined>): JsonObject =>
  Object.fromEntries(Object.entries(schema).filter(([, v]) => v !== undefined)) as JsonObject;

// Mostly satisfiable checks, so that the value generator finds valid values too.
const stringSchema = fc
  .record({
    minLength: counts(3),
    extraLength: counts(6),
    check: fc.oneof(
      fc.constant({}),
      fc
        .constantFrom("^[a-z]+$", "a", "^$|x", "[0-9]{2}", "\\d", "^\\w+@\\w+$")
        .map((pattern) => ({ pattern })),
      fc.constantFrom("email", "hostname", "ipv4", "date", "uuid").map((format) => ({ format })),
      fc
        .uniqueArray(fc.string({ maxLength: 3 }), { minLength: 1, maxLength: 3 })
        .map((values) => ({ enum: values })),
    ),
    writeOnly: fc.option(fc.constant(true), { nil: undefined }),
    title: fc.option(hostileText, { nil: undefined }),
  })
  .map(({ minLength, extraLength, check, writeOnly, title }) =>
    defined({
      type: "string",
      title,
      ...("enum" in check
        ? check
        : {
            minLength,
            maxLength: extraLength === undefined ? undefined : (minLength ?? 0) + extraLength + 2,
            ...check,
            // A secret never has allowed values (the exporter refuses one with a single value).
            writeOnly,
          }),
    }),
  );

const limit = fc.option(fc.integer({ min: -20, max: 20 }), { nil: undefined });
const integerSchema = fc
  .record({
    minimum: limit,
    span: fc.option(fc.nat({ max: 30 }), { nil: undefined }),
    exclusive: fc.boolean(),
    multipleOf: fc.option(fc.constantFrom(2, 3, 0.5), { nil: undefined }),
    default: fc.option(fc.integer({ min: -5, max: 5 }), { nil: undefined }),
  })
  .map(({ minimum, span, exclusive, ...r }) =>
    defined({
      type: "integer",
      ...r,
      [exclusive ? "exclusiveMinimum" : "minimum"]: minimum,
      maximum: span === undefined ? undefined : (minimum ?? 0) + span + 6,
    }),
  );
const numberSchema = fc
  .record({
    maximum: limit,
    exclusiveMaximum: limit,
    multipleOf: fc.option(fc.constantFrom(0.1, 0.25, 7), { nil: undefined }),
    enum: fc.option(fc.constant<JsonValue[]>([0, 1.5, 2]), { nil: undefined }),
  })
  .map((r) => defined({ type: "number", ...r }));
const booleanSchema = fc
  .option(fc.boolean(), { nil: undefined })
  .map((c) => defined({ type: "boolean", const: c }));
const listSchema = fc
  .record({
    items: stringSchema.map((s) => {
      const { writeOnly: _w, title: _t, ...rest } = s as Record<string, JsonValue>;
      return rest as JsonObject;
    }),
    minItems: counts(1),
    extraItems: counts(2),
    uniqueItems: fc.option(fc.boolean(), { nil: undefined }),
  })
  .map(({ minItems, extraItems, ...r }) =>
    defined({
      type: "array",
      ...r,
      minItems,
      maxItems: extraItems === undefined ? undefined : (minItems ?? 0) + extraItems + 1,
    }),
  );
const leaf = fc.oneof(stringSchema, integerSchema, numberSchema, booleanSchema, listSchema);

const { object } = fc.letrec<{ object: JsonObject; field: JsonObject }>((tie) => ({
  field: fc.oneof(
    { maxDepth: 2, depthIdentifier: "window" },
    leaf,
    leaf,
    tie("object"),
    choiceSchema(tie("object")),
  ),
  object: fc
    .record({
      fields: fc.uniqueArray(fc.tuple(hostileText, tie("field")), {
        maxLength: 4,
        selector: ([key]) => key,
      }),
      required: fc.array(fc.nat(), { maxLength: 3 }),
      closed: fc.option(fc.boolean(), { nil: undefined }),
      title: fc.option(hostileText, { nil: undefined }),
    })
    .map(({ fields, required, closed, title }) =>
      defined({
        type: "object",
        title,
        properties: Object.fromEntries(fields.map(([key, schema]) => [key, schema])) as JsonObject,
        required: fields.length
          ? [...new Set(required.map((i) => fields[i % fields.length]![0]))]
          : undefined,
        additionalProperties: closed,
      }),
    ),
}));

function choiceSchema(group: fc.Arbitrary<JsonObject>): fc.Arbitrary<JsonObject> {
  return fc
    .tuple(
      fc.constantFrom("type", "kind", "@type"),
      fc.uniqueArray(fc.string({ maxLength: 4 }), { minLength: 1, maxLength: 3 }),
      fc.array(group, { minLength: 3, maxLength: 3 }),
    )
    .map(([key, values, groups]) => ({
      title: "Authentication",
      oneOf: values.map((value, i) => {
        const body = groups[i] as JsonObject;
        const properties = { ...(body.properties as JsonObject) };
        delete properties[key];
        return {
          ...body,
          properties: { [key]: { type: "string", const: value }, ...properties },
          required: [
            ...new Set([key, ...((body.required as string[]) ?? []).filter((k) => k !== key)]),
          ],
        } as JsonObject;
      }),
    }));
}

describeWithMono("random windows", () => {
  it("compile together and judge their values as their validators do", async () => {
    const schemas = fc
      .sample(object, { numRuns: 24, seed: 16 })
      .map((schema) => JSON.parse(JSON.stringify(schema)) as JsonObject);
    const models: Model[] = [];
    for (const [i, schema] of schemas.entries())
      models.push(await prepareModel(schema, `random #${i}`, `Random.W${i}`));
    const refused = models.filter((model) => !model.csharp.ok);
    expect(
      refused.map((model) =>
        model.csharp.ok ? "" : `${model.name}: ${model.csharp.problem.message}`,
      ),
    ).toEqual([]);
    const program = compileWithHarness(models);
    const problems: string[] = [];
    let judged = 0;
    for (const [i, model] of models.entries()) {
      const values = sampleValues(model.schema, 40, 100 + i);
      const samples: Sample[] = [
        ...values.map((value, j) => ({ label: `value #${j}`, text: jsonText(value) })),
        ...mutateOnce(model.schema, values, 200 + i),
      ];
      const run = runHarness(program, samples, model.namespace);
      judged += run.lines.length;
      problems.push(
        ...batchProblems(model, samples, run).map((p) => `${JSON.stringify(model.schema)}\n${p}`),
      );
    }
    expect(problems.slice(0, 3).join("\n\n")).toBe("");
    expect(judged).toBeGreaterThan(24 * 40);
  }, 300_000);
});
