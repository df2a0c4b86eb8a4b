import { describe, expect, it } from "vitest";
import { checkSchema, type Finding } from "../../src/check/index.ts";
import type { JsonObject } from "../../src/json/value.ts";
import { secretValueRefusal } from "../../src/model/secret-values.ts";
import { capitalise } from "../../src/schema/problem-message.ts";

/** Airbyte marks secrets `"airbyte_secret": true`: check's secret rules count it as writeOnly. */
const object = (properties: JsonObject, extra: JsonObject = {}): JsonObject => ({
  type: "object",
  properties,
  ...extra,
});
const only = (findings: Finding[], rule: string) =>
  findings.filter((finding) => finding.rule === rule);

describe("check: a field marked airbyte_secret is a secret", () => {
  it("is not flagged by secret-not-write-only as not marked", () => {
    const findings = checkSchema(
      object({
        password: { type: "string", airbyte_secret: true },
        client_secret: { type: "string", title: "Client secret", airbyte_secret: true },
        api_key: { type: "string", airbyte_secret: true, writeOnly: true },
      }),
    );
    expect(only(findings, "secret-not-write-only")).toEqual([]);
  });

  it("is still flagged when airbyte_secret is not true", () => {
    const findings = only(
      checkSchema(
        object({
          password: { type: "string", airbyte_secret: false },
          token: { type: "string", airbyte_secret: "true" },
        }),
      ),
      "secret-not-write-only",
    );
    expect(findings.map((finding) => finding.pointer)).toEqual([
      "/properties/password",
      "/properties/token",
    ]);
  });

  it.each([
    ["default", { default: "hunter2" }],
    ["examples", { examples: ["hunter2"] }],
    ["const", { const: "hunter2" }],
    ["enum", { enum: ["hunter2"] }],
  ])("reports secret-has-value for its %s, in the exporter's words", (keyword, extra) => {
    const schema = object({ password: { type: "string", airbyte_secret: true, ...extra } });
    const findings = only(checkSchema(schema), "secret-has-value");
    expect(findings).toEqual([
      expect.objectContaining({
        severity: "error",
        pointer: `/properties/password/${keyword}`,
        autofix: expect.objectContaining({ kind: "remove-secret-value" }),
      }),
    ]);
    expect(JSON.stringify(findings)).not.toContain("hunter2");
    const refusal = secretValueRefusal(schema)!;
    expect(refusal.pointer).toBe(`/properties/password/${keyword}`);
    expect([findings[0]!.message, findings[0]!.fix]).toEqual([
      capitalise(refusal.problem),
      capitalise(refusal.fix),
    ]);
  });

  it("reports secrets inside choices and definitions marked either way", () => {
    const schema = object(
      {
        credentials: {
          oneOf: [
            object({
              auth_type: { const: "oauth" },
              client_secret: { type: "string", airbyte_secret: true, examples: ["x"] },
            }),
          ],
        },
      },
      { definitions: { key: { type: "string", writeOnly: true, default: "y" } } },
    );
    expect(
      only(checkSchema(schema), "secret-has-value")
        .map((finding) => finding.pointer)
        .sort(),
    ).toEqual(
      [
        "/properties/credentials/oneOf/0/properties/client_secret/examples",
        "/definitions/key/default",
      ].sort(),
    );
  });

  it("treats the http URL default of an airbyte_secret field as a secret's value (no https fix)", () => {
    const [finding] = only(
      checkSchema(
        object({
          token_url: {
            type: "string",
            format: "uri",
            airbyte_secret: true,
            default: "http://login.example.com/token",
          },
        }),
      ),
      "insecure-url",
    );
    const plain = only(
      checkSchema(
        object({
          token_url: { type: "string", format: "uri", default: "http://login.example.com/token" },
        }),
      ),
      "insecure-url",
    );
    expect(plain[0]?.autofix?.kind).toBe("use-https");
    expect(finding?.autofix?.kind).not.toBe("use-https");
  });
});
