import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { JsonSyntaxProblem } from "../../src/json/problem.ts";
import { type JsonValue, jsonEqual } from "../../src/json/value.ts";
import { lineColumnAt, parseJsonText } from "../../src/schema/parse-json.ts";

/** Catches the JsonSyntaxProblem, failing the test on anything else. */
function problemOf(text: string): JsonSyntaxProblem {
  try {
    parseJsonText(text);
  } catch (error) {
    if (error instanceof JsonSyntaxProblem) return error;
    throw error;
  }
  throw new Error(`expected ${JSON.stringify(text)} to be refused`);
}

/** Independent reference: line and column from the text before the offset. */
function referencePosition(text: string, offset: number): string {
  const bom = text.startsWith("\uFEFF") ? 1 : 0;
  const lines = text.slice(bom, offset).split(/\r\n|\r|\n/);
  // A CR right before the offset whose LF is at the offset is not a line break yet.
  if (text.slice(bom, offset).endsWith("\r") && text[offset] === "\n") {
    lines.splice(-2, 2, `${lines[lines.length - 2] ?? ""}\r`);
  }
  return `${lines.length}:${(lines[lines.length - 1] ?? "").length + 1}`;
}

describe("parseJsonText: valid texts", () => {
  it("returns what JSON.parse returns", () => {
    const text =
      '{\n  "type": "object",\n  "properties": { "a": { "type": "string", "default": "x\\u00e9\\n" } },\n  "n": [1, -2.5e3, 0, true, false, null]\n}';
    expect(parseJsonText(text)).toEqual(JSON.parse(text));
  });

  it("ignores a leading byte order mark", () => {
    expect(parseJsonText('\uFEFF{"a": 1}')).toEqual({ a: 1 });
  });

  it("keeps __proto__ as an own property and never sets the prototype", () => {
    const value = parseJsonText('{"__proto__": {"polluted": true}, "constructor": 1}') as Record<
      string,
      unknown
    >;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value)).toEqual(["__proto__", "constructor"]);
    expect(Object.getOwnPropertyDescriptor(value, "__proto__")?.value).toEqual({ polluted: true });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("accepts the same key in different objects, and keys that differ only by escapes in spelling", () => {
    expect(parseJsonText('{"a": {"a": 1}, "b": [{"a": 1}, {"a": 2}]}')).toEqual({
      a: { a: 1 },
      b: [{ a: 1 }, { a: 2 }],
    });
    expect(parseJsonText('{"\\u0061b": 1, "ac": 2}')).toEqual({ ab: 1, ac: 2 });
  });

  it("handles deep nesting without recursion", () => {
    const depth = 20_000;
    const text = "[".repeat(depth) + "]".repeat(depth);
    expect(Array.isArray(parseJsonText(text))).toBe(true);
    const problem = problemOf("[".repeat(100_000));
    expect(problem.problem).toContain("an unclosed '[' opened at 1:100000");
    expect(problem.offset).toBe(100_000);
  });

  it("parses a 5 MB text", () => {
    const properties: Record<string, JsonValue> = {};
    for (let i = 0; i < 25_000; i++) {
      properties[`field_${i}`] = {
        type: "string",
        title: `Field ${i}`,
        description: 'A field with a description \u00e9 "quoted"',
        maxLength: i,
        enum: ["a", "b", "c"],
      };
    }
    const text = JSON.stringify({ type: "object", properties }, null, 2);
    expect(text.length).toBeGreaterThan(5_000_000);
    const value = parseJsonText(text);
    expect(jsonEqual(value, JSON.parse(text) as JsonValue)).toBe(true);
  });
});

describe("parseJsonText: problems", () => {
  const cases: Array<[string, string, RegExp, RegExp]> = [
    // text, line:column, problem, fix
    ["", "1:1", /^the file is empty$/, /JSON value/],
    ["\uFEFF", "1:1", /empty/, /JSON value/],
    [" \n\t ", "1:1", /only whitespace/, /JSON value/],
    [
      '{\n  "a": 1,\n  "b": 2,\n}',
      "4:1",
      /^unexpected '}' after a comma: trailing commas are not allowed in JSON$/,
      /^remove the comma at 3:9$/,
    ],
    ["[1, 2,]", "1:7", /unexpected '\]' after a comma/, /remove the comma at 1:6/],
    [
      '{\n  "a": {\n    "b": [1, 2\n',
      "4:1",
      /^the text ends before the JSON is complete \(an unclosed '\[' opened at 3:10\)$/,
      /"\]}}"/,
    ],
    ['{\n  "a": {', "2:9", /an unclosed '\{' opened at 2:8/, /restore the missing end/],
    [
      '{"a": "sec',
      "1:11",
      /the text ends before the JSON is complete \(the string opened at 1:7 is not closed\)/,
      /closing '"'/,
    ],
    ["// comment\n{}", "1:1", /^comments are not allowed in JSON$/, /remove the comment/],
    ['{\n  "a": 1 /* why */\n}', "2:10", /comments are not allowed/, /remove the comment/],
    ['{"a": 1} // trailing', "1:10", /comments are not allowed/, /remove the comment/],
    [
      '{\n  "x": 1,\n  "x": 2\n}',
      "3:3",
      /^duplicate key "x" \(first at 2:3\); the later one would silently win$/,
      /remove one/,
    ],
    ['{"a": {"k": 1, "\\u006b": 2}}', "1:16", /duplicate key "k"/, /remove one/],
    ['{"a" 1}', "1:6", /expected ':' after the property name "a", found '1'/, /':'/],
    [
      '{"a": 1 "b": 2}',
      "1:9",
      /expected ',' or '}' after the value of "a", found '"'/,
      /add a comma/,
    ],
    ["[1 2]", "1:4", /expected ',' or '\]' after an array item/, /add a comma/],
    [
      '{"a": [1, 2}',
      "1:12",
      /unexpected '}': the '\[' opened at 1:7 is not closed yet/,
      /close it with '\]'/,
    ],
    ["{}}", "1:3", /one closing bracket too many/, /remove it/],
    [
      '{"a": 1}\n{"b": 2}',
      "2:1",
      /unexpected '\{' after the end of the JSON value/,
      /exactly one value/,
    ],
    ["{name: 1}", "1:2", /property names must be in double quotes/, /^write "name"$/],
    ["{'name': 1}", "1:2", /single quotes are not allowed/, /double quotes/],
    ["{\"a\": 'x'}", "1:7", /single quotes are not allowed/, /double quotes/],
    ['{"a": "line\nbreak"}', "1:12", /a line break inside the string opened at 1:7/, /\\n/],
    ['{"a": "tab\there"}', "1:11", /tab character/, /\\t/],
    ['{"a": "\u0001"}', "1:8", /control character U\+0001/, /\\u0001/],
    [
      '{"pattern": "^\\d+$"}',
      "1:15",
      /^invalid escape '\\d' in a string$/,
      /literal backslash .* as \\\\/,
    ],
    ['{"a": "\\x41"}', "1:8", /invalid escape '\\x'/, /\\u00XX/],
    ['{"a": "\\u12g4"}', "1:8", /four hexadecimal digits/, /\\u00e9/],
    ['{"port": 0080}', "1:10", /leading zeros/, /remove the leading zeros/],
    ['{"n": +1}', "1:7", /cannot start with '\+'/, /remove the '\+'/],
    ['{"n": .5}', "1:7", /cannot start with '\.'/, /0\.5/],
    ['{"n": 1.}', "1:9", /expected a digit after the decimal point/, /1\.0/],
    ['{"n": 1e}', "1:9", /expected a digit in the exponent/, /exponent/],
    ['{"n": 0x1F}', "1:7", /hexadecimal numbers are not allowed/, /decimal/],
    ['{"n": 1e999}', "1:7", /too large to represent/, /smaller number/],
    ['{"n": NaN}', "1:7", /'NaN' is not allowed/, /null/],
    ['{"n": -Infinity}', "1:7", /'-Infinity' is not allowed/, /finite/],
    ['{"b": True}', "1:7", /JSON literals are lowercase/, /^write true$/],
    ['{"b": undefined}', "1:7", /'undefined' is not a JSON value/, /null/],
    [
      '{"a": 1,, "b": 2}',
      "1:9",
      /expected a property name in double quotes, found ','/,
      /property name/,
    ],
    ["[1,,2]", "1:4", /expected a value, found ','/, /extra comma/],
    ['{"a": }', "1:7", /expected a value, found '}'/, /missing value/],
    ['{"a":\u00a01}', "1:6", /U\+00A0 is not allowed/, /ordinary space/],
    ["{\u201ca\u201d: 1}", "1:2", /typographic quote/, /straight double quote/],
    ['{"a": 1}\uFEFF', "1:9", /byte order mark/, /remove it/],
    [
      "tru",
      "1:4",
      /the text ends before the JSON is complete \('tru' is not finished\)/,
      /complete the literal/,
    ],
    ["-", "1:2", /a number is not finished/, /digits/],
    ['\uFEFF{\r\n  "a": 1,\r\n}', "3:1", /trailing commas/, /remove the comma at 2:9/],
    ['{"a": 1,\r  "a": 2}', "2:3", /duplicate key "a" \(first at 1:2\)/, /remove one/],
  ];

  it.each(cases)("%j -> %s", (text, where, problem, fix) => {
    const error = problemOf(text);
    expect(`${error.line}:${error.column}`).toBe(where);
    expect(referencePosition(text, error.offset)).toBe(where);
    expect(error.problem).toMatch(problem);
    expect(error.fix).toMatch(fix);
    expect(error.message).toBe(
      `${where}: ${error.problem}. ${error.fix.charAt(0).toUpperCase()}${error.fix.slice(1)}.`,
    );
    expect(error.message).not.toMatch(/\n/);
  });

  it("never repeats unquoted or quoted values, which may be secrets", () => {
    for (const text of [
      '{"password": hunter2}',
      '{"password": "hunter2',
      '{"password": "hunter2\n"}',
      '{"password": "hunter2" "x": 1}',
      "hunter2",
    ]) {
      const error = problemOf(text);
      expect(error.message).not.toContain("hunter2");
    }
  });
});

describe("parseJsonText: properties", () => {
  it("gives back any JSON value from its pretty-printed text", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = JSON.stringify(value, null, 2);
        const parsed = parseJsonText(text);
        // jsonEqual compares numbers with ===, so a generated -0 equals the 0 that JSON writes.
        expect(jsonEqual(parsed, value as JsonValue)).toBe(true);
        expect(parsed).toEqual(JSON.parse(text));
      }),
      { numRuns: 300 },
    );
  });

  it("refuses every truncation of a valid text with a position within the text", () => {
    fc.assert(
      fc.property(
        fc.jsonValue({ maxDepth: 4 }).chain((value) => {
          const text = JSON.stringify(value, null, 2);
          return fc.tuple(fc.constant(text), fc.nat({ max: Math.max(0, text.length - 1) }));
        }),
        ([text, cut]) => {
          const prefix = text.slice(0, cut);
          let valid = true;
          try {
            JSON.parse(prefix);
          } catch {
            valid = false;
          }
          if (valid) {
            // e.g. "12" cut from "123", or "1e1" from "1e10"
            expect(parseJsonText(prefix)).toEqual(JSON.parse(prefix));
            return;
          }
          const error = problemOf(prefix);
          expect(error.offset).toBeGreaterThanOrEqual(0);
          expect(error.offset).toBeLessThanOrEqual(prefix.length);
          expect(`${error.line}:${error.column}`).toBe(referencePosition(prefix, error.offset));
        },
      ),
      { numRuns: 500 },
    );
  });

  /** JSON-ish texts: valid ones with a character inserted, deleted or replaced, and soups of tokens. */
  const jsonish = fc.oneof(
    fc
      .tuple(
        fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value, null, 1)),
        fc.nat(),
        fc.constantFrom("insert", "delete", "replace"),
        fc.constantFrom(..."{}[],:\"'\\/ \n\r\t0123456789-+.eEtrufalsn\u00a0\uFEFFx*"),
      )
      .map(([text, at, how, char]) => {
        const i = text.length === 0 ? 0 : at % text.length;
        if (how === "insert") return text.slice(0, i) + char + text.slice(i);
        if (how === "delete") return text.slice(0, i) + text.slice(i + 1);
        return text.slice(0, i) + char + text.slice(i + 1);
      }),
    fc
      .array(
        fc.constantFrom(
          "{",
          "}",
          "[",
          "]",
          ",",
          ":",
          '"a"',
          '"b"',
          '"\\u00e9"',
          '"\\',
          "1",
          "-0",
          "2.5e3",
          "0",
          "01",
          "true",
          "null",
          "fals",
          " ",
          "\n",
          "\r\n",
          "//",
          "/*",
          "'",
        ),
        {
          maxLength: 14,
        },
      )
      .map((tokens) => tokens.join("")),
  );

  it("accepts exactly what JSON.parse accepts, apart from duplicate keys and overflowing numbers", () => {
    fc.assert(
      fc.property(jsonish, (text) => {
        let expected: { ok: true; value: unknown } | { ok: false };
        try {
          expected = { ok: true, value: JSON.parse(text.replace(/^\uFEFF/, "")) };
        } catch {
          expected = { ok: false };
        }
        let actual: { ok: true; value: unknown } | { ok: false; error: JsonSyntaxProblem };
        try {
          actual = { ok: true, value: parseJsonText(text) };
        } catch (error) {
          if (!(error instanceof JsonSyntaxProblem)) throw error;
          actual = { ok: false, error };
        }
        if (expected.ok) {
          if (actual.ok) expect(actual.value).toEqual(expected.value);
          else expect(actual.error.problem).toMatch(/^duplicate key|too large to represent/);
        } else {
          expect(actual.ok).toBe(false);
          if (!actual.ok) {
            expect(actual.error.offset).toBeLessThanOrEqual(text.length);
            expect(`${actual.error.line}:${actual.error.column}`).toBe(
              referencePosition(text, actual.error.offset),
            );
          }
        }
      }),
      { numRuns: 3000 },
    );
  });

  it("lineColumnAt agrees with the reference on random texts", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom("a", "\n", "\r", "\t", "\uFEFF", "é") }),
        fc.nat(),
        (text, at) => {
          const offset = text.length === 0 ? 0 : at % (text.length + 1);
          if (text.startsWith("\uFEFF") && offset === 0) return;
          const { line, column } = lineColumnAt(text, offset);
          expect(`${line}:${column}`).toBe(referencePosition(text, offset));
        },
      ),
    );
  });
});
