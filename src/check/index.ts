import type { JsonObject } from "../schema/json.ts";
import { choiceDiscriminator } from "./rules/choice-discriminator.ts";
import { insecureUrl } from "./rules/insecure-url.ts";
import { invalidPattern } from "./rules/invalid-pattern.ts";
import { requiredNotInProperties } from "./rules/required-not-in-properties.ts";
import { secretHasValue } from "./rules/secret-has-value.ts";
import { secretNotWriteOnly } from "./rules/secret-not-write-only.ts";
import { unsafePattern } from "./rules/unsafe-pattern.ts";
import type { Finding, Rule } from "./types.ts";
import { walkSchema } from "./walk.ts";

export type { Finding, Rule } from "./types.ts";
export { SchemaNode } from "./types.ts";
export { walkSchema } from "./walk.ts";

/** Every lint rule, in the order their findings are listed for one schema node. */
export const rules: readonly Rule[] = [
  secretNotWriteOnly,
  secretHasValue,
  insecureUrl,
  invalidPattern,
  unsafePattern,
  requiredNotInProperties,
  choiceDiscriminator,
];

/**
 * Lints a credential-window schema. Walks every subschema (root, `properties`,
 * `patternProperties`, `oneOf`/`anyOf`/`allOf` branches, `items`, `definitions`, `not`,
 * `if`/`then`/`else`, …) with an explicit stack and runs every rule on each, returning the
 * findings in document order. Pure: the same code runs in the CLI and in the designer.
 * Never throws on JSON input, however malformed the schema.
 */
export function checkSchema(schema: JsonObject, options: { rules?: readonly Rule[] } = {}): Finding[] {
  const active = options.rules ?? rules;
  const findings: Finding[] = [];
  for (const node of walkSchema(schema)) {
    for (const rule of active) {
      rule.check(node, (finding) => findings.push({ rule: rule.id, ...finding }));
    }
  }
  return findings;
}
