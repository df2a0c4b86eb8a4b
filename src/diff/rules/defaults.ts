import { capitalise, filledDefault, type Pair, quoted, type Report, shown } from "../context.ts";
import { sameJson } from "../equality.ts";

/**
 * A default fills a missing property when saved values are checked (Ajv's useDefaults: written on
 * the property itself, outside oneOf options). Adding or changing one is compatible. A field that
 * stays required and stops being filled in — its default removed, or moved into a `$ref` target
 * where it is not applied — breaks saved values that left it out and relied on it.
 */
export function compareDefaults(pair: Pair, report: Report): void {
  const before = pair.old.get("default");
  const after = pair.new.get("default");
  const filledBefore = filledDefault(pair, "old");
  const filledAfter = filledDefault(pair, "new");
  if (
    pair.requiredOld &&
    pair.requiredNew &&
    filledBefore !== undefined &&
    filledAfter === undefined
  ) {
    const why =
      after !== undefined
        ? ` (its default is now inside the target of a "$ref", where it is not filled in)`
        : ` (was ${quoted(pair, filledBefore)})`;
    report({
      rule: "default-removed",
      keyword: "default",
      old: shown(pair, filledBefore)!,
      ...(after !== undefined ? { new: shown(pair, after)! } : {}),
      message: `The required ${pair.name} no longer gets a default${why}: saved credentials that left it out relied on the default and no longer validate`,
    });
    return;
  }
  if (sameJson(before, after)) return;
  // A secret that gets a default is the secrets rule's (exposing) case.
  if (after !== undefined && pair.new.isSecret) return;
  report({
    rule: "default-changed",
    keyword: "default",
    ...(before !== undefined ? { old: shown(pair, before)! } : {}),
    ...(after !== undefined ? { new: shown(pair, after)! } : {}),
    message:
      before === undefined
        ? `${capitalise(`the ${pair.name}`)} has a new default: ${quoted(pair, after)}`
        : after === undefined
          ? `${capitalise(`the ${pair.name}`)} no longer has a default (was ${quoted(pair, before)})`
          : `The default of the ${pair.name} changed from ${quoted(pair, before)} to ${quoted(pair, after)}${filledAfter !== undefined && pair.requiredNew ? ": saved credentials that left it out now get the new default" : ""}`,
  });
}
