import { fullFormats } from "ajv-formats/dist/formats.js";
import { describe, expect, it } from "vitest";
import { checkSchema as checkReport } from "../../src/api/check.ts";
import type { CredentialDesignerError } from "../../src/api/error.ts";
import { exportSchema } from "../../src/api/export.ts";
import { checkSchema } from "../../src/check/index.ts";
import { SUPPORTED_FORMATS as EXPORTED_FORMATS } from "../../src/export/index.ts";
import { excerptPointer } from "../../src/json/excerpt.ts";
import type { JsonObject } from "../../src/json/value.ts";
import { DRAFT_07_SPELLINGS } from "../../src/schema/draft-07.ts";
import { MAX_EXPORT_DEPTH } from "../../src/schema/export-refusals.ts";
import { SUPPORTED_FORMATS } from "../../src/schema/formats.ts";
import { deepSchema } from "../export/support/generated-schemas.ts";

const errors = (schema: JsonObject) =>
  checkSchema(schema)
    .filter((finding) => finding.severity === "error")
    .map(({ rule, pointer }) => `${rule} ${pointer}`);

describe("not-exportable: what export refuses, all of it, in one run", () => {
  it("lists every refusal with its pointer and fix", async () => {
    const schema: JsonObject = {
      $schema: "https://json-schema.org/draft/2020-12/schema",
      type: "object",
      properties: {
        region: { type: "string", enum: ["eu", "us", "eu"] },
        host: { type: "string", examples: "db.example.com" },
        port: { type: "integer", minimum: "1" },
        token: { $ref: "https://example.com/token.json" },
        node: { $ref: "#/definitions/missing" },
        when: { type: "string", format: "calendar-date" },
        tags: { type: "array", items: [] },
        nested: { $id: "http://example.com/n", type: "string" },
        run: { $async: true },
        password: { type: "string", writeOnly: true, default: "hunter2" },
        id: { type: "string", pattern: "^(a+)+$" },
      },
      required: ["host", "host"],
    };
    expect(errors(schema)).toEqual([
      "not-exportable /$schema",
      "not-exportable /properties/region/enum/2",
      "not-exportable /properties/token/$ref",
      "not-exportable /properties/when/format",
      "not-exportable /properties/tags/items",
      "not-exportable /properties/nested/$id",
      "not-exportable /properties/run/$async",
      "not-exportable /required",
      "not-exportable /properties/host/examples",
      "not-exportable /properties/port/minimum",
      "not-exportable /properties/node/$ref",
      "secret-has-value /properties/password/default",
      "unsafe-pattern /properties/id/pattern",
    ]);
    const findings = checkSchema(schema);
    for (const finding of findings) {
      expect(finding.message.length).toBeGreaterThan(10);
      expect(finding.fix.length).toBeGreaterThan(5);
    }
    expect(findings.find((f) => f.pointer === "/$schema")!.message).toContain(
      "JSON Schema 2020-12",
    );
    // No message quotes a value, which might be a secret's.
    expect(JSON.stringify(findings)).not.toContain("hunter2");
    expect(JSON.stringify(findings)).not.toContain("db.example.com");
    await expect(exportSchema(schema)).rejects.toThrow();
  });

  it("is silent for every spelling of draft-07, and reports another draft", () => {
    const window = (extra: JsonObject): JsonObject => ({
      ...extra,
      type: "object",
      properties: { host: { type: "string" } },
    });
    for (const $schema of DRAFT_07_SPELLINGS) expect(errors(window({ $schema }))).toEqual([]);
    expect(errors(window({}))).toEqual([]);
    expect(errors(window({ $schema: "http://json-schema.org/draft-04/schema#" }))).toEqual([
      "not-exportable /$schema",
    ]);
    expect(errors(window({ $schema: 4 }))).toEqual(["not-exportable /$schema"]);
  });

  it("reports JSON that is not an object, for the CLI, as one error at the root", async () => {
    const report = await checkReport([1, 2]);
    expect(report.errors).toBe(1);
    expect(report.findings[0]).toMatchObject({ rule: "not-exportable", pointer: "" });
    expect(report.findings[0]!.message).toContain("The file holds an array, not a schema object");
  });

  it("knows the formats export knows, without loading Ajv", () => {
    expect([...SUPPORTED_FORMATS]).toEqual(Object.keys(fullFormats));
    expect([...SUPPORTED_FORMATS]).toEqual([...EXPORTED_FORMATS]);
  });

  it('refuses $ref "#" without a root $id, as export does', async () => {
    const recursive: JsonObject = { type: "object", additionalProperties: { $ref: "#" } };
    expect(errors(recursive)).toEqual(["not-exportable /additionalProperties/$ref"]);
    await expect(exportSchema(recursive)).rejects.toThrow(/refers to "#", the whole schema/);
    const withId = { $id: "https://example.com/window.json", ...recursive };
    expect(errors(withId)).toEqual([]);
    await expect(exportSchema(withId)).resolves.toHaveLength(4);
  });

  it("refuses a schema nested deeper than export takes, at a fixed depth, as export does", async () => {
    const tooDeep = deepSchema(MAX_EXPORT_DEPTH);
    const [finding] = checkSchema(tooDeep).filter((f) => f.severity === "error");
    expect(finding!.message).toContain(`levels down, more than ${MAX_EXPORT_DEPTH}`);
    const refusal = await exportSchema(tooDeep).then(
      () => undefined,
      (error: CredentialDesignerError) => error,
    );
    // The place is the whole pointer; the one-line message shows it cut (421 levels of it).
    expect(refusal?.place).toBe(finding!.pointer);
    expect(refusal?.message).toContain(
      `${excerptPointer(finding!.pointer)}: the schema is nested too deeply to export`,
    );
    expect(errors(deepSchema(MAX_EXPORT_DEPTH - 1))).toEqual([]);
  }, 60_000);
});
