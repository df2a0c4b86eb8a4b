import { isDeepStrictEqual as nodeIsDeepStrictEqual } from "node:util";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isDeepStrictEqual } from "../../src/designer/export/worker-shims/util.ts";

/** JSON values with own "__proto__" and "constructor" keys now and then, as schemas may have. */
const json = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    fc.constantFrom(null, true, false, 0, -0, 1, "", "a"),
    fc.integer(),
    fc.string({ maxLength: 3 }),
    tie("array"),
    tie("object"),
  ),
  array: fc.array(tie("value"), { maxLength: 3 }),
  object: fc.dictionary(fc.constantFrom("a", "b", "__proto__", "constructor", "1"), tie("value"), {
    maxKeys: 3,
  }),
})).value;

describe("the export worker's stand-in for node:util", () => {
  it("isDeepStrictEqual agrees with Node's on JSON values (what json-schema-to-typescript compares)", () => {
    fc.assert(
      fc.property(json, json, (a, b) => {
        expect(isDeepStrictEqual(a, b)).toBe(nodeIsDeepStrictEqual(a, b));
        const copy = JSON.parse(JSON.stringify(a));
        expect(isDeepStrictEqual(a, copy)).toBe(nodeIsDeepStrictEqual(a, copy));
      }),
      { numRuns: 3000 },
    );
  });

  it("treats objects with the same keys in another order as equal, as Node does", () => {
    const a = { x: 1, y: [1, { z: 2 }] };
    const b = { y: [1, { z: 2 }], x: 1 };
    expect(isDeepStrictEqual(a, b)).toBe(true);
    expect(nodeIsDeepStrictEqual(a, b)).toBe(true);
    expect(isDeepStrictEqual({ a: [1] }, { a: { 0: 1 } })).toBe(false);
  });
});
