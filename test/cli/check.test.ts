import fs from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeEach, expect, it } from "vitest";
import { lines, runMain, tempDir } from "../support/cli.ts";
import { GOOD_SCHEMA, GOOD_TEXT, SECRET } from "./fixtures.ts";

// `check` with the real checker.
let dir: string;
beforeEach(async () => {
  dir = await tempDir();
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

it("a good schema passes", async () => {
  await fs.writeFile(path.join(dir, "good.json"), GOOD_TEXT);
  const result = await runMain(["check", "good.json"], dir);
  expect(result.stderr).toBe("");
  expect(result.code).toBe(0);
  expect(lines(result.stdout).at(-1)).toMatch(
    /^good\.json: (no problems found|0 errors, \d+ warnings?)$/,
  );
});

it("a secret with a default value is an error: exit 1, and the value is not shown", async () => {
  const schema = structuredClone(GOOD_SCHEMA) as {
    properties: Record<string, Record<string, unknown>>;
  };
  (schema.properties.password as Record<string, unknown>).default = SECRET;
  await fs.writeFile(path.join(dir, "leaky.json"), JSON.stringify(schema, null, 2));
  const result = await runMain(["check", "leaky.json"], dir);
  expect(result.stderr).toBe("");
  expect(result.code).toBe(1);
  const output = lines(result.stdout);
  expect(
    output.some((line) =>
      /^leaky\.json:\/properties\/password(\/default)?: error: .+\. .+\.$/.test(line),
    ),
    result.stdout,
  ).toBe(true);
  expect(output.at(-1)).toMatch(/^leaky\.json: [1-9]\d* errors?, \d+ warnings?$/);
  expect(result.stdout).not.toContain(SECRET);
});
