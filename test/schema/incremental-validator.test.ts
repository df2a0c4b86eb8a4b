import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { compile as compileWhole } from "../../src/preview/ajv.ts";
import {
  ajvCompiler,
  type CompileSchema,
  IncrementalValidator,
  planValidation,
  type SchemaLike,
} from "../../src/preview/incremental-validator.ts";
import { toFieldErrors } from "../../src/preview/sentences.ts";
import type { ValidateFunction } from "../../src/preview/types.ts";

type Schema = { [keyword: string]: unknown };

/** An object whose keys come in the given order, own even when one is `__proto__`. */
function objectOf(entries: ReadonlyArray<readonly [string, unknown]>): Schema {
  const object: Schema = {};
  for (const [key, value] of entries) {
    if (!Object.hasOwn(object, key))
      Object.defineProperty(object, key, {
        value,
        enumerable: true,
        writable: true,
        configurable: true,
      });
  }
  return object;
}

/** What Ajv says for the whole schema (the preview form's own fallback compile) against the composite. */
function expectSameAsWhole(
  schema: Schema,
  composite: ValidateFunction,
  values: readonly unknown[],
  whole: ValidateFunction = compileWhole(schema),
) {
  for (const value of values) {
    const valid = whole(value);
    expect(composite(value), JSON.stringify(value)).toBe(valid);
    // The same errors in the same order (so the same multiset, too).
    expect(composite.errors ?? null).toEqual(whole.errors ?? null);
    expect(toFieldErrors(composite.errors, schema, value)).toEqual(
      toFieldErrors(whole.errors, schema, value),
    );
  }
}

/** Compilers that count what they compile, around the default one. */
function countingCompile() {
  const compiled: string[] = [];
  let compilers = 0;
  const createCompiler = (): CompileSchema => {
    const compile = ajvCompiler();
    compilers++;
    return (schema, text) => {
      compiled.push(text);
      return compile(schema, text);
    };
  };
  return { createCompiler, compiled, compilers: () => compilers };
}

// ——— generated designs and values ———

const key = fc.constantFrom(
  "host",
  "port",
  "user",
  "region",
  "auth",
  "a/b",
  "~x",
  "a~1b",
  "__proto__",
  "constructor",
  "toString",
  "a b",
  "é",
  "10",
);
const stringSchema = fc.record(
  {
    type: fc.constant("string"),
    title: fc.constantFrom("Host", "User name"),
    minLength: fc.nat(4),
    maxLength: fc.integer({ min: 3, max: 12 }),
    pattern: fc.constantFrom("^[a-z]+$", "^\\S+$", "^[A-Z]{2}-\\d+$", "x"),
    format: fc.constantFrom("uri", "email", "hostname", "date", "uuid", "ipv4"),
    writeOnly: fc.constant(true),
  },
  { requiredKeys: ["type"] },
);
const numberSchema = fc.record(
  {
    type: fc.constantFrom("integer", "number"),
    minimum: fc.integer({ min: -2, max: 2 }),
    maximum: fc.integer({ min: 5, max: 70_000 }),
    exclusiveMinimum: fc.constantFrom(-1, 0),
    exclusiveMaximum: fc.constantFrom(10, 65_536),
    multipleOf: fc.constantFrom(0.5, 2, 5),
    default: fc.constant(7),
  },
  { requiredKeys: ["type"] },
);
const enumSchema = fc
  .uniqueArray(fc.constantFrom<unknown>("eu", "us", "apac", 1, null), {
    minLength: 1,
    maxLength: 3,
  })
  .chain((values) =>
    fc.constantFrom<Schema>(
      { enum: values },
      { type: "string", enum: values, "x-enumNames": values.map(String) },
    ),
  );
const listSchema = fc.record(
  {
    type: fc.constant("array"),
    items: stringSchema,
    minItems: fc.nat(2),
    maxItems: fc.integer({ min: 2, max: 4 }),
    uniqueItems: fc.boolean(),
  },
  { requiredKeys: ["type", "items"] },
);
const leaf = fc.oneof<fc.Arbitrary<unknown>[]>(
  stringSchema,
  stringSchema,
  numberSchema,
  fc.constant({ type: "boolean", default: false }),
  enumSchema,
  listSchema,
  fc.constantFrom(true, false, {}, { title: "Anything" }),
);

/** Fields (key → schema) with some of them required, plus a key that is never declared. */
function fieldsOf(field: fc.Arbitrary<unknown>, minLength = 1) {
  return fc
    .uniqueArray(fc.tuple(key, field), { selector: ([name]) => name, minLength, maxLength: 5 })
    .chain((entries) =>
      fc.tuple(fc.constant(entries), fc.subarray([...entries.map(([name]) => name), "missing"])),
    );
}

function fieldSchema(depth: number): fc.Arbitrary<unknown> {
  if (depth === 0) return leaf;
  return fc.oneof(
    { weight: 3, arbitrary: leaf },
    { weight: 1, arbitrary: groupSchema(depth - 1) },
    { weight: 1, arbitrary: choiceSchema(depth - 1) },
  );
}

function groupSchema(depth: number): fc.Arbitrary<Schema> {
  return fc
    .tuple(fieldsOf(fieldSchema(depth)), fc.boolean(), fc.boolean())
    .map(([[entries, required], closed, titled]) =>
      objectOf([
        ["type", "object"],
        ...(titled ? [["title", "Group"] as const] : []),
        ["properties", objectOf(entries)],
        ...(required.length ? [["required", required] as const] : []),
        ...(closed ? [["additionalProperties", false] as const] : []),
      ]),
    );
}

/** An auth-method choice: object branches told apart by a `const` "type". */
function choiceSchema(depth: number): fc.Arbitrary<Schema> {
  return fc
    .uniqueArray(fc.constantFrom("none", "basic", "apiKey"), { minLength: 1, maxLength: 3 })
    .chain((values) =>
      fc.tuple(
        ...values.map((value) =>
          fieldsOf(fieldSchema(depth), 0).map(
            ([entries, required]) => [value, entries, required] as const,
          ),
        ),
      ),
    )
    .map((branches) => ({
      title: "Authentication",
      oneOf: branches.map(([value, entries, required]) =>
        objectOf([
          ["title", value],
          ["type", "object"],
          ["properties", objectOf([["type", { type: "string", const: value }], ...entries])],
          ["required", ["type", ...required.filter((name) => name !== "missing")]],
          ["additionalProperties", false],
        ]),
      ),
    }));
}

/** A root the composite splits: only the root keywords it allows. */
const rootSchema: fc.Arbitrary<Schema> = fc
  .tuple(
    fieldsOf(fieldSchema(2)),
    fc.record(
      {
        $schema: fc.constant("http://json-schema.org/draft-07/schema#"),
        title: fc.constant("Window"),
        additionalProperties: fc.constantFrom<unknown>(true, false, { type: "string" }),
        propertyNames: fc.constant({ maxLength: 6 }),
        minProperties: fc.constantFrom(1, 2),
        maxProperties: fc.constantFrom(2, 4),
        "x-order": fc.constant(["host"]),
      },
      { requiredKeys: [] },
    ),
    fc.boolean(),
  )
  .map(([[entries, required], extra, typed]) =>
    objectOf([
      ...(typed ? [["type", "object"] as const] : []),
      ...Object.entries(extra),
      ["properties", objectOf(entries)],
      ...(required.length ? [["required", required] as const] : []),
    ]),
  );

const anyJson = fc.jsonValue({ maxDepth: 2 });
const stringValue = fc.oneof(
  fc.string({
    unit: fc.constantFrom("a", "B", "Z", "1", "-", ".", "@", "/", ":", " ", "é"),
    maxLength: 10,
  }),
  fc.constantFrom(
    "https://api.example.com",
    "a@b.co",
    "api.example.com",
    "2024-01-31",
    "123e4567-e89b-12d3-a456-426614174000",
    "192.0.2.1",
    "AB-12",
    "",
    "host",
  ),
);

/** Values shaped like what `schema` asks for, often right and often a little wrong. */
function valueFor(schema: unknown, depth = 0): fc.Arbitrary<unknown> {
  if (typeof schema !== "object" || schema === null || depth > 4) return anyJson;
  const s = schema as Schema;
  let fitting: fc.Arbitrary<unknown> = anyJson;
  if (Array.isArray(s.oneOf))
    fitting = fc.oneof(...(s.oneOf as unknown[]).map((branch) => valueFor(branch, depth + 1)));
  else if (Array.isArray(s.enum)) fitting = fc.constantFrom(...(s.enum as unknown[]), "other");
  else if ("const" in s) fitting = fc.constantFrom(s.const, "other");
  else if (typeof s.properties === "object") fitting = objectFor(s, depth);
  else if (s.type === "string") fitting = stringValue;
  else if (s.type === "integer" || s.type === "number")
    fitting = fc.constantFrom(-1, 0, 0.5, 1, 1.5, 2, 7, 10, 65_535, 65_536, 70_001);
  else if (s.type === "boolean") fitting = fc.boolean();
  else if (s.type === "array")
    fitting = fc.array(fc.oneof(stringValue, fc.constant("dup"), anyJson), { maxLength: 4 });
  return fc.oneof({ weight: 5, arbitrary: fitting }, { weight: 1, arbitrary: anyJson });
}

function objectFor(schema: Schema, depth: number): fc.Arbitrary<unknown> {
  const properties = schema.properties as Schema;
  const keys = [...Object.keys(properties), "extra", "toolongkeyname"];
  const entryFor = (name: string) =>
    fc.oneof(
      {
        weight: 3,
        arbitrary: valueFor(properties[name], depth + 1).map((value) => [name, value] as const),
      },
      { weight: 2, arbitrary: fc.constant(undefined) }, // left out
      { weight: 1, arbitrary: fc.constant([name, undefined] as const) }, // there, but undefined
    );
  return fc
    .tuple(...keys.map(entryFor))
    .map((entries) => objectOf(entries.filter((entry) => entry !== undefined)));
}

/** A design and a few values for it (mostly objects, sometimes not). */
const designAndValues = rootSchema.chain((schema) =>
  fc.tuple(
    fc.constant(schema),
    fc.array(
      fc.oneof({ weight: 6, arbitrary: objectFor(schema, 0) }, { weight: 1, arbitrary: anyJson }),
      { minLength: 1, maxLength: 6 },
    ),
  ),
);

// ——— the tests ———

describe("the composite judges as Ajv on the whole schema", () => {
  test("generated designs and values: same verdict, same errors in the same order, same messages", () => {
    // One validator for every run, as the designer keeps one: parts are shared across designs.
    const validators = new IncrementalValidator();
    fc.assert(
      fc.property(designAndValues, ([schema, values]) => {
        expect(planValidation(schema).kind).toBe("split");
        const whole = compileWhole(schema);
        expectSameAsWhole(schema, validators.validatorFor(schema), values, whole);
        expectSameAsWhole(schema, validators.deferredValidatorFor(schema), values, whole);
      }),
      { numRuns: 300 },
    );
  });

  test("keys that need escaping: paths as Ajv writes them; `__proto__` is skipped as Ajv skips it", () => {
    const schema = objectOf([
      ["type", "object"],
      [
        "properties",
        objectOf([
          ["a/b", { type: "string" }],
          ["~x", { type: "string", minLength: 3 }],
          ["__proto__", { type: "string" }],
          ["constructor", { type: "integer" }],
          ["a b", { type: "object", properties: { "c/d": { type: "string" } } }],
          ["é", false],
        ]),
      ],
      ["required", ["constructor", "__proto__"]],
      ["additionalProperties", false],
    ]);
    const composite = new IncrementalValidator().validatorFor(schema);
    const value = JSON.parse(
      '{"a/b": 1, "~x": "ab", "__proto__": 5, "constructor": "x", "a b": {"c/d": 2}, "é": 0, "other": 1}',
    );
    expect(composite(value)).toBe(false);
    const paths = composite.errors!.map((e) => [e.instancePath, e.schemaPath]);
    expect(paths).toEqual(
      expect.arrayContaining([
        ["/a~1b", "#/properties/a~1b/type"],
        ["/~0x", "#/properties/~0x/minLength"],
        ["/constructor", "#/properties/constructor/type"],
        ["/a b/c~1d", "#/properties/a%20b/properties/c~1d/type"],
        ["/é", "#/properties/%C3%A9/false schema"],
      ]),
    );
    expect(paths.some(([instancePath]) => instancePath === "/__proto__")).toBe(false);
    expectSameAsWhole(schema, composite, [
      value,
      {},
      { constructor: 1 },
      Object.create({ constructor: "inherited" }),
      JSON.parse('{"__proto__": {"x": 1}}'),
    ]);
  });

  test("groups nested 100 deep: split at every level, judged as the whole", () => {
    let schema: Schema = { type: "string", minLength: 2 };
    let value: unknown = "x";
    for (let depth = 0; depth < 100; depth++) {
      schema = {
        type: "object",
        properties: { a: schema, b: { type: "integer" } },
        required: ["a"],
        additionalProperties: false,
      };
      value = { a: value, ...(depth % 10 === 0 ? { b: "no", c: 1 } : {}) };
    }
    expect(planValidation(schema).kind).toBe("split");
    expectSameAsWhole(schema, new IncrementalValidator().validatorFor(schema), [
      value,
      {},
      { a: {} },
    ]);
  });

  test("a value that is not an object: only the shell speaks", () => {
    const schema = { type: "object", properties: { host: { type: "string" } }, required: ["host"] };
    expectSameAsWhole(schema, new IncrementalValidator().validatorFor(schema), [
      "text",
      1,
      null,
      [],
      [{ host: 1 }],
      true,
    ]);
  });
});

describe("the cache: only what changed is compiled", () => {
  const design = (groups: Schema) => ({
    $schema: "http://json-schema.org/draft-07/schema#",
    type: "object",
    properties: groups,
    required: Object.keys(groups),
    additionalProperties: false,
  });
  const group = (fields: Schema) => ({
    type: "object",
    properties: fields,
    required: Object.keys(fields).slice(0, 1),
    additionalProperties: false,
  });
  const start = () => ({
    server: group({
      host: { type: "string", format: "hostname" },
      port: { type: "integer", minimum: 1 },
    }),
    account: group({
      user: { type: "string", minLength: 1 },
      password: { type: "string", writeOnly: true },
    }),
    region: { enum: ["eu", "us"] },
  });

  test("first every shell and field; then an edit compiles the field, an add the field and its group's shell, a move two shells, the same design nothing", () => {
    const { createCompiler, compiled } = countingCompile();
    const validators = new IncrementalValidator({ createCompiler });
    validators.validatorFor(design(start()));
    expect(compiled).toHaveLength(8); // the root's shell, two groups' shells, five fields

    const edited = start();
    const port = { type: "integer", minimum: 1, maximum: 65_535 };
    (edited.server.properties as Schema).port = port;
    compiled.length = 0;
    let validate = validators.validatorFor(design(edited));
    expect(compiled).toEqual([JSON.stringify(port)]);
    expect(
      validate({ server: { host: "h", port: 70_000 }, account: { user: "u" }, region: "eu" }),
    ).toBe(false);
    expect(validate.errors!.map((e) => e.schemaPath)).toEqual([
      "#/properties/server/properties/port/maximum",
    ]);

    // An added field: its schema, and its group's shell (the keys changed).
    const added = start();
    (added.account.properties as Schema).token = { type: "string" };
    compiled.length = 0;
    validators.validatorFor(design(added));
    expect(compiled).toHaveLength(2);
    expect(compiled[0]).toContain('"token":true');
    expect(compiled[1]).toBe('{"type":"string"}');

    // A field moved from one group to another: the two groups' shells, not the field.
    const moved = start();
    (moved.account.properties as Schema).port = (moved.server.properties as Schema).port;
    delete (moved.server.properties as Schema).port;
    compiled.length = 0;
    validate = validators.validatorFor(design(moved));
    expect(compiled).toHaveLength(2);
    expect(
      compiled.every((text) => text.includes('"properties":{') && !text.includes('"minimum"')),
    ).toBe(true);
    expectSameAsWhole(design(moved), validate, [
      { server: { host: "h", port: 0 }, account: { user: "", port: 0 }, region: "x" },
    ]);

    // Top-level fields reordered: the root's shell; the same design again: nothing.
    compiled.length = 0;
    validators.validatorFor(
      design({ region: moved.region, server: moved.server, account: moved.account }),
    );
    expect(compiled).toHaveLength(1);
    compiled.length = 0;
    validators.validatorFor(
      design({ region: moved.region, server: moved.server, account: moved.account }),
    );
    expect(compiled).toEqual([]);
  });

  test("a deferred validator compiles on its first call, once", () => {
    const { createCompiler, compiled } = countingCompile();
    const validators = new IncrementalValidator({ createCompiler });
    const validate = validators.deferredValidatorFor(design(start()));
    expect(compiled).toEqual([]);
    expect(validate({})).toBe(false);
    expect(compiled).toHaveLength(8);
    expect(validate.errors!.map((e) => e.params.missingProperty)).toEqual([
      "server",
      "account",
      "region",
    ]);
    validate({ region: "eu" });
    expect(compiled).toHaveLength(8);
  });

  test("compiled in parts: slices with the page let in between, then the validator compiles nothing and judges as the whole", async () => {
    const { createCompiler, compiled } = countingCompile();
    let yields = 0;
    // A slice of 0 ms: every part but the first of a slice waits for the page.
    const validators = new IncrementalValidator({
      createCompiler,
      sliceMs: 0,
      yieldToPage: async () => void yields++,
    });
    const schema = design(start());
    const deferred = validators.deferredValidatorFor(schema, { inParts: true });
    expect(deferred.ready).toBeInstanceOf(Promise);
    await deferred.ready;
    expect(compiled).toHaveLength(8);
    expect(yields).toBeGreaterThanOrEqual(7);
    compiled.length = 0;
    expectSameAsWhole(schema, deferred, [{}, { region: "x" }, { server: { port: 0 } }]);
    expectSameAsWhole(schema, validators.validatorFor(schema), [{ account: { user: "" } }]);
    expect(compiled).toEqual([]);
    // The same schema again: the same run; an edit: the edited part alone.
    expect(validators.compileInParts(schema)).toBe(validators.compileInParts(schema));
    const edited = start();
    (edited.server.properties as Schema).port = { type: "integer", maximum: 9 };
    await validators.compileInParts(design(edited));
    expect(compiled).toEqual(['{"type":"integer","maximum":9}']);
  });

  test("compiled in parts: a newer schema stops the older run, whose validator compiles the rest when called; a part that does not compile is reported", async () => {
    const { createCompiler, compiled } = countingCompile();
    const waiting: Array<() => void> = [];
    const validators = new IncrementalValidator({
      createCompiler,
      sliceMs: 0,
      yieldToPage: () => new Promise<void>((resolve) => waiting.push(resolve)),
    });
    /** Lets the page run until no slice waits any more. */
    const runPage = async () => {
      while (waiting.length > 0) {
        waiting.shift()!();
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
    };
    const first = design(start());
    let olderDone = false;
    const older = validators.compileInParts(first).then(() => (olderDone = true));
    // One part compiled (the root's shell), then waiting for the page: a newer schema starts.
    expect(compiled).toHaveLength(1);
    const broken = start();
    (broken.account.properties as Schema).user = { type: "string", pattern: "(" };
    const newer = validators.compileInParts(design(broken));
    await runPage();
    await Promise.all([older, newer]);
    expect(olderDone).toBe(true);
    // Every part of the newer schema, each once (the root's shell was the older run's).
    expect(compiled).toHaveLength(8);
    expect(new Set(compiled).size).toBe(8);
    compiled.length = 0;
    const deferred = validators.deferredValidatorFor(design(broken));
    expect(deferred({})).toBe(false);
    expect(deferred.notChecked).toMatch(/could not be compiled/);
    expect(compiled).toEqual([]);
    // The older schema's validator compiles what it lacks on its first call.
    expectSameAsWhole(first, validators.deferredValidatorFor(first), [{}, { region: "eu" }]);
  });

  test("bounded: validators the latest design does not use are dropped beyond a few spares", () => {
    const validators = new IncrementalValidator({ spareValidators: 3 });
    for (let i = 0; i < 40; i++) {
      const groups = start();
      (groups.account.properties as Schema).user = {
        type: "string",
        minLength: 1,
        title: `User ${i}`,
      };
      validators.validatorFor(design(groups));
    }
    expect(validators.size).toBe(8 + 3);
    // The spares are the most recent: undoing the last edit compiles nothing.
    const { createCompiler, compiled } = countingCompile();
    const counted = new IncrementalValidator({ createCompiler, spareValidators: 1 });
    const [before, after] = [start(), start()];
    (after.region as Schema).enum = ["eu"];
    counted.validatorFor(design(before));
    counted.validatorFor(design(after));
    compiled.length = 0;
    counted.validatorFor(design(before));
    expect(compiled).toEqual([]);
  });

  test("a compiler that has compiled enough is retired: the next design starts over on a fresh one, and judges the same", () => {
    const { createCompiler, compiled, compilers } = countingCompile();
    const validators = new IncrementalValidator({ createCompiler, retireAfterChars: 600 });
    for (let i = 0; i < 6; i++) {
      const groups = start();
      (groups.server.properties as Schema).port = { type: "integer", minimum: i };
      const schema = design(groups);
      compiled.length = 0;
      expectSameAsWhole(schema, validators.validatorFor(schema), [
        { server: { host: "-", port: 0 } },
        { server: { host: "h.example.com", port: 5 }, account: { user: "" }, region: "x" },
      ]);
      // Either the edited field alone, or everything again on a fresh compiler.
      expect([1, 8]).toContain(compiled.length);
    }
    expect(compilers()).toBeGreaterThan(1);
    expect(validators.size).toBeLessThanOrEqual(8 + 5);
  });
});

describe("whole compile when a part might judge differently alone", () => {
  const field = { type: "string", minLength: 2 };
  const cases: Array<[string, Schema]> = [
    [
      "a $ref",
      {
        type: "object",
        properties: { a: { $ref: "#/definitions/host" } },
        definitions: { host: { type: "string" } },
      },
    ],
    [
      "a $ref to the root",
      {
        type: "object",
        properties: { a: { type: "object", properties: { again: { $ref: "#" } } } },
      },
    ],
    [
      "$id in a property",
      { type: "object", properties: { a: { $id: "http://example.com/a", type: "string" } } },
    ],
    ["$defs", { type: "object", properties: { a: field }, $defs: { x: field } }],
    [
      "definitions in a property",
      { type: "object", properties: { a: { type: "object", definitions: { x: field } } } },
    ],
    ["$async", { type: "object", properties: { a: { $async: true, type: "string" } } }],
    [
      "a nested $schema",
      {
        type: "object",
        properties: { a: { $schema: "http://json-schema.org/draft-07/schema#", type: "string" } },
      },
    ],
    [
      "a root $schema other than draft-07",
      { $schema: "http://json-schema.org/schema#", type: "object", properties: { a: field } },
    ],
    [
      "dependencies",
      {
        type: "object",
        properties: { a: field, b: field },
        dependencies: { a: { properties: { b: { minLength: 5 } } } },
      },
    ],
    [
      "if/then/else",
      {
        type: "object",
        properties: { a: field, b: field },
        if: { properties: { a: { const: "x" } } },
        // biome-ignore lint/suspicious/noThenProperty: JSON Schema's if/then keyword
        then: { required: ["b"] },
        else: { properties: { b: { maxLength: 1 } } },
      },
    ],
    [
      "oneOf at the root",
      {
        type: "object",
        properties: { a: field },
        oneOf: [{ properties: { a: { const: "xx" } } }, { properties: { a: { const: "yy" } } }],
      },
    ],
    [
      "anyOf at the root",
      {
        type: "object",
        properties: { a: field },
        anyOf: [{ required: ["a"] }, { properties: { a: { maxLength: 3 } } }],
      },
    ],
    [
      "allOf at the root",
      {
        type: "object",
        properties: { a: field },
        allOf: [{ properties: { a: { maxLength: 3 } } }],
      },
    ],
    [
      "not at the root",
      { type: "object", properties: { a: field }, not: { properties: { a: { const: "no" } } } },
    ],
    [
      "patternProperties matching a declared key",
      { type: "object", properties: { a: field }, patternProperties: { "^a$": { maxLength: 3 } } },
    ],
    ["enum at the root", { type: "object", properties: { a: field }, enum: [{ a: "ok" }] }],
    [
      "an unknown root keyword",
      { type: "object", properties: { a: field }, unevaluatedProperties: false },
    ],
    [
      "a property named $ref (blunt, but never wrong)",
      { type: "object", properties: { $ref: field } },
    ],
    ["no properties", { type: "object", required: ["a"] }],
  ];
  test.each(cases)("%s", (_, schema) => {
    expect(planValidation(schema).kind).toBe("whole");
    let whole: ValidateFunction;
    try {
      whole = compileWhole(schema);
    } catch (error) {
      expect(() => new IncrementalValidator().validatorFor(schema)).toThrow(
        (error as Error).message,
      );
      return;
    }
    const values = [
      {},
      { a: "x" },
      { a: "xx", b: "x" },
      { a: "yyyy", b: "zzzzzz" },
      { a: "no", $ref: 1 },
      { a: 5 },
      "text",
    ];
    expectSameAsWhole(schema, new IncrementalValidator().validatorFor(schema), values, whole);
  });

  test("a boolean root", () => {
    expect(planValidation(true).kind).toBe("whole");
    const validate = new IncrementalValidator().validatorFor(false);
    expect(validate(1)).toBe(false);
    expect(validate.errors).toEqual([
      {
        instancePath: "",
        schemaPath: "#/false schema",
        keyword: "false schema",
        params: {},
        message: "boolean schema is false",
      },
    ]);
  });

  test("the whole is compiled once and cached by its text", () => {
    const { createCompiler, compiled } = countingCompile();
    const validators = new IncrementalValidator({ createCompiler });
    const schema = () => ({
      type: "object",
      properties: { a: { $ref: "#/definitions/x" } },
      definitions: { x: { type: "string" } },
    });
    validators.validatorFor(schema());
    validators.validatorFor(schema());
    expect(compiled).toEqual([JSON.stringify(schema())]);
  });
});

describe("a design Ajv cannot compile", () => {
  const throwsOnWhole = (schema: SchemaLike) => {
    try {
      compileWhole(schema as Schema);
    } catch (error) {
      return (error as Error).message;
    }
    throw new Error("the whole schema compiled");
  };
  const broken: Array<[string, Schema]> = [
    [
      "a pattern invalid with the u flag",
      {
        type: "object",
        properties: {
          ok: { type: "string", minLength: 2 },
          code: { type: "string", pattern: "^\\-\\w+$" },
        },
        required: ["ok"],
      },
    ],
    [
      "a subschema of the wrong shape",
      {
        type: "object",
        properties: { ok: { type: "string", minLength: 2 }, port: { type: "integr" } },
        required: ["ok"],
      },
    ],
    [
      "a broken shell",
      {
        type: "object",
        properties: { ok: { type: "string", minLength: 2 } },
        propertyNames: { pattern: "(" },
      },
    ],
  ];

  test.each(broken)("%s: validatorFor throws what compiling the whole throws", (_, schema) => {
    expect(() => new IncrementalValidator().validatorFor(schema)).toThrow(throwsOnWhole(schema));
  });

  test("the deferred validator never throws: it checks the properties that compile", () => {
    const [, schema] = broken[0]!;
    const validators = new IncrementalValidator();
    const validate = validators.deferredValidatorFor(schema);
    expect(validate({ ok: "x", code: "a b" })).toBe(false);
    expect(validate.errors!.map((e) => e.schemaPath)).toEqual(["#/properties/ok/minLength"]);
    expect(validate({ ok: "xx", code: "a b" })).toBe(true);
    expect(validate.errors).toBeNull();
    // It says why it does not check the rest, from its first call on.
    expect(validate.notChecked).toMatch(/^This window's schema could not be compiled: /);
    expect(validators.deferredValidatorFor({ type: "object" }).notChecked).toBeUndefined();
    // And a whole-only schema that does not compile checks nothing.
    const whole = validators.deferredValidatorFor({
      type: "object",
      properties: { a: { $ref: "#/definitions/a" } },
      definitions: { a: { pattern: "[\\w-]" } },
    });
    expect(whole({ a: 1 })).toBe(true);
    // The broken part is remembered, not compiled again for the next design.
    const { createCompiler, compiled } = countingCompile();
    const counted = new IncrementalValidator({ createCompiler });
    counted.deferredValidatorFor(schema)({});
    compiled.length = 0;
    counted.deferredValidatorFor({ ...schema, title: "Renamed" })({});
    expect(compiled).toHaveLength(1); // the shell only
  });
});
