import type { ErrorObject } from "ajv";
import { appendPointer, displayPointer, parsePointer } from "../json/pointer.ts";
import type { RuleId } from "./catalogue.ts";
import type { Change, SavedValueProblem } from "./types.ts";

/** Per Ajv keyword, the rules whose changes can make a saved value fail it. */
const CAUSES: Record<string, readonly RuleId[]> = {
  // A saved value names its option under the old discriminator and so lacks the new one.
  required: [
    "required-field-added",
    "field-became-required",
    "default-removed",
    "choice-discriminator-changed",
  ],
  additionalProperties: ["field-removed-rejected", "extra-keys-forbidden"],
  type: ["type-narrowed"],
  enum: ["enum-narrowed"],
  const: ["enum-narrowed"],
  pattern: ["pattern-tightened"],
  format: ["format-tightened"],
  "false schema": ["field-forbidden", "field-removed-rejected"],
  oneOf: [
    "choice-option-removed",
    "choice-discriminator-changed",
    "choice-option-ambiguous",
    "constraint-tightened",
  ],
  ...Object.fromEntries(
    [
      "minimum",
      "maximum",
      "exclusiveMinimum",
      "exclusiveMaximum",
      "minLength",
      "maxLength",
      "minItems",
      "maxItems",
      "minProperties",
      "maxProperties",
      "multipleOf",
      "uniqueItems",
    ].map((keyword) => [keyword, ["limit-tightened"] as const]),
  ),
};

/** A saved value's problem for people and tools: where, what, and the changes that explain it. */
export function problemOf(error: ErrorObject, causes: CauseIndex): SavedValueProblem {
  const child = (name: unknown) => appendPointer(error.instancePath, String(name));
  let field = error.instancePath;
  let message: string;
  if (error.keyword === "required") {
    field = child(error.params.missingProperty);
    message = "is missing, and the new version requires it";
  } else if (error.keyword === "additionalProperties") {
    field = child(error.params.additionalProperty);
    message = "is not a field of the new version, which rejects keys it does not list";
  } else if (error.keyword === "false schema") {
    message = "is not accepted by the new version at all";
  } else if (error.keyword === "oneOf") {
    message = Array.isArray(error.params.passingSchemas)
      ? "matches more than one option of the choice"
      : "matches none of the options of the choice";
  } else {
    // Ajv's messages name the rule ("must match pattern …", "must be <= 5"), never the value.
    message = error.message ?? "is not valid";
  }
  return {
    field: displayPointer(field),
    keyword: error.keyword,
    message,
    changes: causes.explain(field, error.keyword),
  };
}

/** Finds the changes that explain an error at a place in a saved value: by place, nearest first, and by keyword. */
export class CauseIndex {
  private readonly byField = new Map<string, number[]>();
  private readonly wildcards: Array<{ tokens: string[]; index: number }> = [];

  constructor(private readonly changes: readonly Change[]) {
    changes.forEach((change, index) => {
      if (change.class !== "breaking") return;
      const tokens = parsePointer(change.field);
      if (tokens.includes("*")) this.wildcards.push({ tokens, index });
      const list = this.byField.get(change.field);
      if (list) list.push(index);
      else this.byField.set(change.field, [index]);
    });
  }

  explain(field: string, keyword: string): number[] {
    const rules: readonly string[] = CAUSES[keyword] ?? ["constraint-tightened"];
    const tokens = parsePointer(field);
    for (let depth = tokens.length; depth >= 0; depth--) {
      const found = this.at(tokens.slice(0, depth)).filter((index) =>
        rules.includes(this.changes[index]!.rule),
      );
      if (found.length > 0) return found;
    }
    return this.at(tokens);
  }

  private at(tokens: string[]): number[] {
    const exact = this.byField.get(tokens.length === 0 ? "" : appendPointer("", ...tokens)) ?? [];
    const wild = this.wildcards
      .filter(
        (entry) =>
          entry.tokens.length === tokens.length &&
          entry.tokens.every((token, i) => token === "*" || token === tokens[i]),
      )
      .map((entry) => entry.index);
    return [...new Set([...exact, ...wild])].sort((a, b) => a - b);
  }
}
