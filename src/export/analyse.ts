import { appendPointer } from "../json/pointer.ts";
import {
  defineOwn,
  isJsonObject,
  type JsonObject,
  type JsonValue,
  ownValue,
} from "../json/value.ts";
import { isSecret } from "../model/secret-values.ts";
import type { ResolvedRef } from "../schema/runnable-schema.ts";

/**
 * One pass over a draft-07 schema that builds the annotated copy json-schema-to-typescript turns
 * into bindings. The schema has passed `runnableSchema` (src/schema/runnable-schema.ts) first,
 * which refuses what cannot be exported and says where each `$ref` leads. The walk uses an
 * explicit stack, so nesting depth costs no call stack; the caller's schema is only read.
 *
 * The copy keeps only the keywords that shape a TypeScript type; annotations become one doc
 * comment text in `description`; `title` and `$id` are dropped (names are ours, see
 * typescript.ts); every `$ref` is resolved here, to the copy of its target, so the copy is a
 * graph without `$ref` and json-schema-to-typescript never resolves anything itself.
 */

export type CopyObject = { [key: string]: unknown };
export type CopyNode = CopyObject | boolean;

export interface NodeInfo {
  pointer: string;
  copy: CopyObject;
  /** The schema's own title, if it has one. */
  title: string | undefined;
  /** Where a name comes from when there is no title: a property or definition key, plus a role. */
  hint: string;
}

export interface Analysis {
  /** The copy of the root, with every `$ref` resolved. */
  root: CopyNode;
  /** Copies of object subschemas in document order (the root first). */
  nodes: NodeInfo[];
  infoOf: Map<CopyObject, NodeInfo>;
  /** Copies that some `$ref` resolves to: they become named types. */
  refTargets: Set<CopyObject>;
  placeholders: Placeholders;
}

/** Keys that objects inherit: json-schema-to-typescript calls `obj.hasOwnProperty(…)` on maps. */
const INHERITED_KEYS = new Set(Object.getOwnPropertyNames(Object.prototype));

/** Keywords whose presence gives a copy a TypeScript shape; a copy with none is `unknown`. */
const TYPE_KEYWORDS = [
  "type",
  "properties",
  "additionalProperties",
  "patternProperties",
  "items",
  "additionalItems",
  "enum",
  "const",
  "allOf",
  "anyOf",
  "oneOf",
];

const SECRET_NOTE = "Secret: write-only; never log or persist it.";

/**
 * Stand-ins for text that json-schema-to-typescript must not see as is: property keys it would
 * trip over (`hasOwnProperty`) and patternProperties keys it writes into comments. Each is an
 * identifier built from a prefix that occurs nowhere in the schema's JSON text, so restoring
 * them in the output cannot touch anything else.
 */
export class Placeholders {
  private readonly prefix: string;
  private readonly replacements: string[] = [];
  private readonly keys = new Map<string, string>();

  constructor(schemaJsonText: string) {
    let prefix = "zzcdk";
    for (let i = 1; schemaJsonText.includes(prefix); i++) prefix = `zzcdk${i}x`;
    this.prefix = prefix;
  }

  /** The placeholder for a property key (the same one every time), restored as a quoted key. */
  forKey(key: string): string {
    let placeholder = this.keys.get(key);
    if (placeholder === undefined) {
      placeholder = this.add(JSON.stringify(key));
      this.keys.set(key, placeholder);
    }
    return placeholder;
  }

  /** A placeholder for text that ends up inside a `/** … *\/` comment between quotes. */
  forCommentText(text: string): string {
    return this.add(commentSafe(JSON.stringify(text).slice(1, -1)));
  }

  restore(text: string): string {
    if (!this.replacements.length) return text;
    return text.replace(
      new RegExp(`${this.prefix}_(\\d+)_`, "g"),
      (_, id: string) => this.replacements[Number(id)] ?? "",
    );
  }

  private add(replacement: string): string {
    this.replacements.push(replacement);
    return `${this.prefix}_${this.replacements.length - 1}_`;
  }
}

/** Text that can sit inside a block comment: one kind of line break, no comment terminator. */
export function commentSafe(text: string): string {
  return text.replace(/\r\n?|[\u2028\u2029]/g, "\n").replace(/\*\//g, "*\\/");
}

interface Frame {
  node: JsonValue;
  pointer: string;
  hint: string;
  /** Where the copy goes: a copy map or array, or nowhere (definitions and the like). */
  container: CopyObject | unknown[] | undefined;
  slot: string | number;
}

interface RefSite {
  info: NodeInfo;
  container: CopyObject | unknown[] | undefined;
  slot: string | number;
}

/** `refs`: where each `$ref` leads, as `runnableSchema` resolved them. */
export function analyseSchema(
  schema: JsonObject,
  schemaJsonText: string,
  refs: ReadonlyMap<string, ResolvedRef>,
): Analysis {
  const placeholders = new Placeholders(schemaJsonText);
  const nodes: NodeInfo[] = [];
  const infoOf = new Map<CopyObject, NodeInfo>();
  /** Every subschema by pointer: the copy of an object schema, or a boolean schema. */
  const byPointer = new Map<string, NodeInfo | boolean>();
  const sites: RefSite[] = [];
  let root: CopyNode = true;

  const stack: Frame[] = [{ node: schema, pointer: "", hint: "", container: undefined, slot: "" }];
  while (stack.length) {
    const frame = stack.pop() as Frame;
    const { node, pointer } = frame;
    if (typeof node === "boolean") {
      byPointer.set(pointer, node);
      place(frame, node);
      if (pointer === "") root = node;
      continue;
    }
    if (!isJsonObject(node)) continue; // not a schema (runnableSchema has refused it)

    const copy: CopyObject = {};
    const title = typeof ownValue(node, "title") === "string" ? (node.title as string) : undefined;
    const info: NodeInfo = { pointer, copy, title, hint: frame.hint };
    nodes.push(info);
    infoOf.set(copy, info);
    byPointer.set(pointer, info);
    place(frame, copy);
    if (pointer === "") root = copy;

    const children: Frame[] = [];
    const child = (
      value: JsonValue | undefined,
      tokens: Array<string | number>,
      hint: string,
      container?: CopyObject | unknown[],
      slot: string | number = "",
    ): void => {
      if (typeof value === "boolean" || isJsonObject(value)) {
        const childPointer = appendPointer(pointer, ...tokens);
        children.push({ node: value, pointer: childPointer, hint, container, slot });
      }
    };

    for (const keyword of Object.keys(node)) {
      const value = node[keyword] as JsonValue;
      switch (keyword) {
        case "properties":
        case "patternProperties": {
          if (!isJsonObject(value)) break;
          const map: CopyObject = {};
          copy[keyword] = map;
          for (const key of Object.keys(value)) {
            const copyKey =
              keyword === "patternProperties"
                ? placeholders.forCommentText(key)
                : INHERITED_KEYS.has(key)
                  ? placeholders.forKey(key)
                  : key;
            child(
              value[key],
              [keyword, key],
              keyword === "properties" ? key : `${frame.hint} value`,
              map,
              copyKey,
            );
          }
          break;
        }
        case "definitions":
        case "dependencies":
          if (!isJsonObject(value)) break;
          for (const key of Object.keys(value)) child(value[key], [keyword, key], key);
          break;
        case "items":
          if (Array.isArray(value)) {
            const list: unknown[] = new Array(value.length).fill(true);
            copy.items = list;
            value.forEach((item, i) => {
              child(item, [keyword, i], `${frame.hint} item ${i + 1}`, list, i);
            });
          } else {
            child(value, [keyword], `${frame.hint} item`, copy, keyword);
          }
          break;
        case "additionalItems":
          child(value, [keyword], `${frame.hint} item`, copy, keyword);
          break;
        case "additionalProperties":
          child(value, [keyword], `${frame.hint} value`, copy, keyword);
          break;
        case "allOf":
        case "anyOf":
        case "oneOf": {
          if (!Array.isArray(value)) break;
          const list: unknown[] = new Array(value.length).fill(true);
          copy[keyword] = list;
          value.forEach((item, i) => {
            child(item, [keyword, i], `${frame.hint} option ${i + 1}`, list, i);
          });
          break;
        }
        case "contains":
        case "propertyNames":
        case "not":
        case "if":
        case "then":
        case "else":
          child(value, [keyword], `${frame.hint} ${keyword}`);
          break;
        case "type":
          if (typeof value === "string") copy.type = value;
          else if (Array.isArray(value) && value.every((t) => typeof t === "string"))
            copy.type = value.slice();
          break;
        case "required":
          if (Array.isArray(value) && value.every((k) => typeof k === "string")) {
            copy.required = (value as string[]).map((key) =>
              INHERITED_KEYS.has(key) ? placeholders.forKey(key) : key,
            );
          }
          break;
        // Values are data: json-schema-to-typescript would resolve a `$ref` inside an object or
        // array value (`{"const": {"$ref": "#/x"}}`), so such values never reach it; their type
        // is written here, as the literal JSON the validator accepts.
        case "enum":
          if (Array.isArray(value)) {
            if (value.every(isPrimitive)) copy.enum = value;
            else copy.enumLiteral = value.map(literalType).join(" | ") || "never";
          }
          break;
        case "const":
          if (isPrimitive(value)) copy.const = value;
          else copy.constLiteral = literalType(value);
          break;
        case "deprecated":
          if (value === true) copy.deprecated = true;
          break;
        default:
          break;
      }
    }
    // Draft-07 arrays: keep minItems/maxItems (they become tuples) only when they make sense.
    const minItems = ownValue(node, "minItems");
    const maxItems = ownValue(node, "maxItems");
    const isCount = (n: unknown): n is number =>
      typeof n === "number" && Number.isInteger(n) && n >= 0;
    if (
      isCount(minItems) &&
      (maxItems === undefined || (isCount(maxItems) && minItems <= maxItems))
    )
      copy.minItems = minItems;
    if (
      isCount(maxItems) &&
      (minItems === undefined || (isCount(minItems) && minItems <= maxItems))
    )
      copy.maxItems = maxItems;

    const doc = docComment(node);
    if (doc !== undefined) copy.description = doc;

    // A literal (from `const`, else `enum`) is the whole type: nothing else in the copy can
    // widen it, and json-schema-to-typescript writes a `tsType` as it is.
    const literal = copy.constLiteral ?? copy.enumLiteral;
    delete copy.constLiteral;
    delete copy.enumLiteral;
    if (typeof literal === "string" && typeof ownValue(node, "$ref") !== "string") {
      for (const keyword of TYPE_KEYWORDS) delete copy[keyword];
      copy.tsType = literal;
    }

    if (typeof ownValue(node, "$ref") === "string") {
      sites.push({ info, container: frame.container, slot: frame.slot });
    } else if (!("tsType" in copy) && !TYPE_KEYWORDS.some((k) => k in copy)) {
      copy.tsType = "unknown"; // only annotations or keywords without a TypeScript shape
    }
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as Frame);
  }

  // ---- resolve $ref: every site to the copy its chain of references ends at
  const refTargets = new Set<CopyObject>();
  for (const site of sites) {
    const { target, wrapper } = refs.get(site.info.pointer) as ResolvedRef;
    const found = byPointer.get(target) as NodeInfo | boolean;
    const resolved = typeof found === "boolean" ? found : found.copy;
    if (typeof resolved !== "boolean") refTargets.add(resolved);
    if (wrapper) {
      // The `$ref` has siblings that shape the type: keep the copy, add the target to its allOf.
      const allOf = Array.isArray(site.info.copy.allOf) ? (site.info.copy.allOf as unknown[]) : [];
      site.info.copy.allOf = [resolved, ...allOf];
    } else if (site.info.pointer === "") {
      root = resolved;
    } else if (site.container) {
      if (Array.isArray(site.container)) site.container[site.slot as number] = resolved;
      else defineOwn(site.container as JsonObject, site.slot as string, resolved as JsonValue);
    }
  }

  return { root, nodes, infoOf, refTargets, placeholders };
}

function place(frame: Frame, copy: CopyNode): void {
  const { container, slot } = frame;
  if (!container) return;
  if (Array.isArray(container)) container[slot as number] = copy;
  else defineOwn(container as JsonObject, slot as string, copy as JsonValue);
}

/** The doc comment text for a schema: title, description, choices, secrecy, default. */
function docComment(node: JsonObject): string | undefined {
  const lines: string[] = [];
  const title = ownValue(node, "title");
  const description = ownValue(node, "description");
  if (typeof title === "string" && title.trim() && title !== description) lines.push(title);
  if (typeof description === "string" && description.trim()) {
    if (lines.length) lines.push("");
    lines.push(description);
  }
  const values = ownValue(node, "enum");
  const labels = ownValue(node, "x-enumNames");
  if (
    Array.isArray(values) &&
    Array.isArray(labels) &&
    labels.length === values.length &&
    labels.every((l) => typeof l === "string")
  ) {
    if (lines.length) lines.push("");
    lines.push(
      "Choices: " +
        values.map((value, i) => `${JSON.stringify(value)} (${labels[i] as string})`).join(", "),
    );
  }
  if (isSecret(node)) {
    if (lines.length) lines.push("");
    lines.push(SECRET_NOTE);
  }
  const fallback = ownValue(node, "default");
  if (fallback !== undefined && (fallback === null || typeof fallback !== "object")) {
    if (lines.length) lines.push("");
    lines.push(`@default ${JSON.stringify(fallback)}`);
  }
  return lines.length ? commentSafe(lines.join("\n")) : undefined;
}

function isPrimitive(value: JsonValue): boolean {
  return value === null || typeof value !== "object";
}

/**
 * A JSON value as the TypeScript type of exactly that value: `{"$ref": "#/x"}` stays an object
 * type with a `"$ref"` property of type `"#/x"`, an array a tuple. Iterative over arrays and
 * objects, so a deeply nested value cannot exhaust the stack.
 */
export function literalType(value: JsonValue): string {
  type Step = { value: JsonValue } | { text: string };
  const out: string[] = [];
  const stack: Step[] = [{ value }];
  while (stack.length > 0) {
    const step = stack.pop() as Step;
    if ("text" in step) {
      out.push(step.text);
      continue;
    }
    const current = step.value;
    if (current === null || typeof current !== "object") {
      out.push(current === null ? "null" : JSON.stringify(current));
      continue;
    }
    const steps: Step[] = [];
    if (Array.isArray(current)) {
      steps.push({ text: "[" });
      current.forEach((item, i) => {
        if (i > 0) steps.push({ text: ", " });
        steps.push({ value: item });
      });
      steps.push({ text: "]" });
    } else {
      const keys = Object.keys(current);
      steps.push({ text: keys.length ? "{ " : "{" });
      keys.forEach((key, i) => {
        if (i > 0) steps.push({ text: "; " });
        steps.push({ text: `${JSON.stringify(key)}: ` }, { value: current[key] as JsonValue });
      });
      steps.push({ text: keys.length ? " }" : "}" });
    }
    for (let i = steps.length - 1; i >= 0; i--) stack.push(steps[i] as Step);
  }
  return out.join("");
}
