import { isJsonObject, ownValue } from "../../schema/json.ts";
import { checkPattern } from "../../schema/pattern-safety.ts";
import type { Rule } from "../types.ts";

/** A `pattern` (or `patternProperties` key) that is not a valid regular expression with the `u` flag. */
export const invalidPattern: Rule = {
  id: "invalid-pattern",
  description: "A pattern is not a valid regular expression (validators compile patterns with the u flag)",
  check(node, report) {
    const pattern = ownValue(node.schema, "pattern");
    if (pattern !== undefined) {
      if (typeof pattern !== "string") {
        report({
          severity: "error",
          pointer: node.at("pattern"),
          message: `The pattern of the ${node.name} is not a string`,
          fix: `Write the pattern as a string, e.g. "^[A-Za-z0-9]+$"`,
        });
      } else {
        const verdict = checkPattern(pattern);
        if (!verdict.ok && verdict.problem === "invalid") {
          report({
            severity: "error",
            pointer: node.at("pattern"),
            message: `The pattern "${pattern}" of the ${node.name} ${verdict.message}`,
            fix: "Correct the regular expression; it is compiled with the u (Unicode) flag, where escapes such as \\- outside a class or \\, are errors",
          });
        }
      }
    }
    const patternProperties = ownValue(node.schema, "patternProperties");
    if (!isJsonObject(patternProperties)) return;
    for (const key of Object.keys(patternProperties)) {
      const verdict = checkPattern(key);
      if (verdict.ok || verdict.problem !== "invalid") continue;
      report({
        severity: "error",
        pointer: node.at("patternProperties", key),
        message: `The property-name pattern "${key}" of the ${node.name} ${verdict.message}`,
        fix: "Correct the regular expression; it is compiled with the u (Unicode) flag",
      });
    }
  },
};
