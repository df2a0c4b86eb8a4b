import { describe, expect, it } from "vitest";
import { diffSchemas, formatJson, formatText, REDACTED } from "../../src/diff/index.ts";
import type { JsonObject } from "../../src/json/value.ts";

/** A value that must never show up in what diff reports. */
const MARKER = "sk_live_MARKER_51HxQ";

const window = (properties: JsonObject): JsonObject => ({ type: "object", properties });

describe("secret values in the schema are never shown", () => {
  const cases: Array<[string, JsonObject, JsonObject]> = [
    [
      "a secret gets a default",
      { type: "string", writeOnly: true },
      { type: "string", writeOnly: true, default: MARKER },
    ],
    [
      "a secret's default changes",
      { type: "string", writeOnly: true, default: `${MARKER}-old` },
      { type: "string", writeOnly: true, default: MARKER },
    ],
    [
      "a secret's default is removed",
      { type: "string", writeOnly: true, default: MARKER },
      { type: "string", writeOnly: true },
    ],
    [
      "a secret gets examples",
      { type: "string", writeOnly: true },
      { type: "string", writeOnly: true, examples: [MARKER] },
    ],
    [
      "a secret loses examples",
      { type: "string", writeOnly: true, examples: [MARKER] },
      { type: "string", writeOnly: true },
    ],
    [
      "a secret's allowed values shrink",
      { type: "string", writeOnly: true, enum: [MARKER, "b"] },
      { type: "string", writeOnly: true, enum: ["b"] },
    ],
    [
      "a secret gets a constant",
      { type: "string", writeOnly: true },
      { type: "string", writeOnly: true, const: MARKER },
    ],
    [
      "a field with a default stops being secret",
      { type: "string", writeOnly: true, default: MARKER },
      { type: "string", default: MARKER },
    ],
    [
      "a field with a default becomes secret",
      { type: "string", default: `${MARKER}-x` },
      { type: "string", writeOnly: true, default: MARKER },
    ],
  ];

  it.each(cases)("%s", (_name, before, after) => {
    const changes = diffSchemas(window({ token: before }), window({ token: after }));
    expect(changes.length).toBeGreaterThan(0);
    const report = {
      oldFile: "old.json",
      newFile: "new.json",
      failOn: "breaking" as const,
      changes,
    };
    for (const output of [JSON.stringify(changes), formatText(report), formatJson(report)])
      expect(output).not.toContain(MARKER);
  });

  it("says a secret got a value, with the value redacted", () => {
    const [change] = diffSchemas(
      window({ token: { type: "string", writeOnly: true } }),
      window({ token: { type: "string", writeOnly: true, default: MARKER } }),
    );
    expect(change).toMatchObject({
      rule: "secret-value-added",
      class: "exposing",
      keyword: "default",
      new: REDACTED,
    });
    expect(change!.message).toMatch(/secret field "token".*default/);
  });
});
