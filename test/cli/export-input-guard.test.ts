import fs from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeEach, expect, it, vi } from "vitest";
import { lines, listing, runMain, tempDir } from "../support/cli.ts";
import { GOOD_TEXT } from "./fixtures.ts";

// An exporter whose `<base>.schema.json` differs from the input: it must not replace the input.
vi.mock("../../src/export/index.ts", () => ({
  exportFiles: async (_schema: unknown, base: string) => [
    { name: `${base}.ts`, contents: "export {};\n" },
    { name: `${base}.schema.json`, contents: '{ "type": "string" }\n' },
  ],
}));

let dir: string;
beforeEach(async () => {
  dir = await tempDir();
  await fs.writeFile(path.join(dir, "connector.schema.json"), GOOD_TEXT);
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

it("refuses to replace the input file with a different schema, writing nothing", async () => {
  const before = await listing(dir);
  const result = await runMain(["export", "connector.schema.json"], dir);
  expect(result.code).toBe(2);
  expect(result.stdout).toBe("");
  expect(lines(result.stderr)).toEqual([
    "credential-designer: connector.schema.json: the export would replace the input schema file with a different schema. Write the export into another folder with --out.",
  ]);
  expect(await listing(dir)).toEqual(before);
  expect((await runMain(["export", "connector.schema.json", "--out", "out"], dir)).code).toBe(0);
});
