import fs from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeEach, expect, it, vi } from "vitest";
import type { Finding } from "../../src/check/index.ts";
import { lines, runMain, tempDir } from "../support/cli.ts";
import { GOOD_TEXT } from "./fixtures.ts";

// The output format and exit code of `check`, with the checker's findings under the test's control.
const findings = vi.hoisted(() => ({ current: [] as Finding[] }));
vi.mock("../../src/check/check-design.ts", () => ({ checkDesign: async () => findings.current }));

let dir: string;
beforeEach(async () => {
  dir = await tempDir();
  await fs.writeFile(path.join(dir, "schema.json"), GOOD_TEXT);
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

it("no findings: a summary line, exit 0", async () => {
  findings.current = [];
  expect(await runMain(["check", "schema.json"], dir)).toEqual({
    code: 0,
    stdout: "schema.json: no problems found\n",
    stderr: "",
  });
});

it("warnings alone: exit 0", async () => {
  findings.current = [
    {
      rule: "title",
      severity: "warning",
      pointer: "",
      message: "the schema has no title",
      fix: "add a title",
    },
    {
      rule: "describe",
      severity: "warning",
      pointer: "/properties/a~1b",
      message: "the field has no description.",
      fix: "Add one.",
    },
  ];
  const result = await runMain(["check", "schema.json"], dir);
  expect(result.code).toBe(0);
  expect(result.stderr).toBe("");
  expect(lines(result.stdout)).toEqual([
    "schema.json:/: warning: the schema has no title. Add a title.",
    "schema.json:/properties/a~1b: warning: the field has no description. Add one.",
    "schema.json: 0 errors, 2 warnings",
  ]);
});

it("an error: exit 1, findings on stdout as FILE:POINTER: SEVERITY: MESSAGE. FIX", async () => {
  findings.current = [
    {
      rule: "secret-default",
      severity: "error",
      pointer: "/properties/password/default",
      message: "a secret field has a default\nvalue",
      fix: "remove the default",
    },
    {
      rule: "title",
      severity: "warning",
      pointer: "",
      message: "the schema has no title",
      fix: "add a title",
    },
  ];
  const result = await runMain(["check", "schema.json"], dir);
  expect(result.code).toBe(1);
  expect(result.stderr).toBe("");
  expect(lines(result.stdout)).toEqual([
    "schema.json:/properties/password/default: error: a secret field has a default value. Remove the default.",
    "schema.json:/: warning: the schema has no title. Add a title.",
    "schema.json: 1 error, 1 warning",
  ]);
});
