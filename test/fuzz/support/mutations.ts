import fc from "fast-check";
import { defineOwn, type JsonObject, type JsonValue } from "../../../src/json/value.ts";
import {
  ANY_TYPE_VALUES,
  DEPTHS,
  FORMATS,
  HOSTILE_KEYS,
  KEYWORDS,
  LONG_LENGTHS,
  PATTERNS,
  REFS,
  UNICODE_TEXTS,
} from "./pools.ts";
import { boundedJson, buildValue, describeValue, type NestKind, type ValueSpec } from "./values.ts";

/**
 * Mutations of a window, as data (so that fast-check shrinks them and a failure prints them):
 * each picks its place by an index into the document's objects or values, taken modulo how many
 * there are, so any index is valid in any document.
 */
export type Mutation =
  /** Sets `key` on the at-th object (the root included) to the value. */
  | { op: "set"; at: number; key: ValueSpec; value: ValueSpec }
  /** Adds a field named `key` to the at-th `properties` object (required too, if asked). */
  | { op: "field"; at: number; key: ValueSpec; value: ValueSpec; required: boolean }
  /** Replaces the at-th value below the root; a `nest` spec without a leaf wraps what was there. */
  | { op: "replace"; at: number; value: ValueSpec }
  /** Renames the which-th key of the at-th object, in place. */
  | { op: "rename"; at: number; which: number; key: ValueSpec }
  /** Deletes the which-th key of the at-th object. */
  | { op: "delete"; at: number; which: number }
  /** Replaces the whole document. */
  | { op: "root"; value: ValueSpec };

/** A change to the file's text or bytes after the JSON is written: what only a reader meets. */
export type TextMutation =
  | { op: "bom" }
  | { op: "truncate"; at: number }
  | { op: "duplicate-key" }
  | { op: "trailing"; text: string }
  | { op: "insert"; at: number; text: string }
  | { op: "bytes"; at: number; bytes: number[] };

// ---- value arbitraries, by the kinds issue 18 lists -------------------------------------------

const json = (value: JsonValue): ValueSpec => ({ json: value });
const anyOf = <T>(values: readonly T[]) => fc.constantFrom(...values);

const smallJson = fc.jsonValue({ maxDepth: 2 }).map((value) => json(value as JsonValue));
/** Strings of any UTF-16 code units, lone surrogates and control characters included. */
const codeUnits = fc
  .array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 8 })
  .map((units) => String.fromCharCode(...units));

const longText = fc.record({
  text: anyOf(["a", "é", "😀", "\\", '"', "ab"]),
  times: anyOf(LONG_LENGTHS),
});

/** A key: a hostile one, a long one, random code units or graphemes. */
export const keySpec: fc.Arbitrary<ValueSpec> = fc.oneof(
  { weight: 6, arbitrary: anyOf(HOSTILE_KEYS).map(json) },
  { weight: 1, arbitrary: longText.map((spec) => ({ ...spec, text: "k" })) },
  { weight: 2, arbitrary: codeUnits.map(json) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 6 }).map(json) },
);

const nestKind = anyOf<NestKind>([
  "array",
  "object",
  "properties",
  "oneOf",
  "allOf",
  "anyOf",
  "items",
  "not",
  "definitions",
  "additionalProperties",
]);
const levels = fc.oneof(fc.integer({ min: 1, max: 40 }), anyOf(DEPTHS));

/** Deep nesting, around a small leaf or (in `replace`) around what was there. */
const nesting = (withLeaf: boolean): fc.Arbitrary<ValueSpec> =>
  withLeaf
    ? fc.record({
        nest: nestKind,
        levels,
        leaf: anyOf<JsonValue>([{}, 1, "a", { type: "string" }]),
      })
    : fc.record({ nest: nestKind, levels });

const refValue = anyOf(REFS).map(json);
/** `$ref`-shaped data inside const, enum, default and examples: values, never references. */
const refAsData = fc
  .tuple(anyOf(REFS), fc.boolean())
  .map(([ref, inArray]) => json(inArray ? [{ $ref: ref }] : { $ref: ref }));
const refCycles = anyOf<JsonValue>([
  { a: { $ref: "#/definitions/b" }, b: { $ref: "#/definitions/a" } },
  { a: { $ref: "#/definitions/a" } },
  { a: { $ref: "#" } },
  { a: { type: "object", properties: { b: { $ref: "#/definitions/a" } } } },
  { "a/b": { type: "string" }, "a~b": { type: "integer" } },
  { "%": { type: "string" } },
]).map(json);

const pattern: fc.Arbitrary<ValueSpec> = fc.oneof(
  { weight: 4, arbitrary: anyOf(PATTERNS).map(json) },
  { weight: 1, arbitrary: longText },
  {
    weight: 1,
    arbitrary: fc.record({
      text: anyOf(["(a+)+", "(a|a)*", "[", "(", "\\d"]),
      times: fc.integer({ min: 1, max: 400 }),
    }),
  },
);

const sized: fc.Arbitrary<ValueSpec> = fc.oneof(
  longText,
  fc.record({
    fields: fc.oneof(fc.integer({ min: 0, max: 60 }), anyOf([200, 500])),
    field: anyOf<JsonValue>([{ type: "string" }, { type: "string", writeOnly: true }, {}, true]),
  }),
  fc.record({
    items: fc.oneof(fc.integer({ min: 0, max: 40 }), anyOf([500, 2_000])),
    item: anyOf<JsonValue>(["a", 1, null, {}, { type: "string" }]),
  }),
);

const unicode = fc.oneof(
  anyOf(UNICODE_TEXTS).map(json),
  anyOf(UNICODE_TEXTS).map((text) => json([text, "plain"])),
  codeUnits.map(json),
);

/** A keyword and a value for it: the value of the wrong type, a hostile one, or a right one. */
const keywordValue: fc.Arbitrary<{ key: ValueSpec; value: ValueSpec }> = fc.oneof(
  // types: every keyword with a value of every JSON type
  {
    weight: 6,
    arbitrary: fc.record({
      key: anyOf(KEYWORDS).map(json),
      value: fc.oneof({ weight: 4, arbitrary: anyOf(ANY_TYPE_VALUES).map(json) }, smallJson),
    }),
  },
  // $ref forms
  { weight: 2, arbitrary: fc.record({ key: fc.constant(json("$ref")), value: refValue }) },
  {
    weight: 2,
    arbitrary: fc.record({
      key: anyOf(["const", "default", "enum", "examples"]).map(json),
      value: refAsData,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      key: anyOf(["definitions", "$defs", "properties"]).map(json),
      value: refCycles,
    }),
  },
  // patterns and formats
  { weight: 3, arbitrary: fc.record({ key: fc.constant(json("pattern")), value: pattern }) },
  {
    weight: 1,
    arbitrary: fc.record({
      key: fc.constant(json("patternProperties")),
      value: anyOf(PATTERNS).map((p) => json({ [p]: { type: "string" } })),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      key: fc.constant(json("format")),
      value: fc.oneof(
        { weight: 4, arbitrary: anyOf(FORMATS).map(json) },
        { weight: 1, arbitrary: longText.map((spec) => ({ ...spec, text: "f" })) },
      ),
    }),
  },
  // unicode and sizes
  {
    weight: 2,
    arbitrary: fc.record({
      key: anyOf(["title", "description", "default", "const", "examples", "enum", "$comment"]).map(
        json,
      ),
      value: unicode,
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      key: anyOf([
        "title",
        "description",
        "default",
        "properties",
        "enum",
        "required",
        "oneOf",
        "x-foo",
      ]).map(json),
      value: sized,
    }),
  },
  // nesting, in schema keywords and in values
  {
    weight: 2,
    arbitrary: fc.record({
      key: anyOf(["x-foo", "default", "const", "examples", "properties", "items", "not"]).map(json),
      value: nesting(true),
    }),
  },
  // hostile keys on any object
  {
    weight: 2,
    arbitrary: fc.record({
      key: keySpec,
      value: fc.oneof(anyOf<JsonValue>([{ type: "string" }, {}, true, 1]).map(json), smallJson),
    }),
  },
);

const fieldValue: fc.Arbitrary<ValueSpec> = fc.oneof(
  {
    weight: 4,
    arbitrary: anyOf<JsonValue>([
      { type: "string" },
      { type: "string", writeOnly: true },
      { type: "integer", default: 1 },
      {},
      true,
      false,
      { $ref: "#" },
    ]).map(json),
  },
  { weight: 1, arbitrary: anyOf(ANY_TYPE_VALUES).map(json) },
  { weight: 1, arbitrary: nesting(true) },
);

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc
      .tuple(fc.nat(), keywordValue)
      .map(([at, { key, value }]): Mutation => ({ op: "set", at, key, value })),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      op: fc.constant("field" as const),
      at: fc.nat(),
      key: keySpec,
      value: fieldValue,
      required: fc.boolean(),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      op: fc.constant("replace" as const),
      at: fc.nat(),
      value: fc.oneof(
        { weight: 3, arbitrary: anyOf(ANY_TYPE_VALUES).map(json) },
        { weight: 2, arbitrary: nesting(false) },
        { weight: 1, arbitrary: unicode },
        { weight: 1, arbitrary: longText },
      ),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant("rename" as const),
      at: fc.nat(),
      which: fc.nat(),
      key: keySpec,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ op: fc.constant("delete" as const), at: fc.nat(), which: fc.nat() }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant("root" as const),
      value: fc.oneof(anyOf(ANY_TYPE_VALUES).map(json), nesting(true)),
    }),
  },
);

export const textMutation: fc.Arbitrary<TextMutation> = fc.oneof(
  fc.constant<TextMutation>({ op: "bom" }),
  fc.constant<TextMutation>({ op: "duplicate-key" }),
  fc.record({ op: fc.constant("truncate" as const), at: fc.nat() }),
  fc.record({
    op: fc.constant("trailing" as const),
    text: anyOf(["x", "}", ",", "\u0000", "// comment", "\n\n{}", " "]),
  }),
  fc.record({
    op: fc.constant("insert" as const),
    at: fc.nat(),
    text: anyOf(["\u0000", "\u0001", ",", "/*c*/", "'", "NaN", "\\", '"', "\ud800"]),
  }),
  fc.record({
    op: fc.constant("bytes" as const),
    at: fc.nat(),
    bytes: anyOf([[0xff], [0xed, 0xa0, 0x80], [0xc0, 0x80], [0xe2, 0x82], [0xef, 0xbb, 0xbf]]),
  }),
);

// ---- applying them -----------------------------------------------------------------------------

interface Slot {
  holder: JsonObject | JsonValue[];
  key: string | number;
}

/** Every value below the root, as the slot that holds it, in document order (iterative). */
function slotsOf(root: JsonValue): Slot[] {
  const slots: Slot[] = [];
  const stack: JsonValue[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (typeof node !== "object" || node === null) continue;
    const keys: Array<string | number> = Array.isArray(node) ? [...node.keys()] : Object.keys(node);
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i]!;
      slots.push({ holder: node, key });
      stack.push((node as Record<string | number, JsonValue>)[key]!);
    }
  }
  return slots;
}

function objectsOf(root: JsonValue): JsonObject[] {
  const objects: JsonObject[] = [];
  if (isObject(root)) objects.push(root);
  for (const { holder, key } of slotsOf(root)) {
    const value = (holder as Record<string | number, JsonValue>)[key];
    if (isObject(value)) objects.push(value);
  }
  return objects;
}

const isObject = (value: unknown): value is JsonObject =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const keyOf = (spec: ValueSpec) => String(buildValue(spec));

/** The object with `from` renamed to `to` in place (key order kept; `__proto__` stays an own key). */
function renameKey(object: JsonObject, from: string, to: string): void {
  const entries = Object.keys(object).map((key) => [key, object[key]!] as const);
  for (const [key] of entries) delete object[key];
  for (const [key, value] of entries) {
    if (key === to && key !== from) continue; // the renamed key takes its place
    defineOwn(object, key === from ? to : key, value);
  }
}

/** The document after the mutations, in order (the document is changed in place and returned). */
export function applyMutations(document: JsonValue, mutations: readonly Mutation[]): JsonValue {
  let root = document;
  for (const mutation of mutations) {
    switch (mutation.op) {
      case "root":
        root = buildValue(mutation.value, root);
        break;
      case "set": {
        const objects = objectsOf(root);
        const target = objects[mutation.at % Math.max(objects.length, 1)];
        if (target) defineOwn(target, keyOf(mutation.key), buildValue(mutation.value));
        break;
      }
      case "field": {
        const objects = objectsOf(root);
        const target = objects[mutation.at % Math.max(objects.length, 1)];
        if (!target) break;
        if (!isObject(target.properties)) defineOwn(target, "properties", {});
        const key = keyOf(mutation.key);
        defineOwn(target.properties as JsonObject, key, buildValue(mutation.value));
        if (mutation.required) {
          const required = Array.isArray(target.required) ? target.required : [];
          defineOwn(target, "required", [...required, key]);
        }
        break;
      }
      case "replace": {
        const slots = slotsOf(root);
        const slot = slots[mutation.at % Math.max(slots.length, 1)];
        if (!slot) break;
        const holder = slot.holder as Record<string | number, JsonValue>;
        const value = buildValue(mutation.value, holder[slot.key]);
        if (Array.isArray(slot.holder)) slot.holder[slot.key as number] = value;
        else defineOwn(slot.holder, slot.key as string, value);
        break;
      }
      case "rename":
      case "delete": {
        const objects = objectsOf(root).filter((object) => Object.keys(object).length > 0);
        const target = objects[mutation.at % Math.max(objects.length, 1)];
        if (!target) break;
        const keys = Object.keys(target);
        const key = keys[mutation.which % keys.length]!;
        if (mutation.op === "delete") delete target[key];
        else renameKey(target, key, keyOf(mutation.key));
        break;
      }
    }
  }
  return root;
}

/** The file's bytes after a text mutation. */
export function applyTextMutation(text: string, mutation: TextMutation | undefined): Uint8Array {
  const encode = (value: string) => new TextEncoder().encode(value);
  if (!mutation) return encode(text);
  switch (mutation.op) {
    case "bom":
      return encode(`\ufeff${text}`);
    case "truncate":
      return encode(text.slice(0, mutation.at % Math.max(text.length, 1)));
    case "duplicate-key": {
      const open = text.indexOf("{");
      if (open < 0) return encode(`{"dup":1,"dup":2}${text}`);
      const rest = text.slice(open + 1);
      const comma = /^\s*}/.test(rest) ? "" : ",";
      return encode(`${text.slice(0, open + 1)}"dup":1,"dup":2${comma}${rest}`);
    }
    case "trailing":
      return encode(text + mutation.text);
    case "insert": {
      const at = mutation.at % (text.length + 1);
      return encode(text.slice(0, at) + mutation.text + text.slice(at));
    }
    case "bytes": {
      const bytes = encode(text);
      const at = mutation.at % (bytes.length + 1);
      return new Uint8Array([...bytes.subarray(0, at), ...mutation.bytes, ...bytes.subarray(at)]);
    }
  }
}

/** A mutation in a few words, never long. */
export function describeMutation(mutation: Mutation): string {
  switch (mutation.op) {
    case "set":
      return `set ${describeValue(mutation.key)} = ${describeValue(mutation.value)} on object #${mutation.at}`;
    case "field":
      return `add field ${describeValue(mutation.key)}${mutation.required ? " (required)" : ""} = ${describeValue(mutation.value)} to properties of object #${mutation.at}`;
    case "replace":
      return `replace value #${mutation.at} by ${describeValue(mutation.value)}`;
    case "rename":
      return `rename key #${mutation.which} of object #${mutation.at} to ${describeValue(mutation.key)}`;
    case "delete":
      return `delete key #${mutation.which} of object #${mutation.at}`;
    case "root":
      return `replace the document by ${describeValue(mutation.value)}`;
  }
}

export function describeTextMutation(mutation: TextMutation): string {
  switch (mutation.op) {
    case "bom":
    case "duplicate-key":
      return mutation.op;
    case "truncate":
      return `truncate at ${mutation.at}`;
    case "trailing":
      return `append ${boundedJson(mutation.text, 20)}`;
    case "insert":
      return `insert ${boundedJson(mutation.text, 20)} at ${mutation.at}`;
    case "bytes":
      return `insert bytes ${mutation.bytes.map((byte) => byte.toString(16)).join(" ")} at ${mutation.at}`;
  }
}
