import type { ChangeClass } from "./types.ts";

interface RuleDefinition {
  readonly class: ChangeClass;
  /** One line for documentation and `--help`. */
  readonly description: string;
}

/**
 * Every rule `diff` reports, with its class. A rule has one class, so a tool can filter by
 * either. The order is the order of `--help`.
 */
export const RULES = {
  "required-field-added": { class: "breaking", description: "a new required field has no default" },
  "field-became-required": {
    class: "breaking",
    description: "an optional field became required and has no default",
  },
  "default-removed": {
    class: "breaking",
    description: "a required field lost the default that saved values relied on",
  },
  "field-removed-rejected": {
    class: "breaking",
    description: "a field was removed and its object now rejects keys it does not list",
  },
  "type-narrowed": {
    class: "breaking",
    description: "a field accepts fewer types (string -> integer, a type dropped)",
  },
  "enum-narrowed": {
    class: "breaking",
    description: "allowed values were removed, or a const/enum was added",
  },
  "pattern-tightened": {
    class: "breaking",
    description: "a pattern was added, or changed and not proven to accept everything it did",
  },
  "format-tightened": { class: "breaking", description: "a format was added or changed" },
  "limit-tightened": {
    class: "breaking",
    description:
      "a min/max, length, item or property count, multipleOf or uniqueItems became stricter",
  },
  "extra-keys-forbidden": {
    class: "breaking",
    description: "additionalProperties now rejects keys that saved values may have",
  },
  "field-forbidden": {
    class: "breaking",
    description: "a field's schema became false: no value is accepted",
  },
  "constraint-tightened": {
    class: "breaking",
    description: "another validation keyword (allOf, not, if, dependencies…) was added or changed",
  },
  "choice-option-removed": {
    class: "breaking",
    description: "an auth-method option (or its discriminator value) was removed or renamed",
  },
  "choice-discriminator-changed": {
    class: "breaking",
    description: "the property that tells auth-method options apart was renamed or removed",
  },
  "choice-option-ambiguous": {
    class: "breaking",
    description:
      "an option was added to a choice without a discriminator: a saved value may match two",
  },
  "secret-exposed": {
    class: "exposing",
    description: "a field stopped being secret (writeOnly or airbyte_secret removed)",
  },
  "secret-value-added": {
    class: "exposing",
    description: "a secret got a default, examples or a constant",
  },
  "field-added": { class: "compatible", description: "a new optional field" },
  "required-field-added-with-default": {
    class: "compatible",
    description: "a new required field whose default fills saved values",
  },
  "field-became-required-with-default": {
    class: "compatible",
    description: "a field became required; its default fills saved values",
  },
  "field-became-optional": { class: "compatible", description: "a required field became optional" },
  "field-removed": {
    class: "compatible",
    description: "a field was removed; saved values keep the key, which is ignored",
  },
  "field-became-secret": {
    class: "compatible",
    description: "a field became secret (writeOnly or airbyte_secret)",
  },
  "default-changed": {
    class: "compatible",
    description: "a default was added, changed or removed",
  },
  "type-widened": { class: "compatible", description: "a field accepts more types" },
  "enum-widened": {
    class: "compatible",
    description: "allowed values were added, or a const/enum was removed",
  },
  "pattern-loosened": {
    class: "compatible",
    description: "a pattern was removed, or changed to one proven to accept everything it did",
  },
  "format-loosened": { class: "compatible", description: "a format was removed" },
  "limit-loosened": {
    class: "compatible",
    description: "a min/max, length, count, multipleOf or uniqueItems became looser",
  },
  "extra-keys-allowed": {
    class: "compatible",
    description: "additionalProperties accepts more keys",
  },
  "constraint-loosened": {
    class: "compatible",
    description: "another validation keyword was removed, or a false schema now accepts values",
  },
  "choice-option-added": { class: "compatible", description: "a new auth-method option" },
  "text-changed": {
    class: "compatible",
    description: "a title, description, example, placeholder or help text changed",
  },
  "annotation-changed": {
    class: "compatible",
    description: "a keyword that does not validate changed (readOnly, x-widget, $comment…)",
  },
  "order-changed": { class: "compatible", description: "fields or options were reordered" },
} as const satisfies Record<string, RuleDefinition>;

export type RuleId = keyof typeof RULES;

export function classOf(rule: RuleId): ChangeClass {
  return RULES[rule].class;
}
