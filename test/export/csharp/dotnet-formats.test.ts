import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, test } from "vitest";
import {
  AJV_FORMATS_BYTE,
  AJV_FORMATS_URI,
  CSHARP_FORMATS,
  formatCheck,
} from "../../../src/export/csharp/dotnet-formats.ts";
import { SUPPORTED_FORMATS } from "../../../src/export/validator.ts";
import { SchemaProblem } from "../../../src/json/problem.ts";

const at = "/properties/endpoint/format";

function refusal(format: string): SchemaProblem {
  try {
    formatCheck(format, at);
  } catch (error) {
    if (error instanceof SchemaProblem) return error;
    throw error;
  }
  throw new Error(`expected a refusal of ${format}`);
}

describe("formatCheck", () => {
  test("checks the formats the issue asks for, and more of ajv-formats'", () => {
    for (const format of [
      "uri",
      "uri-reference",
      "email",
      "hostname",
      "ipv4",
      "ipv6",
      "uuid",
      "date",
      "time",
      "date-time",
    ]) {
      expect(CSHARP_FORMATS).toContain(format);
    }
    // Every C# format is one the exported validator knows.
    for (const format of CSHARP_FORMATS) expect(SUPPORTED_FORMATS).toContain(format);
  });

  test("gives each format its own method, and helpers named after it", () => {
    const methods = CSHARP_FORMATS.map((format) => formatCheck(format, at).method);
    expect(new Set(methods).size).toBe(methods.length);
    expect(formatCheck("date-time", at).method).toBe("IsDateTime");
    expect(formatCheck("date-time", at).source).toContain(
      "private static bool IsDateTimeFullDate(",
    );
    for (const format of CSHARP_FORMATS) {
      const { method, source } = formatCheck(format, at);
      expect(source).toContain(`internal static bool ${method}(string value)`);
      expect(source).toMatch(/^(private static readonly .*\n\n)?\/\/\/ <summary>/);
      for (const [, name] of source.matchAll(
        /private static (?:readonly )?[\w.]+(?:\[\])? (\w+)/g,
      )) {
        expect(name?.startsWith(method)).toBe(true);
      }
    }
  });

  test("writes the regular expression formats with the pattern translator", () => {
    const email = formatCheck("email", at).source;
    // `i` without `u`: both ASCII cases, no other letter.
    expect(email).toContain(
      "private static readonly System.Text.RegularExpressions.Regex IsEmailRegex = new System.Text.RegularExpressions.Regex(@\"^[!#-'*+\\u002D/-9=?A-Z\\u005E-~]+(?:\\.",
    );
    expect(email).toContain("\\z");
  });

  test("refuses `regex`, `url`, the number formats and unknown ones, naming what it checks", () => {
    const regex = refusal("regex");
    expect(regex.pointer).toBe(at);
    expect(regex.problem).toMatch(/"regex" has no C# check: .*JavaScript regular expression/);
    for (const name of ["date-time", "uri, uri-reference", "email", "hostname", "uuid"]) {
      expect(regex.fix).toContain(name);
    }
    expect(refusal("url").problem).toMatch(/`iu` flags/);
    expect(refusal("int32").problem).toMatch(/numbers, not strings/);
    expect(refusal("color").problem).toMatch(/not one of the formats the exported validator knows/);
    expect(refusal("__proto__").problem).toMatch(/not one of the formats/);
  });

  test("keeps ajv-formats' own URI and base64 expressions (not exported by it)", () => {
    const file = readFileSync(
      createRequire(import.meta.url).resolve("ajv-formats/dist/formats.js"),
      "utf8",
    );
    expect(file).toContain(`const URI = ${AJV_FORMATS_URI.toString()};`);
    expect(file).toContain(`const BYTE = ${AJV_FORMATS_BYTE.toString()}gm;`);
  });
});
