import type { JsonObject } from "../json/value.ts";
import { checkPattern } from "../schema/pattern-safety/index.ts";
import { rules, runRules } from "./run-rules.ts";
import type { Finding, Rule } from "./types.ts";

export { rules } from "./run-rules.ts";
export type { Finding, Rule, RuleContext } from "./types.ts";
export { SchemaNode } from "./types.ts";
export { walkSchema } from "./walk.ts";

/**
 * Lints a credential-window schema. Walks every subschema (root, `properties`,
 * `patternProperties`, `oneOf`/`anyOf`/`allOf` branches, `items`, `definitions`, `not`,
 * `if`/`then`/`else`, …) with an explicit stack and runs every rule on each, returning the
 * findings in document order. Pure and synchronous, with the pattern analysis imported
 * statically: for the CLI and Node. The designer page uses `checkDesign` (./check-design.ts),
 * the same rules with the analysis loaded only when a design has a pattern.
 * Never throws on JSON input, however malformed the schema.
 */
export function checkSchema(
  schema: JsonObject,
  options: { rules?: readonly Rule[] } = {},
): Finding[] {
  return runRules(schema, options.rules ?? rules, { checkPattern });
}
