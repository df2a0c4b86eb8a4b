import { displayPointer } from "./pointer.ts";

/**
 * A specific, fixable problem with a schema: where it is (a JSON pointer), what is wrong,
 * and how to fix it. Every refusal of the core is one of these, so the CLI and the designer
 * can show it the same way.
 */
export class SchemaProblem extends Error {
  override readonly name = "SchemaProblem";
  constructor(
    /** JSON pointer into the schema; "" is the root. */
    readonly pointer: string,
    /** What is wrong, as a sentence fragment without a trailing period. */
    readonly problem: string,
    /** How to fix it, as an imperative sentence fragment. */
    readonly fix: string,
  ) {
    super(`${displayPointer(pointer)}: ${problem}. ${capitalise(fix)}.`);
  }
}

/** A JSON text that does not parse: where (1-based line and column) and why. */
export class JsonSyntaxProblem extends Error {
  override readonly name = "JsonSyntaxProblem";
  constructor(
    readonly line: number,
    readonly column: number,
    /** Character offset of the problem in the text. */
    readonly offset: number,
    readonly problem: string,
    readonly fix: string,
  ) {
    super(`${line}:${column}: ${problem}. ${capitalise(fix)}.`);
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
