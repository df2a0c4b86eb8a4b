import { anchorPattern, anchorPatternFix } from "../fixes.ts";
import { patternsOf } from "../patterns.ts";
import type { Rule } from "../types.ts";

/**
 * A pattern prone to catastrophic backtracking. Exported validators run patterns on the
 * platform's backtracking RegExp engine, so such a pattern could hang on a crafted input.
 */
export const unsafePattern: Rule = {
  id: "unsafe-pattern",
  description:
    "A pattern can backtrack catastrophically (exponential or polynomial time) on a crafted input",
  check(node, report, { checkPattern }) {
    for (const { source, pointer, subject, isValuePattern } of patternsOf(node)) {
      const verdict = checkPattern(source);
      if (verdict.ok || verdict.problem !== "unsafe") continue;
      // Anchoring is offered when it makes the pattern safe (a pattern retried from every
      // position); a property-name pattern is a key of patternProperties, not fixed in place.
      const anchored = anchorPattern(source);
      const anchoring =
        isValuePattern && anchored !== source && checkPattern(anchored).ok
          ? { autofix: anchorPatternFix(source) }
          : {};
      report({
        severity: "error",
        pointer,
        message: `${subject} ${verdict.message}`,
        fix: capitalise(verdict.fix),
        ...anchoring,
      });
    }
  },
};

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
