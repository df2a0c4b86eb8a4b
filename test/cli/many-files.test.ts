import fs from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { lines, runMain, tempDir } from "../support/cli.ts";
import { GOOD_SCHEMA, GOOD_TEXT } from "./fixtures.ts";

/** A schema the import refuses (a type that draft-07 does not have). */
const REFUSED = JSON.stringify({ type: "object", properties: { a: { type: "strin" } } });
/** A schema that reads, with an error `check` finds (a required property that does not exist). */
// A required key listed twice: export refuses it, so check reports an error.
const WITH_ERROR = JSON.stringify({ ...GOOD_SCHEMA, required: ["baseUrl", "baseUrl"] });

let dir: string;
beforeEach(async () => {
  dir = await tempDir();
  await fs.mkdir(path.join(dir, "sub"));
  await fs.writeFile(path.join(dir, "first.json"), GOOD_TEXT);
  await fs.writeFile(path.join(dir, "sub", "second.schema.json"), GOOD_TEXT);
  await fs.writeFile(path.join(dir, "refused.json"), REFUSED);
  await fs.writeFile(path.join(dir, "not-json.json"), "{nope");
  await fs.writeFile(path.join(dir, "with-error.json"), WITH_ERROR);
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const listOut = async (folder = "out") => (await fs.readdir(path.join(dir, folder))).sort();

describe("export of several schemas", () => {
  it("exports each into --out; one that fails is named on stderr and the others' files stay; a last line counts them", async () => {
    const result = await runMain(
      ["export", "first.json", "refused.json", "sub/second.schema.json", "--out", "out"],
      dir,
    );
    expect(result.code).toBe(2);
    expect(await listOut()).toEqual(
      [
        "first.schema.json",
        "first.ts",
        "first.validate.d.ts",
        "first.validate.js",
        "second.schema.json",
        "second.ts",
        "second.validate.d.ts",
        "second.validate.js",
      ].sort(),
    );
    expect(lines(result.stdout).sort()).toEqual(
      (await listOut()).map((name) => path.join("out", name)),
    );
    const errors = lines(result.stderr);
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatch(
      /^credential-designer: refused\.json:\/properties\/a\/type: .*"strin"/,
    );
    expect(errors[1]).toBe("credential-designer: 2 of 3 schemas exported; failed: refused.json");
  });

  it("all exported: exit 0 and the count", async () => {
    const result = await runMain(["export", "first.json", "sub/second.schema.json"], dir);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe("credential-designer: 2 of 2 schemas exported\n");
    expect(lines(result.stdout)).toHaveLength(8);
    expect((await fs.readdir(path.join(dir, "sub"))).sort()).toContain("second.ts");
  });

  it("refuses, before writing anything, two schemas that would write the same files into one folder", async () => {
    await fs.copyFile(path.join(dir, "first.json"), path.join(dir, "sub", "first.schema.json"));
    const result = await runMain(
      ["export", "first.json", "sub/second.schema.json", "sub/first.schema.json", "--out", "out"],
      dir,
    );
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe(
      "credential-designer: first.json and sub/first.schema.json would both write first.* into the same folder. Export them into different folders (--out) or rename one of them.\n",
    );
    await expect(fs.stat(path.join(dir, "out"))).rejects.toThrow();
    // Into their own folders they do not meet.
    const apart = await runMain(["export", "first.json", "sub/first.schema.json"], dir);
    expect(apart.code).toBe(0);
  });

  it("one schema alone behaves as before: its failure is the only line, with no count", async () => {
    const result = await runMain(["export", "refused.json", "--out", "out"], dir);
    expect(result.code).toBe(2);
    expect(lines(result.stderr)).toHaveLength(1);
    expect(result.stderr).not.toMatch(/schemas exported/);
  });
});

describe("check of several schemas", () => {
  it("checks each in turn; exit 2 when one cannot be read, the last line names those that did not pass", async () => {
    const result = await runMain(
      ["check", "first.json", "with-error.json", "not-json.json", "sub/second.schema.json"],
      dir,
    );
    expect(result.code).toBe(2);
    const out = lines(result.stdout);
    expect(out).toContain("first.json: no problems found");
    expect(out).toContain("sub/second.schema.json: no problems found");
    expect(out.some((line) => /^with-error\.json:\/required\b.*: error: /.test(line))).toBe(true);
    expect(out.at(-1)).toBe(
      "2 of 4 schemas without errors; with errors or unreadable: with-error.json, not-json.json",
    );
    expect(lines(result.stderr)).toEqual([
      'credential-designer: not-json.json:1:2: property names must be in double quotes in JSON. Write "nope".',
    ]);
  });

  it("exit 1 when one has an error and all could be read; 0 when none has", async () => {
    const failing = await runMain(["check", "first.json", "with-error.json"], dir);
    expect(failing.code).toBe(1);
    expect(lines(failing.stdout).at(-1)).toBe(
      "1 of 2 schemas without errors; with errors or unreadable: with-error.json",
    );
    const passing = await runMain(["check", "first.json", "sub/second.schema.json"], dir);
    expect(passing.code).toBe(0);
    expect(lines(passing.stdout).at(-1)).toBe("2 of 2 schemas without errors");
    expect(passing.stderr).toBe("");
  });
});
