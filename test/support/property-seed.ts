/**
 * The seed of the property tests (fast-check) of a run. `npm test` uses a fixed one, so a run's
 * verdict does not depend on the day: CI gives the verdict a fresh clone gave before it, and a
 * failure is replayed by running the tests again. To explore, set PROPERTY_SEED: `random` (a new
 * seed, printed) or a number (one printed by a failure, to replay it).
 */

/** `npm test`'s seed: any fixed number would do. */
const FIXED_SEED = 20_261_203;

function seedOfRun(): number {
  const asked = process.env.PROPERTY_SEED;
  if (asked === undefined || asked === "") return FIXED_SEED;
  if (asked === "random") return Math.floor(Math.random() * 2 ** 31);
  const seed = Number(asked);
  if (!Number.isSafeInteger(seed)) {
    throw new Error(
      `PROPERTY_SEED is "${asked}": set it to "random" or to a whole number such as one a failure printed`,
    );
  }
  return seed;
}

/**
 * Turns PROPERTY_SEED=random into one number for the whole run, and returns it (undefined when
 * PROPERTY_SEED is not `random`). vitest.config.ts calls it in Vitest's main process, before the
 * test files' processes start: they inherit the variable, so every file of the run uses the same
 * seed, and setting PROPERTY_SEED to it replays the run. (Drawn in each file instead, as
 * seedOfRun would, every file had a seed of its own.)
 */
export function drawSeedOfRun(): number | undefined {
  if (process.env.PROPERTY_SEED !== "random") return undefined;
  const seed = Math.floor(Math.random() * 2 ** 31);
  process.env.PROPERTY_SEED = String(seed);
  return seed;
}

/** The run's seed (the same in every test file of the run). */
export const PROPERTY_SEED = seedOfRun();

/** The seed a test uses, its own variable first (e.g. PATTERN_SEED, to replay only that test). */
export function propertySeed(variable: string): number {
  const own = process.env[variable];
  if (own !== undefined && own !== "") {
    const seed = Number(own);
    if (!Number.isSafeInteger(seed)) throw new Error(`${variable} is "${own}": set a whole number`);
    return seed;
  }
  return PROPERTY_SEED;
}
