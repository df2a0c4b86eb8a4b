import { describe, expect, it } from "vitest";
import { type Change, diffSchemas } from "../../src/diff/index.ts";
import type { JsonObject } from "../../src/json/value.ts";

const text = { type: "string" };
const window = (properties: JsonObject, extra: JsonObject = {}): JsonObject => ({
  type: "object",
  properties,
  ...extra,
});
const option = (value: string, fields: JsonObject = {}): JsonObject => ({
  title: value.toUpperCase(),
  type: "object",
  properties: { type: { const: value }, ...fields },
  required: ["type"],
});
const summary = (changes: Change[]) =>
  changes.map(
    (change) =>
      `${change.rule} ${change.field} ${change.pointerIn === "old" ? "old:" : ""}${change.pointer}`,
  );

describe("nested groups", () => {
  it("reports changes inside a group at the field's path in the value", () => {
    const before = window({ conn: window({ host: { type: "string", maxLength: 100 } }) });
    const after = window({
      conn: window(
        { host: { type: "string", maxLength: 50 }, port: { type: "integer" } },
        { required: ["port"] },
      ),
    });
    expect(summary(diffSchemas(before, after))).toEqual([
      "limit-tightened /conn/host /properties/conn/properties/host/maxLength",
      "required-field-added /conn/port /properties/conn/properties/port",
    ]);
  });
});

describe("choices", () => {
  it("matches options by discriminator value, so a reorder is one compatible change and inner changes point at the new place", () => {
    const before = window({
      auth: {
        oneOf: [
          option("basic", { user: text }),
          option("apiKey", { key: { type: "string", minLength: 8 } }),
        ],
      },
    });
    const after = window({
      auth: {
        oneOf: [
          option("apiKey", { key: { type: "string", minLength: 16 } }),
          option("basic", { user: text }),
        ],
      },
    });
    expect(summary(diffSchemas(before, after))).toEqual([
      "order-changed /auth /properties/auth/oneOf",
      "limit-tightened /auth/key /properties/auth/oneOf/0/properties/key/minLength",
    ]);
  });

  it("a renamed discriminator value is a removal plus an addition, with a hint on both", () => {
    const before = window({ auth: { oneOf: [option("basic"), option("apiKey")] } });
    const after = window({
      auth: { oneOf: [option("basic"), { ...option("api_key"), title: "APIKEY" }] },
    });
    const changes = diffSchemas(before, after);
    expect(summary(changes)).toEqual([
      "choice-option-removed /auth old:/properties/auth/oneOf/1",
      "choice-option-added /auth /properties/auth/oneOf/1",
    ]);
    expect(changes[0]!.hint).toMatch(/renamed to the option "APIKEY" \(type "api_key"\)/);
    expect(changes[1]!.hint).toMatch(/renamed from the option "APIKEY" \(type "apiKey"\)/);
  });

  it("without a discriminator, matches options by title, else by position", () => {
    const titled = (title: string, fields: JsonObject) => ({
      title,
      type: "object",
      properties: fields,
    });
    const before = window({
      auth: {
        oneOf: [
          titled("Token", { token: text }),
          titled("Key", { key: { type: "string", maxLength: 10 } }),
        ],
      },
    });
    const after = window({
      auth: {
        oneOf: [
          titled("Key", { key: { type: "string", maxLength: 5 } }),
          titled("Token", { token: text }),
        ],
      },
    });
    expect(summary(diffSchemas(before, after))).toEqual([
      "order-changed /auth /properties/auth/oneOf",
      "limit-tightened /auth/key /properties/auth/oneOf/0/properties/key/maxLength",
    ]);

    const untitled = (fields: JsonObject) => ({ type: "object", properties: fields });
    const first = window({
      auth: { oneOf: [untitled({ a: text }), untitled({ b: { type: "string", maxLength: 9 } })] },
    });
    const second = window({
      auth: { oneOf: [untitled({ a: text }), untitled({ b: { type: "string", maxLength: 3 } })] },
    });
    expect(summary(diffSchemas(first, second))).toEqual([
      "limit-tightened /auth/b /properties/auth/oneOf/1/properties/b/maxLength",
    ]);
  });

  it("a required field with a default inside an option still breaks: no default is filled in inside oneOf", () => {
    const before = window({ auth: { oneOf: [option("basic")] } });
    const after = window({
      auth: {
        oneOf: [
          {
            ...option("basic", { realm: { type: "string", default: "main" } }),
            required: ["type", "realm"],
          },
        ],
      },
    });
    const [change] = diffSchemas(before, after);
    expect(change).toMatchObject({
      rule: "required-field-added",
      class: "breaking",
      field: "/auth/realm",
    });
    expect(change!.message).toContain("inside an option of a choice");
  });
});

describe("local $refs", () => {
  it("follows #/definitions/… and #/$defs/…, and points into the definition that changed", () => {
    const schema = (host: JsonObject, token: JsonObject): JsonObject => ({
      ...window({ a: { $ref: "#/definitions/host" }, b: { $ref: "#/$defs/token" } }),
      definitions: { host },
      $defs: { token },
    });
    const changes = diffSchemas(
      schema({ type: "string", maxLength: 253 }, { type: "string", writeOnly: true }),
      schema({ type: "string", maxLength: 100 }, text),
    );
    expect(summary(changes)).toEqual([
      "limit-tightened /a /definitions/host/maxLength",
      "secret-exposed /b /properties/b",
    ]);
  });

  it("moving a field into a definition changes nothing", () => {
    const before = window({ a: { type: "string", title: "A", maxLength: 9 } }, { required: ["a"] });
    const after = {
      ...window({ a: { $ref: "#/definitions/a" } }, { required: ["a"] }),
      definitions: { a: { type: "string", title: "A", maxLength: 9 } },
    };
    expect(diffSchemas(before, after)).toEqual([]);
  });

  it("a required field's default moved into a definition is no longer filled in: breaking", () => {
    const before = window({ region: { type: "string", default: "eu" } }, { required: ["region"] });
    const after = {
      ...window({ region: { $ref: "#/definitions/region" } }, { required: ["region"] }),
      definitions: { region: { type: "string", default: "eu" } },
    };
    expect(summary(diffSchemas(before, after))).toEqual([
      "default-removed /region /definitions/region/default",
    ]);
  });

  it("ends on recursive definitions, and on refs that lead nowhere", () => {
    const tree = (name: JsonObject): JsonObject => ({
      ...window({ n: { $ref: "#/definitions/node" } }),
      definitions: { node: window({ child: { $ref: "#/definitions/node" }, name }) },
    });
    expect(summary(diffSchemas(tree(text), tree({ type: "string", minLength: 1 })))).toEqual([
      "limit-tightened /n/name /definitions/node/properties/name/minLength",
    ]);
    expect(diffSchemas(tree(text), tree(text))).toEqual([]);
    const loop = {
      ...window({ x: { $ref: "#/definitions/a" } }),
      definitions: { a: { $ref: "#/definitions/b" }, b: { $ref: "#/definitions/a" } },
    };
    expect(diffSchemas(loop, structuredClone(loop))).toEqual([]);
    expect(
      summary(
        diffSchemas(
          window({ n: { $ref: "#/definitions/x" } }),
          window({ n: { $ref: "#/definitions/y" } }),
        ),
      ),
    ).toEqual(["constraint-tightened /n /properties/n/$ref"]);
  });
});

describe("lists of strings", () => {
  it("compares the items, at <field>/* in the value", () => {
    const before = window({ scopes: { type: "array", items: text } });
    const after = window({
      scopes: {
        type: "array",
        items: { type: "string", pattern: "^[a-z.]+$" },
        maxItems: 5,
        uniqueItems: true,
      },
    });
    expect(summary(diffSchemas(before, after))).toEqual([
      "limit-tightened /scopes /properties/scopes/maxItems",
      "limit-tightened /scopes /properties/scopes/uniqueItems",
      "pattern-tightened /scopes/* /properties/scopes/items/pattern",
    ]);
  });
});

describe("renames", () => {
  it("hint only when the two look alike: same kind, and a similar key or the same title", () => {
    const before = window({
      api_key: { type: "string", title: "API key", writeOnly: true },
      host: text,
      flag: { type: "boolean" },
    });
    const after = window({
      apiKey: { type: "string", title: "API key", writeOnly: true },
      port: { type: "integer" },
      flags: text,
    });
    const hints = Object.fromEntries(
      diffSchemas(before, after).map((change) => [change.field, change.hint ?? ""]),
    );
    expect(hints["/api_key"]).toMatch(/renamed to the field "apiKey"/);
    expect(hints["/apiKey"]).toMatch(/renamed from the field "api_key"/);
    // host → port: different kinds; flag → flags: similar keys, but a yes/no became text.
    expect([hints["/host"], hints["/port"], hints["/flag"], hints["/flags"]]).toEqual([
      "",
      "",
      "",
      "",
    ]);
  });
});

describe("document order", () => {
  it("follows the new schema, with removed fields where they stood in the old one", () => {
    const before = window({ a: text, gone: text, b: text, c: { type: "string", title: "x" } });
    const after = window({ c: { type: "string", title: "y" }, a: text, b: text, d: text });
    expect(summary(diffSchemas(before, after))).toEqual([
      "order-changed  /properties",
      "text-changed /c /properties/c/title",
      "field-removed /gone old:/properties/gone",
      "field-added /d /properties/d",
    ]);
  });

  it("lists a node's own changes in the order its keywords are written", () => {
    const before = window({ a: { title: "A", type: "string", maxLength: 5 } });
    const after = window({ a: { maxLength: 3, type: "integer", title: "B" } });
    expect(diffSchemas(before, after).map((change) => change.keyword)).toEqual([
      "maxLength",
      "type",
      "title",
    ]);
  });
});

describe("bounds", () => {
  it.each([
    [{ minimum: 1 }, { exclusiveMinimum: 0 }, "limit-loosened"],
    [{ minimum: 1 }, { exclusiveMinimum: 1 }, "limit-tightened"],
    [{ maximum: 10 }, { exclusiveMaximum: 10 }, "limit-tightened"],
    [{ multipleOf: 2 }, { multipleOf: 4 }, "limit-tightened"],
    [{ multipleOf: 4 }, { multipleOf: 2 }, "limit-loosened"],
    [{ multipleOf: 0.3 }, { multipleOf: 0.1 }, "limit-tightened"],
  ])("%j -> %j is %s", (before, after, rule) => {
    const changes = diffSchemas(
      window({ n: { type: "number", ...before } }),
      window({ n: { type: "number", ...after } }),
    );
    expect(changes.map((change) => change.rule)).toEqual([rule]);
  });

  it("the same bound written the same way is no change", () => {
    expect(
      diffSchemas(
        window({ n: { type: "number", minimum: 1 } }),
        window({ n: { minimum: 1, type: "number" } }),
      ),
    ).toEqual([]);
  });
});

describe("types", () => {
  it.each([
    ["string", ["string", "null"], "type-widened"],
    [["string", "null"], "string", "type-narrowed"],
    ["integer", "number", "type-widened"],
    ["number", "integer", "type-narrowed"],
    [undefined, "string", "type-narrowed"],
    ["string", undefined, "type-widened"],
  ])("%j -> %j is %s", (before, after, rule) => {
    const field = (type: unknown) => (type === undefined ? {} : { type });
    expect(
      diffSchemas(
        window({ n: field(before) as JsonObject }),
        window({ n: field(after) as JsonObject }),
      ).map((change) => change.rule),
    ).toEqual([rule]);
  });
});
