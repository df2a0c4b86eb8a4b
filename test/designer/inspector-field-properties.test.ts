import { describe, expect, it } from "vitest";
import {
  booleanDefaultEdit,
  boundEdit,
  branchValueText,
  defaultEdit,
  discriminatorKeyText,
  formatChoices,
  formatEdit,
  isCountBound,
  type PropertyName,
  parseNumber,
  patternEdit,
  patternProblem,
  placeholderEdit,
  placeholderText,
  secretEdit,
  sectionsFor,
  selectDefaultEdit,
  selectionOf,
  textEdit,
} from "../../src/designer/inspector/field-properties.ts";
import type { JsonObject } from "../../src/json/value.ts";
import {
  applyTransaction,
  type CredentialDocument,
  type FieldNode,
  isRefusal,
  updateField,
} from "../../src/model/index.ts";
import { importSchema } from "../../src/schema/import.ts";
import { checkPattern } from "../../src/schema/pattern-safety/index.ts";
import { toSchema } from "../../src/schema/to-schema.ts";

const field = (schema: JsonObject | boolean, key = "f"): FieldNode => ({ id: "n1", key, schema });
const properties = (node: FieldNode) =>
  sectionsFor(node).flatMap((section) => section.properties as PropertyName[]);

const doc = (): CredentialDocument =>
  importSchema({
    type: "object",
    properties: {
      user: { type: "string", title: "User" },
      auth: {
        title: "Auth",
        oneOf: [
          {
            title: "None",
            type: "object",
            properties: { type: { type: "string", const: "none" } },
          },
          {
            title: "Basic",
            type: "object",
            properties: { type: { type: "string", const: "basic" } },
          },
        ],
      },
    },
    required: ["user"],
  });

describe("which properties a field shows", () => {
  it("a text field: key, title, help, required, secret, placeholder, default, format, pattern, lengths", () => {
    expect(properties(field({ type: "string" }))).toEqual([
      "key",
      "title",
      "help",
      "required",
      "secret",
      "placeholder",
      "default",
      "format",
      "pattern",
      "length",
    ]);
  });

  it("a secret has no placeholder or default, unless it carries one (then to clear it)", () => {
    const secret = properties(field({ type: "string", writeOnly: true }));
    expect(secret).not.toContain("default");
    expect(secret).not.toContain("placeholder");
    expect(secret).toContain("pattern");
    const withDefault = properties(field({ type: "string", writeOnly: true, default: "x" }));
    expect(withDefault).toContain("default");
    expect(withDefault).not.toContain("placeholder");
    const withExamples = properties(field({ type: "string", writeOnly: true, examples: ["x"] }));
    expect(withExamples).toContain("placeholder");
    expect(withExamples).not.toContain("default");
  });

  it("numbers get min/max and no pattern; yes/no a default only; a select its options", () => {
    const number = properties(field({ type: "integer" }));
    expect(number).toEqual(["key", "title", "help", "required", "placeholder", "default", "range"]);
    expect(properties(field({ type: "boolean" }))).toEqual([
      "key",
      "title",
      "help",
      "required",
      "default",
    ]);
    const select = properties(field({ type: "string", enum: ["a"] }));
    expect(select).toContain("options");
    expect(select).not.toContain("pattern");
  });

  it("a list of strings gets its number of items; a choice its discriminator key before Add branch", () => {
    const list = sectionsFor(field({ type: "array", items: { type: "string" } }));
    expect(list.find((section) => section.title === "Validation")?.properties).toEqual([
      "list-count",
      "list-unique",
    ]);
    const choice = sectionsFor({
      id: "c",
      key: "auth",
      schema: { oneOf: [] },
      branches: [{ id: "b", key: "", schema: { type: "object" }, fields: [] }],
    });
    expect(choice.at(-1)).toEqual({ title: "Branches", properties: ["discriminator", "branches"] });
  });

  it("multi-line text has no format; a group or a boolean schema only what applies", () => {
    expect(properties(field({ type: "string", "x-widget": "multiline" }))).not.toContain("format");
    expect(properties({ id: "g", key: "g", schema: { type: "object" }, fields: [] })).toEqual([
      "key",
      "title",
      "help",
      "required",
    ]);
    expect(properties(field(true))).toEqual(["key", "required"]);
  });

  it("selectionOf: a field knows whether it is required; a branch shows its branch properties", () => {
    const d = doc();
    const user = d.root.fields![0]!;
    const auth = d.root.fields![1]!;
    expect(selectionOf(d, user.id)).toMatchObject({ place: "field", kind: "text", required: true });
    expect(selectionOf(d, auth.id)).toMatchObject({
      place: "field",
      kind: "choice",
      required: false,
    });
    const branch = selectionOf(d, auth.branches![1]!.id)!;
    expect(branch).toMatchObject({ place: "branch", choice: auth });
    expect(branch.sections.flatMap((s) => s.properties)).toEqual(["branch", "help"]);
    expect(branchValueText(auth, auth.branches![1]!)).toBe("basic");
    expect(discriminatorKeyText(auth)).toBe("type");
    expect(selectionOf(d, d.root.id)).toBeUndefined();
    expect(selectionOf(d, undefined)).toBeUndefined();
    expect(selectionOf(d, "gone")).toBeUndefined();
  });
});

describe("typed text to edits", () => {
  it("title and help: empty removes the keyword", () => {
    expect(textEdit("title", "User")).toEqual({ ok: true, update: { set: { title: "User" } } });
    expect(textEdit("description", "")).toEqual({
      ok: true,
      update: { set: { description: undefined } },
    });
  });

  it("numbers: digits only, whole numbers for integers", () => {
    expect(parseNumber("42")).toEqual({ ok: true, value: 42 });
    expect(parseNumber(" -2.5e3 ")).toEqual({ ok: true, value: -2500 });
    for (const bad of ["abc", "0x10", "1,5", "Infinity", "", "1e999"])
      expect(parseNumber(bad).ok).toBe(false);
    expect(parseNumber("2.5", true).ok).toBe(false);
  });

  it("a default is typed by kind", () => {
    expect(defaultEdit("number", "8080")).toEqual({ ok: true, update: { set: { default: 8080 } } });
    expect(defaultEdit("text", "8080")).toEqual({ ok: true, update: { set: { default: "8080" } } });
    expect(defaultEdit("integer", "1.5")).toEqual({
      ok: false,
      reason: expect.stringMatching(/^The default is not a whole number/),
    });
    expect(defaultEdit("number", "lots")).toEqual({
      ok: false,
      reason: expect.stringMatching(/^The default is not a number/),
    });
    expect(defaultEdit("number", "")).toEqual({
      ok: true,
      update: { set: { default: undefined } },
    });
    expect(booleanDefaultEdit(true)).toEqual({ ok: true, update: { set: { default: true } } });
    expect(booleanDefaultEdit(false)).toEqual({
      ok: true,
      update: { set: { default: undefined } },
    });
    const select = field({ type: "string", enum: ["eu", "us"] });
    expect(selectDefaultEdit(select, "1")).toEqual({
      ok: true,
      update: { set: { default: "us" } },
    });
    expect(selectDefaultEdit(select, "")).toEqual({
      ok: true,
      update: { set: { default: undefined } },
    });
    expect(selectDefaultEdit(select, "7").ok).toBe(false);
  });

  it("the placeholder is the first example; further examples are kept", () => {
    const node = field({ type: "string", examples: ["a", "b"] });
    expect(placeholderText(node)).toBe("a");
    expect(placeholderEdit(node, "text", "z")).toEqual({
      ok: true,
      update: { set: { examples: ["z", "b"] } },
    });
    expect(placeholderEdit(node, "text", "")).toEqual({
      ok: true,
      update: { set: { examples: ["b"] } },
    });
    expect(placeholderEdit(field({ type: "string", examples: ["a"] }), "text", "")).toEqual({
      ok: true,
      update: { set: { examples: undefined } },
    });
    expect(placeholderEdit(field({ type: "number" }), "number", "443")).toEqual({
      ok: true,
      update: { set: { examples: [443] } },
    });
    expect(placeholderEdit(field({ type: "number" }), "number", "port").ok).toBe(false);
  });

  it("a pattern: invalid and unsafe ones are refused with the reason, a safe one is set", () => {
    expect(patternProblem("^(a+)+$", checkPattern)).toMatchObject({
      kind: "unsafe",
      message: expect.stringMatching(/^Unsafe pattern: it can backtrack catastrophically/),
    });
    expect(patternProblem("^[a-z", checkPattern)).toMatchObject({
      kind: "invalid",
      message: expect.stringMatching(/not a valid regular expression/),
    });
    expect(patternProblem("^[a-z]+$", checkPattern)).toBeUndefined();
    expect(patternEdit("^(a+)+$", checkPattern).ok).toBe(false);
    expect(patternEdit("^[a-z]+$", checkPattern)).toEqual({
      ok: true,
      update: { set: { pattern: "^[a-z]+$" } },
    });
    expect(patternEdit("", checkPattern)).toEqual({
      ok: true,
      update: { set: { pattern: undefined } },
    });
  });

  it("bounds: numbers, lengths whole and not negative, min never above max", () => {
    const text = field({ type: "string", minLength: 2, maxLength: 10 });
    expect(boundEdit(text, "minLength", "5")).toEqual({
      ok: true,
      update: { set: { minLength: 5 } },
    });
    expect(boundEdit(text, "minLength", "11")).toEqual({
      ok: false,
      reason: "The minimum length (11) must not exceed the maximum length (10)",
    });
    expect(boundEdit(text, "maxLength", "1")).toEqual({
      ok: false,
      reason: "The maximum length (1) must not be below the minimum length (2)",
    });
    expect(boundEdit(text, "maxLength", "-1")).toEqual({
      ok: false,
      reason: "The maximum length must be 0 or more",
    });
    expect(boundEdit(text, "maxLength", "2.5").ok).toBe(false);
    expect(boundEdit(text, "maxLength", "")).toEqual({
      ok: true,
      update: { set: { maxLength: undefined } },
    });
    const number = field({ type: "number", maximum: 1 });
    expect(boundEdit(number, "minimum", "0.5")).toEqual({
      ok: true,
      update: { set: { minimum: 0.5 } },
    });
    expect(boundEdit(number, "minimum", "2").ok).toBe(false);
    expect(boundEdit(number, "minimum", "two")).toEqual({
      ok: false,
      reason: expect.stringMatching(/^The minimum is not a number/),
    });
    expect(boundEdit(number, "minimum", "1")).toEqual({
      ok: true,
      update: { set: { minimum: 1 } },
    });
  });

  it("exclusive bounds: no value may fit nowhere; an exclusive bound may not meet the other side", () => {
    const number = (schema: JsonObject) => field({ type: "number", ...schema });
    expect(boundEdit(number({}), "exclusiveMinimum", "0")).toEqual({
      ok: true,
      update: { set: { exclusiveMinimum: 0 } },
    });
    expect(boundEdit(number({}), "exclusiveMaximum", " 1.5 ")).toEqual({
      ok: true,
      update: { set: { exclusiveMaximum: 1.5 } },
    });
    expect(boundEdit(number({}), "exclusiveMaximum", "")).toEqual({
      ok: true,
      update: { set: { exclusiveMaximum: undefined } },
    });
    expect(boundEdit(number({}), "exclusiveMinimum", "low")).toEqual({
      ok: false,
      reason: expect.stringMatching(/^The exclusive minimum is not a number/),
    });
    // Against an inclusive bound on the other side: equal leaves nothing, below leaves room.
    expect(boundEdit(number({ maximum: 10 }), "exclusiveMinimum", "10")).toEqual({
      ok: false,
      reason: "The exclusive minimum (10) must be below the maximum (10)",
    });
    expect(boundEdit(number({ maximum: 10 }), "exclusiveMinimum", "9.5").ok).toBe(true);
    expect(boundEdit(number({ minimum: 10 }), "exclusiveMaximum", "10")).toEqual({
      ok: false,
      reason: "The exclusive maximum (10) must be above the minimum (10)",
    });
    expect(boundEdit(number({ exclusiveMaximum: 10 }), "minimum", "10")).toEqual({
      ok: false,
      reason: "The minimum (10) must be below the exclusive maximum (10)",
    });
    expect(boundEdit(number({ exclusiveMaximum: 10 }), "minimum", "11").ok).toBe(false);
    expect(boundEdit(number({ exclusiveMinimum: 10 }), "maximum", "10")).toEqual({
      ok: false,
      reason: "The maximum (10) must be above the exclusive minimum (10)",
    });
    expect(boundEdit(number({ exclusiveMinimum: 10 }), "maximum", "10.1").ok).toBe(true);
    // Two exclusive bounds.
    expect(boundEdit(number({ exclusiveMaximum: 5 }), "exclusiveMinimum", "5")).toEqual({
      ok: false,
      reason: "The exclusive minimum (5) must be below the exclusive maximum (5)",
    });
    expect(boundEdit(number({ exclusiveMinimum: 5 }), "exclusiveMaximum", "4")).toEqual({
      ok: false,
      reason: "The exclusive maximum (4) must be above the exclusive minimum (5)",
    });
    expect(boundEdit(number({ exclusiveMinimum: 5 }), "exclusiveMaximum", "6").ok).toBe(true);
    // Two inclusive bounds may still meet, and bounds on the same side never clash.
    expect(boundEdit(number({ maximum: 5 }), "minimum", "5").ok).toBe(true);
    expect(boundEdit(number({ minimum: 5, maximum: 8 }), "exclusiveMinimum", "7").ok).toBe(true);
    expect(boundEdit(number({ exclusiveMinimum: 7 }), "minimum", "9").ok).toBe(true);
    // Every bound on the other side is checked, not only the first.
    expect(boundEdit(number({ maximum: 100, exclusiveMaximum: 10 }), "minimum", "50")).toEqual({
      ok: false,
      reason: "The minimum (50) must be below the exclusive maximum (10)",
    });
    // A draft-04 style boolean exclusiveMaximum is not a number and sets no bound here.
    expect(boundEdit(number({ exclusiveMaximum: true }), "minimum", "50").ok).toBe(true);
  });

  it("a list's number of items: whole, 0 or more, the minimum never above the maximum", () => {
    const list = field({ type: "array", items: { type: "string" }, minItems: 1, maxItems: 5 });
    expect(boundEdit(list, "minItems", "0")).toEqual({
      ok: true,
      update: { set: { minItems: 0 } },
    });
    expect(boundEdit(list, "maxItems", "1")).toEqual({
      ok: true,
      update: { set: { maxItems: 1 } },
    });
    expect(boundEdit(list, "minItems", "6")).toEqual({
      ok: false,
      reason: "The minimum number of items (6) must not exceed the maximum number of items (5)",
    });
    expect(boundEdit(list, "maxItems", "0")).toEqual({
      ok: false,
      reason: "The maximum number of items (0) must not be below the minimum number of items (1)",
    });
    expect(boundEdit(list, "minItems", "-1")).toEqual({
      ok: false,
      reason: "The minimum number of items must be 0 or more",
    });
    expect(boundEdit(list, "maxItems", "2.5")).toEqual({
      ok: false,
      reason: expect.stringMatching(/^The maximum number of items is not a whole number/),
    });
    expect(boundEdit(list, "maxItems", "")).toEqual({
      ok: true,
      update: { set: { maxItems: undefined } },
    });
    expect([
      isCountBound("minItems"),
      isCountBound("maxLength"),
      isCountBound("exclusiveMinimum"),
      isCountBound("maximum"),
    ]).toEqual([true, true, false, false]);
  });

  it("a choice's discriminator key: the key every branch fixes, or none", () => {
    const branch = (properties: JsonObject) => ({ type: "object", properties });
    const choice = (...branches: JsonObject[]) =>
      importSchema({ type: "object", properties: { auth: { oneOf: branches } } }).root.fields![0]!;
    expect(
      discriminatorKeyText(
        choice(branch({ kind: { const: "a" } }), branch({ kind: { const: "b" }, user: {} })),
      ),
    ).toBe("kind");
    expect(
      discriminatorKeyText(choice(branch({ kind: { const: "a" } }), branch({ user: {} }))),
    ).toBe("");
  });

  it("format: none removes it; an unknown format already there is offered too", () => {
    expect(formatEdit("")).toEqual({ ok: true, update: { set: { format: undefined } } });
    expect(formatEdit("email")).toEqual({ ok: true, update: { set: { format: "email" } } });
    expect(
      formatChoices(field({ type: "string", format: "ipv4" })).filter((f) => f.value === "ipv4"),
    ).toHaveLength(1);
    expect(formatChoices(field({ type: "string", format: "iban" })).at(-1)).toEqual({
      value: "iban",
      label: "iban",
    });
  });

  it("secret edits go through the core, which refuses a secret with a value (the check's fix clears it)", () => {
    const d = importSchema({
      type: "object",
      properties: { token: { type: "string", default: "abc", examples: ["x"] } },
    });
    const id = d.root.fields![0]!.id;
    const on = secretEdit(true);
    if (!on.ok) throw new Error("expected an edit");
    expect(isRefusal(updateField(d, id, on.update))).toBe(true);
    const both = updateField(d, id, {
      set: { default: undefined, examples: undefined, ...on.update.set },
    });
    if (isRefusal(both)) throw new Error(both.reason);
    const applied = applyTransaction(d, both);
    if (!applied.ok) throw new Error(applied.reason);
    expect(toSchema(applied.doc)).toEqual({
      type: "object",
      properties: { token: { type: "string", writeOnly: true } },
    });
    expect(secretEdit(false)).toEqual({ ok: true, update: { set: { writeOnly: undefined } } });
  });
});
