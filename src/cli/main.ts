import { CredentialDesignerError } from "../api/error.ts";
import { type CSharpExportOptions, checkCSharpNamespace } from "../api/export.ts";
import {
  type CommandName,
  checkPositionals,
  commandUsageText,
  type ParsedArgs,
  parseArgs,
  usageText,
} from "./args.ts";
import {
  type CliIo,
  checkCommand,
  checkExportTargets,
  exportCommand,
  listTemplates,
  newCommand,
  readVersion,
} from "./commands.ts";
import { diffCommand } from "./diff-command.ts";
import { countLine, eachFile } from "./each-file.ts";
import { CliError, EXIT_OK, inFile, PROGRAM } from "./errors.ts";
import { Interrupted, NO_INTERRUPTS, processInterrupts } from "./interrupts.ts";

export type { CliIo } from "./commands.ts";

/**
 * The `credential-designer` command line, callable in-process: returns the exit code.
 *
 * Every failure is reported as exactly one line on `io.stderr`
 * (`credential-designer: FILE:PLACE: what is wrong. How to fix it.`), with exit code 2 for
 * usage and input errors, 1 when `check` finds an error or `diff` finds a change at its
 * `--fail-on` level, 70 for a bug; `--debug` adds the stack
 * trace. Nothing is written on failure. With `io.interrupts` (runFromProcess), SIGINT or SIGTERM
 * stops an `export` (130, 143), leaving each output folder as it was or as the new export.
 */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  let debug = argv.includes("--debug");
  try {
    const args = parseArgs(argv);
    debug = args.debug;
    if (args.help) {
      io.stdout.write(args.command ? await commandHelp(args.command) : usageText());
      return EXIT_OK;
    }
    if (args.version) {
      io.stdout.write(`${await readVersion()}\n`);
      return EXIT_OK;
    }
    const { command } = args;
    if (!command) {
      throw new CliError(
        "missing command",
        `write ${PROGRAM} export|check|diff|new …; run '${PROGRAM} --help' for the usage`,
      );
    }
    checkPositionals({ ...args, command });
    const out = args.options.get("--out");
    const fail = (error: unknown) => report(error, io, debug);
    switch (command) {
      case "export": {
        const folder = typeof out === "string" ? out : undefined;
        const csharp = csharpOption(args.options);
        checkExportTargets(args.positionals, folder, io);
        // SIGINT and SIGTERM are caught while the export runs: each file's write is finished or
        // undone, then the command exits 130 or 143 (runFromProcess).
        return await (io.interrupts ?? NO_INTERRUPTS).guard(() =>
          eachFile(args.positionals, (input) => exportCommand(input, folder, io, csharp), io, {
            fail,
            summary: (passed, failed) =>
              `${PROGRAM}: ${countLine(passed, failed, "exported", "failed")}`,
            summaryTo: "stderr",
          }),
        );
      }
      case "check":
        return await eachFile(args.positionals, (input) => checkCommand(input, io), io, {
          fail,
          summary: (passed, failed) =>
            countLine(passed, failed, "without errors", "with errors or unreadable"),
          summaryTo: "stdout",
        });
      case "diff": {
        const values = args.options.get("--values");
        const format = args.options.get("--format");
        const failOn = args.options.get("--fail-on");
        return await diffCommand(
          args.positionals[0] as string,
          args.positionals[1] as string,
          {
            values: typeof values === "string" ? values : undefined,
            format: format === "json" ? "json" : "text",
            failOn: failOn === "exposing" || failOn === "any" ? failOn : "breaking",
          },
          io,
        );
      }
      case "new": {
        const template = args.options.get("--template");
        return await newCommand(
          typeof template === "string" ? template : undefined,
          typeof out === "string" ? out : undefined,
          args.options.has("--force"),
          io,
        );
      }
    }
  } catch (error) {
    return report(error, io, debug);
  }
}

/**
 * `--csharp [--namespace NS]` as the API's `csharp` option (undefined without --csharp). A
 * namespace without --csharp, or one C# cannot take, is a usage error, before anything is read.
 */
function csharpOption(options: ParsedArgs["options"]): CSharpExportOptions | undefined {
  const namespace = options.get("--namespace");
  if (!options.has("--csharp")) {
    if (namespace === undefined) return undefined;
    throw new CliError(
      "option '--namespace' is the C# model's namespace, but --csharp is not given",
      `add --csharp to write <base>.cs, or leave out --namespace; run '${PROGRAM} export --help' for the usage`,
    );
  }
  if (typeof namespace !== "string") return {};
  try {
    checkCSharpNamespace(namespace);
  } catch (error) {
    if (!(error instanceof CredentialDesignerError)) throw error;
    throw new CliError(`option '--namespace': ${error.problem}`, error.fix);
  }
  return { namespace };
}

/** Writes a failure as one line on stderr (and its stack with --debug); returns its exit code. */
function report(error: unknown, io: CliIo, debug: boolean): number {
  if (error instanceof Interrupted) {
    // Not a failure: what the output holds, in one line.
    io.stderr.write(`${PROGRAM}: ${error.describe()}\n`);
    return error.exitCode;
  }
  const failure = inFile(undefined, error);
  io.stderr.write(`${PROGRAM}: ${failure.message}\n`);
  if (debug) io.stderr.write(`${stackOf(failure.cause ?? failure)}\n`);
  return failure.exitCode;
}

async function commandHelp(command: CommandName): Promise<string> {
  if (command !== "new") return commandUsageText(command);
  const templates = await listTemplates();
  return commandUsageText(
    command,
    `Templates: ${templates.length > 0 ? templates.join(", ") : "(none yet)"}`,
  );
}

function stackOf(error: unknown): string {
  const lines: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current !== undefined && depth < 5; depth++) {
    lines.push(current instanceof Error ? (current.stack ?? String(current)) : String(current));
    current = current instanceof Error ? current.cause : undefined;
    if (current !== undefined) lines.push("Caused by:");
  }
  return lines.join("\n");
}

/**
 * For test/cli/export-interrupted.test.ts only, not for users: moments (`swap:committed`…) at
 * which an export pauses until a signal comes, saying so on stderr. It adds a wait at a point
 * where a signal is taken anyway; it changes nothing else.
 */
const TEST_PAUSE_VARIABLE = "CREDENTIAL_DESIGNER_TEST_PAUSE_AT";

/** Runs the CLI for this process: arguments, standard streams, working folder, exit code. */
export async function runFromProcess(): Promise<void> {
  // `credential-designer … | head` closes the pipe early: that is not an error.
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw error;
  });
  const pauseAt = process.env[TEST_PAUSE_VARIABLE];
  const interrupts = processInterrupts(
    process,
    pauseAt
      ? {
          moments: pauseAt.split(","),
          trace: (line) => process.stderr.write(`${TEST_PAUSE_VARIABLE}: ${line}\n`),
        }
      : undefined,
  );
  const code = await main(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    cwd: process.cwd(),
    interrupts,
  });
  // After a signal, work that was abandoned (a schema being generated) must not keep the process.
  if (interrupts.signalled() !== undefined) process.exit(code);
  process.exitCode = code;
}
