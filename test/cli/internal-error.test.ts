import fs from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeEach, expect, it, vi } from "vitest";
import { lines, listing, runMain, tempDir } from "../support/cli.ts";
import { GOOD_TEXT } from "./fixtures.ts";

// A bug in a module the CLI calls: the checker throws something that is not a SchemaProblem.
vi.mock("../../src/check/check-design.ts", () => ({
  checkDesign: async () => {
    throw new TypeError("Cannot read properties of undefined (reading 'type')");
  },
}));

let dir: string;
beforeEach(async () => {
  dir = await tempDir();
  await fs.writeFile(path.join(dir, "schema.json"), GOOD_TEXT);
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

it("an internal error is one line naming the file, exit 70, a stack trace only with --debug", async () => {
  const before = await listing(dir);
  const result = await runMain(["check", "schema.json"], dir);
  expect(result.code).toBe(70);
  expect(lines(result.stderr)).toEqual([
    "credential-designer: schema.json: internal error (TypeError: Cannot read properties of undefined (reading 'type')). This is a bug: run again with --debug to see the stack trace, and report it.",
  ]);
  expect(await listing(dir)).toEqual(before);

  const debug = await runMain(["check", "schema.json", "--debug"], dir);
  expect(debug.code).toBe(70);
  expect(debug.stderr).toMatch(/TypeError: Cannot read properties.*\n\s+at /);
});
