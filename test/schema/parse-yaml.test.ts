import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { sourceOfFile } from "../../src/api/source-of-file.ts";
import { sourceOfFile as designerSourceOfFile } from "../../src/designer/import/source-of-file.ts";
import { JsonSyntaxProblem } from "../../src/json/problem.ts";
import { type JsonValue, jsonEqual } from "../../src/json/value.ts";
import {
  locateYamlPointer,
  looksLikeYaml,
  MAX_YAML_CHARS,
  MAX_YAML_DEPTH,
  parseYamlText,
} from "../../src/schema/parse-yaml.ts";

/** Catches the JsonSyntaxProblem, failing the test on anything else. */
function problemOf(text: string): JsonSyntaxProblem {
  try {
    parseYamlText(text);
  } catch (error) {
    if (error instanceof JsonSyntaxProblem) return error;
    throw error;
  }
  throw new Error(`expected ${JSON.stringify(text.slice(0, 80))} to be refused`);
}

describe("parseYamlText: what it reads", () => {
  it("reads a low-code manifest's block YAML as the JSON value it means", () => {
    const text = [
      "version: 6.4.0",
      "type: DeclarativeSource",
      "spec:",
      "  type: Spec",
      "  connection_specification:",
      "    $schema: http://json-schema.org/draft-07/schema#",
      "    type: object",
      "    required:",
      "      - api_key",
      "    properties:",
      "      api_key:",
      "        type: string",
      "        airbyte_secret: true",
      "        order: 0",
      "      start_date:",
      "        type: string",
      '        pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"',
      "        examples: [2024-01-01]",
      "      page_size: {type: integer, default: 100, minimum: 1.5e1}",
      "      note: ~",
      "",
    ].join("\n");
    expect(parseYamlText(text)).toEqual({
      version: "6.4.0",
      type: "DeclarativeSource",
      spec: {
        type: "Spec",
        connection_specification: {
          $schema: "http://json-schema.org/draft-07/schema#",
          type: "object",
          required: ["api_key"],
          properties: {
            api_key: { type: "string", airbyte_secret: true, order: 0 },
            // The core schema has no timestamps: a date stays text.
            start_date: {
              type: "string",
              pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
              examples: ["2024-01-01"],
            },
            page_size: { type: "integer", default: 100, minimum: 15 },
            note: null,
          },
        },
      },
    });
  });

  it("reads any JSON value written as YAML back as the same value", () => {
    const key = fc.string({ maxLength: 8 });
    const value = fc.letrec<{ json: JsonValue }>((tie) => ({
      json: fc.oneof(
        { depthSize: "small" },
        fc.string({ maxLength: 12 }),
        fc.integer(),
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.boolean(),
        fc.constant(null),
        fc.array(tie("json"), { maxLength: 4 }),
        fc.dictionary(key, tie("json"), { maxKeys: 4 }),
      ),
    })).json;
    fc.assert(
      fc.property(value, (json) => {
        const read = parseYamlText(stringify(json));
        expect(jsonEqual(read, JSON.parse(JSON.stringify(json)) as JsonValue)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("keeps __proto__ as an own property and never sets the prototype", () => {
    const value = parseYamlText("__proto__:\n  polluted: true\n") as Record<string, unknown>;
    expect(Object.hasOwn(value, "__proto__")).toBe(true);
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("reads a few aliases (a manifest reusing a definition)", () => {
    expect(parseYamlText("a: &auth {type: string}\nb: *auth\nc: *auth\n")).toEqual({
      a: { type: "string" },
      b: { type: "string" },
      c: { type: "string" },
    });
  });

  it("reads core-schema tags (!!str, !!int) as the core schema says", () => {
    expect(parseYamlText("a: !!str 42\nb: !!int '7'\n")).toEqual({ a: "42", b: 7 });
  });

  it("reads a YAML 1.1 document by the core schema: no merge keys, no timestamps", () => {
    expect(parseYamlText("%YAML 1.1\n---\n<<: {a: 1}\nd: 2001-01-01\n")).toEqual({
      "<<": { a: 1 },
      d: "2001-01-01",
    });
  });
});

describe("parseYamlText: hostile or broken YAML is refused at its line:column", () => {
  it("refuses a billion laughs (aliases of aliases) before it grows", () => {
    const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 10; i++) {
      const name = String.fromCharCode(97 + i);
      const prev = String.fromCharCode(96 + i);
      lines.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(",")}]`);
    }
    const problem = problemOf(lines.join("\n"));
    expect(problem.problem).toMatch(/aliases expand too much/);
    // At the first alias, on line 2.
    expect(problem.line).toBe(2);
  });

  it("refuses many aliases to one big node", () => {
    const text = `big: &big [${Array(50).fill("x").join(",")}]\nrefs: [${Array(200).fill("*big").join(",")}]\n`;
    expect(problemOf(text).problem).toMatch(/aliases expand too much/);
  });

  it("refuses an alias to an anchor that is not defined", () => {
    const problem = problemOf("a: 1\nb: *nowhere\n");
    expect(problem.problem).toMatch(/alias \*nowhere names no anchor/);
    expect(`${problem.line}:${problem.column}`).toBe("2:4");
  });

  it("refuses nesting deeper than the limit, in flow and in block style, without a stack overflow", () => {
    const flow = `${"[".repeat(MAX_YAML_DEPTH + 1)}${"]".repeat(MAX_YAML_DEPTH + 1)}`;
    expect(problemOf(flow).problem).toMatch(/nests deeper than 420 levels/);
    const deepFlow = `${"[".repeat(200_000)}${"]".repeat(200_000)}`;
    expect(problemOf(deepFlow).problem).toMatch(/nests too deeply/);
    let block = "";
    for (let depth = 0; depth <= MAX_YAML_DEPTH; depth++) block += `${" ".repeat(depth)}k:\n`;
    block += `${" ".repeat(MAX_YAML_DEPTH + 1)}k: 1\n`;
    const problem = problemOf(block);
    expect(problem.problem).toMatch(/nests deeper/);
    expect(problem.line).toBe(MAX_YAML_DEPTH + 1); // the first line one level too deep
    // At the limit it reads.
    const ok = `${"[".repeat(MAX_YAML_DEPTH)}${"]".repeat(MAX_YAML_DEPTH)}`;
    expect(() => parseYamlText(ok)).not.toThrow();
    // Counted as JSON counts: a scalar inside the deepest collection adds no level.
    let blockOk = "";
    for (let depth = 1; depth < MAX_YAML_DEPTH; depth++) blockOk += `${" ".repeat(depth)}k:\n`;
    blockOk += `${" ".repeat(MAX_YAML_DEPTH)}k: 1\n`; // the 420th mapping
    expect(() => parseYamlText(blockOk)).not.toThrow();
  });

  it("refuses tags outside the core schema, not reading them as text", () => {
    for (const [text, at] of [
      ["a: 1\nrun: !!js/function 'function () { return 1 }'\n", "2:6"],
      ["x: !!binary aGVsbG8=\n", "1:4"],
      ["x: !custom 1\n", "1:4"],
      ["x: !!python/object:os.system [ls]\n", "1:4"],
      ["x: !!set {a, b}\n", "1:4"],
      ["x: !!timestamp 2001-01-01\n", "1:4"],
    ] as const) {
      const problem = problemOf(text);
      expect(problem.problem, text).toMatch(/tag outside the core schema/);
      expect(`${problem.line}:${problem.column}`, text).toBe(at);
    }
  });

  it("refuses a text with several documents at the second one", () => {
    const problem = problemOf("type: object\n---\ntype: string\n");
    expect(problem.problem).toMatch(/several documents/);
    expect(problem.line).toBe(2);
    expect(problemOf("---\na: 1\n...\n---\nb: 2\n").problem).toMatch(/several documents/);
  });

  it("refuses a key that occurs twice, also when JSON would merge them (1 and '1')", () => {
    const twice = problemOf("type: object\nproperties: {}\ntype: string\n");
    expect(twice.problem).toMatch(/duplicate key/);
    expect(`${twice.line}:${twice.column}`).toBe("3:1");
    const merged = problemOf("1: a\n'1': b\n");
    expect(merged.problem).toBe(
      'duplicate key "1" (first at 1:1); the later one would silently win',
    );
    expect(`${merged.line}:${merged.column}`).toBe("2:1");
  });

  it("refuses a key that is a mapping or a sequence", () => {
    const problem = problemOf("a: 1\n? [x, y]\n: 2\n");
    expect(problem.problem).toMatch(/key that is a mapping, a sequence/);
    expect(`${problem.line}:${problem.column}`).toBe("2:3");
  });

  it("refuses .inf and .nan, which JSON cannot hold", () => {
    expect(problemOf("maximum: .inf\n").problem).toMatch(/infinity/);
    const nan = problemOf("a: 1\nminimum: .nan\n");
    expect(nan.problem).toMatch(/\.nan/);
    expect(`${nan.line}:${nan.column}`).toBe("2:10");
  });

  it("refuses a huge text before parsing it, and reads a large scalar within the limit", () => {
    const huge = `a: "${"x".repeat(MAX_YAML_CHARS)}"\n`;
    expect(problemOf(huge).problem).toMatch(/too large/);
    const large = `a: ${"x".repeat(1024 * 1024)}\n`;
    expect((parseYamlText(large) as { a: string }).a).toHaveLength(1024 * 1024);
  });

  it("places syntax errors at their line:column, without quoting the text", () => {
    const unclosed = problemOf('a: 1\npassword: "hunter2\n');
    expect(unclosed.problem).toMatch(/not closed/);
    // Where the text ends without the closing quote.
    expect(`${unclosed.line}:${unclosed.column}`).toBe("3:1");
    const tab = problemOf("a:\n\tb: 1\n");
    expect(tab.problem).toMatch(/tab used for indentation/);
    expect(`${tab.line}:${tab.column}`).toBe("2:1");
    const junk = problemOf('a: 1\nsecret: "s3cr3t-value" trailing\n');
    expect(junk.line).toBe(2);
    expect(junk.message).not.toMatch(/s3cr3t|trailing/);
    for (const text of ['x: "hunter2', "k: [hunter2\n", "x: 'hunter2\n"]) {
      expect(problemOf(text).message).not.toMatch(/hunter2/);
    }
  });

  it("refuses an empty text or one of comments only", () => {
    expect(problemOf("").problem).toBe("the file is empty");
    expect(problemOf("# only a comment\n").problem).toMatch(/holds no value/);
  });

  it("never throws anything but a JsonSyntaxProblem on arbitrary text", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60, unit: "binary" }), (text) => {
        try {
          parseYamlText(text);
        } catch (error) {
          expect(error).toBeInstanceOf(JsonSyntaxProblem);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe("the YAML helpers", () => {
  it("tells YAML file names and YAML-looking texts", () => {
    expect(sourceOfFile("manifest.yaml")).toEqual({ format: "yaml", label: "manifest.yaml" });
    expect(sourceOfFile("SPEC.YML").format).toBe("yaml");
    expect(sourceOfFile("spec.json").format).toBe("json");
    expect(designerSourceOfFile("a/spec.YAML")).toEqual({ format: "yaml", label: "a/spec.YAML" });
    expect(designerSourceOfFile(undefined)).toEqual({});
    expect(looksLikeYaml("type: object")).toBe(true);
    expect(looksLikeYaml("  \n{")).toBe(false);
    expect(looksLikeYaml("\uFEFF[1]")).toBe(false);
    expect(looksLikeYaml("")).toBe(false);
  });

  it("locates a pointer's key and value in a YAML text", () => {
    const text =
      "spec:\n  connection_specification:\n    properties:\n      port: {type: number}\n";
    const at = locateYamlPointer(text, "/spec/connection_specification/properties/port/type");
    expect(at && text.slice(at.value.from, at.value.to)).toBe("number");
    expect(at?.key && text.slice(at.key.from, at.key.to)).toBe("type");
    expect(locateYamlPointer(text, "/nothing")).toBeUndefined();
  });
});
