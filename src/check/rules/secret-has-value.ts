import { describeSecretValue, secretValues } from "../../model/secret-values.ts";
import { capitalise } from "../../schema/problem-message.ts";
import { removeSecretValueFix } from "../fixes.ts";
import type { Rule } from "../types.ts";

/**
 * A secret must never ship a value: no default, example, constant or single-value enum. What
 * counts, and the words for it, are the ones the exporter and the designer refuse with
 * (src/model/secret-values.ts); `check` reports every one, the refusals the first.
 */
export const secretHasValue: Rule = {
  id: "secret-has-value",
  description:
    "A secret (writeOnly or airbyte_secret) field carries a value: default, examples, const or a one-value enum",
  check(node, report) {
    for (const value of secretValues(node.schema)) {
      const { problem, fix } = describeSecretValue(node.name, value);
      report({
        severity: "error",
        pointer: node.at(value.keyword),
        message: capitalise(problem),
        fix: capitalise(fix),
        autofix: removeSecretValueFix(value.keyword),
      });
    }
  },
};
