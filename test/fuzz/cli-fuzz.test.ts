import fc from "fast-check";
import { expect, it } from "vitest";
import { cliProperty, reportOf } from "./support/property.ts";

/**
 * Issue 18's fuzz test, the quick seeded part of `npm test`: a few hundred mutants of the
 * templates (keys, types, nesting, sizes, unicode, `$ref` forms, patterns; test/fuzz/support/)
 * through `check`, `export` and `diff`, in process. `npm run fuzz` runs thousands with a new
 * seed each time, and the built command too (CONTRIBUTING.md). A failure prints the broken
 * rules, the shrunk mutant (in a few lines) and the seed to replay it with.
 */
const SEED = 18_018;
const RUNS = 300;

it(`check, export and diff hold issue 18's rules on ${RUNS} mutants (seed ${SEED})`, async () => {
  const result = await fc.check(cliProperty(), { seed: SEED, numRuns: RUNS });
  expect(reportOf(result), "").toBe("");
}, 300_000);
