import fc from "fast-check";
import { PROPERTY_SEED } from "./property-seed.ts";

/**
 * Vitest setup file (vitest.config.ts): every fast-check property of the run starts from the
 * run's seed (test/support/property-seed.ts) unless the test names its own.
 */
fc.configureGlobal({ ...fc.readConfigureGlobal(), seed: PROPERTY_SEED });
// vitest.config.ts has made `random` one number for the run (and printed it); if a file is run
// without it, its own draw is printed here.
if (process.env.PROPERTY_SEED === "random") console.log(`PROPERTY_SEED=${PROPERTY_SEED}`);
