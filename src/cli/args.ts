import { DEFAULT_CSHARP_NAMESPACE } from "../api/export.ts";
import { editDistance } from "../schema/edit-distance.ts";
import { CliError, PROGRAM } from "./errors.ts";

export type CommandName = "export" | "check" | "diff" | "new";

interface OptionSpec {
  /** Takes a value (`--out DIR` or `--out=DIR`). */
  value?: string;
  /** The only values it takes, when they are a fixed list. */
  choices?: readonly string[];
  description: string;
}

interface CommandSpec {
  summary: string;
  /** Positional arguments, in order; all required. */
  positionals: string[];
  /** The last positional may be given more than once (several schemas). */
  repeats?: boolean;
  options: Record<string, OptionSpec>;
  usage: string;
  details: string;
}

export const COMMANDS: Record<CommandName, CommandSpec> = {
  export: {
    summary: "write the exported files (typed bindings, precompiled validator…) for a schema",
    positionals: ["schema.json"],
    repeats: true,
    options: {
      "--out": {
        value: "DIR",
        description: "folder to write into (default: the schema file's folder; created if missing)",
      },
      "--csharp": {
        description: "also write <base>.cs, the C# credential model for .NET adapters",
      },
      "--namespace": {
        value: "NS",
        description: `the C# model's namespace, a dotted name (with --csharp; default: ${DEFAULT_CSHARP_NAMESPACE})`,
      },
    },
    usage: `${PROGRAM} export <schema.json>... [--out DIR] [--csharp [--namespace NS]]`,
    details: [
      "The files are named after the schema file: foo.json, foo.schema.json or foo.yaml gives foo.*;",
      "a connector's spec.json, spec.yaml or manifest.yaml is named after its connector's folder.",
      "Reads .json, .yaml and .yml; the credential window of an Airbyte spec.json or low-code",
      "manifest.yaml (one line on stderr says which part was read). Writes JSON.",
      "All files are written, or none: on any problem the output folder is left as it was.",
      "Interrupted (Ctrl-C, SIGTERM), it keeps the old files, or completes the new ones if it had",
      "begun to put them in place, and exits 130 or 143; the next export into a folder that a",
      "hard kill left half-written completes or undoes that export first.",
      "Prints the paths of the written files.",
      "Several schemas are exported one after another, each all or nothing: one that fails is",
      "named on stderr and the others' files stay; a last line on stderr says how many were",
      "exported, and the exit code is the gravest of theirs. Two schemas that would write the",
      "same files into one folder are refused before anything is written.",
      "With --csharp each schema also gives <base>.cs (C# 6, Newtonsoft.Json and DataAnnotations):",
      "one class per group, one per auth method, FromJson, Validate() equal to the validator's",
      "verdict, ToString() with secrets masked. A schema the C# model cannot express exactly is",
      "refused (at its place, with how to fix it), as any other problem: none of its files are written.",
    ].join("\n"),
  },
  check: {
    summary: "report errors and warnings in a schema",
    positionals: ["schema.json"],
    repeats: true,
    options: {},
    usage: `${PROGRAM} check <schema.json>...`,
    details: [
      "Prints each finding as FILE:POINTER: SEVERITY: MESSAGE. FIX, all of them in one run.",
      "An error is what export would refuse; everything else is a warning.",
      "Reads .json, .yaml and .yml; the credential window of an Airbyte spec.json or low-code",
      "manifest.yaml (one line on stderr says which part was read).",
      "Exits with 1 if there is an error, 0 if there are only warnings or none, 2 if the file is",
      "not JSON or YAML.",
      "Several schemas are checked one after another; a last line says how many have no errors.",
      "Exits with 2 if one could not be read, else 1 if one has an error.",
    ].join("\n"),
  },
  diff: {
    summary:
      "list what changed between two versions of a schema, and what it does to saved credentials",
    positionals: ["old.json", "new.json"],
    options: {
      "--values": {
        value: "FILE",
        description: "saved credentials (one object, or an array) to check against the new schema",
      },
      "--format": {
        value: "FORMAT",
        choices: ["text", "json"],
        description: "text: a table (default); json: for tools",
      },
      "--fail-on": {
        value: "LEVEL",
        choices: ["breaking", "exposing", "any"],
        description: "exit with 1 when a change at this level is found (default: breaking)",
      },
    },
    usage: `${PROGRAM} diff <old.json> <new.json> [--values FILE] [--format text|json] [--fail-on LEVEL]`,
    details: [
      "Each change has a class, for credentials users saved against the old schema:",
      "  breaking    saved values may no longer validate (a new required field without a default,",
      "              a narrower type, a removed enum value or auth method, a tighter pattern or limit…)",
      "  exposing    a secret may be shown or shipped (its writeOnly or airbyte_secret removed,",
      "              a secret got a default)",
      "  compatible  every saved value still validates (a new optional field, looser rules, text…)",
      "A changed pattern counts as breaking unless it is proven to match everything the old one did.",
      "A missing field that has a default is given it (except inside an option of a choice), as when",
      "the connector fills in defaults. A rename shows as a removal plus an addition, with a hint.",
      "",
      "--fail-on sets the exit code for a release gate; the levels nest:",
      "  breaking  exit 1 on a breaking change (the default)",
      "  exposing  exit 1 on a breaking or an exposing change",
      "  any       exit 1 on any change at all",
      "With --values, a saved value that no longer validates counts as breaking. Saved values and",
      "secrets are never printed: messages name the field, not its value.",
      "Exits with 0 when nothing reaches the level, 1 when something does, 2 for a usage or input error.",
    ].join("\n"),
  },
  new: {
    summary: "start a schema from a template",
    positionals: [],
    options: {
      "--template": { value: "NAME", description: "the template to start from (required)" },
      "--out": {
        value: "FILE",
        description: "file to write (default: ./NAME.json; a folder means FOLDER/NAME.json)",
      },
      "--force": { description: "replace FILE if it exists" },
    },
    usage: `${PROGRAM} new --template NAME [--out FILE] [--force]`,
    details: "Refuses to replace an existing file unless --force is given.",
  },
};

const GLOBAL_OPTIONS: Record<string, OptionSpec> = {
  "--help": { description: `show help (also: ${PROGRAM} <command> --help)` },
  "--version": { description: "show the version" },
  "--debug": { description: "show the stack trace of a failure" },
};
const ALIASES: Record<string, string> = {
  "-h": "--help",
  "-v": "--version",
  "-V": "--version",
  "-o": "--out",
  "-f": "--force",
  "-t": "--template",
};

/** Command lines longer than this in the command list put their summary on the next line. */
const SUMMARY_COLUMN = 44;

export interface ParsedArgs {
  command: CommandName | undefined;
  positionals: string[];
  options: Map<string, string | true>;
  help: boolean;
  version: boolean;
  debug: boolean;
}

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const flags = argv
    .slice(0, argv.includes("--") ? argv.indexOf("--") : argv.length)
    .map((arg) => ALIASES[arg] ?? arg);
  const parsed: ParsedArgs = {
    command: undefined,
    positionals: [],
    options: new Map(),
    help: flags.includes("--help"),
    version: flags.includes("--version"),
    debug: flags.includes("--debug"),
  };
  // With --help or --version, a mistake elsewhere on the line does not stop the help from showing.
  const lenient = parsed.help || parsed.version;
  let onlyPositionals = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (onlyPositionals || arg === "-" || !arg.startsWith("-")) {
      if (parsed.command) {
        parsed.positionals.push(arg);
      } else if (isCommand(arg)) {
        parsed.command = arg;
      } else if (!lenient) {
        const suggestion = closest(arg, Object.keys(COMMANDS));
        throw new CliError(
          `unknown command '${arg}'`,
          afterSuggestion(
            suggestion,
            `the commands are ${Object.keys(COMMANDS).join(", ")}; run '${PROGRAM} --help' for more`,
          ),
        );
      }
      continue;
    }
    if (arg === "--") {
      onlyPositionals = true;
      continue;
    }
    const eq = arg.startsWith("--") ? arg.indexOf("=") : -1;
    const rawName = eq > 0 ? arg.slice(0, eq) : arg;
    const name = ALIASES[rawName] ?? rawName;
    if (Object.hasOwn(GLOBAL_OPTIONS, name)) {
      if (eq > 0 && !lenient)
        throw usageError(
          `option '${rawName}' does not take a value`,
          `write ${rawName} alone`,
          parsed.command,
        );
      continue;
    }
    const spec = parsed.command ? optionSpec(parsed.command, name) : undefined;
    if (!spec) {
      if (lenient) continue;
      throw unknownOption(rawName, parsed.command);
    }
    if (parsed.options.has(name) && !lenient)
      throw usageError(`option '${name}' is given twice`, `give '${name}' once`, parsed.command);
    if (!spec.value) {
      if (eq > 0 && !lenient)
        throw usageError(
          `option '${name}' does not take a value`,
          `write ${name} alone`,
          parsed.command,
        );
      parsed.options.set(name, true);
      continue;
    }
    let value: string | undefined;
    if (eq > 0) {
      value = arg.slice(eq + 1);
    } else {
      const next = argv[i + 1];
      if (next !== undefined && (next === "-" || !next.startsWith("-"))) {
        value = next;
        i++;
      }
    }
    if (value === undefined || value === "") {
      if (lenient) continue;
      throw usageError(
        `option '${name}' needs a value (${spec.value})`,
        `write ${name} ${spec.choices ? spec.choices.join("|") : spec.value}`,
        parsed.command,
      );
    }
    if (spec.choices && !spec.choices.includes(value)) {
      if (lenient) continue;
      const suggestion = closest(value, [...spec.choices]);
      throw usageError(
        `option '${name}' takes ${spec.choices.join(", ")}, not '${value}'`,
        afterSuggestion(suggestion, `write ${name} ${spec.choices.join("|")}`),
        parsed.command,
      );
    }
    parsed.options.set(name, value);
  }
  return parsed;
}

/** Checks the positionals of a parsed command line (not needed for --help / --version). */
export function checkPositionals(parsed: ParsedArgs & { command: CommandName }): void {
  const spec = COMMANDS[parsed.command];
  const missing = spec.positionals[parsed.positionals.length];
  if (missing !== undefined) {
    throw usageError(
      `'${parsed.command}' needs the ${missing} file to read`,
      `write ${spec.usage.replace(`${PROGRAM} `, "")}`,
      parsed.command,
    );
  }
  if (parsed.positionals.length > spec.positionals.length && !spec.repeats) {
    const extra = parsed.positionals[spec.positionals.length] as string;
    const expected =
      spec.positionals.length === 1
        ? `one ${spec.positionals[0]} file`
        : `the ${spec.positionals.join(" and ")} files`;
    throw usageError(
      `unexpected argument '${extra}' for '${parsed.command}'`,
      spec.positionals.length ? `give ${expected}; usage: ${spec.usage}` : `usage: ${spec.usage}`,
      parsed.command,
    );
  }
}

export function usageText(): string {
  const commandLines = Object.values(COMMANDS).map((spec) => spec.usage.slice(PROGRAM.length + 1));
  const width = Math.max(
    ...commandLines.filter((line) => line.length <= SUMMARY_COLUMN).map((line) => line.length),
  );
  const lines = [
    `Usage: ${PROGRAM} <command> [options]`,
    "",
    "Design the credential window of an integration connector: a JSON Schema (draft-07).",
    "",
    "Commands:",
    ...Object.values(COMMANDS).map((spec, index) => {
      const line = commandLines[index]!;
      return line.length <= width
        ? `  ${line.padEnd(width)}  ${spec.summary}`
        : `  ${line}\n  ${"".padEnd(width)}  ${spec.summary}`;
    }),
    "",
    "Options:",
    `  -h, --help     show help (also: ${PROGRAM} <command> --help)`,
    "  -v, --version  show the version",
    "  --debug        show the stack trace of a failure",
    "",
    "Exit codes: 0 success; 1 check found an error, or diff found a change at its --fail-on level; 2 invalid usage or input (nothing is written); 130, 143 export interrupted by SIGINT, SIGTERM.",
    "Every failure is one line on stderr: FILE:PLACE: what is wrong. How to fix it.",
    "PLACE is a JSON pointer into the schema (e.g. /properties/token) or LINE:COLUMN in the file.",
  ];
  return `${lines.join("\n")}\n`;
}

export function commandUsageText(command: CommandName, extra = ""): string {
  const spec = COMMANDS[command];
  const options = Object.entries(spec.options).map(
    ([name, option]) =>
      [
        option.value ? `${name} ${option.choices ? option.choices.join("|") : option.value}` : name,
        option.description,
      ] as const,
  );
  options.push(["--debug", "show the stack trace of a failure"], ["-h, --help", "show this help"]);
  const width = Math.max(...options.map(([name]) => name.length));
  const lines = [
    `Usage: ${spec.usage}`,
    "",
    `${spec.summary.charAt(0).toUpperCase()}${spec.summary.slice(1)}.`,
    spec.details,
    "",
    "Options:",
    ...options.map(([name, description]) => `  ${name.padEnd(width)}  ${description}`),
  ];
  if (extra) lines.push("", extra);
  return `${lines.join("\n")}\n`;
}

function isCommand(name: string): name is CommandName {
  return Object.hasOwn(COMMANDS, name);
}

function optionSpec(command: CommandName, name: string): OptionSpec | undefined {
  const { options } = COMMANDS[command];
  return Object.hasOwn(options, name) ? options[name] : undefined;
}

function usageError(problem: string, fix: string, command: CommandName | undefined): CliError {
  return new CliError(
    problem,
    `${fix}; run '${PROGRAM}${command ? ` ${command}` : ""} --help' for the usage`,
  );
}

function unknownOption(name: string, command: CommandName | undefined): CliError {
  if (!command) {
    const owners = (Object.keys(COMMANDS) as CommandName[]).filter((candidate) =>
      optionSpec(candidate, ALIASES[name] ?? name),
    );
    if (owners.length > 0) {
      return new CliError(
        `option '${name}' comes before the command`,
        `write it after the command, e.g. ${COMMANDS[owners[0] as CommandName].usage}`,
      );
    }
    return new CliError(
      `unknown option '${name}'`,
      `run '${PROGRAM} --help' for the commands and options`,
    );
  }
  const known = [...Object.keys(COMMANDS[command].options), ...Object.keys(GLOBAL_OPTIONS)];
  const suggestion = closest(name, known);
  return new CliError(
    `unknown option '${name}' for '${command}'`,
    afterSuggestion(suggestion, `run '${PROGRAM} ${command} --help' for its options`),
  );
}

/** "did you mean 'x'? Rest", or just "rest". */
function afterSuggestion(suggestion: string | undefined, rest: string): string {
  return suggestion
    ? `did you mean '${suggestion}'? ${rest.charAt(0).toUpperCase()}${rest.slice(1)}`
    : rest;
}

/** The candidate closest to `word` by edit distance, if close enough to be a likely typo. */
function closest(word: string, candidates: string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = editDistance(word.toLowerCase(), candidate);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return bestDistance <= Math.max(1, Math.floor((best?.length ?? 0) / 3)) ? best : undefined;
}
