import type { default as Ajv, ErrorObject } from "ajv";
import { quoteExcerpt } from "../json/excerpt.ts";
import { SchemaProblem } from "../json/problem.ts";
import type { JsonObject } from "../json/value.ts";

/** Refuses a schema that is not valid draft-07, at the first offending place. */
export function validateAgainstMetaSchema(ajv: Ajv, schema: JsonObject): void {
  // The draft-07 meta-schema is not `$async`: the answer is a boolean, never a promise.
  if (ajv.validateSchema(schema) as boolean) return;
  const error = (ajv.errors ?? [])[0];
  if (!error) return;
  throw new SchemaProblem(
    error.instancePath,
    `the schema is not valid JSON Schema draft-07 here: ${describe(error)}`,
    "correct it so that it follows the draft-07 meta-schema",
  );
}

function describe(error: ErrorObject): string {
  const keyword = error.instancePath.split("/").pop();
  const where = keyword ? `${quoteExcerpt(keyword.replace(/~1/g, "/").replace(/~0/g, "~"))} ` : "";
  const allowed =
    error.params && "allowedValues" in error.params
      ? ` (${(error.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(", ")})`
      : "";
  return `${where}${error.message ?? "is invalid"}${allowed}`;
}
