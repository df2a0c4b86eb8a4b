import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type CaseOutcome, fuzzFailures, type RunResult } from "./support/cli-run.ts";
import { mutant } from "./support/mutant.ts";
import { applyMutations } from "./support/mutations.ts";
import { buildValue, stringifyDeep } from "./support/values.ts";

/** The fuzz test's own parts: each rule catches what it is for, and the mutants are what they say. */

const ok = (stdout = ""): RunResult => ({ code: 0, stdout, stderr: "" });
const passing: CaseOutcome = {
  results: {
    check: ok("window.json: no problems found\n"),
    export: ok("out/window.schema.json\nout/window.ts\n"),
    diff: ok(),
    diffValues: ok(),
  },
  afterExport: ["out/", "out/window.schema.json", "out/window.ts", "template.json", "window.json"],
  outFiles: ["window.schema.json", "window.ts"],
  inputsUnchanged: true,
};
const with_ = (change: Partial<CaseOutcome>): CaseOutcome => ({ ...passing, ...change });
const refused = (line: string): RunResult => ({ code: 2, stdout: "", stderr: `${line}\n` });

describe("fuzzFailures: each of issue 18's rules", () => {
  it("holds for a passing case", () => {
    expect(fuzzFailures(passing)).toEqual([]);
  });

  it("catches exit 70, a stack trace, two refusal lines and a long line", () => {
    const bug = {
      code: 70,
      stdout: "",
      stderr: "credential-designer: window.json: internal error (TypeError: x)\n",
    };
    expect(fuzzFailures(with_({ results: { ...passing.results, diff: bug } }))).toEqual([
      expect.stringMatching(/^diff: exit 70/),
      expect.stringMatching(/^diff: a bug's words/),
    ]);
    const twice = refused("credential-designer: a.\ncredential-designer: b.");
    expect(fuzzFailures(with_({ results: { ...passing.results, diff: twice } }))).toEqual([
      expect.stringMatching(/^diff: exit 2 with 2 refusal lines/),
    ]);
    const long = ok(`${"x".repeat(1_001)}\n`);
    expect(fuzzFailures(with_({ results: { ...passing.results, diff: long } }))).toEqual([
      expect.stringMatching(/^diff: a stdout line too long: 1001 characters/),
    ]);
  });

  it("catches a leftover temporary folder and files left by a refused export", () => {
    const exported = refused("credential-designer: window.json:/type: bad. Fix it.");
    const check = { code: 1, stdout: "window.json:/type: error: bad\n", stderr: "" };
    expect(
      fuzzFailures(
        with_({
          results: { ...passing.results, check, export: exported },
          afterExport: ["out/", "out/.credential-designer-tmp-x/", "out/window.ts"],
          outFiles: ["window.ts"],
        }),
      ),
    ).toEqual([
      expect.stringMatching(/^export: left a temporary folder/),
      expect.stringMatching(/^export: refused but left files in out\//),
    ]);
  });

  it("catches check and export disagreeing, and a refusal at a place check did not name", () => {
    const exported = refused("credential-designer: window.json:/a: bad. Fix it.");
    const nothing = { afterExport: [], outFiles: undefined };
    expect(
      fuzzFailures(with_({ ...nothing, results: { ...passing.results, export: exported } })),
    ).toEqual([expect.stringMatching(/^check passed, export refused/)]);
    const check = { code: 1, stdout: "window.json:/b: error: bad\n", stderr: "" };
    expect(fuzzFailures(with_({ results: { ...passing.results, check } }))).toEqual([
      expect.stringMatching(/^check found errors, export wrote files/),
    ]);
    expect(
      fuzzFailures(with_({ ...nothing, results: { ...passing.results, check, export: exported } })),
    ).toEqual([expect.stringMatching(/^export refused at a place where check found no error/)]);
  });
});

describe("the mutators", () => {
  it("nest past any stack: 100,000 levels are built and written without recursion", () => {
    const value = buildValue({ nest: "array", levels: 100_000, leaf: 1 });
    const text = stringifyDeep(value);
    expect(text).toBe(`${"[".repeat(100_000)}1${"]".repeat(100_000)}`);
  });

  it("write __proto__ as an own key, never as a prototype", () => {
    const document = applyMutations({ type: "object", properties: {} }, [
      {
        op: "field",
        at: 0,
        key: { json: "__proto__" },
        value: { json: { type: "string" } },
        required: true,
      },
    ]);
    expect(stringifyDeep(document)).toBe(
      '{"type":"object","properties":{"__proto__":{"type":"string"}},"required":["__proto__"]}',
    );
    expect(({} as Record<string, unknown>).type).toBeUndefined();
  });

  it("each mutant writes a file and prints in a few lines", () => {
    for (const sample of fc.sample(mutant, { seed: 1, numRuns: 50 })) {
      expect(sample.bytes.length).toBeGreaterThan(0);
      expect(String(sample).length).toBeLessThan(3_000);
    }
  });
});
