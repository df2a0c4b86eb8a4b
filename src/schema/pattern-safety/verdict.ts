import { quoteExcerpt } from "../../json/excerpt.ts";

/** What the analysis says about one pattern (see index.ts for how it decides). */
export type PatternVerdict =
  | { ok: true }
  | { ok: false; problem: "invalid"; message: string }
  | { ok: false; problem: "unsafe"; message: string; fix: string };

export function tooComplex(why: string): PatternVerdict {
  return {
    ok: false,
    problem: "unsafe",
    message: `cannot be checked for catastrophic backtracking because ${why}, so it is refused to be safe`,
    fix: "simplify the pattern: fewer nested groups and smaller repetition counts (e.g. {1,64} rather than {1,100000})",
  };
}

/** Thrown by the finders when a budget runs out; the pattern is refused as too complex. */
export class TooComplex extends Error {}

/** A part of a pattern as a message quotes it: a short excerpt of a long one, with its length. */
export function quote(text: string): string {
  return quoteExcerpt(text);
}
