import { type JsonValue, jsonEqual, ownValue } from "../../json/value.ts";
import { type FieldNode, schemaObject } from "../../model/index.ts";
import { type Edit, valueText } from "./field-properties.ts";

/**
 * A select's options: the values (`enum`) and their labels (`x-enumNames`, same order). Each edit
 * rewrites both lists together, and keeps the default pointing at the same option (renamed with
 * it, dropped with it). Pure: the inspector passes the result to `updateField`.
 */
export interface SelectOption {
  readonly value: JsonValue;
  /** The value as the user edits it. */
  readonly valueText: string;
  /** The label shown in the form; the value's text when the schema gives none. */
  readonly label: string;
}

export function readOptions(node: FieldNode): SelectOption[] {
  const schema = schemaObject(node);
  const values = ownValue(schema, "enum");
  const names = ownValue(schema, "x-enumNames");
  if (!Array.isArray(values)) return [];
  return values.map((value, index) => {
    const name = Array.isArray(names) ? names[index] : undefined;
    return {
      value,
      valueText: valueText(value),
      label: typeof name === "string" ? name : valueText(value),
    };
  });
}

const edit = (set: Record<string, JsonValue | undefined>): Edit => ({ ok: true, update: { set } });
const refuse = (reason: string): Edit => ({ ok: false, reason });

function hasLabels(node: FieldNode): boolean {
  return Array.isArray(ownValue(schemaObject(node), "x-enumNames"));
}

/** The enum and labels after a change, and the default following its option. */
function rewrite(
  node: FieldNode,
  options: SelectOption[],
  defaultValue: JsonValue | undefined,
  withLabels = hasLabels(node),
): Edit {
  const set: Record<string, JsonValue | undefined> = {
    enum: options.map((option) => option.value),
  };
  if (withLabels) set["x-enumNames"] = options.map((option) => option.label);
  const current = ownValue(schemaObject(node), "default");
  if (!jsonEqual(current, defaultValue)) set.default = defaultValue;
  return edit(set);
}

/** The JSON value typed text stands for: a string for a string select, else JSON when it parses. */
function valueFromText(node: FieldNode, text: string): JsonValue {
  const schema = schemaObject(node);
  const values = ownValue(schema, "enum");
  const allStrings = Array.isArray(values) && values.every((value) => typeof value === "string");
  if (ownValue(schema, "type") === "string" || allStrings) return text;
  try {
    return JSON.parse(text) as JsonValue;
  } catch {
    return text;
  }
}

function currentDefault(node: FieldNode): JsonValue | undefined {
  return ownValue(schemaObject(node), "default");
}

export function editOptionValue(node: FieldNode, index: number, text: string): Edit {
  const options = readOptions(node);
  const option = options[index];
  if (!option) return refuse("that option is no longer there");
  if (text === "") return refuse("An option needs a value: type the value the connector receives");
  const value = valueFromText(node, text);
  if (options.some((other, i) => i !== index && jsonEqual(other.value, value))) {
    return refuse(`Another option already has the value "${text}": choose another value`);
  }
  const labelled = hasLabels(node);
  const next = options.map((other, i) =>
    i === index ? { ...other, value, valueText: text } : other,
  );
  const def = currentDefault(node);
  return rewrite(
    node,
    next,
    def !== undefined && jsonEqual(def, option.value) ? value : def,
    labelled,
  );
}

/** A label; an empty label falls back to the value. Adds `x-enumNames` when the schema had none. */
export function editOptionLabel(node: FieldNode, index: number, text: string): Edit {
  const options = readOptions(node);
  const option = options[index];
  if (!option) return refuse("that option is no longer there");
  const next = options.map((other, i) =>
    i === index ? { ...other, label: text === "" ? other.valueText : text } : other,
  );
  return rewrite(node, next, currentDefault(node), true);
}

export function addOption(node: FieldNode): Edit {
  const options = readOptions(node);
  const taken = new Set(options.map((option) => option.valueText));
  let n = options.length + 1;
  while (taken.has(`option${n}`)) n++;
  const next = [...options, { value: `option${n}`, valueText: `option${n}`, label: `Option ${n}` }];
  return rewrite(node, next, currentDefault(node));
}

export function removeOption(node: FieldNode, index: number): Edit {
  const options = readOptions(node);
  const option = options[index];
  if (!option) return refuse("that option is no longer there");
  if (options.length === 1)
    return refuse("A select needs at least one option: add another before removing this one");
  const def = currentDefault(node);
  const next = options.filter((_, i) => i !== index);
  return rewrite(node, next, def !== undefined && jsonEqual(def, option.value) ? undefined : def);
}

/** Moves an option to position `to` (its index once moved). */
export function moveOption(node: FieldNode, index: number, to: number): Edit {
  const options = readOptions(node);
  const option = options[index];
  if (!option || to < 0 || to >= options.length) return refuse("the option cannot move further");
  const next = options.filter((_, i) => i !== index);
  next.splice(to, 0, option);
  return rewrite(node, next, currentDefault(node));
}
