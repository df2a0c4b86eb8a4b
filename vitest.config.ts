import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";
import { drawSeedOfRun } from "./test/support/property-seed.ts";

// PROPERTY_SEED=random: one seed for the run's property tests, printed first (CONTRIBUTING.md).
const drawnSeed = drawSeedOfRun();
if (drawnSeed !== undefined) console.log(`PROPERTY_SEED=${drawnSeed} (replay the run with it)`);

/**
 * Three projects, all run by `npm test` (`vitest run`):
 * - unit: everything under test/ except the browser tests, in parallel;
 * - component: React component tests (the .test.tsx files) in happy-dom;
 * - e2e: test/e2e, in a real headless Chromium against a Vite dev server, one file at a time;
 *   its globalSetup (test/support/e2e-global-setup.ts), run only when e2e files are, builds the
 *   designer once for the tests of the built page.
 * Run one with `npx vitest run --project unit` (or e2e).
 *
 * The unit and component files run in one worker per core: Vitest's default (one core fewer)
 * leaves half of a 2-core CI machine idle, the main process being mostly idle while they run.
 * The e2e files then run alone, one at a time, so the browser is not slowed by other tests.
 */
export default defineConfig({
  test: {
    maxWorkers: availableParallelism(),
    // expect.poll waits for a condition; its default limit of 1 s is shorter than a busy 2-core
    // machine may take (a page's first import, a browser under load). It still ends once it holds.
    expect: { poll: { timeout: 10_000 } },
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["test/**/*.test.ts"],
          setupFiles: ["test/support/property-seed-setup.ts"],
          exclude: ["test/e2e/**", "**/node_modules/**"],
          // A guard against a hang, not a measure: the longest property tests take 10 s at rest
          // and near 30 s on a loaded 2-core machine.
          testTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: "component",
          include: ["test/**/*.test.tsx"],
          setupFiles: ["test/support/property-seed-setup.ts", "test/support/component-setup.ts"],
          exclude: ["test/e2e/**", "**/node_modules/**"],
          environment: "happy-dom",
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: "e2e",
          include: ["test/e2e/**/*.test.ts"],
          globalSetup: ["test/support/e2e-global-setup.ts"],
          fileParallelism: false,
          testTimeout: 60_000,
          // Launching Chromium the first time may unpack it (@sparticuz/chromium) first.
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
