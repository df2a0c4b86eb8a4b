import { quoteExcerpt } from "../../json/excerpt.ts";
import type { Pair, Report } from "../context.ts";
import { patternAcceptsAll } from "../pattern-inclusion.ts";

/**
 * `pattern`: a new one breaks saved values that do not match; a changed one is only called looser
 * when every string the old pattern matches is proven to match the new one too (see
 * pattern-inclusion.ts), otherwise it counts as tightened. `format`: a new or changed format
 * counts as tightened (formats are not compared); a removed one is compatible.
 */
export function compareStringRules(pair: Pair, report: Report): void {
  comparePattern(pair, report);
  compareFormat(pair, report);
}

function comparePattern(pair: Pair, report: Report): void {
  const before = pair.old.get("pattern");
  const after = pair.new.get("pattern");
  if (before === after || (typeof before !== "string" && typeof after !== "string")) return;
  const values = {
    ...(before !== undefined ? { old: before } : {}),
    ...(after !== undefined ? { new: after } : {}),
  };
  if (typeof after !== "string") {
    report({
      rule: "pattern-loosened",
      keyword: "pattern",
      ...values,
      message: `The ${pair.name} no longer has to match the pattern ${quoteExcerpt(before)}`,
    });
  } else if (typeof before !== "string") {
    report({
      rule: "pattern-tightened",
      keyword: "pattern",
      ...values,
      message: `The ${pair.name} now has to match the pattern ${quoteExcerpt(after)}: saved values that do not match it no longer validate`,
    });
  } else if (patternAcceptsAll(after, before)) {
    report({
      rule: "pattern-loosened",
      keyword: "pattern",
      ...values,
      message: `The pattern of the ${pair.name} changed from ${quoteExcerpt(before)} to ${quoteExcerpt(after)}, which matches every string the old one matched`,
    });
  } else {
    report({
      rule: "pattern-tightened",
      keyword: "pattern",
      ...values,
      message: `The pattern of the ${pair.name} changed from ${quoteExcerpt(before)} to ${quoteExcerpt(after)}, which could not be proven to match every string the old one matched: saved values may no longer validate`,
    });
  }
}

function compareFormat(pair: Pair, report: Report): void {
  const before = pair.old.get("format");
  const after = pair.new.get("format");
  if (before === after || (before === undefined && after === undefined)) return;
  const values = {
    ...(before !== undefined ? { old: before } : {}),
    ...(after !== undefined ? { new: after } : {}),
  };
  if (after === undefined) {
    report({
      rule: "format-loosened",
      keyword: "format",
      ...values,
      message: `The ${pair.name} no longer has to be in the format ${quoteExcerpt(before)}`,
    });
  } else if (before === undefined) {
    report({
      rule: "format-tightened",
      keyword: "format",
      ...values,
      message: `The ${pair.name} now has to be in the format ${quoteExcerpt(after)}: saved values that are not no longer validate`,
    });
  } else {
    report({
      rule: "format-tightened",
      keyword: "format",
      ...values,
      message: `The format of the ${pair.name} changed from ${quoteExcerpt(before)} to ${quoteExcerpt(after)}, which is not known to accept every value the old one did: saved values may no longer validate`,
    });
  }
}
