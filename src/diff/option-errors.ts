import type { ErrorObject, ValidateFunction } from "ajv";
import { appendPointer } from "../json/pointer.ts";
import { isJsonObject, type JsonValue, ownValue } from "../json/value.ts";
import { sameJson } from "./equality.ts";
import { type Discriminator, discriminatorOf, isChoice, optionsOf } from "./shapes.ts";
import type { SchemaView } from "./view.ts";

export type OptionValidator = (pointer: string) => ValidateFunction | undefined;

/**
 * A failing `oneOf` reports the errors of every option, and a value means one of them. For each
 * auth-method choice the value reaches, the option its discriminator names is validated alone and
 * its errors replace all errors inside the choice; a value that names no option keeps only the
 * choice's own "oneOf" error. Choices inside the option are handled the same way, in turn.
 */
export function optionErrors(
  errors: ErrorObject[],
  view: SchemaView,
  value: JsonValue,
  path: string,
  optionValidator: OptionValidator,
  trees: Map<object, ChoiceTree | undefined>,
): ErrorObject[] {
  // Errors from options name a oneOf in their schema path, or come with the choice's own "oneOf"
  // error (an option reached through a $ref): without either there is nothing to sort out.
  if (!errors.some((error) => error.keyword === "oneOf" || error.schemaPath.includes("/oneOf/")))
    return errors;
  const choices = choicesIn(choiceTreeOf(view, trees), value, path);
  if (choices.length === 0) return errors;
  const out: ErrorObject[] = [];
  const placed = new Set<ChoiceSite>();
  for (const error of errors) {
    const site = choices.find((choice) => within(error.instancePath, choice.path));
    if (!site) {
      out.push(error);
      continue;
    }
    if (placed.has(site)) continue;
    placed.add(site);
    out.push(
      ...errorsOfChoice(
        site,
        errors.filter((other) => within(other.instancePath, site.path)),
        optionValidator,
        trees,
      ),
    );
  }
  return out;
}

function errorsOfChoice(
  site: ChoiceSite,
  errors: ErrorObject[],
  optionValidator: OptionValidator,
  trees: Map<object, ChoiceTree | undefined>,
): ErrorObject[] {
  const own = errors.filter(
    (error) => error.keyword === "oneOf" && error.instancePath === site.path,
  );
  if (site.option === undefined) return own.length > 0 ? own : errors;
  const validate = optionValidator(site.option.pointer);
  if (!validate) return errors;
  if (validate(site.value)) return own.length > 0 ? own : errors; // it matches its option and another one
  const prefixed = (validate.errors ?? []).map((error) => ({
    ...error,
    instancePath: site.path + error.instancePath,
  }));
  return optionErrors(prefixed, site.option, site.value, site.path, optionValidator, trees);
}

function within(instancePath: string, at: string): boolean {
  return instancePath === at || instancePath.startsWith(`${at}/`);
}

interface ChoiceSite {
  /** Where the choice's value is in the saved value. */
  path: string;
  value: JsonValue;
  /** The option the value's discriminator names, if any. */
  option: SchemaView | undefined;
}

/**
 * Where a schema has auth-method choices with a discriminator, reached through properties and
 * items: the schema pruned to the paths that lead to one, built once per schema. Following it
 * along a saved value costs the number of choices, not the number of fields.
 */
export interface ChoiceTree {
  choice?: { options: SchemaView[]; discriminator: Discriminator };
  properties?: Map<string, ChoiceTree>;
  items?: ChoiceTree;
}

function choiceTreeOf(
  view: SchemaView,
  memo = new Map<object, ChoiceTree | undefined>(),
  depth = 0,
): ChoiceTree | undefined {
  const identity = view.identity ?? view;
  if (memo.has(identity)) return memo.get(identity);
  memo.set(identity, undefined); // a recursive definition met again adds nothing new
  let tree: ChoiceTree | undefined;
  if (depth > 200) return undefined;
  if (isChoice(view)) {
    const options = optionsOf(view);
    const discriminator = discriminatorOf(options);
    if (discriminator) tree = { choice: { options, discriminator } };
  }
  if (!tree) {
    const properties = view.get("properties");
    const inner = new Map<string, ChoiceTree>();
    if (isJsonObject(properties)) {
      for (const key of Object.keys(properties)) {
        const child = choiceTreeOf(view.child("properties", key), memo, depth + 1);
        if (child) inner.set(key, child);
      }
    }
    const items = isJsonObject(view.get("items"))
      ? choiceTreeOf(view.child("items"), memo, depth + 1)
      : undefined;
    if (inner.size > 0 || items)
      tree = { ...(inner.size > 0 ? { properties: inner } : {}), ...(items ? { items } : {}) };
  }
  memo.set(identity, tree);
  return tree;
}

/** The auth-method choices a value reaches, outermost only, with the option its discriminator names. */
function choicesIn(tree: ChoiceTree | undefined, value: JsonValue, path: string): ChoiceSite[] {
  if (!tree) return [];
  if (tree.choice) {
    const { options, discriminator } = tree.choice;
    const given = isJsonObject(value) ? ownValue(value, discriminator.name) : undefined;
    const index =
      given === undefined
        ? -1
        : discriminator.values.findIndex((candidate) => sameJson(candidate, given));
    return [{ path, value, option: index === -1 ? undefined : options[index] }];
  }
  const found: ChoiceSite[] = [];
  if (tree.properties && isJsonObject(value)) {
    for (const [key, inner] of tree.properties) {
      const child = ownValue(value, key);
      if (child !== undefined) found.push(...choicesIn(inner, child, appendPointer(path, key)));
    }
  }
  if (tree.items && Array.isArray(value))
    value.forEach((item, index) => {
      found.push(...choicesIn(tree.items, item, appendPointer(path, index)));
    });
  return found;
}
