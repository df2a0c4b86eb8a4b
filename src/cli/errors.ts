import { CredentialDesignerError, namingFile } from "../api/error.ts";
import type { Place } from "../schema/problem-message.ts";

// The message format is shared with the designer's import (moved to src/schema); re-exported for the CLI.
export {
  capitalise,
  formatMessage,
  oneLine,
  type Place,
  printable,
  sentence,
} from "../schema/problem-message.ts";

export const PROGRAM = "credential-designer";

/** Exit codes: documented in the usage text. */
export const EXIT_OK = 0;
/** `check` found at least one error. */
export const EXIT_CHECK_ERRORS = 1;
/** `diff` found a change at or above its `--fail-on` level. */
export const EXIT_DIFF_FOUND = 1;
/** Invalid usage or input: unknown option, missing file, not JSON, a refused schema… */
export const EXIT_USAGE = 2;
/** A bug: an unexpected exception. */
export const EXIT_INTERNAL = 70;

/**
 * A failure the CLI reports as one line:
 * `credential-designer: FILE:PLACE: problem. Fix.`
 * `problem` and `fix` are sentence fragments without the final period, like SchemaProblem's.
 */
export class CliError extends CredentialDesignerError {
  override readonly name = "CliError";
  constructor(
    problem: string,
    fix: string,
    where: Place = {},
    readonly exitCode: number = EXIT_USAGE,
    options?: { cause?: unknown },
  ) {
    super(problem, fix, where, options);
  }
}

/**
 * Turns any failure while working on `file` into a CliError naming it: a schema problem (at a
 * JSON pointer), a JSON syntax problem (at line:column), or else an internal error (a bug).
 */
export function inFile(file: string | undefined, error: unknown): CliError {
  if (error instanceof CliError) return error;
  const named = namingFile(file, error);
  if (named instanceof CredentialDesignerError)
    return new CliError(
      named.problem,
      named.fix,
      { file: named.file, place: named.place },
      EXIT_USAGE,
      { cause: named.cause ?? error },
    );
  const description =
    error instanceof Error
      ? `${error.name}: ${(error.message.split("\n")[0] ?? "").slice(0, 200)}`
      : String(error).slice(0, 200);
  return new CliError(
    `internal error (${description})`,
    "this is a bug: run again with --debug to see the stack trace, and report it",
    { file },
    EXIT_INTERNAL,
    { cause: error },
  );
}

/** What a file-system error means, in words, without the path (the message names the file). */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  switch (code) {
    case "ENOENT":
      return "no such file or folder";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "EISDIR":
      return "it is a folder";
    case "ENOTDIR":
      return "a part of the path is not a folder";
    case "ENOSPC":
      return "the disk is full";
    case "EDQUOT":
      return "the disk quota is exceeded";
    case "EROFS":
      return "the file system is read-only";
    case "ENAMETOOLONG":
      return "the path is too long";
    case "ELOOP":
      return "the path has a symbolic link loop";
    case "EEXIST":
      return "it already exists";
    case "EBUSY":
      return "it is busy";
    case "EMFILE":
    case "ENFILE":
      return "too many open files";
    case "EIO":
      return "an input/output error";
    default:
      return code ? `error ${code}` : error instanceof Error ? error.message : String(error);
  }
}
