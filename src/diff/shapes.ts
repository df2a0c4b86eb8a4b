import { isJsonObject, type JsonValue } from "../json/value.ts";
import { type FieldKind, kindOf } from "../model/kinds.ts";
import { includesJson } from "./equality.ts";
import type { SchemaView } from "./view.ts";

/**
 * An auth-method choice, as the designer reads one (src/schema/import.ts): a `oneOf` of object
 * options on a node that is not itself a group. Options written as local `$ref`s count too.
 */
export function isChoice(view: SchemaView): boolean {
  const options = view.get("oneOf");
  if (!Array.isArray(options) || options.length === 0 || view.has("properties")) return false;
  const type = view.get("type");
  if (type !== undefined && type !== "object") return false;
  return options.every((_, index) => {
    const option = view.child("oneOf", index);
    return isGroup(option) && !(Array.isArray(option.get("oneOf")) && !option.has("properties"));
  });
}

export function isGroup(view: SchemaView): boolean {
  return isJsonObject(view.get("properties")) || view.get("type") === "object";
}

/** The options of a choice, as views. */
export function optionsOf(view: SchemaView): SchemaView[] {
  const options = view.get("oneOf");
  return Array.isArray(options) ? options.map((_, index) => view.child("oneOf", index)) : [];
}

export interface Discriminator {
  /** The property every option fixes to a value of its own, e.g. "type". */
  name: string;
  /** Per option, in order. */
  values: JsonValue[];
}

/**
 * The property that tells the options apart: one every option fixes with `const` (or a one-value
 * `enum`), each to a different value; "type" when several qualify. Undefined when there is none.
 */
export function discriminatorOf(options: readonly SchemaView[]): Discriminator | undefined {
  if (options.length === 0) return undefined;
  const constants = options.map(constantsOf);
  const candidates = [...constants[0]!.keys()].filter((name) =>
    constants.every((map) => map.has(name)),
  );
  const distinct = candidates.filter((name) => {
    const seen: JsonValue[] = [];
    return constants.every((map) => {
      const value = map.get(name)!;
      if (includesJson(seen, value)) return false;
      seen.push(value);
      return true;
    });
  });
  // A `const` in every option is what the designer writes and reads (model/queries.ts); a one-value
  // enum only stands in when no key has one.
  const written = distinct.filter((name) =>
    options.every((option) => option.child("properties", name).get("const") !== undefined),
  );
  const ranked = written.length > 0 ? written : distinct;
  const name = ranked.includes("type") ? "type" : ranked[0];
  return name === undefined ? undefined : { name, values: constants.map((map) => map.get(name)!) };
}

function constantsOf(option: SchemaView): Map<string, JsonValue> {
  const out = new Map<string, JsonValue>();
  const properties = option.get("properties");
  if (!isJsonObject(properties)) return out;
  for (const name of Object.keys(properties)) {
    const property = option.child("properties", name);
    const constant = property.get("const");
    const values = property.get("enum");
    if (constant !== undefined) out.set(name, constant);
    else if (Array.isArray(values) && values.length === 1) out.set(name, values[0]!);
  }
  return out;
}

/** The field kind the designer would show for a node (src/model/kinds.ts), for telling renames apart. */
export function kindOfView(view: SchemaView): FieldKind {
  if (view.schema === false) return "custom";
  const shape = isChoice(view) ? { branches: [] } : isGroup(view) ? { fields: [] } : {};
  return kindOf({ id: "", key: "", schema: view.schema, ...shape });
}
