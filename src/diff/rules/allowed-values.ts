import { quoteExcerpt } from "../../json/excerpt.ts";
import type { JsonValue } from "../../json/value.ts";
import { isSecretPair, type Pair, type Report, shown } from "../context.ts";
import { includesJson } from "../equality.ts";
import { REDACTED } from "../types.ts";
import type { SchemaView } from "../view.ts";

/**
 * `enum` and `const` as one set of allowed values: removing a value (or adding the restriction)
 * breaks saved values that hold it; adding values (or dropping the restriction) is compatible.
 */
export function compareAllowedValues(pair: Pair, report: Report): void {
  const before = allowedValues(pair.old);
  const after = allowedValues(pair.new);
  if (!before && !after) return;
  const keyword = after?.keyword ?? before!.keyword;
  const values = {
    ...(before ? { old: shown(pair, pair.old.get(before.keyword))! } : {}),
    ...(after ? { new: shown(pair, pair.new.get(after.keyword))! } : {}),
  };
  if (!before) {
    report({
      rule: "enum-narrowed",
      keyword,
      ...values,
      message: `The ${pair.name} now only accepts ${list(pair, after!.values)}: saved values other than these no longer validate`,
    });
    return;
  }
  if (!after) {
    report({
      rule: "enum-widened",
      keyword,
      ...values,
      message: `The ${pair.name} no longer restricts its value to ${list(pair, before.values)}`,
    });
    return;
  }
  const removed = before.values.filter((value) => !includesJson(after.values, value));
  const added = after.values.filter((value) => !includesJson(before.values, value));
  if (removed.length > 0) {
    report({
      rule: "enum-narrowed",
      keyword,
      ...values,
      message: `The ${pair.name} no longer accepts ${list(pair, removed)}: saved values holding ${removed.length === 1 ? "it" : "them"} no longer validate`,
    });
  } else if (added.length > 0) {
    report({
      rule: "enum-widened",
      keyword,
      ...values,
      message: `The ${pair.name} now also accepts ${list(pair, added)}`,
    });
  }
}

/** The values a node allows by `const` (which wins) or `enum`, if it restricts them. */
function allowedValues(
  view: SchemaView,
): { keyword: "const" | "enum"; values: JsonValue[] } | undefined {
  const constant = view.get("const");
  if (constant !== undefined) return { keyword: "const", values: [constant] };
  const values = view.get("enum");
  return Array.isArray(values) ? { keyword: "enum", values } : undefined;
}

function list(pair: Pair, values: readonly JsonValue[]): string {
  if (isSecretPair(pair))
    return `${values.length} value${values.length === 1 ? "" : "s"} (${REDACTED})`;
  const shownValues = values.slice(0, 5).map((value) => quoteExcerpt(value));
  return shownValues.join(", ") + (values.length > 5 ? ` and ${values.length - 5} more` : "");
}
