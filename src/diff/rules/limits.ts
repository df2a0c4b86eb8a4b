import type { Pair, Report } from "../context.ts";
import type { SchemaView } from "../view.ts";

interface Bound {
  keyword: string;
  value: number;
  exclusive: boolean;
}

interface Family {
  /** Keywords of the bound; for numbers, the inclusive one first. */
  keywords: readonly string[];
  side: "lower" | "upper";
  /** How a bound reads in a message: "at least 8 characters". */
  unit: string;
}

const FAMILIES: readonly Family[] = [
  { keywords: ["minimum", "exclusiveMinimum"], side: "lower", unit: "" },
  { keywords: ["maximum", "exclusiveMaximum"], side: "upper", unit: "" },
  { keywords: ["minLength"], side: "lower", unit: "characters" },
  { keywords: ["maxLength"], side: "upper", unit: "characters" },
  { keywords: ["minItems"], side: "lower", unit: "items" },
  { keywords: ["maxItems"], side: "upper", unit: "items" },
  { keywords: ["minProperties"], side: "lower", unit: "keys" },
  { keywords: ["maxProperties"], side: "upper", unit: "keys" },
];

/**
 * Bounds (minimum/maximum and their exclusive forms, lengths, item and key counts), multipleOf and
 * uniqueItems: stricter is limit-tightened (breaking), looser is limit-loosened (compatible).
 * `minimum` and `exclusiveMinimum` count as one bound, so trading one for the other is judged by
 * what it allows.
 */
export function compareLimits(pair: Pair, report: Report): void {
  for (const family of FAMILIES) compareBound(pair, report, family);
  compareMultipleOf(pair, report);
  compareUniqueItems(pair, report);
}

function compareBound(pair: Pair, report: Report, family: Family): void {
  const before = boundOf(pair.old, family);
  const after = boundOf(pair.new, family);
  if (!before && !after) return;
  const stricter = !before ? 1 : !after ? -1 : compareStrictness(before, after, family.side);
  if (stricter === 0) return;
  const keyword = (after ?? before)!.keyword;
  const values = {
    ...(before ? { old: before.value } : {}),
    ...(after ? { new: after.value } : {}),
  };
  const was = before ? describe(before, family) : "no limit";
  if (stricter > 0) {
    report({
      rule: "limit-tightened",
      keyword,
      ...values,
      message: `The ${pair.name} must now be ${describe(after!, family)} (was ${was}): saved values outside the new limit no longer validate`,
    });
  } else {
    const now = after
      ? `may now be ${describe(after, family)}`
      : `no longer has ${family.side === "lower" ? "a lower" : "an upper"} limit`;
    report({
      rule: "limit-loosened",
      keyword,
      ...values,
      message: `The ${pair.name} ${now} (was ${was})`,
    });
  }
}

/** The strictest bound of the family a node has. */
function boundOf(view: SchemaView, family: Family): Bound | undefined {
  let best: Bound | undefined;
  family.keywords.forEach((keyword, index) => {
    const value = view.get(keyword);
    if (typeof value !== "number") return;
    const bound = { keyword, value, exclusive: index === 1 };
    if (!best || compareStrictness(best, bound, family.side) > 0) best = bound;
  });
  return best;
}

/** 1 when `after` is stricter than `before`, -1 when looser, 0 when the same. */
function compareStrictness(before: Bound, after: Bound, side: "lower" | "upper"): number {
  if (before.value !== after.value)
    return after.value > before.value === (side === "lower") ? 1 : -1;
  return before.exclusive === after.exclusive ? 0 : after.exclusive ? 1 : -1;
}

function describe(bound: Bound, family: Family): string {
  const relation =
    family.side === "lower"
      ? bound.exclusive
        ? "more than"
        : "at least"
      : bound.exclusive
        ? "less than"
        : "at most";
  const unit =
    family.unit === "" ? "" : ` ${bound.value === 1 ? family.unit.slice(0, -1) : family.unit}`;
  return `${relation} ${bound.value}${unit}`;
}

function compareMultipleOf(pair: Pair, report: Report): void {
  const before = pair.old.get("multipleOf");
  const after = pair.new.get("multipleOf");
  if (before === after || (typeof before !== "number" && typeof after !== "number")) return;
  const values = {
    ...(typeof before === "number" ? { old: before } : {}),
    ...(typeof after === "number" ? { new: after } : {}),
  };
  // Every multiple of `before` is a multiple of `after` when `after` divides it; only proven for whole numbers (floats round).
  const looser =
    typeof after !== "number" ||
    (typeof before === "number" &&
      Number.isInteger(before) &&
      Number.isInteger(after) &&
      before % after === 0);
  if (looser) {
    report({
      rule: "limit-loosened",
      keyword: "multipleOf",
      ...values,
      message: `The ${pair.name} ${typeof after === "number" ? `must now be a multiple of ${after}` : "no longer has to be a multiple of anything"} (was a multiple of ${before})`,
    });
  } else {
    report({
      rule: "limit-tightened",
      keyword: "multipleOf",
      ...values,
      message: `The ${pair.name} must now be a multiple of ${after}${typeof before === "number" ? ` (was ${before})` : ""}: saved values that are not no longer validate`,
    });
  }
}

function compareUniqueItems(pair: Pair, report: Report): void {
  const before = pair.old.get("uniqueItems") === true;
  const after = pair.new.get("uniqueItems") === true;
  if (before === after) return;
  const values = {
    ...(pair.old.has("uniqueItems") ? { old: pair.old.get("uniqueItems")! } : {}),
    ...(pair.new.has("uniqueItems") ? { new: pair.new.get("uniqueItems")! } : {}),
  };
  if (after) {
    report({
      rule: "limit-tightened",
      keyword: "uniqueItems",
      ...values,
      message: `The items of the ${pair.name} must now be unique: saved lists with a repeated item no longer validate`,
    });
  } else {
    report({
      rule: "limit-loosened",
      keyword: "uniqueItems",
      ...values,
      message: `The items of the ${pair.name} no longer have to be unique`,
    });
  }
}
