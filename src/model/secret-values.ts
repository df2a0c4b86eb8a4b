import { excerptPointer, excerptText, quoteExcerpt } from "../json/excerpt.ts";
import { SchemaProblem } from "../json/problem.ts";
import { type JsonObject, ownValue } from "../json/value.ts";
import { isSecretByAnyMarking } from "./vendor-keywords.ts";
import { type SubschemaNode, walkSubschemas } from "./walk.ts";

/**
 * The one definition of "a secret carrying a value". A secret is a schema with `"writeOnly": true`
 * or Airbyte's `"airbyte_secret": true` (src/model/vendor-keywords.ts, `isSecretByAnyMarking`);
 * what is typed into it stays in memory, so the schema itself must never hold a value for it: a
 * value in the schema ships with every copy of the connector (and is shown, logged and committed
 * with it). The core refuses to give a secret one (`updateField`), `check` reports one
 * (`secret-has-value`), and the exporter and the designer's Import and Schema JSON view refuse a
 * schema that has one (`refuseSecretValues` below). Pure: no DOM, fs or ajv.
 */

/** A keyword that can give a secret a value (`enum` only when it allows a single value). */
export type SecretValueKeyword = "default" | "examples" | "const" | "enum";

/** One keyword that gives a secret a value, with the words messages use for it. */
export interface SecretValue {
  readonly keyword: SecretValueKeyword;
  /** What the keyword puts into the schema, e.g. "a default value". */
  readonly what: string;
}

const WORDS: Readonly<Record<SecretValueKeyword, string>> = {
  default: "a default value",
  examples: "example values",
  const: "a constant value",
  enum: "a single allowed value",
};

/** Whether `schema` is a secret: `"writeOnly": true` or `"airbyte_secret": true`. */
export function isSecret(schema: JsonObject): boolean {
  return isSecretByAnyMarking(schema);
}

/**
 * The keywords that give `schema` a value if it is a secret, in the schema's own key order; none
 * when it is not a secret. Any `default`, `examples` or `const` counts (even `null` or `[]`: the
 * keyword itself says the field has a value to offer); an `enum` counts when it allows exactly one
 * value, which makes that value a constant.
 */
export function secretValues(schema: JsonObject): SecretValue[] {
  if (!isSecret(schema)) return [];
  const found: SecretValue[] = [];
  for (const keyword of Object.keys(schema)) {
    if (carriesValue(schema, keyword)) found.push({ keyword, what: WORDS[keyword] });
  }
  return found;
}

function carriesValue(schema: JsonObject, keyword: string): keyword is SecretValueKeyword {
  switch (keyword) {
    case "default":
    case "examples":
    case "const":
      return ownValue(schema, keyword) !== undefined;
    case "enum": {
      const values = ownValue(schema, "enum");
      return Array.isArray(values) && values.length === 1;
    }
    default:
      return false;
  }
}

/**
 * What is wrong and how to fix it, for the secret that `name` names (e.g. `field "password"
 * (Password)`): sentence fragments, as SchemaProblem and the lint findings take them. The value
 * itself is never quoted.
 */
export function describeSecretValue(
  name: string,
  value: SecretValue,
): { problem: string; fix: string } {
  return {
    problem: `the secret ${name} has ${value.what} ("${value.keyword}"), which would ship with every connector`,
    fix: `remove "${value.keyword}" from the ${name}; describe the expected format in "description" instead`,
  };
}

/**
 * The first secret carrying a value in `root`, in document order (parents before children, keys
 * in their order), as the SchemaProblem that refuses the schema: its pointer names the keyword,
 * e.g. `/properties/password/default`. Every subschema is looked at: groups, choice branches, list
 * items, `definitions`… (the schema walk). Undefined when there is none.
 */
export function secretValueRefusal(root: JsonObject): SchemaProblem | undefined {
  for (const node of walkSubschemas(root)) {
    const [first] = secretValues(node.schema);
    if (!first) continue;
    const { problem, fix } = describeSecretValue(nameOf(node), first);
    return new SchemaProblem(node.at(first.keyword), problem, fix);
  }
  return undefined;
}

/** Throws `secretValueRefusal(root)`, if there is one. */
export function refuseSecretValues(root: JsonObject): void {
  const problem = secretValueRefusal(root);
  if (problem) throw problem;
}

/**
 * How a refusal names the secret, as `check` names fields: `field "password" (Password)` for a
 * property, `definition "token"` for a definition, else by title or pointer.
 */
function nameOf(node: SubschemaNode): string {
  const [via, key] = node.tokens;
  const rawTitle = ownValue(node.schema, "title");
  const title =
    typeof rawTitle === "string" && rawTitle.trim() !== "" ? rawTitle.trim() : undefined;
  const titled = (name: string) =>
    title && title !== key ? `${name} (${excerptText(title)})` : name;
  if (via === "properties" && typeof key === "string") return titled(`field ${quoteExcerpt(key)}`);
  if ((via === "definitions" || via === "$defs") && typeof key === "string")
    return titled(`definition ${quoteExcerpt(key)}`);
  if (title) return `schema ${quoteExcerpt(title)}`;
  return `schema at ${node.pointer === "" ? "the root" : excerptPointer(node.pointer)}`;
}
