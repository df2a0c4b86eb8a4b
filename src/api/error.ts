import { describeProblem, formatMessage, type Place } from "../schema/problem-message.ts";

/**
 * A problem with a schema, its JSON or an option, told as the CLI tells it (without the program's
 * name): `FILE:PLACE: problem. Fix.` on one line. `problem` and `fix` are sentence fragments;
 * `place` is a JSON pointer ("/" for the root) or "line:column".
 */
export class CredentialDesignerError extends Error {
  override readonly name: string = "CredentialDesignerError";
  readonly file: string | undefined;
  readonly place: string | undefined;
  constructor(
    readonly problem: string,
    readonly fix: string,
    where: Place = {},
    options?: { cause?: unknown },
  ) {
    super(formatMessage(where, problem, fix), options);
    this.file = where.file;
    this.place = where.place;
  }
}

/**
 * A failure while working on `file` as a CredentialDesignerError naming it: a schema problem (at a
 * JSON pointer) or a JSON syntax problem (at line:column). Anything else is a bug, passed on as is.
 */
export function namingFile(file: string | undefined, error: unknown): unknown {
  if (error instanceof CredentialDesignerError) {
    if (file === undefined || error.file !== undefined) return error;
    return new CredentialDesignerError(
      error.problem,
      error.fix,
      { file, place: error.place },
      { cause: error.cause ?? error },
    );
  }
  const described = describeProblem(error);
  if (!described) return error;
  return new CredentialDesignerError(
    described.problem,
    described.fix,
    { file, place: described.place },
    { cause: error },
  );
}

/** Runs `work`, naming `file` in any schema or JSON problem it throws. */
export function inFile<T>(file: string | undefined, work: () => T): T {
  try {
    return work();
  } catch (error) {
    throw namingFile(file, error);
  }
}

/** The same, for work that returns a promise. */
export async function inFileAsync<T>(file: string | undefined, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw namingFile(file, error);
  }
}
