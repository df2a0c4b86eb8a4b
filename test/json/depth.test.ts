import { describe, expect, it } from "vitest";
import { MAX_NESTING_DEPTH, nestingDepthProblem } from "../../src/json/depth.ts";
import { readSchemaSource } from "../../src/schema/read-source.ts";

const arrays = (levels: number): unknown => {
  let value: unknown = [];
  for (let i = 1; i < levels; i++) value = [value];
  return value;
};

describe("nestingDepthProblem: an iterative measure of JSON nesting", () => {
  it("takes the limit and refuses one level more", () => {
    expect(nestingDepthProblem(arrays(MAX_NESTING_DEPTH))).toBeUndefined();
    const problem = nestingDepthProblem(arrays(MAX_NESTING_DEPTH + 1));
    expect(problem?.problem).toContain(`${MAX_NESTING_DEPTH + 1} levels`);
    expect(problem?.problem).toContain(`more than the ${MAX_NESTING_DEPTH}`);
  });

  it("scalars and shallow values pass; it looks inside unknown keywords and values", () => {
    expect(nestingDepthProblem(1)).toBeUndefined();
    expect(nestingDepthProblem(null)).toBeUndefined();
    expect(nestingDepthProblem({ type: "object", "x-a": { b: [1, { c: 2 }] } })).toBeUndefined();
    const problem = nestingDepthProblem({ type: "object", "x-vendor": arrays(10) }, 5);
    expect(problem?.problem).toMatch(
      /11 levels .*under \/x-vendor\/0\/0\/0\/0\), more than the 5 /,
    );
  });

  it("measures 200,000 levels without recursion, and quotes a short place", () => {
    const problem = nestingDepthProblem(arrays(200_000));
    expect(problem?.problem).toContain("200,000 levels");
    expect(problem!.message.length).toBeLessThan(300);
  });

  it("readSchemaSource refuses a deep text before any walk (JSON and the envelope alike)", () => {
    const deep = "[".repeat(5_000) + "]".repeat(5_000);
    expect(() =>
      readSchemaSource(
        `{"connectionSpecification":{"x-a":${deep}}}`,
        { format: "json", label: "spec.json" },
        () => null,
      ),
    ).toThrow(/nested too deeply: 5,002 levels/);
  });
});
