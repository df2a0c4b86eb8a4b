import { quoteExcerpt } from "../../json/excerpt.ts";
import { appendPointer } from "../../json/pointer.ts";
import { isJsonObject, type JsonValue } from "../../json/value.ts";
import { checkPattern } from "../../schema/pattern-safety/index.ts";
import { capitalise, filledDefault, type Pair, quoted, quotedIn, type Report } from "../context.ts";
import { fieldName } from "../naming.ts";
import { mergedOrder, reordered } from "../order.ts";
import { hintRenames, type RenameSide } from "../renames.ts";
import { kindOfView } from "../shapes.ts";
import type { SchemaView } from "../view.ts";

/**
 * The fields of an object (a group, the root, a choice option), in document order: each field's
 * requiredness, then the field added or removed or, when it is in both, its own comparison.
 * Fields only required (listed in `required` without a schema) come last.
 */
export function compareProperties(
  pair: Pair,
  report: Report,
  compareField: (field: Pair) => void,
): void {
  const oldKeys = keysOf(pair.old);
  const newKeys = keysOf(pair.new);
  const oldRequired = new Set(requiredOf(pair.old));
  const newRequired = new Map(requiredOf(pair.new).map((key, index) => [key, index] as const));
  const oldKeySet = new Set(oldKeys);
  const newKeySet = new Set(newKeys);
  const removed: RenameSide[] = [];
  const added: RenameSide[] = [];
  for (const entry of mergedOrder(oldKeys, newKeys)) {
    const key = entry.key;
    const before = pair.old.child("properties", key);
    const after = pair.new.child("properties", key);
    const field = appendPointer(pair.field, key);
    if (entry.old === undefined) {
      const change = reportAdded(pair, report, key, after, field, newRequired.has(key));
      added.push({
        change,
        label: fieldName(key, after),
        key,
        title: after.title,
        kind: kindOfView(after),
      });
    } else if (entry.new === undefined) {
      const change = reportRemoved(pair, report, key, before, field);
      removed.push({
        change,
        label: fieldName(key, before),
        key,
        title: before.title,
        kind: kindOfView(before),
      });
    } else {
      const child: Pair = {
        old: before,
        new: after,
        field,
        name: fieldName(key, after, before),
        requiredOld: oldRequired.has(key),
        requiredNew: newRequired.has(key),
        fillsDefaults: pair.fillsDefaults,
      };
      reportRequiredness(pair, report, child, newRequired.get(key) ?? -1);
      compareField(child);
    }
  }
  hintRenames(removed, added);
  for (const [key, index] of newRequired) {
    if (newKeySet.has(key) || oldRequired.has(key)) continue;
    report({
      rule: "field-became-required",
      keyword: "required",
      field: appendPointer(pair.field, key),
      new: key,
      pointer: pair.new.at("required", index),
      message: `The ${fieldName(key, pair.new.child("properties", key))} became required and has no default: saved credentials without it no longer validate`,
    });
  }
  for (const key of oldRequired) {
    if (newRequired.has(key) || newKeySet.has(key) || oldKeySet.has(key)) continue;
    report({
      rule: "field-became-optional",
      keyword: "required",
      field: appendPointer(pair.field, key),
      old: key,
      message: `The field ${quoteExcerpt(key)} is no longer required`,
    });
  }
}

/** Fields reordered: compatible, reported once per object. */
export function compareFieldOrder(pair: Pair, report: Report): void {
  const oldKeys = keysOf(pair.old);
  const newKeys = keysOf(pair.new);
  if (!reordered(oldKeys, newKeys)) return;
  const common = (keys: string[], other: string[]) => {
    const present = new Set(other);
    return keys.filter((key) => present.has(key));
  };
  report({
    rule: "order-changed",
    keyword: "properties",
    old: common(oldKeys, newKeys),
    new: common(newKeys, oldKeys),
    message: `The fields of the ${pair.name} are in a different order`,
  });
}

function reportAdded(
  pair: Pair,
  report: Report,
  key: string,
  after: SchemaView,
  field: string,
  required: boolean,
) {
  const name = fieldName(key, after);
  const pointer = after.pointer;
  if (!required)
    return report({
      rule: "field-added",
      field,
      pointer,
      message: `The ${name} is new and optional`,
    });
  const fallback = after.get("default");
  const filled = pair.fillsDefaults ? after.filledDefault : undefined;
  if (filled !== undefined) {
    return report({
      rule: "required-field-added-with-default",
      field,
      pointer,
      message: `The ${name} is new and required; saved credentials without it get its default ${quotedIn(after, filled)}`,
    });
  }
  const why = fallback !== undefined ? ` (${notFilled(pair)})` : "";
  return report({
    rule: "required-field-added",
    field,
    pointer,
    message: `The ${name} is new, required and has no default${why}: saved credentials, which lack it, no longer validate`,
  });
}

function reportRemoved(pair: Pair, report: Report, key: string, before: SchemaView, field: string) {
  const name = fieldName(key, before);
  const pointer = before.pointer;
  if (acceptsUnlistedKey(pair.new, key)) {
    return report({
      rule: "field-removed",
      field,
      pointer,
      pointerIn: "old",
      message: `The ${name} was removed: saved credentials keep its value, which the new version ignores`,
    });
  }
  return report({
    rule: "field-removed-rejected",
    field,
    pointer,
    pointerIn: "old",
    message: `The ${name} was removed, and the ${pair.name} does not accept keys it does not list: saved credentials that have it no longer validate`,
  });
}

function reportRequiredness(
  parent: Pair,
  report: Report,
  child: Pair,
  requiredIndex: number,
): void {
  if (child.requiredOld === child.requiredNew) return;
  if (child.requiredOld) {
    report({
      rule: "field-became-optional",
      keyword: "required",
      field: child.field,
      pointer: child.new.pointer,
      message: `The ${child.name} is no longer required`,
    });
    return;
  }
  const pointer = parent.new.at("required", requiredIndex);
  const fallback = child.new.get("default");
  const filled = filledDefault(child, "new");
  if (filled !== undefined) {
    report({
      rule: "field-became-required-with-default",
      keyword: "required",
      field: child.field,
      pointer,
      message: `The ${child.name} became required; saved credentials without it get its default ${quoted(child, filled)}`,
    });
    return;
  }
  const why = fallback !== undefined ? ` (${notFilled(parent)})` : "";
  report({
    rule: "field-became-required",
    keyword: "required",
    field: child.field,
    pointer,
    message: `${capitalise(`the ${child.name}`)} became required and has no default${why}: saved credentials without it no longer validate`,
  });
}

/** Why a field's default is not filled in. */
function notFilled(parent: Pair): string {
  return parent.fillsDefaults
    ? 'its default is inside the target of a "$ref", where it is not filled in'
    : "its default is not filled in inside an option of a choice";
}

/** Whether an object would still accept a key it no longer lists, whatever its value. */
function acceptsUnlistedKey(view: SchemaView, key: string): boolean {
  const patterns = view.get("patternProperties");
  if (isJsonObject(patterns)) {
    for (const pattern of Object.keys(patterns)) {
      // A pattern that cannot be run safely might match: assume it does.
      const matches = !checkPattern(pattern).ok || new RegExp(pattern, "u").test(key);
      const schema = view.child("patternProperties", pattern);
      if (matches && (schema.schema === false || schema.keywords().length > 0)) return false;
    }
  }
  const extra = view.child("additionalProperties");
  return extra.schema !== false && extra.keywords().length === 0;
}

function keysOf(view: SchemaView): string[] {
  const properties = view.get("properties");
  return isJsonObject(properties) ? Object.keys(properties) : [];
}

function requiredOf(view: SchemaView): string[] {
  const required: JsonValue | undefined = view.get("required");
  return Array.isArray(required)
    ? required.filter((key): key is string => typeof key === "string")
    : [];
}
