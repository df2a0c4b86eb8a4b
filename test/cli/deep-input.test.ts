import fs from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { MAX_NESTING_DEPTH } from "../../src/json/depth.ts";
import { MAX_EXPORT_DEPTH } from "../../src/schema/export-refusals.ts";
import { lines, listing, runMain, tempDir } from "../support/cli.ts";

/** Issue 18, point 2: deep input is refused before any walk (exit 2, the file named), never exit 70. */

let dir: string;
beforeEach(async () => {
  dir = await tempDir();
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const nestedArrays = (levels: number) => "[".repeat(levels) + "]".repeat(levels);
function nestedProperties(levels: number): string {
  let text = "{}";
  for (let i = 0; i < levels; i++) text = `{"type":"object","properties":{"a":${text}}}`;
  return text;
}
function nestedOneOf(levels: number): string {
  let text = "{}";
  for (let i = 0; i < levels; i++) text = `{"oneOf":[${text}]}`;
  return text;
}
function nestedValue(levels: number): string {
  let text = "1";
  for (let i = 0; i < levels; i++) text = `{"a":${text}}`;
  return text;
}
const SIMPLE = JSON.stringify({ type: "object", properties: { a: { type: "string" } } });

async function write(name: string, text: string): Promise<string> {
  await fs.writeFile(path.join(dir, name), text);
  return name;
}

/** One stderr line, exit 2, naming the file and the limit; bounded length; nothing written. */
async function expectRefused(argv: string[], file: string) {
  const before = await listing(dir);
  const result = await runMain(argv, dir);
  expect(result.code, result.stderr).toBe(2);
  const [line, ...rest] = lines(result.stderr);
  expect(rest).toEqual([]);
  expect(line).toContain(`credential-designer: ${file}:`);
  expect(line).toContain(`nested too deeply`);
  expect(line).toContain(`more than the ${MAX_NESTING_DEPTH}`);
  expect(line!.length).toBeLessThan(400);
  expect(await listing(dir)).toEqual(before);
}

describe("deep input: refused at a documented depth, exit 2, the file named", () => {
  it("export's depth limit is the file limit", () => {
    expect(MAX_EXPORT_DEPTH).toBe(MAX_NESTING_DEPTH);
  });

  const schemas: Array<[string, string]> = [
    [
      "2,500 nested arrays inside an x- keyword",
      `{"type":"object","x-foo":${nestedArrays(2_500)}}`,
    ],
    ["nested properties 3,000 levels deep", nestedProperties(3_000)],
    ["a nested oneOf 1,000 deep", nestedOneOf(1_000)],
    ["a default nested 2,000 deep", `{"type":"object","default":${nestedValue(2_000)}}`],
  ];
  for (const [what, text] of schemas) {
    it(`${what}: check, export and diff refuse it`, async () => {
      const file = await write("deep.json", text);
      await expectRefused(["check", file], file);
      await expectRefused(["export", file, "--out", "out"], file);
      const simple = await write("simple.json", SIMPLE);
      await expectRefused(["diff", simple, file], file);
    }, 60_000);
  }

  it("diff --values with values nested 2,000 deep names the values file", async () => {
    const schema = await write("schema.json", SIMPLE);
    const values = await write("values.json", `{"a":${nestedValue(2_000)}}`);
    await expectRefused(["diff", schema, schema, "--values", values], values);
  }, 60_000);
});

describe("deep input at the limit: every command works", () => {
  const atLimit: Array<[string, string]> = [
    [
      "arrays inside an x- keyword",
      `{"type":"object","x-foo":${nestedArrays(MAX_NESTING_DEPTH - 1)}}`,
    ],
    // Each level of properties is two levels of JSON, of oneOf two as well.
    ["nested properties", nestedProperties(Math.floor((MAX_NESTING_DEPTH - 1) / 2))],
    ["a nested oneOf", nestedOneOf(Math.floor((MAX_NESTING_DEPTH - 1) / 2))],
    ["a nested default", `{"type":"object","default":${nestedValue(MAX_NESTING_DEPTH - 1)}}`],
  ];
  for (const [what, text] of atLimit) {
    it(`${what}: check, export and diff succeed`, async () => {
      const file = await write("deep.json", text);
      const check = await runMain(["check", file], dir);
      expect(check.code, check.stderr).toBe(0);
      const exported = await runMain(["export", file, "--out", "out"], dir);
      expect(exported.code, exported.stderr).toBe(0);
      const diff = await runMain(["diff", file, file], dir);
      expect(diff.code, diff.stderr).toBe(0);
    }, 120_000);
  }

  it("diff --values takes values nested to the limit", async () => {
    const schema = await write("schema.json", '{"type":"object"}');
    const values = await write("values.json", `{"a":${nestedValue(MAX_NESTING_DEPTH - 1)}}`);
    const result = await runMain(["diff", schema, schema, "--values", values], dir);
    expect(result.code, result.stderr).toBe(0);
  }, 60_000);
});
