/**
 * npm run fuzz [-- --runs N] [--seed S] [--path P] [--real N] [--keep-going]
 *
 * Issue 18's fuzz test at length: N mutants of the templates (default 3,000; test/fuzz/support/)
 * through `check`, `export` and `diff` in process, with a new seed each time unless --seed
 * replays one (printed first). For a sample of them (--real, default 40; 0 to skip), the built
 * command (`npm run build:package` first, then bin/credential-designer.cjs as a real process)
 * runs the same four commands on the same files, and must say exactly what the in-process run
 * said. The first broken rule stops the run, is shrunk to a small mutant and printed with the
 * seed and path that replay it (--seed S --path P). --keep-going runs them all instead and
 * lists every broken rule, by kind, with the first mutant that broke it (not shrunk).
 * Exit 0 when every rule held, 1 otherwise.
 */
import { execFile, execFileSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import {
  type CaseOutcome,
  COMMANDS,
  type CommandName,
  type Runner,
  type RunResult,
} from "../test/fuzz/support/cli-run.ts";
import type { Mutant } from "../test/fuzz/support/mutant.ts";
import { mutant } from "../test/fuzz/support/mutant.ts";
import { judge, reportOf } from "../test/fuzz/support/property.ts";
import { bounded } from "../test/fuzz/support/values.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const BIN = path.join(root, "bin", "credential-designer.cjs");

interface Options {
  runs: number;
  seed: number;
  path: string | undefined;
  real: number;
  keepGoing: boolean;
}

function parseOptions(argv: readonly string[]): Options {
  const options: Options = {
    runs: 3_000,
    seed: (Math.random() * 2 ** 31) | 0,
    path: undefined,
    real: 40,
    keepGoing: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    const value = () => {
      const next = argv[++i];
      if (next === undefined) usage(`${flag} needs a value`);
      return next;
    };
    const integer = (text: string) => {
      if (!/^-?\d+$/.test(text)) usage(`${flag} takes a whole number, not "${text}"`);
      return Number(text);
    };
    if (flag === "--runs") options.runs = integer(value());
    else if (flag === "--seed") options.seed = integer(value());
    else if (flag === "--path") options.path = value();
    else if (flag === "--real") options.real = integer(value());
    else if (flag === "--keep-going") options.keepGoing = true;
    else usage(`unknown option ${flag}`);
  }
  return options;
}

function usage(problem: string): never {
  console.error(
    `npm run fuzz: ${problem}. Usage: npm run fuzz -- [--runs N] [--seed S] [--path P] [--real N] [--keep-going]`,
  );
  process.exit(2);
}

/** The built command as a real process, with the same argv and folder. */
const runBuilt: Runner = (argv, cwd) =>
  new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [BIN, ...argv],
      {
        cwd,
        timeout: 120_000,
        maxBuffer: 64 * 1024 * 1024,
        env: { ...process.env, NO_COLOR: "1" },
      },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== "number") reject(error);
        else resolve({ code: typeof error?.code === "number" ? error.code : 0, stdout, stderr });
      },
    );
  });

/** Where the built command said something else than the in-process run, in short lines. */
function disagreements(inProcess: CaseOutcome, built: CaseOutcome): string[] {
  const found: string[] = [];
  for (const name of Object.keys(COMMANDS) as CommandName[]) {
    const a: RunResult = inProcess.results[name];
    const b: RunResult = built.results[name];
    for (const part of ["code", "stdout", "stderr"] as const)
      if (a[part] !== b[part])
        found.push(
          `the built command disagrees on ${name}'s ${part}: in process ${bounded(JSON.stringify(a[part]), 200)}, built ${bounded(JSON.stringify(b[part]), 200)}`,
        );
  }
  return found;
}

const options = parseOptions(process.argv.slice(2));
console.log(
  `npm run fuzz: ${options.runs.toLocaleString("en-US")} runs, seed ${options.seed}${options.path ? `, path ${options.path}` : ""}; the built command on ${options.real} of them`,
);
if (options.real > 0) {
  console.log("building the command (npm run build:package)…");
  execFileSync("npm", ["run", "-s", "build:package"], { cwd: root, stdio: "inherit" });
}

const started = performance.now();
// Which runs also go through the built command: evenly spread over the run.
const realEvery = options.real > 0 ? Math.max(1, Math.floor(options.runs / options.real)) : 0;
let run = 0;
let realRuns = 0;
const findings = new Map<string, { count: number; example: string }>();

const property = fc.asyncProperty(mutant, async (input: Mutant) => {
  run++;
  const { outcome, failures } = await judge(input);
  if (realEvery > 0 && run % realEvery === 0 && realRuns < options.real) {
    realRuns++;
    const built = await judge(input, runBuilt);
    failures.push(...built.failures.map((failure) => `built command: ${failure}`));
    failures.push(...disagreements(outcome, built.outcome));
  }
  if (run % 250 === 0) {
    const seconds = ((performance.now() - started) / 1000).toFixed(0);
    console.log(`  ${run.toLocaleString("en-US")} runs, ${seconds} s`);
  }
  if (failures.length === 0) return;
  if (!options.keepGoing) throw new Error(failures.join("\n"));
  for (const failure of failures) {
    const kind = failure.split(": ").slice(0, 2).join(": ");
    const seen = findings.get(kind);
    if (seen) seen.count++;
    else findings.set(kind, { count: 1, example: `${failure}\n${String(input)}` });
  }
});

const result = await fc.check(property, {
  seed: options.seed,
  numRuns: options.runs,
  ...(options.path !== undefined && { path: options.path }),
});
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(
  `\n${run.toLocaleString("en-US")} runs (the built command on ${realRuns}) in ${seconds} s, seed ${options.seed}`,
);
if (options.keepGoing && !result.failed) {
  for (const [kind, { count, example }] of findings)
    console.log(`\n${count} × ${kind}\n  first: ${example.replace(/\n/g, "\n  ")}`);
  console.log(`\n${findings.size} kinds of broken rules`);
  process.exit(findings.size > 0 ? 1 : 0);
}
if (result.failed) {
  console.log(`\n${reportOf(result)}`);
  process.exit(1);
}
console.log("every rule held");
