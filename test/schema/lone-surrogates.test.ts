import { describe, expect, it } from "vitest";
import {
  CredentialDesignerError,
  checkSchema,
  exportSchema,
  parseSchema,
  readSchemaValue,
} from "../../src/api/index.ts";
import { designFromFile, readDesign } from "../../src/designer/import/design-from-file.ts";
import { SchemaProblem } from "../../src/json/problem.ts";
import { isWellFormedText, loneSurrogateProblem } from "../../src/json/unicode.ts";
import { importSchema } from "../../src/schema/import.ts";

// JSON texts as a file holds them: `\ud800` is a JSON escape, so JSON.parse gives a lone surrogate.
const CASES = [
  {
    name: "a key",
    text: String.raw`{"properties":{"\ud800":{}}}`,
    pointer: String.raw`/properties/\ud800`,
    says: "this key is not valid Unicode",
  },
  {
    name: "a title",
    text: String.raw`{"type":"object","properties":{"host":{"type":"string","title":"Host \udc00"}}}`,
    pointer: "/properties/host/title",
    says: "this text is not valid Unicode",
  },
  {
    name: "an enum value",
    text: String.raw`{"type":"object","properties":{"region":{"enum":["eu", "x\ud83d"]}}}`,
    pointer: "/properties/region/enum/1",
    says: "this text is not valid Unicode",
  },
] as const;

describe("a key or text with a lone surrogate", () => {
  it.each(CASES)("in $name: importSchema refuses it at its pointer", ({ text, pointer, says }) => {
    const error = (() => {
      try {
        importSchema(JSON.parse(text));
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(SchemaProblem);
    expect((error as SchemaProblem).pointer).toBe(pointer);
    expect((error as SchemaProblem).message).toContain(says);
    // The message itself is valid Unicode, so it can be printed, logged and shown.
    expect(isWellFormedText((error as SchemaProblem).message)).toBe(true);
    expect((error as SchemaProblem).message).toMatch(/surrogate pair/);
  });

  it.each(CASES)(
    "in $name: parseSchema and readSchemaValue refuse it naming the file",
    ({ text, pointer }) => {
      expect(() => parseSchema(text, { file: "w.json" })).toThrow(CredentialDesignerError);
      expect(() => parseSchema(text, { file: "w.json" })).toThrow(`w.json:${pointer}: `);
      expect(() => readSchemaValue(JSON.parse(text), { file: "w.json" })).toThrow(
        `w.json:${pointer}: `,
      );
    },
  );

  it.each(CASES)(
    "in $name: checkSchema reports one error, export's refusal",
    async ({ text, pointer }) => {
      const report = await checkSchema(JSON.parse(text));
      expect(report.findings).toHaveLength(1);
      expect(report.findings[0]).toMatchObject({
        rule: "not-exportable",
        severity: "error",
        pointer,
      });
    },
  );

  it.each(CASES)("in $name: exportSchema refuses it (no URIError)", async ({ text, pointer }) => {
    await expect(exportSchema(JSON.parse(text))).rejects.toThrow(`${pointer}: `);
    await expect(exportSchema(JSON.parse(text))).rejects.not.toThrow(URIError);
  });

  it.each(CASES)("in $name: the designer's Import and JSON view refuse it", ({ text, pointer }) => {
    expect(() => readDesign(text)).toThrow(SchemaProblem);
    const result = designFromFile("w.json", text);
    expect(result).toEqual({ error: expect.stringContaining(`w.json:${pointer}: `) });
  });

  it("a surrogate pair (an emoji) is valid text and is welcome", () => {
    const schema = JSON.parse(
      String.raw`{"type":"object","properties":{"\ud83d\ude00":{"title":"\ud83d\udd11"}}}`,
    );
    expect(loneSurrogateProblem(schema)).toBeUndefined();
    expect(() => importSchema(schema)).not.toThrow();
  });

  it("finds one nested 5,000 deep without exhausting the stack", () => {
    let value: unknown = "\ud800";
    for (let i = 0; i < 5000; i++) value = [value];
    expect(loneSurrogateProblem(value as never)?.pointer).toBe("/0".repeat(5000));
  });

  it("looks at an object built in memory once, even in a cycle (check's robustness)", () => {
    const schema: Record<string, unknown> = { type: "object", properties: {} };
    (schema.properties as Record<string, unknown>).self = schema;
    expect(loneSurrogateProblem(schema as never)).toBeUndefined();
    (schema.properties as Record<string, unknown>)["b\udc00"] = {};
    expect(loneSurrogateProblem(schema as never)?.pointer).toBe("/properties/b\\udc00");
  });
});
