import type { Finding } from "../../check/types.ts";
import type { JsonObject } from "../../json/value.ts";
import type { IncrementalValidator } from "../../preview/incremental-validator.ts";
import { describeCompileFailure } from "../../schema/compile-failure.ts";
import { checkDesignOffThread } from "./check-client.ts";

/** The rule id of the finding: the schema cannot be compiled into a validator. */
export const COMPILE_RULE = "schema-does-not-compile";

/**
 * One incremental validator for the page's checks (Ajv in a chunk of its own, loaded by the first
 * check): each check compiles only the parts of the schema that changed since the last.
 */
let validator: Promise<IncrementalValidator> | undefined;

function sharedValidator(): Promise<IncrementalValidator> {
  validator ??= import("../../preview/incremental-validator.ts").then(
    (module) => new module.IncrementalValidator(),
    (error: unknown) => {
      validator = undefined; // try again on the next check
      throw error;
    },
  );
  return validator;
}

/**
 * The finding for a schema Ajv cannot compile (as the preview and the exported validator compile
 * it), or none: an error at the keyword at fault when that can be told (a keyword of the wrong
 * form, a `$ref` that resolves to nothing, a pattern that is no regular expression), else at the
 * root.
 */
export async function compileFindings(schema: JsonObject): Promise<Finding[]> {
  const incremental = await sharedValidator();
  // A slice at a time between the page's tasks: a large design has thousands of parts.
  await incremental.compileInParts(schema);
  try {
    incremental.validatorFor(schema);
    return [];
  } catch (error) {
    // A page whose Content-Security-Policy forbids eval cannot compile any schema: that is the
    // page's, not the schema's, problem (the preview says it), so it is no finding.
    if (error instanceof EvalError) return [];
    const { pointer, reason } = describeCompileFailure(schema, error);
    return [
      {
        rule: COMPILE_RULE,
        severity: "error",
        pointer: pointer ?? "",
        message: `The schema cannot be compiled into a validator: ${reason}`,
        fix: "Correct it: until then the preview cannot check values, and the exported validator cannot be built",
      },
    ];
  }
}

/**
 * The designer's check: the core's rules (`checkDesign`, in the check worker: check-client.ts),
 * then whether Ajv compiles the schema.
 * The compile finding is left out when a rule already reports an error at the same place (an
 * invalid pattern is the invalid-pattern rule's finding, with its fix).
 */
export async function checkDesignAndCompile(schema: JsonObject): Promise<Finding[]> {
  const findings = await checkDesignOffThread(schema);
  const compiled = await compileFindings(schema);
  const covered = (pointer: string) =>
    findings.some(
      (finding) =>
        finding.severity === "error" &&
        (finding.pointer === pointer ||
          pointer.startsWith(`${finding.pointer}/`) ||
          finding.pointer.startsWith(`${pointer}/`)) &&
        (pointer !== "" || finding.pointer === ""),
    );
  return [...findings, ...compiled.filter((finding) => !covered(finding.pointer))];
}
