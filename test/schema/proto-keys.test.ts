import Ajv from "ajv";
import { describe, expect, it } from "vitest";
import type { JsonObject } from "../../src/json/value.ts";
import { AJV_OPTIONS } from "../../src/schema/ajv-options.ts";
import { runnableSchema } from "../../src/schema/runnable-schema.ts";

/** The schema as the validator runs it (runnableSchema), compiled by Ajv. */
function validatorOf(text: string) {
  const ajv = new Ajv(AJV_OPTIONS);
  return ajv.compile(runnableSchema(ajv, JSON.parse(text) as JsonObject, "credential").schema);
}

describe("a __proto__ property's schema is applied (Ajv skips the key itself)", () => {
  it("at the root", () => {
    const validate = validatorOf(
      '{"type":"object","properties":{"__proto__":{"type":"number","maximum":16}}}',
    );
    expect(validate(JSON.parse('{"__proto__":16}'))).toBe(true);
    expect(validate(JSON.parse('{"__proto__":20}'))).toBe(false);
  });

  // Found by a random seed of test/export/csharp/generate-random.test.ts: the C# model refused
  // 20 there and the validator took it, the inner schema having moved with the outer one.
  it("inside another __proto__ property", () => {
    const validate = validatorOf(
      '{"type":"object","properties":{"__proto__":{"type":"object","properties":{"__proto__":{"type":"number","maximum":16}}}}}',
    );
    expect(validate(JSON.parse('{"__proto__":{"__proto__":16}}'))).toBe(true);
    expect(validate(JSON.parse('{"__proto__":{"__proto__":20}}'))).toBe(false);
    expect(validate.errors?.map((error) => error.instancePath)).toEqual(["/__proto__/__proto__"]);
  });

  it("inside a __proto__ pattern's schema", () => {
    const validate = validatorOf(
      '{"type":"object","patternProperties":{"__proto__":{"type":"object","properties":{"__proto__":{"const":1}}}}}',
    );
    expect(validate(JSON.parse('{"x__proto__":{"__proto__":1}}'))).toBe(true);
    expect(validate(JSON.parse('{"x__proto__":{"__proto__":2}}'))).toBe(false);
  });
});
