import { excerptPointer } from "../json/excerpt.ts";
import { displayPointer } from "../json/pointer.ts";
import { JsonSyntaxProblem, SchemaProblem } from "../json/problem.ts";

/**
 * How a problem with a schema file is told, the same in the CLI and in the designer:
 * `FILE:PLACE: problem. Fix.` on one line.
 */
export interface Place {
  /** The file as the user named it (or a path derived from it). */
  file?: string | undefined;
  /** A JSON pointer (shown "/" for the root) or "line:column". */
  place?: string | undefined;
}

/** A located problem: where, what is wrong and how to fix it (sentence fragments). */
export interface DescribedProblem {
  readonly place: string;
  readonly problem: string;
  readonly fix: string;
}

/**
 * Where and what a schema or JSON syntax problem is: a JSON pointer for the first, line:column for
 * the second. Anything else (a bug) is undefined.
 */
export function describeProblem(error: unknown): DescribedProblem | undefined {
  if (error instanceof SchemaProblem)
    return { place: displayPointer(error.pointer), problem: error.problem, fix: error.fix };
  if (error instanceof JsonSyntaxProblem)
    return { place: `${error.line}:${error.column}`, problem: error.problem, fix: error.fix };
  return undefined;
}

/** `FILE:PLACE: problem. Fix.` on one line. */
export function formatMessage(where: Place, problem: string, fix: string): string {
  // A place hundreds of levels deep, or under a kilobyte key, is shown cut (excerptPointer).
  const place = where.place === undefined ? undefined : printable(excerptPointer(where.place));
  const prefix = [where.file === undefined ? undefined : printable(where.file), place]
    .filter((part) => part !== undefined)
    .join(":");
  const text = `${sentence(problem)}${fix ? ` ${sentence(capitalise(fix))}` : ""}`;
  return oneLine(prefix ? `${prefix}: ${text}` : text);
}

/** Ends a fragment with a period unless it already ends a sentence. */
export function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, " ");
}

/** Text for a one-line message (a file name, a diff row): control characters (a newline…) escaped. */
export function printable(file: string): string {
  return file.replace(
    // biome-ignore lint/suspicious/noControlCharactersInRegex: it finds control characters to escape them
    /[\u0000-\u001f\u007f]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}
