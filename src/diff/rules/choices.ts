import type { JsonValue } from "../../json/value.ts";
import { capitalise, type Pair, type Report } from "../context.ts";
import { optionName, short } from "../naming.ts";
import { mergedOrder, reordered } from "../order.ts";
import { hintRenames, type RenameSide } from "../renames.ts";
import { type Discriminator, discriminatorOf, optionsOf } from "../shapes.ts";
import type { SchemaView } from "../view.ts";

interface Side {
  options: SchemaView[];
  discriminator: Discriminator | undefined;
  /** How an option is matched with its counterpart in the other version. */
  keys: string[];
}

/**
 * Two versions of an auth-method choice. Options are matched by their discriminator value when
 * both versions have one, else by title when every option has a distinct title in both, else by
 * position. A matched option is compared as an object; a removed one breaks the saved
 * credentials that use it; an added one is compatible when a discriminator keeps it apart from
 * the others (without one, a saved value may match two options, which `oneOf` refuses).
 */
export function compareChoice(
  pair: Pair,
  report: Report,
  compareOption: (option: Pair) => void,
): void {
  const [before, after] = sides(pair);
  const oldName = before.discriminator?.name;
  const newName = after.discriminator?.name;
  if (oldName !== undefined && oldName !== newName) {
    report({
      rule: "choice-discriminator-changed",
      keyword: "oneOf",
      old: oldName,
      ...(newName !== undefined ? { new: newName } : {}),
      message:
        newName === undefined
          ? `The options of the ${pair.name} no longer have a common discriminator (was "${oldName}"): a saved value may match several options, which "oneOf" refuses`
          : `The discriminator of the ${pair.name} changed from "${oldName}" to "${newName}": saved credentials name their method under "${oldName}" and no longer validate`,
    });
  }
  if (reordered(before.keys, after.keys)) {
    const common = (side: Side, other: Side) =>
      side.keys.flatMap((key, i) => (other.keys.includes(key) ? [label(side, i)] : []));
    report({
      rule: "order-changed",
      keyword: "oneOf",
      old: common(before, after),
      new: common(after, before),
      message: `The options of the ${pair.name} are in a different order`,
    });
  }
  const removed: RenameSide[] = [];
  const added: RenameSide[] = [];
  for (const entry of mergedOrder(before.keys, after.keys)) {
    if (entry.old !== undefined && entry.new !== undefined) {
      compareOption({
        old: before.options[entry.old]!,
        new: after.options[entry.new]!,
        field: pair.field,
        name: optionName(after.options[entry.new]!, entry.new, tag(after, entry.new), pair.name),
        requiredOld: pair.requiredOld,
        requiredNew: pair.requiredNew,
        // Ajv fills no defaults inside oneOf options.
        fillsDefaults: false,
      });
    } else if (entry.old !== undefined) {
      const option = before.options[entry.old]!;
      const name = optionName(option, entry.old, tag(before, entry.old), pair.name);
      const change = report({
        rule: "choice-option-removed",
        keyword: "oneOf",
        pointer: option.pointer,
        pointerIn: "old",
        old: label(before, entry.old),
        message: `${capitalise(`the ${name}`)} was removed: saved credentials that use it no longer validate`,
      });
      removed.push(renameSide(change, before, entry.old, name));
    } else {
      const index = entry.new!;
      const option = after.options[index]!;
      const name = optionName(option, index, tag(after, index), pair.name);
      const change = after.discriminator
        ? report({
            rule: "choice-option-added",
            keyword: "oneOf",
            pointer: option.pointer,
            new: label(after, index),
            message: `${capitalise(`the ${name}`)} is new`,
          })
        : report({
            rule: "choice-option-ambiguous",
            keyword: "oneOf",
            pointer: option.pointer,
            new: label(after, index),
            message: `${capitalise(`the ${name}`)} is new, and no discriminator keeps it apart from the other options: a saved value that also matches it no longer validates ("oneOf" wants exactly one match)`,
          });
      added.push(renameSide(change, after, index, name));
    }
  }
  hintRenames(removed, added);
}

function sides(pair: Pair): [Side, Side] {
  const optionsBefore = optionsOf(pair.old);
  const optionsAfter = optionsOf(pair.new);
  const discriminatorBefore = discriminatorOf(optionsBefore);
  const discriminatorAfter = discriminatorOf(optionsAfter);
  let keysOf: (options: SchemaView[], discriminator: Discriminator | undefined) => string[];
  if (discriminatorBefore && discriminatorAfter) {
    // By value, even when the property that holds it was renamed.
    keysOf = (_, discriminator) => discriminator!.values.map(canonical);
  } else if (distinctTitles(optionsBefore) && distinctTitles(optionsAfter)) {
    keysOf = (options) => options.map((option) => `title:${option.title!}`);
  } else {
    keysOf = (options) => options.map((_, index) => `index:${index}`);
  }
  return [
    {
      options: optionsBefore,
      discriminator: discriminatorBefore,
      keys: keysOf(optionsBefore, discriminatorBefore),
    },
    {
      options: optionsAfter,
      discriminator: discriminatorAfter,
      keys: keysOf(optionsAfter, discriminatorAfter),
    },
  ];
}

function distinctTitles(options: readonly SchemaView[]): boolean {
  const titles = options.map((option) => option.title);
  return titles.every((title) => title !== undefined) && new Set(titles).size === titles.length;
}

function tag(side: Side, index: number): { name: string; value: JsonValue } | undefined {
  return side.discriminator
    ? { name: side.discriminator.name, value: side.discriminator.values[index]! }
    : undefined;
}

/** How `old`/`new` name an option: its discriminator value, else its title, else its position. */
function label(side: Side, index: number): JsonValue {
  return side.discriminator?.values[index] ?? side.options[index]!.title ?? index + 1;
}

function renameSide(
  change: ReturnType<Report>,
  side: Side,
  index: number,
  name: string,
): RenameSide {
  const value = side.discriminator?.values[index];
  return {
    change,
    label: name.replace(/ of the .*$/, ""),
    key: value === undefined ? undefined : typeof value === "string" ? value : short(value),
    title: side.options[index]!.title,
    kind: "option",
  };
}

/** A JSON value as a map key: object keys sorted, so that key order does not matter. */
function canonical(value: JsonValue): string {
  return JSON.stringify(value, (_, inner: JsonValue) =>
    inner !== null && typeof inner === "object" && !Array.isArray(inner)
      ? Object.fromEntries(
          Object.keys(inner)
            .sort()
            .map((key) => [key, inner[key]]),
        )
      : inner,
  );
}
