import fs from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { lines, listing, runMain, tempDir } from "../support/cli.ts";

/**
 * Issue 18, point 5 and the cases of its "Why", through the command line: whatever the input
 * holds (a megabyte format, a kilobyte key, a place hundreds of levels down, a file cut short
 * 400 levels deep, `$ref`-shaped values), every line the command writes stays short, and
 * export's refusal names the same place as check's error. Found by the fuzz test (test/fuzz/).
 */

/** The bound the fuzz test holds every line to (test/fuzz/support/cli-run.ts). */
const MAX_LINE = 1_000;

let dir: string;
beforeEach(async () => {
  dir = await tempDir();
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function write(name: string, text: string): Promise<string> {
  await fs.writeFile(path.join(dir, name), text);
  return name;
}

function expectShortLines(text: string) {
  for (const line of lines(text)) expect(line.length).toBeLessThanOrEqual(MAX_LINE);
}

/** check finds an error, export refuses at the same place in one short line, writing nothing. */
async function expectRefusedAlike(file: string): Promise<string> {
  const check = await runMain(["check", file], dir);
  expect(check.code, check.stderr).toBe(1);
  expectShortLines(check.stdout);
  const before = await listing(dir);
  const exported = await runMain(["export", file, "--out", "out"], dir);
  expect(exported.code).toBe(2);
  const [refusal, ...rest] = lines(exported.stderr);
  expect(rest).toEqual([]);
  expect(refusal!.length).toBeLessThanOrEqual(MAX_LINE);
  const place = /^credential-designer: [^:]+:(\S+): /.exec(refusal!)?.[1];
  expect(check.stdout).toContain(`${file}:${place}: error: `);
  expect(await listing(dir)).toEqual(before);
  return refusal!;
}

describe("every line stays short, whatever the input", () => {
  it("an unknown format of 1 MB is quoted as an excerpt with its length", async () => {
    const file = await write(
      "w.json",
      JSON.stringify({
        type: "object",
        properties: { a: { type: "string", format: "f".repeat(1_048_576) } },
      }),
    );
    const refusal = await expectRefusedAlike(file);
    expect(refusal).toContain(`"${"f".repeat(60)}"… (1,048,576 characters)`);
  });

  it("a field under a 100,000-character key: the place and the name are cut", async () => {
    const key = "k".repeat(100_000);
    const file = await write(
      "w.json",
      JSON.stringify({
        type: "object",
        properties: { [key]: { type: "string", pattern: "([a-z]" } },
      }),
    );
    const refusal = await expectRefusedAlike(file);
    expect(refusal).toContain(`w.json:/properties/${"k".repeat(30)}…/pattern: `);
    expect(refusal).toContain("(100,000 characters)");
    const old = await write("old.json", JSON.stringify({ type: "object", properties: {} }));
    const fine = await write(
      "fine.json",
      JSON.stringify({ type: "object", properties: { [key]: { type: "string" } } }),
    );
    const diff = await runMain(["diff", old, fine], dir);
    expect(diff.code, diff.stderr).toBe(0);
    expectShortLines(diff.stdout);
    expect(diff.stdout).toContain("field-added");
  });

  it("an error 200 levels down: the place keeps its first and last tokens", async () => {
    let schema: object = { type: "string", pattern: "([a-z]" };
    for (let i = 0; i < 200; i++) schema = { anyOf: [schema] };
    const file = await write(
      "w.json",
      JSON.stringify({ type: "object", properties: { a: schema } }),
    );
    const refusal = await expectRefusedAlike(file);
    expect(refusal).toContain("w.json:/properties/a/anyOf/…/anyOf/0/pattern: ");
  });

  it("diff names a change 300 levels of additionalProperties down in a short line", async () => {
    const nested = (type: string) => {
      let schema: object = { type };
      for (let i = 0; i < 300; i++) schema = { type: "object", additionalProperties: schema };
      return JSON.stringify(schema);
    };
    const old = await write("old.json", nested("string"));
    const changed = await write("new.json", nested("integer"));
    const diff = await runMain(["diff", old, changed], dir);
    expect(diff.code, diff.stderr).toBe(1);
    expect(diff.stdout).toMatch(/breaking {2}type-/);
    expectShortLines(diff.stdout);
  });

  it("a wrong type of 100,000 characters is quoted as an excerpt", async () => {
    const file = await write("w.json", JSON.stringify({ type: "x".repeat(100_000) }));
    const check = await runMain(["check", file], dir);
    expectShortLines(check.stdout);
    const exported = await runMain(["export", file, "--out", "out"], dir);
    expect(exported.code).toBe(2);
    expect(lines(exported.stderr)).toEqual([expect.stringContaining("(100,000 characters)")]);
    expectShortLines(exported.stderr);
  });

  it("a file cut short 400 levels deep: says how many brackets are open, not all of them", async () => {
    const file = await write("w.json", `{"x-deep":${"[".repeat(400)}`);
    for (const command of [
      ["check", file],
      ["export", file, "--out", "out"],
    ]) {
      const result = await runMain(command, dir);
      expect(result.code).toBe(2);
      const [line, ...rest] = lines(result.stderr);
      expect(rest).toEqual([]);
      expect(line).toContain(`close what is still open with the 401 brackets "${"]".repeat(24)}…"`);
      expect(line!.length).toBeLessThanOrEqual(MAX_LINE);
    }
  });

  it("a key 100,000 characters long past the depth limit is cut in the refusal", async () => {
    const key = "k".repeat(100_000);
    const file = await write(
      "w.json",
      `{"properties":{"${key}":${"[".repeat(500)}${"]".repeat(500)}}}`,
    );
    const result = await runMain(["check", file], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("nested too deeply");
    expectShortLines(result.stderr);
  });
});

describe("$ref-shaped values are values, through the command line", () => {
  for (const schema of [
    { type: "object", properties: { a: { const: { $ref: "#/x" } } } },
    { type: "object", properties: { a: { enum: [{ $ref: "#" }] } } },
    {
      type: "object",
      properties: { a: { const: { $ref: "#/properties/b" } }, b: { type: "integer" } },
    },
  ]) {
    it(`${JSON.stringify(schema.properties.a)}: check passes, export writes the literal`, async () => {
      const file = await write("w.json", JSON.stringify(schema));
      const check = await runMain(["check", file], dir);
      expect(check.code, check.stdout + check.stderr).toBe(0);
      const exported = await runMain(["export", file, "--out", "out"], dir);
      expect(exported.code, exported.stderr).toBe(0);
      const bindings = await fs.readFile(path.join(dir, "out", "w.ts"), "utf8");
      expect(bindings).toMatch(/\$ref/);
    });
  }
});

describe("more values the fuzz test found quoted in full", () => {
  it('a "$schema" of 1,000 characters is quoted as an excerpt', async () => {
    const file = await write(
      "w.json",
      JSON.stringify({ $schema: "a".repeat(1_000), type: "object" }),
    );
    const refusal = await expectRefusedAlike(file);
    expect(refusal).toContain(`"$schema": "${"a".repeat(60)}"… (1,000 characters)`);
  });

  it("a $ref of 1,000 characters is quoted as an excerpt", async () => {
    const file = await write("w.json", JSON.stringify({ $ref: "a".repeat(1_000), type: "object" }));
    const refusal = await expectRefusedAlike(file);
    expect(refusal).toContain(`"${"a".repeat(60)}"… (1,000 characters)`);
  });
});
