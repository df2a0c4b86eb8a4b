import { ownValue } from "../../json/value.ts";
import { exportRefusals } from "../../schema/export-refusals.ts";
import { SUPPORTED_FORMATS } from "../../schema/formats.ts";
import { capitalise } from "../../schema/problem-message.ts";
import type { Rule } from "../types.ts";

/**
 * What `export` refuses, every case of it, so that `check` passes exactly what `export` writes:
 * a `$schema` other than draft-07 (any spelling of draft-07 is fine), a root that is not an object
 * window, a keyword of the wrong form (`examples` not an array, an `enum` listing a value twice…),
 * a `$ref` outside the schema or leading nowhere or around a loop, a nested `$id`, `$async`, an
 * unknown format (src/schema/export-refusals.ts, the walk `export` refuses with). Patterns and
 * secrets with a value have rules of their own (invalid-pattern, unsafe-pattern, secret-has-value).
 * Runs once, at the root, over the whole schema.
 */
export const notExportable: Rule = {
  id: "not-exportable",
  description:
    "export would refuse the schema: not draft-07, a keyword of the wrong form, a $ref outside the schema or leading nowhere, an unknown format…",
  check(node, report, { checkPattern }) {
    if (node.parent !== undefined) return;
    const title = ownValue(node.schema, "title");
    const problems = exportRefusals(node.schema, {
      formats: SUPPORTED_FORMATS,
      checkPattern,
      withoutPatterns: true,
      rootLabel: typeof title === "string" && title.trim() ? title : "(root)",
    });
    for (const problem of problems)
      report({
        severity: "error",
        pointer: problem.pointer,
        message: capitalise(problem.problem),
        fix: capitalise(problem.fix),
      });
  },
};
