import type { AST } from "@eslint-community/regexpp";
import { analyse, type Report } from "scslre";
import { flags } from "./ast.ts";
import { type PatternVerdict, quote } from "./verdict.ts";

// Polynomial backtracking (scslre)

export function findPolynomial(ast: AST.Pattern): PatternVerdict | undefined {
  const report: Report | undefined = analyse({ pattern: ast, flags }, { maxReports: 1 }).reports[0];
  if (!report) return undefined;
  const kind = report.exponential ? "exponential" : "polynomial";
  const char = quote(report.character.pick);
  switch (report.type) {
    case "Self":
      return {
        ok: false,
        problem: "unsafe",
        message: `can backtrack catastrophically (${kind} time): ${quote(report.quant.raw)} is repeated inside ${quote(report.parentQuant.raw)}, so a long run of ${char} that fails to match at the end can be split between the repetitions in too many ways`,
        fix: "remove one of the two repetitions (e.g. ^(a+)+$ → ^a+$), or make what separates the repetitions mandatory",
      };
    case "Trade":
      return {
        ok: false,
        problem: "unsafe",
        message: `can backtrack catastrophically (${kind} time): ${quote(report.startQuant.raw)} and ${quote(report.endQuant.raw)} can both match ${char}, so on a long run of ${char} that fails to match at the end the engine tries every way to divide it between them`,
        fix: "make the neighbouring repetitions match different characters or merge them into one (e.g. \\d+\\d+ → \\d{2,}, \\s*,?\\s* → \\s*(?:,\\s*)?)",
      };
    case "Move":
      return {
        ok: false,
        problem: "unsafe",
        message: `can backtrack catastrophically (${kind} time): the pattern is not anchored, so ${quote(report.quant.raw)} is run again from every position of a long run of ${char} that fails to match`,
        fix: "anchor the pattern at the start with ^ (e.g. \\s+$ → ^\\s+$) or give the repetition a small upper bound (e.g. {1,64})",
      };
  }
}
