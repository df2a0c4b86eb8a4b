import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  displayGroupOf,
  isHidden,
  isMultiline,
  isSecretByAnyMarking,
  keysInDisplayOrder,
  patternDescriptorOf,
} from "../../src/model/vendor-keywords.ts";

describe("vendor keywords", () => {
  it("a secret by writeOnly or by airbyte_secret, and only when true", () => {
    expect(isSecretByAnyMarking({ type: "string", writeOnly: true })).toBe(true);
    expect(isSecretByAnyMarking({ type: "string", airbyte_secret: true })).toBe(true);
    expect(isSecretByAnyMarking({ type: "string", airbyte_secret: "true" })).toBe(false);
    expect(isSecretByAnyMarking({ type: "string", airbyte_secret: false })).toBe(false);
    expect(isSecretByAnyMarking(JSON.parse('{"__proto__":{"airbyte_secret":true}}'))).toBe(false);
  });

  it("orders fields with an order first (ties keep the JSON's order), then the rest", () => {
    const properties = {
      host: { type: "string", order: 1 },
      notes: { type: "string" },
      port: { type: "integer", order: 0 },
      user: { type: "string", order: 1 },
      extra: { type: "string", order: "2" },
    };
    expect(keysInDisplayOrder(properties)).toEqual(["port", "host", "user", "notes", "extra"]);
  });

  it("display order is a permutation of the keys, and the identity without any order", () => {
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.string(),
          fc.record({ order: fc.option(fc.integer({ min: -3, max: 3 }), { nil: undefined }) }),
        ),
        (raw) => {
          const properties = JSON.parse(JSON.stringify(raw));
          const keys = keysInDisplayOrder(properties);
          expect([...keys].sort()).toEqual(Object.keys(properties).sort());
          const plain = Object.fromEntries(Object.keys(properties).map((k) => [k, {}]));
          expect(keysInDisplayOrder(plain)).toEqual(Object.keys(plain));
        },
      ),
    );
  });

  it("reads group, multiline, airbyte_hidden and pattern_descriptor only in their right form", () => {
    expect(displayGroupOf({ group: "auth" })).toBe("auth");
    expect(displayGroupOf({ group: "" })).toBeUndefined();
    expect(isMultiline({ multiline: true })).toBe(true);
    expect(isMultiline({ multiline: "yes" })).toBe(false);
    expect(isHidden({ airbyte_hidden: true })).toBe(true);
    expect(patternDescriptorOf({ pattern_descriptor: "YYYY-MM-DD" })).toBe("YYYY-MM-DD");
    expect(patternDescriptorOf({ pattern_descriptor: "  " })).toBeUndefined();
  });
});
