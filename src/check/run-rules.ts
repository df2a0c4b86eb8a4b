import { loneSurrogateProblem } from "../json/unicode.ts";
import type { JsonObject } from "../json/value.ts";
import { capitalise } from "../schema/problem-message.ts";
import { choiceDiscriminator } from "./rules/choice-discriminator.ts";
import { duplicateTitle } from "./rules/duplicate-title.ts";
import { insecureUrl } from "./rules/insecure-url.ts";
import { invalidPattern } from "./rules/invalid-pattern.ts";
import { keysDifferInCase } from "./rules/keys-differ-in-case.ts";
import { notExportable } from "./rules/not-exportable.ts";
import { requiredNotInProperties } from "./rules/required-not-in-properties.ts";
import { secretHasValue } from "./rules/secret-has-value.ts";
import { secretNotWriteOnly } from "./rules/secret-not-write-only.ts";
import { unsafePattern } from "./rules/unsafe-pattern.ts";
import type { Finding, Rule, RuleContext } from "./types.ts";
import { walkSchema } from "./walk.ts";

/** Every lint rule, in the order their findings are listed for one schema node. */
export const rules: readonly Rule[] = [
  notExportable,
  secretNotWriteOnly,
  secretHasValue,
  insecureUrl,
  invalidPattern,
  unsafePattern,
  requiredNotInProperties,
  choiceDiscriminator,
  duplicateTitle,
  keysDifferInCase,
];

/**
 * Runs `active` on every subschema of `schema`, findings in document order. The one loop behind
 * `checkSchema` (CLI, Node) and `checkDesign` (the page); it imports no analysis itself, so the
 * page's bundle does not carry the pattern analysis until a design needs it.
 */
export function runRules(
  schema: JsonObject,
  active: readonly Rule[],
  context: RuleContext,
): Finding[] {
  // Text that is not valid Unicode is what export refuses first, and alone: no rule meets it.
  const unicode = loneSurrogateProblem(schema);
  if (unicode)
    return [
      {
        rule: notExportable.id,
        severity: "error",
        pointer: unicode.pointer,
        message: capitalise(unicode.problem),
        fix: capitalise(unicode.fix),
      },
    ];
  const findings: Finding[] = [];
  for (const node of walkSchema(schema)) {
    for (const rule of active) {
      rule.check(node, (finding) => findings.push({ rule: rule.id, ...finding }), context);
    }
  }
  return findings;
}
