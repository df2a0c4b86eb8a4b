import { isJsonObject, ownValue } from "../../schema/json.ts";
import { checkPattern } from "../../schema/pattern-safety.ts";
import type { Rule } from "../types.ts";

/**
 * A pattern prone to catastrophic backtracking. Exported validators run patterns on the
 * platform's backtracking RegExp engine, so such a pattern could hang on a crafted input.
 */
export const unsafePattern: Rule = {
  id: "unsafe-pattern",
  description: "A pattern can backtrack catastrophically (exponential or polynomial time) on a crafted input",
  check(node, report) {
    const pattern = ownValue(node.schema, "pattern");
    if (typeof pattern === "string") {
      const verdict = checkPattern(pattern);
      if (!verdict.ok && verdict.problem === "unsafe") {
        report({
          severity: "error",
          pointer: node.at("pattern"),
          message: `The pattern "${pattern}" of the ${node.name} ${verdict.message}`,
          fix: capitalise(verdict.fix),
        });
      }
    }
    const patternProperties = ownValue(node.schema, "patternProperties");
    if (!isJsonObject(patternProperties)) return;
    for (const key of Object.keys(patternProperties)) {
      const verdict = checkPattern(key);
      if (verdict.ok || verdict.problem !== "unsafe") continue;
      report({
        severity: "error",
        pointer: node.at("patternProperties", key),
        message: `The property-name pattern "${key}" of the ${node.name} ${verdict.message}`,
        fix: capitalise(verdict.fix),
      });
    }
  },
};

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
