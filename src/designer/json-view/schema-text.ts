import { displayPointer } from "../../json/pointer.ts";
import { JsonSyntaxProblem, SchemaProblem } from "../../json/problem.ts";
import type { CredentialDocument } from "../../model/index.ts";
import { lineColumnAt } from "../../schema/parse-json.ts";
import { locateYamlPointer, looksLikeYaml } from "../../schema/parse-yaml.ts";
import { capitalise, formatMessage, sentence } from "../../schema/problem-message.ts";
import { readDesignSource } from "../import/design-from-file.ts";
import { textSizeProblem } from "../import/import-limit.ts";
import type { SchemaTextReading, TextProblem } from "../import/read-protocol.ts";
import { schemaOf } from "../store/schema-of.ts";
import { locatePointer } from "./locate-pointer.ts";

/** The JSON view's text of a design: its schema, two-space indented, keys in the designed order. */
export function schemaText(doc: CredentialDocument): string {
  return JSON.stringify(schemaOf(doc), null, 2);
}

export type { SchemaTextReading, TextProblem } from "../import/read-protocol.ts";

/**
 * Reads the JSON view's text as Import reads a file (`readDesignSource`: parsed and imported as the
 * CLI reads it; a secret carrying a value refused). A text that does not start with `{` or `[` is
 * read as YAML (pasted from a manifest.yaml, say), and a connector specification gives the window
 * inside it; either way the view then shows the design as JSON, and `notice` says what was read.
 * A syntax error is placed where the parser stopped; a refused schema is placed at the value its
 * JSON pointer names (for a secret's value, the offending keyword's value, e.g. the default's
 * text), in the JSON or the YAML text. A text larger than Import takes (import-limit.ts) is
 * refused before it is read, marked at its start.
 */
export function readSchemaText(text: string): SchemaTextReading {
  const tooLarge = textSizeProblem(text);
  if (tooLarge)
    return {
      ok: false,
      problem: { from: 0, to: Math.min(1, text.length), line: 1, column: 1, ...tooLarge },
    };
  try {
    const { doc, format, envelope } = readDesignSource(text);
    const read = [
      ...(format === "yaml" ? ["YAML"] : []),
      ...(envelope ? [envelope.part] : []),
    ].join(": ");
    if (read === "") return { ok: true, doc };
    return { ok: true, doc, notice: `Read ${read}. The view shows the design as JSON.` };
  } catch (error) {
    if (error instanceof JsonSyntaxProblem) {
      const to = Math.min(error.offset + 1, text.length);
      return {
        ok: false,
        problem: {
          from: Math.min(error.offset, text.length),
          to,
          line: error.line,
          column: error.column,
          problem: error.problem,
          fix: error.fix,
        },
      };
    }
    if (error instanceof SchemaProblem) return { ok: false, problem: schemaProblemAt(text, error) };
    throw error;
  }
}

/**
 * A schema problem marked on what it is about: a plain value as a whole; an object or array by
 * its property name (or its opening bracket), so a problem with a whole group does not paint it all.
 */
function schemaProblemAt(text: string, error: SchemaProblem): TextProblem {
  if (looksLikeYaml(text)) {
    const inYaml = locateYamlPointer(text, error.pointer);
    const span = inYaml?.key ?? inYaml?.value ?? { from: 0, to: Math.min(1, text.length) };
    const { line, column } = lineColumnAt(text, span.from);
    return {
      ...span,
      line,
      column,
      pointer: error.pointer,
      problem: error.problem,
      fix: error.fix,
    };
  }
  const located = locatePointer(text, error.pointer);
  const value = located?.value ?? { from: 0, to: Math.min(1, text.length) };
  const container = text[value.from] === "{" || text[value.from] === "[";
  const span = !container ? value : (located?.key ?? { from: value.from, to: value.from + 1 });
  const { line, column } = lineColumnAt(text, span.from);
  return {
    from: span.from,
    to: span.to,
    line,
    column,
    pointer: error.pointer,
    problem: error.problem,
    fix: error.fix,
  };
}

/** The problem for the message under the editor: `3:14 (/properties/port/type): problem. Fix.` */
export function describeTextProblem(problem: TextProblem): string {
  const place = `${problem.line}:${problem.column}${problem.pointer !== undefined ? ` (${displayPointer(problem.pointer)})` : ""}`;
  return formatMessage({ place }, problem.problem, problem.fix);
}

/** The problem for the editor's own diagnostic, which is shown at its place already. */
export function diagnosticText(problem: TextProblem): string {
  return `${sentence(capitalise(problem.problem))} ${sentence(capitalise(problem.fix))}`;
}

/**
 * The one change that turns `before` into `after`: what lies between their common start and end.
 * Replacing only that keeps the cursor, the scroll position and the editor's undo history
 * meaningful when the design changes from elsewhere. Undefined when the texts are equal.
 */
export function textChange(
  before: string,
  after: string,
): { from: number; to: number; insert: string } | undefined {
  if (before === after) return undefined;
  const shorter = Math.min(before.length, after.length);
  let start = 0;
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let end = 0;
  while (
    end < shorter - start &&
    before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)
  )
    end++;
  // Never split a surrogate pair: the change starts and ends on whole characters.
  if (start > 0 && isHighSurrogate(before.charCodeAt(start - 1))) start--;
  if (end > 0 && isLowSurrogate(before.charCodeAt(before.length - end))) end--;
  return { from: start, to: before.length - end, insert: after.slice(start, after.length - end) };
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;
