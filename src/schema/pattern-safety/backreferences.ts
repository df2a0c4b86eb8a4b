import type { AST } from "@eslint-community/regexpp";
import { firstNode } from "./ast.ts";
import type { PatternVerdict } from "./verdict.ts";

// Backreferences

export function findBackreference(ast: AST.Pattern): PatternVerdict | undefined {
  const ref = firstNode(ast, (node): node is AST.Backreference => node.type === "Backreference");
  if (!ref) return undefined;
  return {
    ok: false,
    problem: "unsafe",
    message: `uses the backreference "${ref.raw}", which cannot be checked for catastrophic backtracking, so it is refused`,
    fix: "match the repeated text explicitly instead of referring back to a group",
  };
}
