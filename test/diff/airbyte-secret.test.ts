import { describe, expect, it } from "vitest";
import { diffSchemas, formatJson, formatText, REDACTED } from "../../src/diff/index.ts";
import type { JsonObject } from "../../src/json/value.ts";

/** Airbyte marks secrets `"airbyte_secret": true`: diff's secret rules count it as writeOnly. */
const MARKER = "sk_live_MARKER_airbyte_7Qz";
const window = (properties: JsonObject): JsonObject => ({ type: "object", properties });
const diff = (before: JsonObject, after: JsonObject) =>
  diffSchemas(window({ token: before }), window({ token: after }));
const rules = (before: JsonObject, after: JsonObject) =>
  diff(before, after).map((change) => `${change.class} ${change.rule} ${change.keyword}`);

describe("diff: airbyte_secret is a secret marking", () => {
  it("a field that loses airbyte_secret stops being secret: exposing, once", () => {
    const changes = diff({ type: "string", airbyte_secret: true }, { type: "string" });
    expect(changes).toEqual([
      expect.objectContaining({
        rule: "secret-exposed",
        class: "exposing",
        keyword: "airbyte_secret",
        old: true,
        pointer: "/properties/token",
        message: expect.stringContaining('("airbyte_secret" removed)'),
      }),
    ]);
  });

  it("airbyte_secret set to false: exposing, pointing at the keyword", () => {
    const [change] = diff(
      { type: "string", airbyte_secret: true },
      { type: "string", airbyte_secret: false },
    );
    expect(change).toMatchObject({
      rule: "secret-exposed",
      keyword: "airbyte_secret",
      new: false,
      pointer: "/properties/token/airbyte_secret",
    });
  });

  it("losing both markings at once names both", () => {
    const [change, ...rest] = diff(
      { type: "string", writeOnly: true, airbyte_secret: true },
      { type: "string" },
    );
    expect(rest).toEqual([]);
    expect(change!.rule).toBe("secret-exposed");
    expect(change!.message).toContain('("writeOnly" and "airbyte_secret" removed)');
  });

  it("losing one marking while the other stays is not a loss of secrecy", () => {
    for (const [before, after] of [
      [
        { type: "string", airbyte_secret: true },
        { type: "string", writeOnly: true },
      ],
      [
        { type: "string", writeOnly: true },
        { type: "string", airbyte_secret: true },
      ],
      [
        { type: "string", writeOnly: true, airbyte_secret: true },
        { type: "string", writeOnly: true },
      ],
      [
        { type: "string", writeOnly: true, airbyte_secret: true },
        { type: "string", airbyte_secret: true },
      ],
    ] as Array<[JsonObject, JsonObject]>) {
      const changes = diff(before, after);
      expect(changes.length).toBeGreaterThan(0);
      for (const change of changes) {
        expect(change.class).toBe("compatible");
        expect(change.rule).toBe("annotation-changed");
        expect(change.message).toMatch(/it is still secret/);
      }
    }
    expect(
      rules({ type: "string", airbyte_secret: true }, { type: "string", writeOnly: true }),
    ).toEqual([
      "compatible annotation-changed writeOnly",
      "compatible annotation-changed airbyte_secret",
    ]);
  });

  it("a field that gains airbyte_secret became secret: compatible", () => {
    const [change, ...rest] = diff({ type: "string" }, { type: "string", airbyte_secret: true });
    expect(rest).toEqual([]);
    expect(change).toMatchObject({
      rule: "field-became-secret",
      class: "compatible",
      keyword: "airbyte_secret",
      new: true,
    });
    expect(change!.message).toContain('("airbyte_secret": true)');
  });

  it("a value given to an airbyte_secret field is exposing, and never shown", () => {
    const cases: Array<[JsonObject, JsonObject]> = [
      [
        { type: "string", airbyte_secret: true },
        { type: "string", airbyte_secret: true, default: MARKER },
      ],
      [
        { type: "string", airbyte_secret: true, examples: [`${MARKER}-old`] },
        { type: "string", airbyte_secret: true, examples: [MARKER] },
      ],
      [
        { type: "string", airbyte_secret: true },
        { type: "string", airbyte_secret: true, const: MARKER },
      ],
      [
        { type: "string", default: `${MARKER}-x` },
        { type: "string", airbyte_secret: true, default: MARKER },
      ],
      [
        { type: "string", airbyte_secret: true, default: MARKER },
        { type: "string", default: MARKER },
      ],
    ];
    for (const [before, after] of cases) {
      const changes = diff(before, after);
      expect(changes.length).toBeGreaterThan(0);
      const report = {
        oldFile: "old.json",
        newFile: "new.json",
        failOn: "breaking" as const,
        changes,
      };
      for (const output of [JSON.stringify(changes), formatText(report), formatJson(report)])
        expect(output).not.toContain(MARKER);
    }
    const [added] = diff(
      { type: "string", airbyte_secret: true },
      { type: "string", airbyte_secret: true, default: MARKER },
    );
    expect(added).toMatchObject({
      rule: "secret-value-added",
      class: "exposing",
      keyword: "default",
      new: REDACTED,
    });
  });

  it("follows $ref: a secret marked on the definition counts", () => {
    const before = {
      type: "object",
      properties: { token: { $ref: "#/definitions/secret" } },
      definitions: { secret: { type: "string", airbyte_secret: true } },
    };
    const after = {
      type: "object",
      properties: { token: { $ref: "#/definitions/secret" } },
      definitions: { secret: { type: "string" } },
    };
    expect(diffSchemas(before, after).map((change) => change.rule)).toContain("secret-exposed");
  });

  it("other vendor keywords are annotations: compatible, values shown", () => {
    const changes = diff(
      { type: "string", order: 1, group: "auth", multiline: true },
      { type: "string", order: 2, group: "db", airbyte_hidden: true },
    );
    expect(changes.every((change) => change.class === "compatible")).toBe(true);
    expect(changes.map((change) => change.keyword).sort()).toEqual(
      ["airbyte_hidden", "group", "multiline", "order"].sort(),
    );
  });
});
