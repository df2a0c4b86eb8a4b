import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { diffSchemas } from "../../src/diff/index.ts";
import { checkSavedValues, compileSavedValuesCheck } from "../../src/diff/saved-values.ts";
import { credentialSchema } from "../schema/credential-schema-arbitrary.ts";
import { mutate, mutation } from "./support/mutations.ts";
import { windowSchema } from "./support/schemas.ts";
import { savedValue } from "./support/values.ts";

/** A schema, the next version of it after 1–3 edits, and values saved against the first. */
const versions = windowSchema.chain((before) =>
  fc.record({
    before: fc.constant(before),
    edits: fc.array(mutation, { minLength: 1, maxLength: 3 }),
    saved: fc.array(savedValue(before), { minLength: 1, maxLength: 6 }),
  }),
);

describe("diff properties", () => {
  it("a schema compared with itself has no changes", () => {
    fc.assert(
      fc.property(fc.oneof(windowSchema, credentialSchema), (schema) => {
        expect(diffSchemas(schema, structuredClone(schema))).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it("when no change is breaking, every value valid under the old schema is valid under the new one", () => {
    let compatibleRuns = 0;
    fc.assert(
      fc.property(versions, ({ before, edits, saved }) => {
        const after = mutate(before, edits);
        const changes = diffSchemas(before, after);
        const oldCheck = compileSavedValuesCheck(before);
        const valid = saved.filter((value) => oldCheck(value).length === 0);
        if (changes.some((change) => change.class === "breaking")) return;
        compatibleRuns++;
        const newCheck = compileSavedValuesCheck(after);
        for (const value of valid) {
          expect(newCheck(value), JSON.stringify({ changes, value, after })).toEqual([]);
        }
      }),
      { numRuns: 400 },
    );
    // The property is only worth something if compatible edits were actually tried.
    expect(compatibleRuns).toBeGreaterThan(50);
  });

  it("a saved value that breaks is explained by a listed breaking change", () => {
    fc.assert(
      fc.property(versions, ({ before, edits, saved }) => {
        const after = mutate(before, edits);
        const changes = diffSchemas(before, after);
        const oldCheck = compileSavedValuesCheck(before);
        const valid = saved.filter((value) => oldCheck(value).length === 0);
        for (const result of checkSavedValues(compileSavedValuesCheck(after), changes, valid)) {
          for (const problem of result.problems) {
            expect(
              problem.changes.length,
              JSON.stringify({ problem, changes, after }),
            ).toBeGreaterThan(0);
            for (const index of problem.changes) expect(changes[index]!.class).toBe("breaking");
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it("is deterministic", () => {
    fc.assert(
      fc.property(versions, ({ before, edits }) => {
        const after = mutate(before, edits);
        expect(diffSchemas(structuredClone(before), structuredClone(after))).toEqual(
          diffSchemas(before, after),
        );
      }),
      { numRuns: 100 },
    );
  });
});
