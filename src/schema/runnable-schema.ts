import type Ajv from "ajv";
import { appendPointer } from "../json/pointer.ts";
import { SchemaProblem } from "../json/problem.ts";
import { isJsonObject, type JsonObject, type JsonValue, ownValue } from "../json/value.ts";
import { addDraft07Spellings, draftProblem } from "./draft-07.ts";
import { validateAgainstMetaSchema } from "./meta-schema.ts";
import { checkPattern } from "./pattern-safety/index.ts";
import { withoutProtoKeys } from "./proto-keys.ts";
import {
  type RefGraph,
  type RefSite,
  type ResolvedRef,
  resolveRefs,
  SAME_VALUE_KEYWORDS,
  shapesType,
} from "./ref-chains.ts";

/**
 * The one step before a draft-07 schema is run by Ajv, shared by `export` (which compiles it into
 * the validator) and the saved-values check of `diff` (which runs it on saved credentials).
 *
 * Refuses, as SchemaProblems, what cannot be run safely, in this order: first, in document order,
 * what one subschema says (a `$schema` other than draft-07, a nested `$id`, `$async`, a `$ref`
 * outside the schema, a `__proto__` dependency, an invalid or unsafe pattern, an unknown format);
 * then references that lead nowhere or around a loop (ref-chains.ts); then whatever breaks the
 * draft-07 meta-schema. The walk uses an explicit stack, so nesting depth costs no call stack.
 *
 * Pulls in the pattern analysis (pattern-safety/) statically: the page must load this module
 * only on demand (as its export worker and compare view do), never from what it loads first.
 */
export interface RunnableSchema {
  /**
   * The schema as Ajv can run it: the caller's own object when it has no `__proto__` key under
   * `properties` or `patternProperties`, else a copy where those are moved (see proto-keys.ts).
   */
  schema: JsonObject;
  /** Where each `$ref` leads, by the pointer of the schema that holds it, in document order. */
  refs: Map<string, ResolvedRef>;
}

export type { ResolvedRef } from "./ref-chains.ts";

/**
 * Validates `schema` against draft-07 with `ajv`, refuses what cannot run (see above) and returns
 * what Ajv can run. A format is unknown when `ajv` has none by that name (both callers give theirs
 * ajv-formats' `fullFormats`). `rootLabel` is the name messages give the root schema's fields.
 * The caller's schema is only read.
 */
export function runnableSchema(ajv: Ajv, schema: JsonObject, rootLabel: string): RunnableSchema {
  const { graph, protoKeys } = walkSchema(schema, rootLabel, Object.keys(ajv.formats));
  const refs = resolveRefs(schema, graph);
  validateAgainstMetaSchema(addDraft07Spellings(ajv), schema);
  return { schema: withoutProtoKeys(schema, protoKeys), refs };
}

interface Frame {
  node: JsonValue;
  pointer: string;
  /** The field a message names: the nearest property or definition key. */
  label: string;
}

/**
 * Visits every subschema, parents first and keywords in document order, refusing what one
 * subschema says; collects the subschemas, references and `__proto__` keys for the later steps.
 */
function walkSchema(
  schema: JsonObject,
  rootLabel: string,
  formats: readonly string[],
): { graph: RefGraph; protoKeys: string[] } {
  const knownFormats = new Set(formats);
  const schemas = new Set<string>();
  const sites: RefSite[] = [];
  const sameValue = new Map<string, string[]>();
  /**
   * Schemas whose `properties` or `patternProperties` have a `__proto__` key, which Ajv skips
   * (see proto-keys.ts, which rewrites them for Ajv). Pointers, in document order.
   */
  const protoKeys: string[] = [];

  const stack: Frame[] = [{ node: schema, pointer: "", label: rootLabel }];
  while (stack.length) {
    const frame = stack.pop() as Frame;
    const { node, pointer } = frame;
    if (typeof node === "boolean") {
      schemas.add(pointer);
      continue;
    }
    if (!isJsonObject(node)) continue; // not a schema: the meta-schema check reports it
    checkNode(node, frame, formats, knownFormats);
    if (hasOwnKey(node.properties, "__proto__") || hasOwnKey(node.patternProperties, "__proto__"))
      protoKeys.push(pointer);
    schemas.add(pointer);

    const children: Frame[] = [];
    const child = (value: JsonValue | undefined, tokens: Array<string | number>, label: string) => {
      if (typeof value === "boolean" || isJsonObject(value)) {
        const childPointer = appendPointer(pointer, ...tokens);
        children.push({ node: value, pointer: childPointer, label });
        if (SAME_VALUE_KEYWORDS.has(tokens[0] as string)) {
          const list = sameValue.get(pointer);
          if (list) list.push(childPointer);
          else sameValue.set(pointer, [childPointer]);
        }
      }
    };
    for (const keyword of Object.keys(node)) {
      const value = node[keyword] as JsonValue;
      switch (keyword) {
        case "properties":
        case "patternProperties":
          if (!isJsonObject(value)) break;
          for (const key of Object.keys(value))
            child(value[key], [keyword, key], keyword === "properties" ? key : frame.label);
          break;
        case "definitions":
        case "dependencies":
          if (!isJsonObject(value)) break;
          for (const key of Object.keys(value)) child(value[key], [keyword, key], key);
          break;
        case "items":
          if (Array.isArray(value)) {
            value.forEach((item, i) => {
              child(item, [keyword, i], frame.label);
            });
          } else child(value, [keyword], frame.label);
          break;
        case "allOf":
        case "anyOf":
        case "oneOf":
          if (!Array.isArray(value)) break;
          value.forEach((item, i) => {
            child(item, [keyword, i], frame.label);
          });
          break;
        case "additionalItems":
        case "additionalProperties":
        case "contains":
        case "propertyNames":
        case "not":
        case "if":
        case "then":
        case "else":
          child(value, [keyword], frame.label);
          break;
        default:
          break;
      }
    }
    const ref = ownValue(node, "$ref");
    if (typeof ref === "string")
      sites.push({ pointer, ref, label: frame.label, wrapper: shapesType(node) });
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as Frame);
  }
  return {
    graph: { schemas, sites, sameValue, hasProtoKeys: protoKeys.length > 0 },
    protoKeys,
  };
}

function checkNode(
  node: JsonObject,
  frame: Frame,
  formats: readonly string[],
  knownFormats: ReadonlySet<string>,
): void {
  const { pointer, label } = frame;
  const field = `field ${JSON.stringify(label)}`;
  if (pointer === "") {
    const notDraft07 = draftProblem(node);
    if (notDraft07) throw notDraft07;
  } else if (ownValue(node, "$id") !== undefined) {
    throw new SchemaProblem(
      appendPointer(pointer, "$id"),
      `${field} declares its own "$id", which changes what its references resolve against`,
      'remove "$id" from the nested schema; only the root may have one',
    );
  }
  if (ownValue(node, "$async") !== undefined) {
    throw new SchemaProblem(
      appendPointer(pointer, "$async"),
      `${field} uses the Ajv-specific keyword "$async", which would make the validator asynchronous`,
      'remove "$async"',
    );
  }
  const ref = ownValue(node, "$ref");
  if (typeof ref === "string" && !(ref === "#" || ref.startsWith("#/"))) {
    const what = ref.startsWith("#")
      ? "a named anchor, which exports do not support"
      : "which is outside this schema";
    throw new SchemaProblem(
      appendPointer(pointer, "$ref"),
      `${field} refers to ${JSON.stringify(ref)}, ${what}`,
      'refer only to definitions in this schema with a JSON pointer, e.g. "#/definitions/name"',
    );
  }
  const dependencies = ownValue(node, "dependencies");
  if (hasOwnKey(dependencies, "__proto__")) {
    throw new SchemaProblem(
      appendPointer(pointer, "dependencies", "__proto__"),
      `${field} has a dependency for the key "__proto__", which the validator would silently skip`,
      'express it with "if": {"required": ["__proto__"]} and "then" instead',
    );
  }
  const pattern = ownValue(node, "pattern");
  if (typeof pattern === "string")
    checkOnePattern(pattern, appendPointer(pointer, "pattern"), `the pattern of ${field}`);
  const patternProperties = ownValue(node, "patternProperties");
  if (isJsonObject(patternProperties)) {
    for (const key of Object.keys(patternProperties)) {
      checkOnePattern(
        key,
        appendPointer(pointer, "patternProperties", key),
        `the property-name pattern ${JSON.stringify(key)} of ${field}`,
      );
    }
  }
  const format = ownValue(node, "format");
  if (typeof format === "string" && !knownFormats.has(format)) {
    throw new SchemaProblem(
      appendPointer(pointer, "format"),
      `${field} uses the unknown format ${JSON.stringify(format)}`,
      `use one of the supported formats (${formats.join(", ")}) or remove "format"`,
    );
  }
}

function checkOnePattern(pattern: string, pointer: string, what: string): void {
  const verdict = checkPattern(pattern);
  if (verdict.ok) return;
  if (verdict.problem === "invalid") {
    throw new SchemaProblem(
      pointer,
      `${what} ${verdict.message}`,
      'correct it: it must be a JavaScript regular expression that compiles with the "u" (unicode) flag',
    );
  }
  throw new SchemaProblem(pointer, `${what} is unsafe: it ${verdict.message}`, verdict.fix);
}

function hasOwnKey(map: JsonValue | undefined, key: string): boolean {
  return isJsonObject(map) && Object.hasOwn(map, key);
}
