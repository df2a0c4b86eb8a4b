import { isJsonObject, type JsonObject, ownValue } from "../json/value.ts";
import type { FieldNode } from "./nodes.ts";

/**
 * The extension keywords of other platforms that we understand (docs/vendor-keywords.md has the
 * table users read). Real credential windows are written for a platform: Airbyte's mark secrets
 * with `airbyte_secret` rather than `writeOnly`, order fields with `order`, and so on. Reading
 * them here, in one place, is what lets the preview, the designer, the bindings, the C# model,
 * `check` and `diff` agree on what a window means. The keywords themselves are never rewritten:
 * they survive import and export unchanged. Pure: no DOM, fs or ajv.
 */

/** Airbyte's secret marker: what users type into such a field is a secret, as with writeOnly. */
export const AIRBYTE_SECRET = "airbyte_secret";

/** Whether a field is a secret by any marking we know: `writeOnly: true` or `airbyte_secret: true`. */
export function isSecretByAnyMarking(schema: JsonObject): boolean {
  return secretMarkingsOf(schema).length > 0;
}

/** The keywords that make a field a secret when they are `true`: the standard one first. */
export const SECRET_MARKINGS = ["writeOnly", AIRBYTE_SECRET] as const;
export type SecretMarking = (typeof SECRET_MARKINGS)[number];

/** The markings that make `schema` a secret (`writeOnly`, `airbyte_secret`), in that order. */
export function secretMarkingsOf(schema: JsonObject): SecretMarking[] {
  return secretMarkingsIn((keyword) => ownValue(schema, keyword));
}

/**
 * {@link secretMarkingsOf} for a schema read through `read` (a keyword's value, or undefined):
 * `diff` reads a field through its `$ref`s this way.
 */
export function secretMarkingsIn(read: (keyword: string) => unknown): SecretMarking[] {
  return SECRET_MARKINGS.filter((keyword) => read(keyword) === true);
}

/** The markings in words for messages: `"writeOnly"`, `"writeOnly" and "airbyte_secret"`. */
export function describeSecretMarkings(markings: readonly SecretMarking[]): string {
  return markings.map((keyword) => `"${keyword}"`).join(" and ");
}

/**
 * The vendor keywords we know by name (docs/vendor-keywords.md): Airbyte's, and `groups` at the
 * root, which names the sections `group` refers to. Any `x-` keyword is an extension too
 * ({@link isVendorKeyword}). None of them validates anything: Ajv ignores them (AJV_OPTIONS,
 * `strict: false`), and import and export keep them byte for byte.
 */
export const VENDOR_KEYWORDS = [
  AIRBYTE_SECRET,
  "order",
  "group",
  "groups",
  "multiline",
  "airbyte_hidden",
  "pattern_descriptor",
  "always_show",
  "display_type",
] as const;

const KNOWN_VENDOR_KEYWORDS: ReadonlySet<string> = new Set(VENDOR_KEYWORDS);

/** Whether `keyword` is a platform's extension: one of {@link VENDOR_KEYWORDS} or any `x-` one. */
export function isVendorKeyword(keyword: string): boolean {
  return KNOWN_VENDOR_KEYWORDS.has(keyword) || keyword.startsWith("x-");
}

/** Airbyte's `order`: where a field shows among its siblings (a number; lower first). */
export function displayOrderOf(schema: unknown): number | undefined {
  if (!isJsonObject(schema)) return undefined;
  const order = ownValue(schema, "order");
  return typeof order === "number" && Number.isFinite(order) ? order : undefined;
}

/**
 * The keys of `properties` in display order: fields with an `order` first, by that number (ties
 * and equal numbers keep the JSON's order), then the others in the JSON's order. The JSON keeps its
 * own key order; only what is shown follows this one.
 */
export function keysInDisplayOrder(properties: JsonObject): string[] {
  return Object.keys(properties)
    .map((key, index) => ({ key, index, order: displayOrderOf(properties[key]) ?? Infinity }))
    .sort((a, b) => (a.order === b.order ? a.index - b.index : a.order - b.order))
    .map((entry) => entry.key);
}

/** Airbyte's `group`: the id of the named section a field shows in, if any. */
export function displayGroupOf(schema: JsonObject): string | undefined {
  const group = ownValue(schema, "group");
  return typeof group === "string" && group !== "" ? group : undefined;
}

/** Airbyte's `multiline: true`: long text, edited in a multi-line box. */
export function isMultiline(schema: JsonObject): boolean {
  return ownValue(schema, "multiline") === true;
}

/** Airbyte's `airbyte_hidden: true`: a field the form does not show (it keeps its default). */
export function isHidden(schema: JsonObject): boolean {
  return ownValue(schema, "airbyte_hidden") === true;
}

/** Airbyte's `pattern_descriptor`: what a pattern wants, in words ("YYYY-MM-DD"). */
export function patternDescriptorOf(schema: JsonObject): string | undefined {
  const descriptor = ownValue(schema, "pattern_descriptor");
  return typeof descriptor === "string" && descriptor.trim() !== "" ? descriptor : undefined;
}

/** A node's schema as an object (a boolean schema has no keywords). */
const keywordsOf = (node: FieldNode): JsonObject =>
  typeof node.schema === "object" ? node.schema : {};

/**
 * Fields in display order, as {@link keysInDisplayOrder} orders keys: those with an `order`
 * first, by it (equal numbers keep the list's order), then the others in the list's order. What
 * the canvas shows; the list (and so the JSON) keeps its own order.
 */
export function fieldsInDisplayOrder<T extends FieldNode>(fields: readonly T[]): T[] {
  if (!fields.some((field) => displayOrderOf(field.schema) !== undefined)) return [...fields];
  return fields
    .map((field, index) => ({ field, index, order: displayOrderOf(field.schema) ?? Infinity }))
    .sort((a, b) => (a.order === b.order ? a.index - b.index : a.order - b.order))
    .map((entry) => entry.field);
}

/** Whether any of these fields has an `order`: then where a field shows is its `order`, not its place in the list. */
export function usesDisplayOrder(fields: readonly FieldNode[]): boolean {
  return fields.some((field) => displayOrderOf(field.schema) !== undefined);
}

/**
 * Whether a window is written for Airbyte: some node has an `airbyte_…` keyword, or some field
 * has Airbyte's `order` or `group`. The designer then offers to mark secrets for Airbyte too.
 */
export function targetsAirbyte(root: FieldNode): boolean {
  const airbyte = (node: FieldNode, isField: boolean): boolean => {
    const schema = keywordsOf(node);
    if (Object.keys(schema).some((keyword) => keyword.startsWith("airbyte_"))) return true;
    if (isField && (Object.hasOwn(schema, "order") || Object.hasOwn(schema, "group"))) return true;
    return (
      (node.fields ?? []).some((field) => airbyte(field, true)) ||
      (node.branches ?? []).some((branch) => airbyte(branch, false))
    );
  };
  return airbyte(root, false);
}
