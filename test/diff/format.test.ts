import { describe, expect, it } from "vitest";
import {
  type Change,
  type DiffReport,
  diffSchemas,
  type FailOn,
  fails,
  formatJson,
  formatText,
} from "../../src/diff/index.ts";

const text = { type: "string" };
const before = {
  type: "object",
  properties: { url: { type: "string", title: "URL" }, token: { type: "string", writeOnly: true } },
};
const after = {
  type: "object",
  properties: { url: { type: "string", title: "Base URL" }, token: text, region: text },
  required: ["region"],
};

describe("text", () => {
  it("is a table, a row per change, then one summary line", () => {
    const output = formatText({
      oldFile: "v1.json",
      newFile: "v2.json",
      failOn: "breaking",
      changes: diffSchemas(before, after),
    });
    expect(output.split("\n")).toEqual([
      "CLASS       RULE                  FIELD    POINTER                CHANGE",
      'compatible  text-changed          /url     /properties/url/title  The "title" of the field "url" (Base URL) changed from "URL" to "Base URL".',
      'exposing    secret-exposed        /token   /properties/token      The field "token" is no longer secret ("writeOnly" removed): forms show its saved value in clear text, and it may be read back and logged.',
      'breaking    required-field-added  /region  /properties/region     The field "region" is new, required and has no default: saved credentials, which lack it, no longer validate.',
      "",
      "3 changes: 1 breaking, 1 exposing, 1 compatible. --fail-on breaking: failed.",
      "",
    ]);
  });

  it("says so when nothing changed, and puts a hint under its row", () => {
    expect(
      formatText({ oldFile: "a.json", newFile: "b.json", failOn: "breaking", changes: [] }),
    ).toBe(
      "No changes from a.json to b.json.\n\n0 changes: 0 breaking, 0 exposing, 0 compatible. --fail-on breaking: passed.\n",
    );
    const renamed = diffSchemas(
      { type: "object", properties: { api_key: text } },
      { type: "object", properties: { apiKey: text } },
    );
    const lines = formatText({
      oldFile: "a.json",
      newFile: "b.json",
      failOn: "any",
      changes: renamed,
    }).split("\n");
    expect(lines[2]).toMatch(/^ {20,}Hint: Looks renamed to the field "apiKey"/);
    expect(lines.at(-2)).toBe(
      "2 changes: 0 breaking, 0 exposing, 2 compatible. --fail-on any: failed.",
    );
  });

  it("escapes control characters from keys, titles and patterns, so that a row stays one line", () => {
    const changes = diffSchemas(
      { type: "object", properties: { a: { type: "string", title: "x" } } },
      { type: "object", properties: { a: { type: "string", title: "line\nbreak" } } },
    );
    const output = formatText({
      oldFile: "a.json",
      newFile: "b.json",
      failOn: "breaking",
      changes,
    });
    expect(output.split("\n")).toHaveLength(5);
  });
});

describe("json", () => {
  it("has the files, the threshold, the verdict, counts by class and the changes", () => {
    const changes = diffSchemas(before, after);
    const body = JSON.parse(
      formatJson({ oldFile: "v1.json", newFile: "v2.json", failOn: "exposing", changes }),
    );
    expect(body).toEqual({
      old: "v1.json",
      new: "v2.json",
      failOn: "exposing",
      failed: true,
      summary: { breaking: 1, exposing: 1, compatible: 1 },
      changes: JSON.parse(JSON.stringify(changes)),
    });
    expect(Object.keys(body.changes[0]).sort()).toEqual([
      "class",
      "field",
      "keyword",
      "message",
      "new",
      "old",
      "pointer",
      "pointerIn",
      "rule",
    ]);
  });
});

describe("--fail-on levels nest", () => {
  const only = (cls: Change["class"]): Change[] => [
    { rule: "x", class: cls, pointer: "", pointerIn: "new", field: "", message: "m" },
  ];
  it.each([
    ["breaking", "breaking", true],
    ["breaking", "exposing", false],
    ["breaking", "compatible", false],
    ["exposing", "breaking", true],
    ["exposing", "exposing", true],
    ["exposing", "compatible", false],
    ["any", "compatible", true],
    ["any", "exposing", true],
  ] as Array<[FailOn, Change["class"], boolean]>)(
    "--fail-on %s with a %s change fails: %s",
    (failOn, cls, expected) => {
      expect(fails({ oldFile: "a", newFile: "b", failOn, changes: only(cls) })).toBe(expected);
    },
  );

  it("a saved value that no longer validates fails every level, even with no change", () => {
    const report: DiffReport = {
      oldFile: "a",
      newFile: "b",
      failOn: "breaking",
      changes: [],
      values: { file: "s", results: [{ index: 0, valid: false, problems: [] }] },
    };
    for (const failOn of ["breaking", "exposing", "any"] as const)
      expect(fails({ ...report, failOn })).toBe(true);
    expect(
      fails({
        ...report,
        values: { file: "s", results: [{ index: 0, valid: true, problems: [] }] },
      }),
    ).toBe(false);
  });
});
