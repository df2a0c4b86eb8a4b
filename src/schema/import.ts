import { quoteExcerpt } from "../json/excerpt.ts";
import { SchemaProblem } from "../json/problem.ts";
import { loneSurrogateProblem } from "../json/unicode.ts";
import {
  cloneJson,
  defineOwn,
  isJsonObject,
  type JsonObject,
  type JsonValue,
  ownValue,
} from "../json/value.ts";
import { newId } from "../model/ids.ts";
import { keywordFix, keywordProblem } from "../model/keywords.ts";
import type { CredentialDocument, FieldNode } from "../model/nodes.ts";
import { walkSubschemas } from "../model/walk.ts";
import { resolveRef } from "./refs.ts";

/**
 * Turns a draft-07 credential schema into a document, losing nothing: every keyword stays in its
 * node's bag in its order, unknown keywords and `x-` extensions included, so `toSchema` gives the
 * same schema back. Throws a SchemaProblem (with the JSON pointer) for a schema of the wrong shape
 * or a `$ref` that leaves the file; nothing is ever fetched or read.
 */
export function importSchema(value: JsonValue): CredentialDocument {
  if (!isJsonObject(value)) {
    throw new SchemaProblem(
      "",
      `the file holds ${describeJson(value)}, not a schema object`,
      'a credential window is a JSON Schema object such as {"type": "object", "properties": {…}}',
    );
  }
  const first = shapeProblems(value).next();
  if (!first.done) throw first.value;
  return { root: buildNode(cloneJson(value), "", true) };
}

/**
 * What keeps a schema object from being a credential window, in document order: a key or text
 * that is not valid Unicode (a lone surrogate; then nothing else is judged), a root that is
 * not an object of fields, a keyword of a form draft-07 does not allow, a `$ref` that leaves the
 * file. `importSchema` refuses the first; `export` and `check` (export-refusals.ts) all of them.
 */
export function* shapeProblems(root: JsonObject): Generator<SchemaProblem> {
  // Text that is not valid Unicode first, and alone: nothing below (pointers, `$ref`s, URIs,
  // the page's ids) may ever meet a lone surrogate.
  const unicode = loneSurrogateProblem(root);
  if (unicode) {
    yield unicode;
    return;
  }
  const rootType = ownValue(root, "type");
  if (rootType !== undefined && rootType !== "object") {
    yield new SchemaProblem(
      "/type",
      `the window's type is ${quoteExcerpt(rootType)}, but a credential window is an object of fields`,
      'set "type" to "object" and put the fields under "properties"',
    );
  }
  for (const node of walkSubschemas(root)) {
    for (const keyword of Object.keys(node.schema)) {
      const value = node.schema[keyword]!;
      const problem = keywordProblem(keyword, value);
      if (problem)
        yield new SchemaProblem(
          node.at(keyword),
          // "must be an array of property names, but it holds an array" would say nothing.
          Array.isArray(value) && problem.includes("array")
            ? `"${keyword}" ${problem}`
            : `"${keyword}" ${problem}, but it holds ${describeJson(value)}`,
          keywordFix(keyword),
        );
      else if (keyword === "$ref") {
        const target = resolveRef(root, value as string);
        if (target.kind !== "local")
          yield new SchemaProblem(node.at("$ref"), `the $ref ${target.problem}`, target.fix);
      }
    }
  }
}

function buildNode(schema: JsonObject | boolean, key: string, asContainer = false): FieldNode {
  if (typeof schema === "boolean") return { id: newId(), key, schema };
  if (!asContainer && isChoice(schema)) {
    const branches = (schema.oneOf as JsonObject[]).map((branch) => buildNode(branch, "", true));
    return { id: newId(), key, schema: withPlaceholder(schema, "oneOf", []), branches };
  }
  if (asContainer || isJsonObject(schema.properties) || schema.type === "object") {
    const properties = isJsonObject(schema.properties) ? schema.properties : {};
    const fields = Object.keys(properties).map((name) =>
      buildNode(properties[name] as JsonObject | boolean, name),
    );
    const bag = "properties" in schema ? withPlaceholder(schema, "properties", {}) : schema;
    return { id: newId(), key, schema: bag, fields };
  }
  return { id: newId(), key, schema };
}

/** An auth-method choice: `oneOf` of object branches, on a schema that is not itself a group. */
function isChoice(schema: JsonObject): boolean {
  const branches = schema.oneOf;
  return (
    Array.isArray(branches) &&
    branches.length > 0 &&
    !("properties" in schema) &&
    (schema.type === undefined || schema.type === "object") &&
    branches.every(
      (branch) =>
        isJsonObject(branch) &&
        (isJsonObject(branch.properties) || branch.type === "object") &&
        !isChoiceInside(branch),
    )
  );
}

/** A branch that is itself a choice would be ambiguous to the designer; such a oneOf stays custom JSON. */
function isChoiceInside(branch: JsonObject): boolean {
  return Array.isArray(branch.oneOf) && !isJsonObject(branch.properties);
}

/** The keyword keeps its place in the bag; its content lives in the node's children. */
function withPlaceholder(schema: JsonObject, keyword: string, empty: JsonValue): JsonObject {
  const bag: JsonObject = {};
  for (const name of Object.keys(schema))
    defineOwn(bag, name, name === keyword ? empty : schema[name]!);
  return bag;
}

function describeJson(value: JsonValue): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "object") return "an object";
  // Never the text itself: it may be a secret's value, and messages are printed and logged.
  if (typeof value === "string") return "a string";
  return `${typeof value === "number" ? "a number" : "a boolean"} (${String(value)})`;
}
