import { describe, expect, it } from "vitest";
import type { JsonObject } from "../../src/json/value.ts";
import { kindOf } from "../../src/model/kinds.ts";
import { isSecret, secretValueRefusal, secretValues } from "../../src/model/secret-values.ts";
import {
  describeSecretMarkings,
  isVendorKeyword,
  SECRET_MARKINGS,
  secretMarkingsIn,
  secretMarkingsOf,
  VENDOR_KEYWORDS,
} from "../../src/model/vendor-keywords.ts";

describe("secret markings", () => {
  it("lists which markings make a field secret, the standard one first", () => {
    expect(SECRET_MARKINGS).toEqual(["writeOnly", "airbyte_secret"]);
    expect(secretMarkingsOf({ type: "string" })).toEqual([]);
    expect(secretMarkingsOf({ airbyte_secret: true })).toEqual(["airbyte_secret"]);
    expect(secretMarkingsOf({ airbyte_secret: true, writeOnly: true })).toEqual([
      "writeOnly",
      "airbyte_secret",
    ]);
    expect(secretMarkingsOf({ writeOnly: 1, airbyte_secret: "true" })).toEqual([]);
    expect(secretMarkingsOf(JSON.parse('{"__proto__":{"writeOnly":true}}'))).toEqual([]);
  });

  it("reads through any lookup (diff reads through $refs)", () => {
    const read = (keyword: string) => ({ airbyte_secret: true })[keyword as "airbyte_secret"];
    expect(secretMarkingsIn(read)).toEqual(["airbyte_secret"]);
  });

  it("says them in words", () => {
    expect(describeSecretMarkings(["writeOnly"])).toBe('"writeOnly"');
    expect(describeSecretMarkings(["writeOnly", "airbyte_secret"])).toBe(
      '"writeOnly" and "airbyte_secret"',
    );
  });
});

describe("the core's secret is either marking", () => {
  const field = (extra: JsonObject): JsonObject => ({
    title: "Password",
    type: "string",
    ...extra,
  });

  it("isSecret and secretValues count airbyte_secret as writeOnly", () => {
    expect(isSecret(field({ airbyte_secret: true }))).toBe(true);
    expect(isSecret(field({ airbyte_secret: false }))).toBe(false);
    expect(
      secretValues(field({ airbyte_secret: true, default: "x", examples: ["y"] })).map(
        (value) => value.keyword,
      ),
    ).toEqual(["default", "examples"]);
    expect(secretValues(field({ airbyte_secret: false, default: "x" }))).toEqual([]);
  });

  it("refuses an airbyte_secret field with a value, at the keyword, without quoting it", () => {
    const problem = secretValueRefusal({
      type: "object",
      properties: { password: field({ airbyte_secret: true, const: "hunter2" }) },
    });
    expect(problem?.pointer).toBe("/properties/password/const");
    expect(problem?.problem).toMatch(/secret field "password" \(Password\) has a constant value/);
    expect(`${problem?.problem} ${problem?.fix}`).not.toContain("hunter2");
  });

  it("is the designer's secret kind", () => {
    const node = (schema: JsonObject) => ({ id: "n", key: "password", schema });
    expect(kindOf(node({ type: "string", airbyte_secret: true }))).toBe("secret");
    expect(kindOf(node({ type: "string", writeOnly: true }))).toBe("secret");
    expect(kindOf(node({ airbyte_secret: true }))).toBe("secret");
    expect(kindOf(node({ type: "string", airbyte_secret: false }))).toBe("text");
  });
});

describe("vendor keywords by name", () => {
  it("knows Airbyte's, groups at the root, and any x- keyword; not JSON Schema's", () => {
    for (const keyword of VENDOR_KEYWORDS) expect(isVendorKeyword(keyword)).toBe(true);
    expect(isVendorKeyword("x-widget")).toBe(true);
    expect(isVendorKeyword("x-speakeasy-param-sensitive")).toBe(true);
    for (const keyword of ["writeOnly", "title", "pattern", "examples", "xorder", "order_"])
      expect(isVendorKeyword(keyword)).toBe(false);
  });
});
