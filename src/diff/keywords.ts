/** Keywords that take part in validation in draft-07 (as Ajv applies it); every other keyword only annotates. */
export const VALIDATION_KEYWORDS: ReadonlySet<string> = new Set([
  "type",
  "enum",
  "const",
  "pattern",
  "format",
  "minLength",
  "maxLength",
  "minimum",
  "maximum",
  "exclusiveMinimum",
  "exclusiveMaximum",
  "multipleOf",
  "minItems",
  "maxItems",
  "uniqueItems",
  "items",
  "additionalItems",
  "contains",
  "minProperties",
  "maxProperties",
  "required",
  "properties",
  "patternProperties",
  "additionalProperties",
  "dependencies",
  "propertyNames",
  "allOf",
  "anyOf",
  "oneOf",
  "not",
  "if",
  "then",
  "else",
  "$ref",
]);

/** Holders of definitions: compared where a `$ref` leads to them, not on their own. */
export const DEFINITION_KEYWORDS: ReadonlySet<string> = new Set(["definitions", "$defs"]);

/** Annotations people read: titles, help, examples, placeholders, option labels. */
export const TEXT_KEYWORDS: ReadonlySet<string> = new Set([
  "title",
  "description",
  "examples",
  "x-placeholder",
  "x-help",
  "x-description",
  "x-enumNames",
]);
