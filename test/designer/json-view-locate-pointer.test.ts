import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { locatePointer } from "../../src/designer/json-view/locate-pointer.ts";
import { appendPointer } from "../../src/json/pointer.ts";
import { isJsonObject, type JsonValue, jsonEqual } from "../../src/json/value.ts";
import { parseJsonText } from "../../src/schema/parse-json.ts";
import { credentialSchema } from "../schema/credential-schema-arbitrary.ts";

const TEXT = `{
  "title": "API",
  "properties": {
    "a/b": { "type": "string", "enum": ["x", "y\\"]"] },
    "port": { "type": "integer", "minimum": -1.5e3 },
    "weird \\u0022name": true
  },
  "oneOf": [ {}, { "required": ["port"] } ]
}`;

const at = (pointer: string) => {
  const found = locatePointer(TEXT, pointer);
  return (
    found && {
      value: TEXT.slice(found.value.from, found.value.to),
      key: found.key && TEXT.slice(found.key.from, found.key.to),
      exact: found.exact,
    }
  );
};

describe("locatePointer: where the value at a JSON pointer is written", () => {
  it("finds members, escaped names, array items and plain values", () => {
    expect(at("")).toMatchObject({ value: TEXT, exact: true });
    expect(at("/title")).toEqual({ value: '"API"', key: '"title"', exact: true });
    // An array item has no name of its own.
    expect(at("/properties/a~1b/enum/1")).toEqual({
      value: '"y\\"]"',
      key: undefined,
      exact: true,
    });
    expect(at("/properties/port/minimum")).toEqual({
      value: "-1.5e3",
      key: '"minimum"',
      exact: true,
    });
    expect(at('/properties/weird "name')).toEqual({
      value: "true",
      key: '"weird \\u0022name"',
      exact: true,
    });
    expect(at("/oneOf/1/required")).toEqual({ value: '["port"]', key: '"required"', exact: true });
    expect(at("/oneOf/1/required/0")).toEqual({ value: '"port"', key: undefined, exact: true });
  });

  it("a pointer that goes further than the text gives the deepest value it reaches", () => {
    expect(at("/properties/port/maximum")).toMatchObject({
      value: '{ "type": "integer", "minimum": -1.5e3 }',
      key: '"port"',
      exact: false,
    });
    expect(at("/oneOf/7")).toMatchObject({
      value: '[ {}, { "required": ["port"] } ]',
      key: '"oneOf"',
      exact: false,
    });
    expect(at("/title/x")).toMatchObject({ value: '"API"', exact: false });
  });

  it("a malformed pointer or an empty text gives nothing", () => {
    expect(locatePointer(TEXT, "title")).toBeUndefined();
    expect(locatePointer("  ", "")).toBeUndefined();
  });

  it("property: every value of a formatted or compact schema is found where it is written", () => {
    fc.assert(
      fc.property(credentialSchema, fc.constantFrom(0, 2), (schema, indent) => {
        const text = JSON.stringify(schema, null, indent);
        // Every value's pointer; 80 of them checked (each lookup scans the text once).
        const values: Array<[string, JsonValue]> = [];
        const collect = (value: JsonValue, pointer: string) => {
          values.push([pointer, value]);
          if (Array.isArray(value))
            value.forEach((item, index) => {
              collect(item, appendPointer(pointer, index));
            });
          else if (isJsonObject(value))
            for (const key of Object.keys(value)) collect(value[key]!, appendPointer(pointer, key));
        };
        collect(parseJsonText(text), "");
        const step = Math.max(1, Math.floor(values.length / 80));
        const misplaced = values
          .filter((_, index) => index % step === 0 || index === values.length - 1)
          .filter(([pointer, value]) => {
            const found = locatePointer(text, pointer);
            return (
              !found?.exact ||
              !jsonEqual(parseJsonText(text.slice(found.value.from, found.value.to)), value)
            );
          })
          .map(([pointer]) => pointer);
        expect(misplaced).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });
});
