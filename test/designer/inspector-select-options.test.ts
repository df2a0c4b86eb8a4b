import { describe, expect, it } from "vitest";
import type { Edit } from "../../src/designer/inspector/field-properties.ts";
import {
  addOption,
  editOptionLabel,
  editOptionValue,
  moveOption,
  readOptions,
  removeOption,
} from "../../src/designer/inspector/select-options.ts";
import type { JsonObject } from "../../src/json/value.ts";
import type { FieldNode } from "../../src/model/index.ts";

const select = (extra: JsonObject = {}): FieldNode => ({
  id: "s",
  key: "region",
  schema: {
    type: "string",
    enum: ["eu", "us"],
    "x-enumNames": ["Europe", "United States"],
    ...extra,
  },
});
const set = (edit: Edit) => {
  if (!edit.ok) throw new Error(edit.reason);
  return edit.update.set;
};

describe("select options", () => {
  it("reads values with their labels, falling back to the value", () => {
    expect(readOptions(select())).toEqual([
      { value: "eu", valueText: "eu", label: "Europe" },
      { value: "us", valueText: "us", label: "United States" },
    ]);
    expect(
      readOptions({ id: "s", key: "k", schema: { enum: [1, 2] } }).map((o) => o.label),
    ).toEqual(["1", "2"]);
  });

  it("editing a value renames it, and the default with it; a duplicate or empty value is refused", () => {
    expect(set(editOptionValue(select({ default: "us" }), 1, "na"))).toEqual({
      enum: ["eu", "na"],
      "x-enumNames": ["Europe", "United States"],
      default: "na",
    });
    expect(set(editOptionValue(select({ default: "eu" }), 1, "na"))).toEqual({
      enum: ["eu", "na"],
      "x-enumNames": ["Europe", "United States"],
    });
    expect(editOptionValue(select(), 1, "eu")).toEqual({
      ok: false,
      reason: 'Another option already has the value "eu": choose another value',
    });
    expect(editOptionValue(select(), 1, "").ok).toBe(false);
  });

  it("non-string selects take JSON values", () => {
    expect(set(editOptionValue({ id: "s", key: "k", schema: { enum: [1, 2] } }, 1, "3"))).toEqual({
      enum: [1, 3],
    });
  });

  it("labels: edited in place; added to a schema that had none; empty falls back to the value", () => {
    expect(set(editOptionLabel(select(), 0, "EU"))).toEqual({
      enum: ["eu", "us"],
      "x-enumNames": ["EU", "United States"],
    });
    const plain: FieldNode = { id: "s", key: "k", schema: { type: "string", enum: ["a", "b"] } };
    expect(set(editOptionLabel(plain, 1, "Bee"))).toEqual({
      enum: ["a", "b"],
      "x-enumNames": ["a", "Bee"],
    });
    expect(set(editOptionLabel(select(), 0, ""))).toEqual({
      enum: ["eu", "us"],
      "x-enumNames": ["eu", "United States"],
    });
  });

  it("adds a new, unique option at the end", () => {
    expect(set(addOption(select()))).toEqual({
      enum: ["eu", "us", "option3"],
      "x-enumNames": ["Europe", "United States", "Option 3"],
    });
    const taken: FieldNode = {
      id: "s",
      key: "k",
      schema: { type: "string", enum: ["option2", "option3"] },
    };
    expect(set(addOption(taken))).toEqual({ enum: ["option2", "option3", "option4"] });
  });

  it("removes an option (and the default that was it), but never the last one", () => {
    expect(set(removeOption(select({ default: "eu" }), 0))).toEqual({
      enum: ["us"],
      "x-enumNames": ["United States"],
      default: undefined,
    });
    const one: FieldNode = { id: "s", key: "k", schema: { type: "string", enum: ["only"] } };
    expect(removeOption(one, 0)).toEqual({
      ok: false,
      reason: expect.stringMatching(/at least one option/),
    });
  });

  it("reorders values and labels together", () => {
    expect(set(moveOption(select(), 1, 0))).toEqual({
      enum: ["us", "eu"],
      "x-enumNames": ["United States", "Europe"],
    });
    expect(moveOption(select(), 0, -1).ok).toBe(false);
    expect(moveOption(select(), 1, 2).ok).toBe(false);
  });
});
