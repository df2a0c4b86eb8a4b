import { capitalise, type Pair, type Report } from "../context.ts";
import type { SchemaView } from "../view.ts";

export type ExtraKeys = "any" | "none" | "some";

/** What `additionalProperties` lets through: any key, none, or keys whose values match a schema. */
export function extraKeysOf(view: SchemaView): ExtraKeys {
  if (!view.has("additionalProperties")) return "any";
  const schema = view.child("additionalProperties");
  return schema.schema === false ? "none" : schema.keywords().length === 0 ? "any" : "some";
}

/**
 * `additionalProperties: false` added: saved values with keys the object does not list (a field
 * removed earlier, one the connector added) no longer validate. Removed: compatible. A schema
 * for other keys is compared as a subschema (see compare.ts).
 */
export function compareExtraKeys(pair: Pair, report: Report): void {
  const before = extraKeysOf(pair.old);
  const after = extraKeysOf(pair.new);
  if (before === after || (before !== "none" && after !== "none")) return;
  const values = {
    ...(pair.old.has("additionalProperties") ? { old: pair.old.get("additionalProperties")! } : {}),
    ...(pair.new.has("additionalProperties") ? { new: pair.new.get("additionalProperties")! } : {}),
  };
  if (after === "none") {
    report({
      rule: "extra-keys-forbidden",
      keyword: "additionalProperties",
      ...values,
      message: `${capitalise(`the ${pair.name}`)} no longer accepts keys other than its fields ("additionalProperties": false): saved credentials with other keys, such as fields removed earlier, no longer validate`,
    });
  } else {
    report({
      rule: "extra-keys-allowed",
      keyword: "additionalProperties",
      ...values,
      message: `${capitalise(`the ${pair.name}`)} now accepts keys other than its fields`,
    });
  }
}
