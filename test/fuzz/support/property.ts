import fc from "fast-check";
import { type CaseOutcome, fuzzFailures, type Runner, runCase, runInProcess } from "./cli-run.ts";
import { type Mutant, mutant } from "./mutant.ts";

/** The own property names of the built-in prototypes: a mutant must never add to them. */
function prototypeNames(): string {
  return [Object.prototype, Array.prototype, Function.prototype, String.prototype]
    .map((prototype) => Object.getOwnPropertyNames(prototype).sort().join(","))
    .join("|");
}

/** A fuzz case's verdict: the rules it broke, in short sentences (none: it held). */
export async function judge(
  input: Mutant,
  run: Runner = runInProcess,
): Promise<{ outcome: CaseOutcome; failures: string[] }> {
  const before = prototypeNames();
  const outcome = await runCase(input, run);
  const failures = fuzzFailures(outcome);
  if (prototypeNames() !== before)
    failures.push("prototype pollution: a built-in prototype changed");
  return { outcome, failures };
}

/**
 * The property of issue 18: for every mutant of a template, check, export and diff exit 0, 1 or
 * 2, with at most one short refusal line, no stack trace, nothing left behind, and check agreeing
 * with export. A failure throws the broken rules; fast-check adds the (shrunk) mutant and seed.
 */
export const cliProperty = (run: Runner = runInProcess) =>
  fc.asyncProperty(mutant, async (input) => {
    const { failures } = await judge(input, run);
    if (failures.length > 0) throw new Error(failures.join("\n"));
  });

/**
 * A failed run in a few lines: the rules broken, the shrunk mutant and how to replay it (empty
 * when the run passed).
 */
export function reportOf(result: fc.RunDetails<[Mutant]>): string {
  if (!result.failed) return "";
  const broken =
    result.errorInstance instanceof Error
      ? result.errorInstance.message
      : String(result.errorInstance);
  return [
    `Broken after ${result.numRuns} runs (seed ${result.seed}, path ${result.counterexamplePath}, shrunk ${result.numShrinks} times):`,
    broken,
    `Mutant: ${result.counterexample ? String(result.counterexample[0]) : "(none)"}`,
    `Replay: npm run fuzz -- --seed ${result.seed} --path ${result.counterexamplePath}`,
  ].join("\n");
}
