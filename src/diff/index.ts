import { SchemaProblem } from "../json/problem.ts";
import type { JsonObject } from "../json/value.ts";
import { compareNode } from "./compare.ts";
import { Comparison } from "./context.ts";
import { ROOT_NAME } from "./naming.ts";
import type { Change } from "./types.ts";
import { SchemaView } from "./view.ts";

export { classOf, RULES, type RuleId } from "./catalogue.ts";
export { formatJson } from "./format-json.ts";
export { formatText } from "./format-text.ts";
export { countByClass, type DiffReport, FAIL_ON_LEVELS, type FailOn, fails } from "./report.ts";
// The saved-values check (saved-values.ts) is imported on its own: it brings in Ajv. Its types are here.
export {
  CHANGE_CLASSES,
  type Change,
  type ChangeClass,
  REDACTED,
  type SavedValueProblem,
  type SavedValueResult,
} from "./types.ts";

/**
 * Every change from one version of a credential schema to the next, with what it does to
 * credentials users saved against the old one (see RULES), in document order. Pure and
 * deterministic: the same two schemas always give the same list. Never shows a secret's value.
 * Throws a SchemaProblem only for a schema nested too deeply to compare.
 */
export function diffSchemas(oldSchema: JsonObject, newSchema: JsonObject): Change[] {
  const comparison = new Comparison();
  try {
    compareNode(comparison, {
      old: SchemaView.of(oldSchema, oldSchema, ""),
      new: SchemaView.of(newSchema, newSchema, ""),
      field: "",
      name: ROOT_NAME,
      requiredOld: true,
      requiredNew: true,
      fillsDefaults: true,
    });
  } catch (error) {
    if (error instanceof RangeError && /call stack/i.test(error.message)) {
      throw new SchemaProblem(
        "",
        "the schemas are nested too deeply to compare",
        "flatten them: use fewer levels of objects inside objects (a few hundred at most)",
      );
    }
    throw error;
  }
  return comparison.changes;
}
