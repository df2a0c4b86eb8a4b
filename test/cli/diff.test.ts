import fs from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { JsonObject } from "../../src/json/value.ts";
import { lines, listing, type RunResult, runBin, runMain, tempDir } from "../support/cli.ts";
import { BROKEN_INPUTS, GOOD_SCHEMA, GOOD_TEXT, SECRET } from "./fixtures.ts";

let dir: string;
beforeEach(async () => {
  dir = await tempDir();
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function write(name: string, value: unknown): Promise<void> {
  await fs.writeFile(
    path.join(dir, name),
    typeof value === "string" ? value : `${JSON.stringify(value, null, 2)}\n`,
  );
}

/** GOOD_SCHEMA with its properties edited. */
function edited(
  edit: (properties: Record<string, JsonObject>, schema: JsonObject) => void,
): JsonObject {
  const schema = structuredClone(GOOD_SCHEMA);
  edit(schema.properties as Record<string, JsonObject>, schema);
  return schema;
}

const TEXT_ONLY = edited((properties) => void (properties.username!.title = "Login"));
const EXPOSING = edited((properties) => void delete properties.password!.writeOnly);
const BREAKING = edited((properties, schema) => {
  properties.region = { type: "string", title: "Region", enum: ["eu", "us"] };
  schema.required = [...(schema.required as string[]), "region"];
});

/** One line on stderr in the documented shape, nothing on stdout, no secret. */
function expectOneLineFailure(result: RunResult, pattern: RegExp): void {
  expect(result.code, result.stderr).toBe(2);
  expect(result.stdout).toBe("");
  expect(lines(result.stderr)).toHaveLength(1);
  expect(result.stderr).toMatch(/^credential-designer: .+\. .+\.\n$/);
  expect(result.stderr).toMatch(pattern);
  expect(result.stderr).not.toContain(SECRET);
}

describe("diff: exit codes follow --fail-on", () => {
  beforeEach(async () => {
    await write("v1.json", GOOD_TEXT);
    await write("same.json", GOOD_SCHEMA);
    await write("text.json", TEXT_ONLY);
    await write("exposing.json", EXPOSING);
    await write("breaking.json", BREAKING);
  });

  it.each([
    ["same.json", [], 0],
    ["same.json", ["--fail-on", "any"], 0],
    ["text.json", [], 0],
    ["text.json", ["--fail-on", "exposing"], 0],
    ["text.json", ["--fail-on", "any"], 1],
    ["exposing.json", [], 0],
    ["exposing.json", ["--fail-on=exposing"], 1],
    ["exposing.json", ["--fail-on", "any"], 1],
    ["breaking.json", [], 1],
    ["breaking.json", ["--fail-on", "breaking"], 1],
    ["breaking.json", ["--fail-on", "exposing"], 1],
  ])("v1.json -> %s %j exits with %i", async (next, options, code) => {
    const result = await runMain(["diff", "v1.json", next, ...options], dir);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(code);
    expect(lines(result.stdout).at(-1)).toMatch(
      new RegExp(`--fail-on (breaking|exposing|any): ${code === 0 ? "passed" : "failed"}\\.$`),
    );
  });

  it("prints a table by default, and nothing changes on disk", async () => {
    const before = await listing(dir);
    const result = await runMain(["diff", "v1.json", "breaking.json"], dir);
    expect(lines(result.stdout)).toEqual([
      "CLASS     RULE                  FIELD    POINTER             CHANGE",
      'breaking  required-field-added  /region  /properties/region  The field "region" (Region) is new, required and has no default: saved credentials, which lack it, no longer validate.',
      "",
      "1 change: 1 breaking, 0 exposing, 0 compatible. --fail-on breaking: failed.",
    ]);
    expect(await listing(dir)).toEqual(before);
  });

  it("says so when nothing changed", async () => {
    const result = await runMain(["diff", "v1.json", "same.json"], dir);
    expect(lines(result.stdout)[0]).toBe("No changes from v1.json to same.json.");
  });

  it("--format json: the shape tools read", async () => {
    const result = await runMain(
      ["diff", "v1.json", "exposing.json", "--format", "json", "--fail-on", "exposing"],
      dir,
    );
    expect(result.code).toBe(1);
    const body = JSON.parse(result.stdout);
    expect(body).toEqual({
      old: "v1.json",
      new: "exposing.json",
      failOn: "exposing",
      failed: true,
      summary: { breaking: 0, exposing: 1, compatible: 0 },
      changes: [
        {
          rule: "secret-exposed",
          class: "exposing",
          pointer: "/properties/password",
          pointerIn: "new",
          field: "/password",
          keyword: "writeOnly",
          old: true,
          message: expect.stringMatching(/^The field "password" \(Password\) is no longer secret/),
        },
      ],
    });
  });

  it("runs as the real command", async () => {
    const result = await runBin(["diff", "v1.json", "breaking.json", "--format", "json"], dir);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout).summary).toEqual({ breaking: 1, exposing: 0, compatible: 0 });
  });
});

describe("diff --values", () => {
  const saved = [
    { baseUrl: "https://api.example.com", username: "ann", password: SECRET, region: "eu" },
    { baseUrl: "https://api.example.com", username: "bob", password: SECRET },
  ];

  beforeEach(async () => {
    await write("v1.json", GOOD_TEXT);
    await write("v2.json", BREAKING);
    await write("saved.json", saved);
  });

  it("says which saved values still validate and which change breaks the others, never printing a value", async () => {
    const result = await runMain(["diff", "v1.json", "v2.json", "--values", "saved.json"], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe("");
    const output = lines(result.stdout);
    expect(output).toContain(
      "Saved values in saved.json: 1 of 2 still validate, 1 no longer does:",
    );
    expect(output).toContain(
      "  [1] /region: is missing, and the new version requires it (caused by required-field-added at /properties/region)",
    );
    expect(result.stdout).not.toContain(SECRET);
  });

  it("--format json lists every value with its problems and the changes that explain them", async () => {
    const result = await runMain(
      ["diff", "v1.json", "v2.json", "--values", "saved.json", "--format", "json"],
      dir,
    );
    const body = JSON.parse(result.stdout);
    expect(body.values).toEqual({
      file: "saved.json",
      total: 2,
      invalid: 1,
      results: [
        { index: 0, valid: true, problems: [] },
        {
          index: 1,
          valid: false,
          problems: [
            {
              field: "/region",
              keyword: "required",
              message: "is missing, and the new version requires it",
              changes: [0],
            },
          ],
        },
      ],
    });
    expect(result.stdout).not.toContain(SECRET);
  });

  it("a saved value that no longer validates fails the run even when no change is breaking", async () => {
    await write("broken-saved.json", { baseUrl: "not a url", username: "ann", password: SECRET });
    const result = await runMain(
      ["diff", "v1.json", "v1.json", "--values", "broken-saved.json"],
      dir,
    );
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      '[0] /baseUrl: must match format "uri" (no listed change explains it: it may not have been valid before either)',
    );
    expect(result.stdout).not.toContain(SECRET);
  });

  it("a broken values file is one line with line:column, and its contents are never quoted", async () => {
    const text = JSON.stringify(saved, null, 2);
    await write("truncated.json", text.slice(0, text.indexOf(SECRET) + 6));
    expectOneLineFailure(
      await runMain(["diff", "v1.json", "v2.json", "--values", "truncated.json"], dir),
      /^credential-designer: truncated\.json:\d+:\d+: /,
    );
    await write("scalar.json", JSON.stringify(SECRET));
    expectOneLineFailure(
      await runMain(["diff", "v1.json", "v2.json", "--values", "scalar.json"], dir),
      /^credential-designer: scalar\.json:\/: the file holds a string, not saved credentials\. Give one saved credentials object, or an array of them\.\n$/,
    );
    expectOneLineFailure(
      await runMain(["diff", "v1.json", "v2.json", "--values", "missing.json"], dir),
      /^credential-designer: missing\.json: no such file\./,
    );
  });

  it("refuses a new schema that cannot be run on saved values safely, naming it", async () => {
    await write(
      "unsafe.json",
      edited((properties) => void (properties.username!.pattern = "^(a+)+$")),
    );
    expectOneLineFailure(
      await runMain(["diff", "v1.json", "unsafe.json", "--values", "saved.json"], dir),
      /^credential-designer: unsafe\.json:\/properties\/username(\/pattern)?: /,
    );
    // Without --values nothing is run: the change is listed, as not provably looser.
    const result = await runMain(["diff", "v1.json", "unsafe.json"], dir);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("pattern-tightened");
  });
});

describe("diff: bad input is one line, as for export", () => {
  const IMPORT_REFUSED = BROKEN_INPUTS.filter((input) => !/pattern/.test(input.name));

  it.each(IMPORT_REFUSED)("old or new: $name", async ({ text, place, problem }) => {
    await write("good.json", GOOD_TEXT);
    await fs.writeFile(path.join(dir, "broken.json"), text);
    for (const argv of [
      ["diff", "broken.json", "good.json"],
      ["diff", "good.json", "broken.json"],
    ]) {
      const result = await runMain(argv, dir);
      expectOneLineFailure(result, /^credential-designer: broken\.json:/);
      const [, where, message] =
        /^credential-designer: broken\.json:(\S+): (.*)$/.exec(lines(result.stderr)[0]!) ?? [];
      expect(where).toMatch(place);
      expect(message).toMatch(problem);
    }
  });

  it.each([
    [
      "no files",
      ["diff"],
      /'diff' needs the old\.json file to read\. Write diff <old\.json> <new\.json>/,
    ],
    ["one file", ["diff", "a.json"], /'diff' needs the new\.json file to read/],
    [
      "three files",
      ["diff", "a.json", "b.json", "c.json"],
      /unexpected argument 'c\.json' for 'diff'\. Give the old\.json and new\.json files;/,
    ],
    [
      "a format it does not know",
      ["diff", "a.json", "b.json", "--format", "yaml"],
      /option '--format' takes text, json, not 'yaml'\. Write --format text\|json; run 'credential-designer diff --help'/,
    ],
    [
      "a typo in a level",
      ["diff", "a.json", "b.json", "--fail-on", "breakin"],
      /option '--fail-on' takes breaking, exposing, any, not 'breakin'\. Did you mean 'breaking'\?/,
    ],
    [
      "a level without its value",
      ["diff", "a.json", "b.json", "--fail-on"],
      /option '--fail-on' needs a value \(LEVEL\)\. Write --fail-on breaking\|exposing\|any/,
    ],
    [
      "a missing file",
      ["diff", "a.json", "b.json"],
      /^credential-designer: a\.json: no such file\./,
    ],
  ])("%s", async (_name, argv, pattern) => {
    expectOneLineFailure(await runMain(argv, dir), pattern);
  });

  it("--help explains the classes and the --fail-on levels", async () => {
    const result = await runMain(["diff", "--help"], dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /^Usage: credential-designer diff <old\.json> <new\.json> \[--values FILE\] \[--format text\|json\] \[--fail-on LEVEL\]\n/,
    );
    expect(result.stdout).toMatch(/exposing {2}exit 1 on a breaking or an exposing change/);
    expect(result.stdout).toMatch(/--fail-on breaking\|exposing\|any/);
    expect((await runMain(["--help"], dir)).stdout).toMatch(/\n {2}diff <old\.json> <new\.json>/);
  });
});
