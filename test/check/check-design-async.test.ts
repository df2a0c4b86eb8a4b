import { readdirSync, readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { checkDesign, type PatternSafetyLoader } from "../../src/check/check-design.ts";
import { checkSchema } from "../../src/check/index.ts";
import { defineOwn, isJsonObject, type JsonObject, type JsonValue } from "../../src/json/value.ts";
import * as patternSafety from "../../src/schema/pattern-safety/index.ts";

/**
 * `checkDesign` is the page's way in to the lint rules: the same findings as `checkSchema`, with
 * the pattern analysis loaded (through the injected loader) only when the schema has a pattern.
 */

const directory = new URL("../../schemas/", import.meta.url);
const templates = readdirSync(directory)
  .filter((name) => name.endsWith(".json"))
  .sort();
const load = (name: string) =>
  JSON.parse(readFileSync(new URL(name, directory), "utf8")) as JsonObject;

/** A fresh loader each time (what it loaded is remembered per loader), counting its calls. */
const spyLoader = () => vi.fn<PatternSafetyLoader>(async () => patternSafety);

/** Whether some object in the schema has a string `pattern` or a `patternProperties` key: a regular expression to analyse. */
function hasPatterns(value: JsonValue): boolean {
  const stack: JsonValue[] = [value];
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (Array.isArray(current)) stack.push(...current);
    else if (isJsonObject(current)) {
      if (typeof current.pattern === "string") return true;
      if (
        isJsonObject(current.patternProperties) &&
        Object.keys(current.patternProperties).length > 0
      )
        return true;
      stack.push(...Object.values(current));
    }
  }
  return false;
}

/** A copy of the schema without any `pattern` or `patternProperties`. */
function withoutPatterns(value: JsonValue): JsonValue {
  if (Array.isArray(value)) return value.map(withoutPatterns);
  if (!isJsonObject(value)) return value;
  const copy: JsonObject = {};
  for (const [key, inner] of Object.entries(value))
    if (key !== "pattern" && key !== "patternProperties")
      defineOwn(copy, key, withoutPatterns(inner));
  return copy;
}

// ---------------------------------------------------------------- generated credential windows

const PATTERNS = [
  "^https://",
  "^[^:]+$",
  "^(a+)+$",
  "^(\\w|\\d)+$",
  "\\d+\\d+",
  "[a-",
  "(",
  "\\-",
  "^[a-z]{1,8}$",
  "^x$",
  "(a)\\1",
  5,
];
const KEYS = [
  "password",
  "apiKey",
  "tokenUrl",
  "baseUrl",
  "user",
  "x",
  "a",
  "__proto__",
  "constructor",
];

const leaf: fc.Arbitrary<JsonObject> = fc
  .record(
    {
      type: fc.constantFrom<JsonValue>("string", "integer", ["string", "null"]),
      title: fc.constantFrom("Password", "Token URL", "Name", "API key"),
      pattern: fc.constantFrom<JsonValue>(...PATTERNS),
      writeOnly: fc.boolean(),
      default: fc.constantFrom<JsonValue>(
        "http://login.example.com/token",
        "https://x.example.com",
        "hunter2",
      ),
      format: fc.constantFrom("uri", "hostname", "email"),
    },
    { requiredKeys: [] },
  )
  .map((record) => ({ ...record }) as JsonObject);

const objectOf = (inner: fc.Arbitrary<JsonObject>): fc.Arbitrary<JsonObject> =>
  fc
    .record(
      {
        properties: fc.array(fc.tuple(fc.constantFrom(...KEYS), inner), { maxLength: 4 }),
        required: fc.array(fc.constantFrom("password", "a", "b", "usr", "x-1"), { maxLength: 3 }),
        patternProperties: fc.array(
          fc.tuple(
            fc.constantFrom<string>(
              ...PATTERNS.filter((p): p is string => typeof p === "string"),
              "^x-",
            ),
            leaf,
          ),
          { maxLength: 2 },
        ),
      },
      { requiredKeys: ["properties"] },
    )
    .map(({ properties, required, patternProperties }) => {
      const schema: JsonObject = { type: "object", properties: {} };
      for (const [key, value] of properties) defineOwn(schema.properties as JsonObject, key, value);
      if (required) schema.required = required;
      if (patternProperties) {
        const map: JsonObject = {};
        for (const [key, value] of patternProperties) defineOwn(map, key, value);
        schema.patternProperties = map;
      }
      return schema;
    });

/** Windows with groups, choices (oneOf, with and without discriminators) and allOf, patterns all over. */
const window_: fc.Arbitrary<JsonObject> = fc.letrec<{ node: JsonObject }>((tie) => ({
  node: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    leaf,
    objectOf(tie("node")),
    fc
      .array(objectOf(tie("node")), { minLength: 1, maxLength: 3 })
      .map((branches) => ({ oneOf: branches })),
    fc
      .array(objectOf(tie("node")), { minLength: 1, maxLength: 2 })
      .map((parts) => ({ allOf: parts, required: ["a"] })),
  ),
})).node;

describe("checkDesign: the same findings as checkSchema, the pattern analysis loaded only when needed", () => {
  it.each(templates)("gives checkSchema's findings on schemas/%s", async (name) => {
    const schema = load(name);
    const loader = spyLoader();
    expect(await checkDesign(schema, { loadPatternSafety: loader })).toEqual(checkSchema(schema));
    expect(loader).toHaveBeenCalledTimes(hasPatterns(schema) ? 1 : 0);
  });

  it.each(templates)(
    "does not load the analysis for schemas/%s without its patterns",
    async (name) => {
      const schema = withoutPatterns(load(name)) as JsonObject;
      const loader = spyLoader();
      expect(await checkDesign(schema, { loadPatternSafety: loader })).toEqual(checkSchema(schema));
      expect(loader).not.toHaveBeenCalled();
    },
  );

  it("gives checkSchema's findings on generated windows with patterns, and loads only for those that have one", async () => {
    await fc.assert(
      fc.asyncProperty(objectOf(window_), async (schema) => {
        const loader = spyLoader();
        expect(await checkDesign(schema, { loadPatternSafety: loader })).toEqual(
          checkSchema(schema),
        );
        expect(loader).toHaveBeenCalledTimes(hasPatterns(schema) ? 1 : 0);
        const plain = withoutPatterns(schema) as JsonObject;
        const plainLoader = spyLoader();
        expect(await checkDesign(plain, { loadPatternSafety: plainLoader })).toEqual(
          checkSchema(plain),
        );
        expect(plainLoader).not.toHaveBeenCalled();
      }),
      { numRuns: 300 },
    );
  });

  it("loads through a loader once; later checks with it run at once", async () => {
    const loader = spyLoader();
    const schema: JsonObject = {
      type: "object",
      properties: { id: { type: "string", pattern: "^(a+)+$" } },
    };
    const first = await checkDesign(schema, { loadPatternSafety: loader });
    expect(first.map((finding) => finding.rule)).toEqual(["unsafe-pattern"]);
    expect(await checkDesign(schema, { loadPatternSafety: loader })).toEqual(first);
    expect(loader).toHaveBeenCalledTimes(1);
  });

  it("needs the analysis when a required key may be declared by a parent's patternProperties", async () => {
    const schema: JsonObject = {
      type: "object",
      patternProperties: { "^x-": { type: "string" } },
      oneOf: [{ required: ["x-id"] }, { required: ["y"] }],
    };
    const loader = spyLoader();
    const findings = await checkDesign(schema, { loadPatternSafety: loader });
    expect(findings).toEqual(checkSchema(schema));
    expect(findings.map((finding) => finding.pointer)).toEqual(["/oneOf/1/required/0"]);
    expect(loader).toHaveBeenCalledTimes(1);
  });

  it("rejects when the analysis cannot load, and tries again on the next check", async () => {
    const schema: JsonObject = {
      type: "object",
      properties: { id: { type: "string", pattern: "(" } },
    };
    const loader = vi
      .fn<PatternSafetyLoader>()
      .mockRejectedValueOnce(new Error("offline"))
      .mockResolvedValue(patternSafety);
    await expect(checkDesign(schema, { loadPatternSafety: loader })).rejects.toThrow("offline");
    expect(await checkDesign(schema, { loadPatternSafety: loader })).toEqual(checkSchema(schema));
    expect(loader).toHaveBeenCalledTimes(2);
  });

  it("with the default loader, imports src/schema/pattern-safety/index.ts itself", async () => {
    const schema: JsonObject = {
      type: "object",
      properties: { a: { type: "string", pattern: "^(\\w|\\d)+$" }, b: { type: "string" } },
      required: ["c"],
    };
    expect(await checkDesign(schema)).toEqual(checkSchema(schema));
  });
});

// ---------------------------------------------------------------- the page's import graph

const SRC = new URL("../../src/", import.meta.url);

/** The modules `entry` imports with a static (value) import or re-export, transitively; type-only imports are erased. */
function staticImports(entry: URL): Set<string> {
  const seen = new Set<string>();
  const stack = [entry];
  while (stack.length > 0) {
    const file = stack.pop()!;
    if (seen.has(file.href)) continue;
    seen.add(file.href);
    const text = readFileSync(file, "utf8");
    for (const match of text.matchAll(
      /^(?:import|export)\s+(?!type\s)(?:[^"';]*?\sfrom\s+)?["'](\.[^"']+)["']/gm,
    )) {
      stack.push(new URL(match[1]!, file));
    }
  }
  return new Set([...seen].map((href) => href.slice(SRC.href.length)));
}

describe("what the page imports", () => {
  it.each(["check/check-design.ts", "designer/problems/problems-list.tsx"])(
    "%s reaches the pattern analysis only through a dynamic import",
    (entry) => {
      const reached = staticImports(new URL(entry, SRC));
      expect(reached.has("check/check-design.ts")).toBe(true);
      expect(reached.has("schema/pattern-safety-lazy.ts")).toBe(true);
      expect(reached.has("schema/pattern-safety/index.ts")).toBe(false);
      expect(reached.has("check/index.ts")).toBe(false);
    },
  );
});
