import type { JsonValue } from "../../json/value.ts";
import type { Pair, Report } from "../context.ts";
import type { SchemaView } from "../view.ts";

const ALL_TYPES = ["string", "number", "integer", "boolean", "object", "array", "null"];

/** A field that accepts fewer types breaks saved values of the dropped types; more types is compatible. */
export function compareTypes(pair: Pair, report: Report): void {
  const before = typesOf(pair.old);
  const after = typesOf(pair.new);
  const dropped = before.filter((type) => !accepts(after, type));
  const gained = after.filter((type) => !accepts(before, type));
  if (dropped.length === 0 && gained.length === 0) return;
  const values = pick(pair.old.get("type"), pair.new.get("type"));
  if (dropped.length > 0) {
    report({
      rule: "type-narrowed",
      keyword: "type",
      ...values,
      message: `The ${pair.name} now accepts ${describe(pair.new, after)} instead of ${describe(pair.old, before)}: saved values of type ${dropped.join(", ")} no longer validate`,
    });
  } else {
    report({
      rule: "type-widened",
      keyword: "type",
      ...values,
      message: `The ${pair.name} now accepts ${describe(pair.new, after)} (was ${describe(pair.old, before)})`,
    });
  }
}

/** The JSON types a node accepts by its `type` keyword; all of them without one. */
function typesOf(view: SchemaView): string[] {
  const type = view.get("type");
  if (typeof type === "string") return [type];
  if (Array.isArray(type)) return type.filter((name): name is string => typeof name === "string");
  return ALL_TYPES;
}

/** "integer" values are "number" values too. */
function accepts(types: readonly string[], type: string): boolean {
  return types.includes(type) || (type === "integer" && types.includes("number"));
}

function describe(view: SchemaView, types: readonly string[]): string {
  return view.has("type") ? types.join(" or ") : "any type";
}

function pick(
  old: JsonValue | undefined,
  now: JsonValue | undefined,
): { old?: JsonValue; new?: JsonValue } {
  return { ...(old !== undefined ? { old } : {}), ...(now !== undefined ? { new: now } : {}) };
}
