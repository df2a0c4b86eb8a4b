import { ownValue } from "../../schema/json.ts";
import type { Rule } from "../types.ts";

/** A secret must never ship a value: no default, example, constant or single-value enum. */
export const secretHasValue: Rule = {
  id: "secret-has-value",
  description: "A secret (writeOnly) field carries a value: default, examples, const or a one-value enum",
  check(node, report) {
    const { schema } = node;
    if (ownValue(schema, "writeOnly") !== true) return;
    const found: Array<[string, string]> = [];
    if (ownValue(schema, "default") !== undefined) found.push(["default", "a default value"]);
    if (ownValue(schema, "examples") !== undefined) found.push(["examples", "example values"]);
    if (ownValue(schema, "const") !== undefined) found.push(["const", "a constant value"]);
    const values = ownValue(schema, "enum");
    if (Array.isArray(values) && values.length === 1) found.push(["enum", "a single allowed value"]);
    for (const [keyword, what] of found) {
      report({
        severity: "error",
        pointer: node.at(keyword),
        message: `The secret ${node.name} has ${what} ("${keyword}"), which would ship a secret with every connector`,
        fix: `Remove "${keyword}" from the ${node.name}; describe the expected format in "description" instead`,
      });
    }
  },
};
