import { ownValue } from "../../json/value.ts";
import { patternsOf } from "../patterns.ts";
import type { Rule } from "../types.ts";

/** A `pattern` (or `patternProperties` key) that is not a valid regular expression with the `u` flag. */
export const invalidPattern: Rule = {
  id: "invalid-pattern",
  description:
    "A pattern is not a valid regular expression (validators compile patterns with the u flag)",
  check(node, report, { checkPattern }) {
    const pattern = ownValue(node.schema, "pattern");
    if (pattern !== undefined && typeof pattern !== "string") {
      report({
        severity: "error",
        pointer: node.at("pattern"),
        message: `The pattern of the ${node.name} is not a string`,
        fix: `Write the pattern as a string, e.g. "^[A-Za-z0-9]+$"`,
      });
    }
    for (const { source, pointer, subject, isValuePattern } of patternsOf(node)) {
      const verdict = checkPattern(source);
      if (verdict.ok || verdict.problem !== "invalid") continue;
      report({
        severity: "error",
        pointer,
        message: `${subject} ${verdict.message}`,
        fix: isValuePattern
          ? "Correct the regular expression; it is compiled with the u (Unicode) flag, where escapes such as \\- outside a class or \\, are errors"
          : "Correct the regular expression; it is compiled with the u (Unicode) flag",
      });
    }
  },
};
