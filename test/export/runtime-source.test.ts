import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import Ajv from "ajv";
import * as ajvEqualModule from "ajv/dist/runtime/equal.js";
import * as ajvUcs2lengthModule from "ajv/dist/runtime/ucs2length.js";
import { fullFormats } from "ajv-formats/dist/formats.js";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { exportFiles, SUPPORTED_FORMATS } from "../../src/export/index.ts";
import { FORMAT_SOURCES, runtimeSource } from "../../src/export/runtime-source.ts";
import type { JsonObject, JsonValue } from "../../src/json/value.ts";
import { removeScratchDirs, scratchDir, writeFiles } from "./support/files.ts";

afterAll(removeScratchDirs);

/**
 * The inline runtime that generated validators carry instead of `require`s is equivalent to what
 * it replaces: ajv-formats' fullFormats and Ajv's runtime helpers, checked with property tests on
 * the very source text that gets embedded (loaded as a module from a scratch file).
 */

type Validate = (value: unknown) => boolean;
type FormatEntry = Validate | { validate: Validate; type?: string };

/** CommonJS `exports.default` as seen through an ES import, in Node or in Vite. */
function cjsDefault<T>(module: unknown): T {
  const m = module as { default?: { default?: T } & T };
  return (m.default?.default ?? m.default) as T;
}
const ajvEqual = cjsDefault<(a: unknown, b: unknown) => boolean>(ajvEqualModule);
const ajvUcs2length = cjsDefault<(s: string) => number>(ajvUcs2lengthModule);

let ours: {
  __cdUcs2length: (s: string) => number;
  __cdEqual: (a: unknown, b: unknown) => boolean;
  __cdFormats: Record<string, FormatEntry>;
};

beforeAll(async () => {
  const dir = scratchDir("runtime");
  const file = join(dir, "runtime.mjs");
  writeFileSync(
    file,
    runtimeSource(["ucs2length", "equal"], Object.keys(FORMAT_SOURCES)) +
      "\nexport { __cdUcs2length, __cdEqual, __cdFormats };\n",
  );
  ours = (await import(/* @vite-ignore */ pathToFileURL(file).href)) as typeof ours;
});

const theirs = fullFormats as unknown as Record<string, FormatEntry | RegExp | true>;
const validateOf = (entry: FormatEntry): Validate =>
  typeof entry === "function" ? entry : entry.validate;

/** Strings that are near misses of the format, not only random noise. */
function stringsFor(format: string): fc.Arbitrary<string> {
  const digits = (n: number, max = 10 ** n - 1) =>
    fc.integer({ min: 0, max }).map((v) => String(v).padStart(n, "0"));
  const zone = fc.oneof(
    fc.constantFrom("", "Z", "z", "+01:00", "-23:59", "+2400", "+24:00", "-00:60", "+05"),
    fc.tuple(fc.constantFrom("+", "-"), digits(2), digits(2)).map(([s, h, m]) => `${s}${h}:${m}`),
  );
  const time = fc
    .tuple(digits(2, 25), digits(2, 61), digits(2, 61), fc.constantFrom("", ".5", ".123456"), zone)
    .map(([h, m, s, f, z]) => `${h}:${m}:${s}${f}${z}`);
  const date = fc
    .tuple(digits(4), digits(2, 13), digits(2, 32))
    .map(([y, m, d]) => `${y}-${m}-${d}`);
  const noise = fc.string({ unit: "binary", maxLength: 40 });
  const alphabet = (chars: string, maxLength = 40) =>
    fc.string({ unit: fc.constantFrom(...chars), maxLength });
  switch (format) {
    case "date":
      return fc.oneof(date, noise);
    case "time":
    case "iso-time":
      return fc.oneof(time, noise);
    case "date-time":
    case "iso-date-time":
      return fc.oneof(
        fc
          .tuple(date, fc.constantFrom("T", "t", " ", "x", "TT"), time)
          .map(([d, s, t]) => d + s + t),
        noise,
      );
    case "uri":
      return fc.oneof(
        fc
          .tuple(
            fc.constantFrom("https://", "urn:", "mailto:", "a+b.c:", "1a:", "", "//", "http:/"),
            alphabet("abz09-._~!$&'()*+,;=:@/?#%[]ABCF ", 30),
          )
          .map(([a, b]) => a + b),
        noise,
      );
    case "byte":
      return fc.oneof(alphabet("ABCabc019+/=\n", 24), noise);
    case "regex":
      return fc.oneof(alphabet("ab()[]{}*+?|^$\\Z.-,0123", 12), noise);
    default:
      return noise;
  }
}

function numbersFor(): fc.Arbitrary<number> {
  return fc.oneof(
    fc.integer(),
    fc.double({ noNaN: false }),
    fc.constantFrom(2 ** 31 - 1, 2 ** 31, -(2 ** 31), -(2 ** 31) - 1, 2 ** 53, 0.5, -0),
  );
}

describe("inline formats are equivalent to ajv-formats fullFormats", () => {
  test("every non-RegExp format has an inline source of the same shape", () => {
    for (const name of SUPPORTED_FORMATS) {
      const definition = theirs[name];
      if (definition === true || definition instanceof RegExp) continue;
      const mine = ours.__cdFormats[name];
      expect(mine, name).toBeDefined();
      expect(typeof mine, name).toBe(typeof definition);
      if (typeof definition === "object")
        expect((mine as { type?: string }).type, name).toBe(definition.type);
    }
    expect(Object.keys(FORMAT_SOURCES).sort()).toEqual(
      SUPPORTED_FORMATS.filter((n) => theirs[n] !== true && !(theirs[n] instanceof RegExp)).sort(),
    );
  });

  for (const name of Object.keys(FORMAT_SOURCES)) {
    test(`format "${name}"`, () => {
      const mine = validateOf(ours.__cdFormats[name] as FormatEntry);
      const reference = validateOf(theirs[name] as FormatEntry);
      const numeric =
        typeof theirs[name] === "object" && (theirs[name] as { type?: string }).type === "number";
      const values: fc.Arbitrary<unknown> = numeric ? numbersFor() : stringsFor(name);
      fc.assert(
        fc.property(values, (value) => mine(value) === reference(value)),
        { numRuns: 3000 },
      );
      // The generators reach both sides of the format, so agreement is not just "both say no".
      const verdicts = fc.sample(values, { numRuns: 2000, seed: 42 }).map((v) => reference(v));
      expect(verdicts.filter(Boolean).length, `${name}: valid samples`).toBeGreaterThan(20);
      if (!["float", "double"].includes(name))
        expect(verdicts.filter((v) => !v).length, `${name}: invalid samples`).toBeGreaterThan(20);
    });
  }
});

describe("inline runtime helpers are equivalent to Ajv's", () => {
  const utf16 = fc
    .array(
      fc.oneof(fc.integer({ min: 0, max: 0xffff }), fc.integer({ min: 0xd800, max: 0xdfff })),
      { maxLength: 30 },
    )
    .map((codes) => String.fromCharCode(...codes));

  test("ucs2length", () => {
    fc.assert(
      fc.property(
        fc.oneof(utf16, fc.string({ unit: "binary" })),
        (s) => ours.__cdUcs2length(s) === ajvUcs2length(s),
      ),
      { numRuns: 5000 },
    );
  });

  /** fast-deep-equal reads constructor/valueOf/toString through the object itself. */
  const ordinaryKeys = (value: JsonValue): boolean =>
    Array.isArray(value)
      ? value.every(ordinaryKeys)
      : typeof value === "object" && value !== null
        ? Object.keys(value).every(
            (k) =>
              !["constructor", "valueOf", "toString"].includes(k) &&
              ordinaryKeys(value[k] as JsonValue),
          )
        : true;
  const json = fc
    .jsonValue({ maxDepth: 4 })
    .filter((v) => ordinaryKeys(v as JsonValue)) as fc.Arbitrary<JsonValue>;
  const tweak = (value: JsonValue, path: number): JsonValue => {
    if (Array.isArray(value))
      return value.length
        ? value.map((v, i) => (i === path % value.length ? tweak(v, path >> 1) : v))
        : [0];
    if (typeof value === "object" && value !== null) {
      const keys = Object.keys(value);
      if (!keys.length) return { k: 1 };
      const copy: JsonObject = JSON.parse(JSON.stringify(value)) as JsonObject;
      const key = keys[path % keys.length] as string;
      copy[key] = tweak(copy[key] as JsonValue, path >> 1);
      return copy;
    }
    return typeof value === "number"
      ? value + 1
      : typeof value === "string"
        ? `${value}x`
        : value === null
          ? 0
          : !value;
  };

  test("equal, on JSON values: random pairs, copies and near copies", () => {
    const pairs = fc.oneof(
      fc.tuple(json, json),
      json.map((v) => [v, JSON.parse(JSON.stringify(v)) as JsonValue] as const),
      fc.tuple(json, fc.nat()).map(([v, path]) => [v, tweak(v, path)] as const),
    );
    fc.assert(
      fc.property(
        pairs,
        ([a, b]) =>
          ours.__cdEqual(a, b) === ajvEqual(a, b) && ours.__cdEqual(b, a) === ajvEqual(b, a),
      ),
      { numRuns: 5000 },
    );
  });

  test("equal, on non-JSON objects Ajv's helper handles (dates, regular expressions)", () => {
    const cases: Array<[unknown, unknown]> = [
      [new Date(1), new Date(1)],
      [new Date(1), new Date(2)],
      [/a/g, /a/g],
      [/a/g, /a/i],
      [
        [1, [2]],
        [1, [2]],
      ],
      [{ a: 1 }, [1]],
      [NaN, NaN],
    ];
    for (const [a, b] of cases) expect(ours.__cdEqual(a, b)).toBe(ajvEqual(a, b));
  });

  test("equal treats constructor/valueOf/toString keys as data (where fast-deep-equal does not)", () => {
    const parse = (text: string): unknown => JSON.parse(text);
    expect(ours.__cdEqual(parse('{"constructor":{}}'), parse('{"constructor":{}}'))).toBe(true);
    expect(ajvEqual(parse('{"constructor":{}}'), parse('{"constructor":{}}'))).toBe(false); // the bug we avoid
    expect(ours.__cdEqual(parse('{"valueOf":1}'), parse('{"valueOf":1}'))).toBe(true);
    expect(() => ajvEqual(parse('{"valueOf":1}'), parse('{"valueOf":1}'))).toThrow();
    expect(ours.__cdEqual(parse('{"toString":"a"}'), parse('{"toString":"b"}'))).toBe(false);
    expect(ours.__cdEqual(parse('{"__proto__":{"a":1}}'), parse('{"__proto__":{"a":1}}'))).toBe(
      true,
    );
    expect(ours.__cdEqual(parse('{"__proto__":{"a":1}}'), {})).toBe(false);
  });
});

describe("a generated validator with every format agrees with Ajv + ajv-formats in-process", () => {
  test("random values through each format field", async () => {
    const schema: JsonObject = {
      type: "object",
      properties: Object.fromEntries(SUPPORTED_FORMATS.map((format) => [format, { format }])),
    };
    const dir = scratchDir("formats");
    writeFiles(dir, await exportFiles(schema, "formats"));
    const generated = (await import(
      /* @vite-ignore */ pathToFileURL(join(dir, "formats.validate.js")).href
    )) as { default: Validate };
    const reference = new Ajv({
      formats: fullFormats,
      strict: false,
      strictNumbers: true,
      allErrors: true,
      ownProperties: true,
    }).compile(schema);
    for (const format of SUPPORTED_FORMATS) {
      const values: fc.Arbitrary<unknown> = fc.oneof(stringsFor(format), numbersFor());
      fc.assert(
        fc.property(
          values,
          (value) => generated.default({ [format]: value }) === reference({ [format]: value }),
        ),
        { numRuns: 500 },
      );
    }
  });
});
