import fs from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeEach, expect, it } from "vitest";
import { lines, listing, runMain, tempDir } from "../support/cli.ts";

let dir: string;
beforeEach(async () => {
  dir = await tempDir();
  // `\ud800` is a JSON escape: the file is plain ASCII, JSON.parse gives a lone surrogate.
  await fs.writeFile(path.join(dir, "w.json"), String.raw`{"properties":{"\ud800":{}}}`);
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

it("check finds the lone-surrogate key, export refuses it with exit 2 and writes nothing", async () => {
  const check = await runMain(["check", "w.json"], dir);
  expect(check.code).toBe(1);
  expect(check.stdout).toContain(String.raw`/properties/\ud800`);
  expect(check.stdout).toContain("not valid Unicode");

  const before = await listing(dir);
  const exported = await runMain(["export", "w.json", "--out", "out"], dir);
  expect(exported.code).toBe(2);
  expect(lines(exported.stderr)).toEqual([
    expect.stringMatching(
      /^credential-designer: w\.json:\/properties\/\\ud800: this key is not valid Unicode/,
    ),
  ]);
  expect(await listing(dir)).toEqual(before);
});
