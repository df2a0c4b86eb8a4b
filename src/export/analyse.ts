import { fullFormats } from "ajv-formats/dist/formats.js";
import { appendPointer, parsePointer } from "../json/pointer.ts";
import { SchemaProblem } from "../json/problem.ts";
import {
  defineOwn,
  isJsonObject,
  type JsonObject,
  type JsonValue,
  ownValue,
} from "../json/value.ts";
import { checkPattern } from "../schema/pattern-safety.ts";

/**
 * One pass over a draft-07 schema that (1) refuses what cannot be exported, as SchemaProblems in
 * document order, (2) collects what the validator needs (formats), and (3) builds the annotated
 * copy that json-schema-to-typescript turns into bindings. The walk uses an explicit stack, so
 * nesting depth costs no call stack; the caller's schema is only read.
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
  /** Formats used anywhere in the schema. */
  formats: Set<string>;
  /**
   * Schemas whose `properties` or `patternProperties` have a `__proto__` key, which Ajv skips
   * (see validator.ts, which rewrites them for Ajv). Pointers, in document order.
   */
  protoKeys: string[];
  placeholders: Placeholders;
}

export const SUPPORTED_FORMATS: readonly string[] = Object.keys(fullFormats);
const SUPPORTED_FORMAT_SET = new Set(SUPPORTED_FORMATS);

const DRAFT_07_URIS = new Set([
  "http://json-schema.org/draft-07/schema#",
  "http://json-schema.org/draft-07/schema",
]);

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

/** Keywords whose subschemas apply to the very value their parent applies to. */
const SAME_VALUE_KEYWORDS = new Set(["allOf", "anyOf", "oneOf", "not", "if", "then", "else"]);

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
  /** The field a message names: the nearest property or definition key. */
  label: string;
  /** Where the copy goes: a copy map or array, or nowhere (definitions and the like). */
  container: CopyObject | unknown[] | undefined;
  slot: string | number;
}

interface RefSite {
  pointer: string;
  ref: string;
  label: string;
  info: NodeInfo;
  container: CopyObject | unknown[] | undefined;
  slot: string | number;
  /** The `$ref` has siblings that shape the type: keep the copy, add the target to its allOf. */
  wrapper: boolean;
}

export function analyseSchema(
  schema: JsonObject,
  schemaJsonText: string,
  rootLabel: string,
): Analysis {
  const placeholders = new Placeholders(schemaJsonText);
  const formats = new Set<string>();
  const nodes: NodeInfo[] = [];
  const infoOf = new Map<CopyObject, NodeInfo>();
  /** Every subschema by pointer: the copy of an object schema, or a boolean schema. */
  const byPointer = new Map<string, NodeInfo | boolean>();
  const refs: RefSite[] = [];
  const refAt = new Map<string, RefSite>();
  /** Subschemas that apply to the same value as their parent (allOf, not, if…): for loop checks. */
  const sameValue = new Map<string, string[]>();
  let root: CopyNode = true;
  const protoKeys: string[] = [];

  const stack: Frame[] = [
    { node: schema, pointer: "", hint: "", label: rootLabel, container: undefined, slot: "" },
  ];
  while (stack.length) {
    const frame = stack.pop() as Frame;
    const { node, pointer } = frame;
    if (typeof node === "boolean") {
      byPointer.set(pointer, node);
      place(frame, node);
      if (pointer === "") root = node;
      continue;
    }
    if (!isJsonObject(node)) continue; // not a schema: the meta-schema check reports it
    checkNode(node, frame, formats);
    if (hasOwnKey(node.properties, "__proto__") || hasOwnKey(node.patternProperties, "__proto__"))
      protoKeys.push(pointer);

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
      label: string,
      container?: CopyObject | unknown[],
      slot: string | number = "",
    ): void => {
      if (typeof value === "boolean" || isJsonObject(value)) {
        const childPointer = appendPointer(pointer, ...tokens);
        children.push({ node: value, pointer: childPointer, hint, label, container, slot });
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
              keyword === "properties" ? key : frame.label,
              map,
              copyKey,
            );
          }
          break;
        }
        case "definitions":
        case "dependencies":
          if (!isJsonObject(value)) break;
          for (const key of Object.keys(value)) child(value[key], [keyword, key], key, key);
          break;
        case "items":
          if (Array.isArray(value)) {
            const list: unknown[] = new Array(value.length).fill(true);
            copy.items = list;
            value.forEach((item, i) =>
              child(item, [keyword, i], `${frame.hint} item ${i + 1}`, frame.label, list, i),
            );
          } else {
            child(value, [keyword], `${frame.hint} item`, frame.label, copy, keyword);
          }
          break;
        case "additionalItems":
          child(value, [keyword], `${frame.hint} item`, frame.label, copy, keyword);
          break;
        case "additionalProperties":
          child(value, [keyword], `${frame.hint} value`, frame.label, copy, keyword);
          break;
        case "allOf":
        case "anyOf":
        case "oneOf": {
          if (!Array.isArray(value)) break;
          const list: unknown[] = new Array(value.length).fill(true);
          copy[keyword] = list;
          value.forEach((item, i) =>
            child(item, [keyword, i], `${frame.hint} option ${i + 1}`, frame.label, list, i),
          );
          break;
        }
        case "contains":
        case "propertyNames":
        case "not":
        case "if":
        case "then":
        case "else":
          child(value, [keyword], `${frame.hint} ${keyword}`, frame.label);
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
        case "enum":
          if (Array.isArray(value)) copy.enum = value;
          break;
        case "const":
          copy.const = value;
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

    const ref = ownValue(node, "$ref");
    if (typeof ref === "string") {
      const site: RefSite = {
        pointer,
        ref,
        label: frame.label,
        info,
        container: frame.container,
        slot: frame.slot,
        wrapper: TYPE_KEYWORDS.some((k) => k in copy),
      };
      refs.push(site);
      refAt.set(pointer, site);
    } else if (!TYPE_KEYWORDS.some((k) => k in copy)) {
      copy.tsType = "unknown"; // only annotations or keywords without a TypeScript shape
    }
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as Frame);
  }

  // ---- resolve $ref: every site to the copy its chain of references ends at
  const targetPointer = (site: RefSite): string => {
    let pointer: string;
    try {
      pointer =
        site.ref === "#"
          ? ""
          : appendPointer("", ...parsePointer(decodeURIComponent(site.ref.slice(1))));
    } catch {
      throw refProblem(site, "which is not a valid JSON pointer");
    }
    if (!byPointer.has(pointer)) {
      throw refProblem(
        site,
        hasValueAt(schema, pointer)
          ? "which is not a schema (it is not under a schema keyword)"
          : "which does not exist",
      );
    }
    return pointer;
  };
  const final = new Map<RefSite, CopyNode>();
  const resolve = (start: RefSite): CopyNode => {
    const seen = new Set<RefSite>();
    let site = start;
    for (;;) {
      const known = final.get(site);
      if (known !== undefined) return known;
      if (seen.has(site)) throw loopProblem(start);
      seen.add(site);
      const pointer = targetPointer(site);
      const next = refAt.get(pointer);
      if (!next || next.wrapper) {
        const target = byPointer.get(pointer) as NodeInfo | boolean;
        const result = typeof target === "boolean" ? target : target.copy;
        for (const s of seen) final.set(s, result);
        return result;
      }
      site = next;
    }
  };
  const refTargets = new Set<CopyObject>();
  const refEdges = new Map<string, string>();
  for (const site of refs) {
    const target = targetPointer(site);
    refEdges.set(site.pointer, target);
    if (protoKeys.length && /\/(?:properties|patternProperties)\/__proto__(?:\/|$)/.test(target)) {
      throw refProblem(
        site,
        'which is the schema of a "__proto__" key: the validator keeps such schemas elsewhere, so nothing can refer to them',
        "move that schema to a definition and refer to the definition from both places",
      );
    }
    const resolved = resolve(site);
    if (typeof resolved !== "boolean") refTargets.add(resolved);
    if (site.wrapper) {
      const allOf = Array.isArray(site.info.copy.allOf) ? (site.info.copy.allOf as unknown[]) : [];
      site.info.copy.allOf = [resolved, ...allOf];
    } else if (site.pointer === "") {
      root = resolved;
    } else if (site.container) {
      if (Array.isArray(site.container)) site.container[site.slot as number] = resolved;
      else defineOwn(site.container as JsonObject, site.slot as string, resolved as JsonValue);
    }
  }
  if (refs.length) checkReferenceLoops(byPointer, sameValue, refEdges, refAt);

  return { root, nodes, infoOf, refTargets, formats, protoKeys, placeholders };
}

function place(frame: Frame, copy: CopyNode): void {
  const { container, slot } = frame;
  if (!container) return;
  if (Array.isArray(container)) container[slot as number] = copy;
  else defineOwn(container as JsonObject, slot as string, copy as JsonValue);
}

function checkNode(node: JsonObject, frame: Frame, formats: Set<string>): void {
  const { pointer, label } = frame;
  const field = `field ${JSON.stringify(label)}`;
  if (pointer === "") {
    const declared = ownValue(node, "$schema");
    if (declared !== undefined && !(typeof declared === "string" && DRAFT_07_URIS.has(declared))) {
      throw new SchemaProblem(
        "/$schema",
        `the schema declares "$schema": ${JSON.stringify(declared)}, but only JSON Schema draft-07 can be exported`,
        'set "$schema" to "http://json-schema.org/draft-07/schema#" or remove it',
      );
    }
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
  if (typeof format === "string") {
    if (!SUPPORTED_FORMAT_SET.has(format)) {
      throw new SchemaProblem(
        appendPointer(pointer, "format"),
        `${field} uses the unknown format ${JSON.stringify(format)}`,
        `use one of the supported formats (${SUPPORTED_FORMATS.join(", ")}) or remove "format"`,
      );
    }
    formats.add(format);
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

function refProblem(
  site: RefSite,
  what: string,
  fix = 'refer to a schema in this document, e.g. a definition under "#/definitions/"',
): SchemaProblem {
  return new SchemaProblem(
    appendPointer(site.pointer, "$ref"),
    `field ${JSON.stringify(site.label)} refers to ${JSON.stringify(site.ref)}, ${what}`,
    fix,
  );
}

function hasOwnKey(map: JsonValue | undefined, key: string): boolean {
  return isJsonObject(map) && Object.prototype.hasOwnProperty.call(map, key);
}

function loopProblem(site: RefSite): SchemaProblem {
  return new SchemaProblem(
    appendPointer(site.pointer, "$ref"),
    `field ${JSON.stringify(site.label)} refers to ${JSON.stringify(site.ref)}, which leads back to itself without going into a property or an item, so validation would never end`,
    "let the recursion pass through a property or an array item",
  );
}

function hasValueAt(schema: JsonObject, pointer: string): boolean {
  let node: JsonValue | undefined = schema;
  for (const token of parsePointer(pointer)) {
    if (Array.isArray(node)) node = /^(0|[1-9]\d*)$/.test(token) ? node[Number(token)] : undefined;
    else if (isJsonObject(node)) node = ownValue(node, token);
    else return false;
    if (node === undefined) return false;
  }
  return true;
}

/**
 * A reference cycle that comes back to the same value (through allOf/anyOf/oneOf/not/if/then/
 * else and `$ref` only) never ends: Ajv's validator would recurse until the stack runs out and
 * TypeScript would reject the type. Such a cycle needs a `$ref`, so this runs only when there
 * are some: an iterative depth-first search over pointers.
 */
function checkReferenceLoops(
  byPointer: Map<string, NodeInfo | boolean>,
  sameValue: Map<string, string[]>,
  refEdges: Map<string, string>,
  refAt: Map<string, RefSite>,
): void {
  const edges = (pointer: string): string[] => {
    const list = sameValue.get(pointer) ?? [];
    const target = refEdges.get(pointer);
    return target === undefined ? list : [...list, target];
  };
  const state = new Map<string, 1 | 2>(); // 1: on the current path, 2: done
  for (const start of byPointer.keys()) {
    if (state.has(start)) continue;
    const path: Array<{ pointer: string; next: string[]; i: number }> = [
      { pointer: start, next: edges(start), i: 0 },
    ];
    state.set(start, 1);
    while (path.length) {
      const top = path[path.length - 1] as { pointer: string; next: string[]; i: number };
      if (top.i >= top.next.length) {
        state.set(top.pointer, 2);
        path.pop();
        continue;
      }
      const next = top.next[top.i++] as string;
      const seen = state.get(next);
      if (seen === 1) {
        const onLoop = path.slice(path.findIndex((p) => p.pointer === next));
        const site = onLoop.map((p) => refAt.get(p.pointer)).find((s) => s !== undefined);
        if (site) throw loopProblem(site);
      } else if (seen === undefined) {
        state.set(next, 1);
        path.push({ pointer: next, next: edges(next), i: 0 });
      }
    }
  }
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
  if (ownValue(node, "writeOnly") === true) {
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
