import { quoteExcerpt, quoteExcerptAsWritten } from "../../json/excerpt.ts";
import { parsePointer } from "../../json/pointer.ts";
import {
  isJsonObject,
  type JsonObject,
  type JsonValue,
  jsonEqual,
  ownValue,
} from "../../json/value.ts";
import type { Rule } from "../types.ts";

/**
 * A choice (`oneOf` whose options are all objects, like an authentication-method picker) must
 * say which option a value belongs to: every option needs the same property (conventionally
 * `type`) with its own `const`. Without it, the designer cannot tell the options apart and a
 * value can match several options, which `oneOf` rejects.
 */
export const choiceDiscriminator: Rule = {
  id: "choice-discriminator",
  description:
    "The options of a choice (oneOf of objects) lack a common const discriminator, or share a value",
  check(node, report) {
    const list = ownValue(node.schema, "oneOf");
    if (!Array.isArray(list) || list.length < 2) return;
    const options: Array<{ schema: JsonObject; viaRef: boolean; label: string }> = [];
    for (let i = 0; i < list.length; i++) {
      const option = resolve(list[i], node.root);
      if (!option || !isObjectSchema(option.schema)) return; // not a choice of object options
      const title = ownValue(option.schema, "title");
      options.push({
        schema: option.schema,
        viaRef: option.ref,
        label:
          typeof title === "string" && title.trim()
            ? quoteExcerptAsWritten(title.trim())
            : `option ${i + 1}`,
      });
    }
    // Inside an option when it is written in place; at the option when it is a $ref.
    const choice =
      node.key !== undefined ? `the choice ${node.name}` : `the choice in the ${node.name}`;
    const optionPointer = (i: number, ...tokens: Array<string | number>) =>
      options[i]!.viaRef ? node.at("oneOf", i) : node.at("oneOf", i, ...tokens);

    // Candidate discriminators: properties with a constant in every option.
    const constants = options.map((option) => constantsOf(option.schema));
    const candidates = [...constants[0]!.keys()].filter((name) =>
      constants.every((c) => c.has(name)),
    );
    if (candidates.length === 0) {
      report({
        severity: "warning",
        pointer: node.at("oneOf"),
        message: `The options of ${choice} have no common discriminator: no property has a "const" value in every option, so the options cannot be told apart`,
        fix: `Give every option a property "type" with its own value, e.g. "properties": {"type": {"type": "string", "const": "basic"}}, and list "type" in its "required"`,
      });
      return;
    }
    const name = candidates.includes("type") ? "type" : candidates[0]!;
    options.forEach((option, i) => {
      const own = constants[i]!.get(name)!;
      const earlier = options.findIndex(
        (_, j) => j < i && jsonEqual(constants[j]!.get(name)!.value, own.value),
      );
      if (earlier !== -1) {
        report({
          severity: "warning",
          pointer: optionPointer(i, "properties", name, own.keyword),
          message: `Options ${options[earlier]!.label} and ${option.label} of ${choice} have the same ${name} ${quoteExcerpt(own.value)}, so a value cannot say which one it is`,
          fix: `Give ${option.label} a ${name} value of its own`,
        });
      }
      const required = ownValue(option.schema, "required");
      if (!Array.isArray(required) || !required.includes(name)) {
        report({
          severity: "warning",
          pointer: optionPointer(i),
          message: `Option ${option.label} of ${choice} does not require its discriminator ${quoteExcerptAsWritten(name)}, so a value without ${quoteExcerptAsWritten(name)} may match several options`,
          fix: `Add ${quoteExcerptAsWritten(name)} to the "required" list of ${option.label}`,
        });
      }
    });
  },
};

function isObjectSchema(schema: JsonObject): boolean {
  const type = ownValue(schema, "type");
  return type === "object" || (type === undefined && isJsonObject(ownValue(schema, "properties")));
}

/** Properties with a single allowed value: `const`, or an `enum` of one. */
function constantsOf(
  schema: JsonObject,
): Map<string, { value: JsonValue; keyword: "const" | "enum" }> {
  const out = new Map<string, { value: JsonValue; keyword: "const" | "enum" }>();
  const properties = ownValue(schema, "properties");
  if (!isJsonObject(properties)) return out;
  for (const name of Object.keys(properties)) {
    const property = resolve(ownValue(properties, name), undefined)?.schema;
    if (!property) continue;
    const value = ownValue(property, "const");
    if (value !== undefined) {
      out.set(name, { value, keyword: "const" });
      continue;
    }
    const values = ownValue(property, "enum");
    if (Array.isArray(values) && values.length === 1)
      out.set(name, { value: values[0]!, keyword: "enum" });
  }
  return out;
}

/** The schema itself, or what a local `$ref` ("#/definitions/…") points to. */
function resolve(
  value: JsonValue | undefined,
  root: JsonObject | undefined,
): { schema: JsonObject; ref: boolean } | undefined {
  if (!isJsonObject(value)) return undefined;
  const ref = ownValue(value, "$ref");
  if (typeof ref !== "string" || !root) return { schema: value, ref: false };
  if (!ref.startsWith("#")) return undefined;
  let target: JsonValue | undefined = root;
  try {
    for (const token of parsePointer(decodeURIComponent(ref.slice(1)))) {
      target = Array.isArray(target)
        ? target[Number(token)]
        : isJsonObject(target)
          ? ownValue(target, token)
          : undefined;
      if (target === undefined) return undefined;
    }
  } catch {
    return undefined;
  }
  return isJsonObject(target) ? { schema: target, ref: true } : undefined;
}
