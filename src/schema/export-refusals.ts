import { MAX_NESTING_DEPTH } from "../json/depth.ts";
import { quoteExcerpt } from "../json/excerpt.ts";
import { appendPointer, parsePointer } from "../json/pointer.ts";
import { SchemaProblem } from "../json/problem.ts";
import { loneSurrogateProblem } from "../json/unicode.ts";
import { isJsonObject, type JsonObject, type JsonValue, ownValue } from "../json/value.ts";
import { draftProblem } from "./draft-07.ts";
import { shapeProblems } from "./import.ts";
import type { PatternVerdict } from "./pattern-safety/index.ts";
import {
  type RefGraph,
  type RefSite,
  resolveRefs,
  SAME_VALUE_KEYWORDS,
  shapesType,
} from "./ref-chains.ts";

/**
 * What one subschema says that keeps a schema from being exported (and run by Ajv), found by one
 * walk: the export's refusals, shared by `runnableSchema` (which throws the first) and the
 * `not-exportable` rule of `check` (which lists them all), so that `check` passes exactly what
 * `export` writes. Pure: the pattern analysis is passed in, so the designer page can load it
 * only for a design that has a pattern.
 *
 * In document order, per subschema: the root's `$schema` (draft-07 in any spelling); a nested
 * `$id`; `$async`; a `$ref` outside the schema, or to "#" without a root `$id`; a `__proto__`
 * dependency; an invalid or unsafe pattern; an unknown format; an `enum` listing a value twice,
 * an empty `items` list. Then what import refuses (import.ts `shapeProblems`: a root that is not
 * an object, a keyword of the wrong form), and the references that lead nowhere or around a loop
 * (ref-chains.ts, from the graph this walk collects).
 */
export interface RefusalOptions {
  /** The formats the validator knows; any other is refused. */
  formats: readonly string[];
  checkPattern(pattern: string): PatternVerdict;
  /**
   * Leave out what `check` reports with rules of its own: invalid and unsafe patterns, and a
   * `pattern` that is not a string (the invalid-pattern and unsafe-pattern rules).
   */
  withoutPatterns?: boolean;
  /** The name messages give the root schema's fields. */
  rootLabel: string;
}

/**
 * Every refusal of `schema` that the walk, the shape rules and the references find, in that
 * order (document order within each), one per place. `export` refuses the first of them; what is
 * left of the draft-07 meta-schema beyond them is Ajv's (`runnableSchema`'s last step).
 */
export function exportRefusals(schema: JsonObject, options: RefusalOptions): SchemaProblem[] {
  // Text that is not valid Unicode is refused alone, before any walk builds pointers or URIs.
  const unicode = loneSurrogateProblem(schema);
  if (unicode) return [unicode];
  const problems: SchemaProblem[] = [];
  const seen = new Set<string>();
  const report = (problem: SchemaProblem) => {
    // One refusal per place: the first, as export would give it.
    if (seen.has(problem.pointer)) return;
    seen.add(problem.pointer);
    problems.push(problem);
  };
  const { graph } = walkForExport(schema, options, report);
  for (const problem of shapeRefusals(schema, problems, graph.schemas, options)) report(problem);
  resolveRefs(schema, graph, report);
  return problems;
}

/**
 * What import refuses (import.ts `shapeProblems`: the root's type, keywords of the wrong form, a
 * `$ref` that leaves the file) at places `found` says nothing about yet.
 */
export function* shapeRefusals(
  schema: JsonObject,
  found: readonly SchemaProblem[],
  /** The subschemas the walk visited (RefGraph.schemas): ref-chains.ts judges their `$ref`s. */
  walked: ReadonlySet<string>,
  options: Pick<RefusalOptions, "withoutPatterns">,
): Generator<SchemaProblem> {
  const reported = new Set(found.map((problem) => problem.pointer));
  for (const problem of shapeProblems(schema)) {
    if (reported.has(problem.pointer)) continue;
    // A `$ref` inside the file, where the walk went, is ref-chains.ts's to judge (it names the
    // field); elsewhere (under "$defs", which Ajv does not read in draft-07) import's.
    if (
      /\/\$ref$/.test(problem.pointer) &&
      walked.has(problem.pointer.slice(0, -"/$ref".length)) &&
      refAt(schema, problem.pointer)?.startsWith("#")
    )
      continue;
    // A `pattern` that is not a string is the invalid-pattern rule's, when check asks.
    if (options.withoutPatterns && /\/pattern$/.test(problem.pointer)) continue;
    yield problem;
  }
}

/** The `$ref` text at a pointer that ends in `/$ref`. */
function refAt(schema: JsonObject, pointer: string): string | undefined {
  let node: JsonValue | undefined = schema;
  for (const token of parsePointer(pointer)) {
    if (Array.isArray(node)) node = node[Number(token)];
    else if (isJsonObject(node)) node = ownValue(node, token);
    else return undefined;
  }
  return typeof node === "string" ? node : undefined;
}

interface Frame {
  node: JsonValue;
  pointer: string;
  /** The field a message names: the nearest property or definition key. */
  label: string;
  /** How many subschemas hold this one (0 at the root). */
  depth: number;
}

/**
 * The deepest nesting of subschemas export takes. Ajv's compiler recurses per level, so a deeper
 * schema would exhaust the call stack somewhere past this (in Node, somewhere past 440 levels of
 * objects inside objects); refusing at a fixed depth makes `check` and `export` agree on it. It is
 * the file limit (json/depth.ts MAX_NESTING_DEPTH): a file within it is within this; an
 * in-memory schema (the designer's, an API caller's) is judged here.
 */
export const MAX_EXPORT_DEPTH = MAX_NESTING_DEPTH;

/**
 * Visits every subschema Ajv visits, parents first and keywords in document order, giving each
 * refusal to `report`; collects the subschemas, references and `__proto__` keys for ref-chains.ts
 * and proto-keys.ts. The walk uses an explicit stack, so nesting depth costs no call stack.
 */
export function walkForExport(
  schema: JsonObject,
  options: RefusalOptions,
  report: (problem: SchemaProblem) => void,
): { graph: RefGraph; protoKeys: string[] } {
  const knownFormats = new Set(options.formats);
  const schemas = new Set<string>();
  const sites: RefSite[] = [];
  const sameValue = new Map<string, string[]>();
  /**
   * Schemas whose `properties` or `patternProperties` have a `__proto__` key, which Ajv skips
   * (see proto-keys.ts, which rewrites them for Ajv). Pointers, in document order.
   */
  const protoKeys: string[] = [];

  const rootHasId = typeof ownValue(schema, "$id") === "string";
  // An in-memory schema may reach one object twice, or hold itself: each is visited once.
  const seen = new Set<JsonObject>();
  const stack: Frame[] = [{ node: schema, pointer: "", label: options.rootLabel, depth: 0 }];
  let tooDeep = false;
  while (stack.length) {
    const frame = stack.pop() as Frame;
    const { node, pointer } = frame;
    if (typeof node === "boolean") {
      schemas.add(pointer);
      continue;
    }
    if (!isJsonObject(node)) continue; // not a schema: its keyword's form is refused by the parent
    if (seen.has(node)) continue;
    seen.add(node);
    if (frame.depth > MAX_EXPORT_DEPTH && !tooDeep) {
      tooDeep = true;
      report(
        new SchemaProblem(
          pointer,
          `the schema is nested too deeply to export: this subschema is ${frame.depth} levels down, more than ${MAX_EXPORT_DEPTH}`,
          "flatten it: use fewer levels of objects inside objects (a few hundred at most)",
        ),
      );
    }
    checkNode(node, frame, options, knownFormats, report, rootHasId);
    if (hasOwnKey(node.properties, "__proto__") || hasOwnKey(node.patternProperties, "__proto__"))
      protoKeys.push(pointer);
    schemas.add(pointer);

    const children: Frame[] = [];
    const child = (value: JsonValue | undefined, tokens: Array<string | number>, label: string) => {
      if (typeof value === "boolean" || isJsonObject(value)) {
        const childPointer = appendPointer(pointer, ...tokens);
        children.push({ node: value, pointer: childPointer, label, depth: frame.depth + 1 });
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
  options: RefusalOptions,
  knownFormats: ReadonlySet<string>,
  report: (problem: SchemaProblem) => void,
  rootHasId: boolean,
): void {
  const { pointer, label } = frame;
  const field = `field ${quoteExcerpt(label)}`;
  if (pointer === "") {
    const notDraft07 = draftProblem(node);
    if (notDraft07) report(notDraft07);
  } else {
    if (ownValue(node, "$id") !== undefined)
      report(
        new SchemaProblem(
          appendPointer(pointer, "$id"),
          `${field} declares its own "$id", which changes what its references resolve against`,
          'remove "$id" from the nested schema; only the root may have one',
        ),
      );
  }
  if (ownValue(node, "$async") !== undefined)
    report(
      new SchemaProblem(
        appendPointer(pointer, "$async"),
        `${field} uses the Ajv-specific keyword "$async", which would make the validator asynchronous`,
        'remove "$async"',
      ),
    );
  const ref = ownValue(node, "$ref");
  if (typeof ref === "string" && !(ref === "#" || ref.startsWith("#/"))) {
    const what = ref.startsWith("#")
      ? "a named anchor, which exports do not support"
      : "which is outside this schema";
    report(
      new SchemaProblem(
        appendPointer(pointer, "$ref"),
        `${field} refers to ${quoteExcerpt(ref)}, ${what}`,
        'refer only to definitions in this schema with a JSON pointer, e.g. "#/definitions/name"',
      ),
    );
  }
  // Ajv's compiler resolves "#" against the root's "$id" and fails without one.
  if (ref === "#" && !rootHasId)
    report(
      new SchemaProblem(
        appendPointer(pointer, "$ref"),
        `${field} refers to "#", the whole schema, which the validator can only do when the root has an "$id"`,
        'move the part that repeats into "definitions" and refer to it, e.g. "#/definitions/node", or give the root an "$id"',
      ),
    );
  const dependencies = ownValue(node, "dependencies");
  if (hasOwnKey(dependencies, "__proto__"))
    report(
      new SchemaProblem(
        appendPointer(pointer, "dependencies", "__proto__"),
        `${field} has a dependency for the key "__proto__", which the validator would silently skip`,
        'express it with "if": {"required": ["__proto__"]} and "then" instead',
      ),
    );
  if (!options.withoutPatterns) {
    const pattern = ownValue(node, "pattern");
    if (typeof pattern === "string")
      checkOnePattern(
        options,
        pattern,
        appendPointer(pointer, "pattern"),
        `the pattern of ${field}`,
        report,
      );
    const patternProperties = ownValue(node, "patternProperties");
    if (isJsonObject(patternProperties)) {
      for (const key of Object.keys(patternProperties)) {
        checkOnePattern(
          options,
          key,
          appendPointer(pointer, "patternProperties", key),
          `the property-name pattern ${quoteExcerpt(key)} of ${field}`,
          report,
        );
      }
    }
  }
  const format = ownValue(node, "format");
  if (typeof format === "string" && !knownFormats.has(format))
    report(
      new SchemaProblem(
        appendPointer(pointer, "format"),
        `${field} uses the unknown format ${quoteExcerpt(format)}`,
        `use one of the supported formats (${options.formats.join(", ")}) or remove "format"`,
      ),
    );
  for (const keyword of REPEATABLE)
    if (Object.hasOwn(node, keyword))
      repeatedItems(
        keyword,
        node[keyword] as JsonValue,
        appendPointer(pointer, keyword),
        field,
        report,
      );
}

/** The keywords `repeatedItems` judges. */
const REPEATABLE = ["enum", "items", "dependencies"] as const;

/**
 * What the draft-07 meta-schema (as Ajv has it) asks beyond the designer's own rules
 * (src/model/keywords.ts): an `enum`, and a property list in `dependencies`, list nothing twice;
 * `items` as a list is not empty.
 */
function repeatedItems(
  keyword: string,
  value: JsonValue,
  at: string,
  field: string,
  report: (problem: SchemaProblem) => void,
): void {
  if (keyword === "enum" && Array.isArray(value)) {
    const twice = duplicateOf(value);
    // By position, not by value: the values may be a secret's.
    if (twice !== undefined)
      report(
        new SchemaProblem(
          appendPointer(at, twice[1]),
          `"enum" of ${field} lists the same value twice (items ${twice[0] + 1} and ${twice[1] + 1})`,
          "remove the repeated value",
        ),
      );
  } else if (keyword === "items" && Array.isArray(value) && value.length === 0) {
    report(
      new SchemaProblem(
        at,
        `"items" of ${field} is an empty list of schemas`,
        'remove "items", or give it a schema for every item (an object)',
      ),
    );
  } else if (keyword === "dependencies" && isJsonObject(value)) {
    for (const key of Object.keys(value)) {
      const list = value[key] as JsonValue;
      const twice = Array.isArray(list) ? duplicateOf(list) : undefined;
      if (twice !== undefined)
        report(
          new SchemaProblem(
            appendPointer(at, key, twice[1]),
            `the dependency of ${field} on ${quoteExcerpt(key)} lists the property ${quoteExcerpt((list as JsonValue[])[twice[1]])} twice`,
            "remove the repeated property",
          ),
        );
    }
  }
}

/**
 * The indexes of the first item of `list` equal to an earlier one as JSON (object keys in any
 * order, as Ajv compares), and of that earlier one.
 */
function duplicateOf(list: readonly JsonValue[]): [number, number] | undefined {
  const seen = new Map<string, number>();
  for (const [index, item] of list.entries()) {
    const text = canonical(item);
    const earlier = seen.get(text);
    if (earlier !== undefined) return [earlier, index];
    seen.set(text, index);
  }
  return undefined;
}

function canonical(value: JsonValue): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (isJsonObject(value))
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical(value[key] as JsonValue)}`)
      .join(",")}}`;
  return JSON.stringify(value);
}

function checkOnePattern(
  options: RefusalOptions,
  pattern: string,
  pointer: string,
  what: string,
  report: (problem: SchemaProblem) => void,
): void {
  const verdict = options.checkPattern(pattern);
  if (verdict.ok) return;
  if (verdict.problem === "invalid") {
    report(
      new SchemaProblem(
        pointer,
        `${what} ${verdict.message}`,
        'correct it: it must be a JavaScript regular expression that compiles with the "u" (unicode) flag',
      ),
    );
  } else
    report(new SchemaProblem(pointer, `${what} is unsafe: it ${verdict.message}`, verdict.fix));
}

function hasOwnKey(map: JsonValue | undefined, key: string): boolean {
  return isJsonObject(map) && Object.hasOwn(map, key);
}
