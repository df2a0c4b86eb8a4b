import type { Dirent } from "node:fs";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { main } from "../../../src/cli/main.ts";
import type { Mutant } from "./mutant.ts";
import { bounded } from "./values.ts";

/**
 * One fuzz case through the command line: the template as `template.json`, the mutant as
 * `window.json` and saved values as `values.json` in a fresh folder, then
 *   check window.json
 *   export window.json --out out
 *   diff template.json window.json
 *   diff window.json template.json --values values.json
 * and the invariants of issue 18 on what they did (`fuzzFailures`).
 */

/**
 * The longest line the command may write on stderr, whatever the input: a refusal is fixed text
 * (the longest, explaining a catastrophic pattern, about 500 characters) around a place cut to
 * about 120 characters (src/json/excerpt.ts excerptPointer) and values quoted as excerpts of 60
 * (quoteExcerpt), never a value, key or pointer in full.
 */
export const MAX_STDERR_LINE = 1_000;
/** The same bound for each line of `check`'s and `diff`'s reports on stdout. */
export const MAX_STDOUT_LINE = 1_000;

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `credential-designer ...argv` in `cwd`: in process (`runInProcess`) or as a real process. */
export type Runner = (argv: readonly string[], cwd: string) => Promise<RunResult>;

/** The CLI's `main(argv, io)` in this process, its streams captured; a throw is a result too. */
export const runInProcess: Runner = async (argv, cwd) => {
  let stdout = "";
  let stderr = "";
  try {
    const code = await main(argv, {
      stdout: { write: (text: string) => (stdout += text) },
      stderr: { write: (text: string) => (stderr += text) },
      cwd,
    });
    return { code, stdout, stderr };
  } catch (error) {
    // main must never throw: report it as what it is.
    const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
    return { code: -1, stdout, stderr: `${stderr}(main threw) ${text}` };
  }
};

export const COMMANDS = {
  check: ["check", "window.json"],
  export: ["export", "window.json", "--out", "out"],
  diff: ["diff", "template.json", "window.json"],
  diffValues: ["diff", "window.json", "template.json", "--values", "values.json"],
} as const satisfies Record<string, readonly string[]>;
export type CommandName = keyof typeof COMMANDS;

export interface CaseOutcome {
  results: Record<CommandName, RunResult>;
  /** Entries under the folder after export: relative paths, folders ending in "/". */
  afterExport: string[];
  /** What `out/` holds after export (missing: undefined). */
  outFiles: string[] | undefined;
  /** Whether the input files are byte for byte as written. */
  inputsUnchanged: boolean;
}

/** Writes the case's files into a fresh folder, runs the four commands, removes the folder. */
export async function runCase(mutant: Mutant, run: Runner): Promise<CaseOutcome> {
  const dir = await fs.realpath(
    await fs.mkdtemp(path.join(os.tmpdir(), "credential-designer-fuzz-")),
  );
  try {
    const inputs: Array<[string, string | Uint8Array]> = [
      ["template.json", mutant.template.text],
      ["window.json", mutant.bytes],
      ["values.json", mutant.valuesText],
    ];
    for (const [name, contents] of inputs) await fs.writeFile(path.join(dir, name), contents);
    const check = await run(COMMANDS.check, dir);
    const exported = await run(COMMANDS.export, dir);
    const afterExport = await entriesUnder(dir);
    const outFiles = await fs.readdir(path.join(dir, "out")).catch(() => undefined);
    const diff = await run(COMMANDS.diff, dir);
    const diffValues = await run(COMMANDS.diffValues, dir);
    let inputsUnchanged = true;
    for (const [name, contents] of inputs) {
      const now = await fs.readFile(path.join(dir, name));
      const then = typeof contents === "string" ? Buffer.from(contents) : Buffer.from(contents);
      if (!now.equals(then)) inputsUnchanged = false;
    }
    return {
      results: { check, export: exported, diff, diffValues },
      afterExport,
      outFiles: outFiles?.sort(),
      inputsUnchanged,
    };
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

async function entriesUnder(dir: string): Promise<string[]> {
  const found: string[] = [];
  const stack = [dir];
  while (stack.length > 0) {
    const folder = stack.pop()!;
    let entries: Dirent[];
    try {
      entries = await fs.readdir(folder, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      const full = path.join(folder, entry.name);
      const relative = path.relative(dir, full);
      if (entry.isDirectory()) {
        found.push(`${relative}/`);
        stack.push(full);
      } else found.push(relative);
    }
  }
  return found.sort();
}

const lines = (text: string) => (text === "" ? [] : text.replace(/\n$/, "").split("\n"));
const FAILURE = "credential-designer: ";
/** The one line the reader writes when it takes the schema out of an envelope. */
const NOTICE = /^read \S/;
/** A stack frame, or the words of a bug report. */
const BUG = /\n\s+at |internal error|\(main threw\)/;

/**
 * What the four runs broke of issue 18's rules, as short sentences (empty: nothing). Each
 * sentence starts with a stable kind (`check: exit 70`), so that many findings group by cause.
 */
export function fuzzFailures(outcome: CaseOutcome): string[] {
  const failures: string[] = [];
  const { results } = outcome;
  const fail = (kind: string, detail: string) =>
    failures.push(`${kind}: ${bounded(detail.replace(/\n/g, "⏎"), 500)}`);

  for (const name of Object.keys(results) as CommandName[]) {
    const { code, stdout, stderr } = results[name];
    const allowed = name === "export" ? [0, 2] : [0, 1, 2];
    if (!allowed.includes(code)) fail(`${name}: exit ${code}`, stderr);
    if (BUG.test(stderr) || BUG.test(stdout))
      fail(`${name}: a bug's words or a stack trace`, stderr);
    const errLines = lines(stderr);
    const refusals = errLines.filter((line) => line.startsWith(FAILURE));
    for (const line of errLines) {
      if (!line.startsWith(FAILURE) && !NOTICE.test(line))
        fail(`${name}: a stderr line that is neither a refusal nor a notice`, line);
      if (line.length > MAX_STDERR_LINE)
        fail(`${name}: a stderr line too long`, `${line.length} characters: ${line}`);
    }
    if (code === 2 && refusals.length !== 1)
      fail(`${name}: exit 2 with ${refusals.length} refusal lines`, stderr);
    if ((code === 0 || code === 1) && refusals.length !== 0)
      fail(`${name}: exit ${code} with a refusal line`, stderr);
    for (const line of lines(stdout))
      if (line.length > MAX_STDOUT_LINE)
        fail(`${name}: a stdout line too long`, `${line.length} characters: ${line}`);
  }

  // Export: all of its files or nothing, and never a temporary folder left behind.
  const leftovers = outcome.afterExport.filter((entry) =>
    entry.split("/").some((part) => part.startsWith(".credential-designer-tmp-")),
  );
  if (leftovers.length > 0) fail("export: left a temporary folder", leftovers.join(", "));
  if (!outcome.inputsUnchanged) fail("an input file changed", "");
  const exported = results.export;
  if (exported.code === 0) {
    const listed = lines(exported.stdout)
      .map((line) => path.basename(line))
      .sort();
    if (JSON.stringify(listed) !== JSON.stringify(outcome.outFiles))
      fail(
        "export: wrote other files than it listed",
        `${listed.join(", ")} / ${outcome.outFiles?.join(", ")}`,
      );
  } else if (outcome.outFiles !== undefined && outcome.outFiles.length > 0)
    fail("export: refused but left files in out/", outcome.outFiles.join(", "));

  // check ⇔ export: no error exactly when export writes; export's refusal is one of check's errors.
  const check = results.check;
  const refusal = lines(exported.stderr).find((line) => line.startsWith(FAILURE));
  if (check.code === 0 && exported.code !== 0)
    fail("check passed, export refused", refusal ?? exported.stderr);
  if (check.code === 1 && exported.code === 0)
    fail(
      "check found errors, export wrote files",
      errorLines(check.stdout)
        .map((error) => error.line)
        .join("⏎"),
    );
  if (check.code === 1 && exported.code === 2 && refusal !== undefined) {
    const places = errorLines(check.stdout).map((line) => line.place);
    const said = refusal.slice(FAILURE.length);
    if (!places.some((place) => said.startsWith(`window.json:${place}: `)))
      fail(
        "export refused at a place where check found no error",
        `${refusal} / check's errors at ${places.join(" ")}`,
      );
  }
  if (check.code === 2) {
    const checkRefusal = lines(check.stderr).find((line) => line.startsWith(FAILURE));
    if (exported.code !== 2 || refusal !== checkRefusal)
      fail("check could not read the file, export said otherwise", `${checkRefusal} / ${refusal}`);
  }
  return failures;
}

/** check's error findings: `window.json:PLACE: error: message`. */
function errorLines(stdout: string): Array<{ place: string; line: string }> {
  const prefix = "window.json:";
  return lines(stdout)
    .filter((line) => line.startsWith(prefix) && line.includes(": error: "))
    .map((line) => ({ place: line.slice(prefix.length, line.indexOf(": error: ")), line }));
}
