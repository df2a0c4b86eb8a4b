import { EXIT_OK, inFile, printable } from "./errors.ts";
import { Interrupted } from "./interrupts.ts";

export interface EachFileReport {
  /** Writes a failure as the CLI writes every failure (one line on stderr); returns its exit code. */
  fail(error: unknown): number;
  /** The last line, from how many files passed and which failed. */
  summary(passed: number, failed: readonly string[]): string;
  /** Where the last line goes: stdout when it belongs to the report (check), else stderr. */
  summaryTo: "stdout" | "stderr";
}

/**
 * Runs a command on each file given, in turn. One file: the command alone, its failure the
 * command's. Several: a file that fails is reported (one line naming it) and the next goes on, so
 * the others' results stay in place; then a last line says how many passed. The exit code is the
 * gravest of the files' (0 < 1 < 2 < 70: an error found < a file that could not be used < a bug).
 * A signal (Interrupted) stops the run: it is thrown on, saying how far the run got.
 */
export async function eachFile(
  inputs: readonly string[],
  run: (input: string) => Promise<number>,
  io: { stdout: { write(text: string): unknown }; stderr: { write(text: string): unknown } },
  report: EachFileReport,
): Promise<number> {
  const [only] = inputs;
  if (inputs.length === 1 && only !== undefined) return run(only);
  let gravest = EXIT_OK;
  let passed = 0;
  const failed: string[] = [];
  for (const [index, input] of inputs.entries()) {
    let code: number;
    try {
      code = await run(input);
    } catch (error) {
      if (error instanceof Interrupted) {
        // This file's export was completed, or not written at all; the next ones were not begun.
        const done = error.outcome === "new" ? passed + 1 : passed;
        throw error.after(countLine(done, failed, "exported", "failed", inputs.length), [
          ...(error.outcome === "new" ? [] : [input]),
          ...inputs.slice(index + 1),
        ]);
      }
      code = report.fail(inFile(input, error));
    }
    if (code === EXIT_OK) passed++;
    else failed.push(input);
    gravest = Math.max(gravest, code);
  }
  io[report.summaryTo].write(`${report.summary(passed, failed)}\n`);
  return gravest;
}

/** "2 of 3 schemas exported; failed: a.json, b.json": how many of the files did `done`, and which did not. */
export function countLine(
  passed: number,
  failed: readonly string[],
  done: string,
  notDone: string,
  total = passed + failed.length,
): string {
  const names = failed.map((name) => printable(name)).join(", ");
  return `${passed} of ${total} schemas ${done}${failed.length > 0 ? `; ${notDone}: ${names}` : ""}`;
}
