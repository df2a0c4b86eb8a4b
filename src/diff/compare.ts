import { type Comparison, changeAt, type Pair, type Report } from "./context.ts";
import { compareAllowedValues } from "./rules/allowed-values.ts";
import { compareAnnotations } from "./rules/annotations.ts";
import { compareChoice } from "./rules/choices.ts";
import { compareOtherConstraints } from "./rules/constraints.ts";
import { compareDefaults } from "./rules/defaults.ts";
import { compareExtraKeys, extraKeysOf } from "./rules/extra-keys.ts";
import { compareLimits } from "./rules/limits.ts";
import { compareFieldOrder, compareProperties } from "./rules/properties.ts";
import { compareSecrets } from "./rules/secrets.ts";
import { compareStringRules } from "./rules/strings.ts";
import { compareTypes } from "./rules/types.ts";
import { isChoice } from "./shapes.ts";
import type { Change } from "./types.ts";

/** The rules that look at one node's own keywords. */
const NODE_RULES: ReadonlyArray<(pair: Pair, report: Report) => void> = [
  compareSecrets,
  compareAnnotations,
  compareDefaults,
  compareTypes,
  compareAllowedValues,
  compareStringRules,
  compareLimits,
  compareExtraKeys,
  compareOtherConstraints,
  compareFieldOrder,
];

/**
 * Compares one node in both versions, then what is inside it: its own keywords' changes first, in
 * the order the keywords are written, then its fields, the schema of other keys, list items, and
 * the options of a choice, each in document order.
 */
export function compareNode(comparison: Comparison, pair: Pair): void {
  const push: Report = (input) => {
    const change = changeAt(pair, input);
    comparison.changes.push(change);
    return change;
  };
  if (pair.old.schema === false || pair.new.schema === false) {
    compareFalse(pair, push);
    return;
  }
  if (!comparison.enter(pair)) return;
  try {
    const own: Change[] = [];
    const collect: Report = (input) => {
      const change = changeAt(pair, input);
      own.push(change);
      return change;
    };
    for (const rule of NODE_RULES) rule(pair, collect);
    comparison.changes.push(...inKeywordOrder(own, pair));

    const compareChild = (child: Pair) => compareNode(comparison, child);
    compareProperties(pair, push, compareChild);
    // Other keys allowed in both versions, by a schema in at least one: compare the schemas.
    const extra = [extraKeysOf(pair.old), extraKeysOf(pair.new)];
    if (!extra.includes("none") && extra.includes("some"))
      compareChild(part(pair, "additionalProperties", "other keys of the"));
    const items = [pair.old.get("items"), pair.new.get("items")];
    if (items.some((value) => value !== undefined) && !items.some(Array.isArray)) {
      compareChild(part(pair, "items", "each item"));
    }
    if (isChoice(pair.old) && isChoice(pair.new)) compareChoice(pair, push, compareChild);
  } finally {
    comparison.leave(pair);
  }
}

/** A subschema for every other key or every item: its field is `<field>/*`. */
/**
 * `the credentials object (each item) (other keys of the)`: one more part per level, cut so that
 * a part hundreds of levels down still has a short name (found by the fuzz test).
 */
function partName(name: string, what: string): string {
  const full = `${name} (${what})`;
  return full.length <= MAX_PART_NAME ? full : `${name.slice(0, MAX_PART_NAME / 2)}… (${what})`;
}
const MAX_PART_NAME = 160;

function part(pair: Pair, keyword: "additionalProperties" | "items", what: string): Pair {
  return {
    old: pair.old.child(keyword),
    new: pair.new.child(keyword),
    field: `${pair.field}/*`,
    name: partName(pair.name, what),
    requiredOld: false,
    requiredNew: false,
    fillsDefaults: pair.fillsDefaults,
  };
}

/** `false` accepts nothing: turning a schema into it breaks every saved value, and the reverse breaks none. */
function compareFalse(pair: Pair, report: Report): void {
  if (pair.old.schema === pair.new.schema) return;
  if (pair.new.schema === false) {
    report({
      rule: "field-forbidden",
      message: `The ${pair.name} no longer accepts any value (its schema is false): saved credentials that have it no longer validate`,
    });
  } else {
    report({
      rule: "constraint-loosened",
      message: `The ${pair.name} accepts values now (its schema was false)`,
    });
  }
}

/** A node's own changes in the order their keywords are written in the new schema, then in the old. */
function inKeywordOrder(changes: Change[], pair: Pair): Change[] {
  if (changes.length < 2) return changes;
  const newOrder = new Map(pair.new.keywords().map((keyword, index) => [keyword, index] as const));
  const oldOrder = new Map(pair.old.keywords().map((keyword, index) => [keyword, index] as const));
  const rank = (change: Change) =>
    change.keyword === undefined
      ? -1
      : (newOrder.get(change.keyword) ??
        (oldOrder.has(change.keyword) ? 1e6 + oldOrder.get(change.keyword)! : 2e6));
  return changes
    .map((change, index) => ({ change, index, rank: rank(change) }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map((entry) => entry.change);
}
