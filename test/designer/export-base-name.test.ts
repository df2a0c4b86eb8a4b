import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  DEFAULT_BASE_NAME,
  exportBaseName,
  exportFileNames,
} from "../../src/designer/export/base-name.ts";
import { exportFiles } from "../../src/export/index.ts";

/** The rule `exportFiles` applies to a base name (src/export/index.ts checkBaseName). */
const VALID_BASE_NAME = /^[\p{L}\p{N}_][\p{L}\p{N}_.-]{0,99}$/u;

describe("the base name of the exported files, from the design's title", () => {
  it.each([
    ["REST API", "rest-api"],
    ["  OAuth 2.0 — client credentials  ", "oauth-2-0-client-credentials"],
    ["Café Crème", "café-crème"],
    ["Cafe\u0301", "café"], // a decomposed accent is composed into its letter
    ["Ｆｕｌｌｗｉｄｔｈ", "fullwidth"],
    ["Zugangsdaten für Ü-Bahn", "zugangsdaten-für-ü-bahn"],
    ["接続設定", "接続設定"],
    ["my_api.v2", "my-api-v2"],
    ["../../etc/passwd", "etc-passwd"],
    ["<script>alert(1)</script>", "script-alert-1-script"],
    ["***", DEFAULT_BASE_NAME],
    ["", DEFAULT_BASE_NAME],
    [undefined, DEFAULT_BASE_NAME],
    [42, DEFAULT_BASE_NAME],
  ])("%j → %j", (title, expected) => {
    expect(exportBaseName(title)).toBe(expected);
  });

  it("is cut to 100 characters, never ending with a dash", () => {
    const name = exportBaseName(`${"a".repeat(99)} b`);
    expect(name).toBe("a".repeat(99));
    expect(Array.from(exportBaseName("é".repeat(300)))).toHaveLength(100);
  });

  it("is always a base name exportFiles accepts, whatever the title", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: "grapheme", maxLength: 150 }),
          fc.string({ unit: "binary", maxLength: 150 }),
        ),
        (title) => {
          const name = exportBaseName(title);
          expect(name).toMatch(VALID_BASE_NAME);
          expect(name.endsWith(".")).toBe(false);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("is accepted by exportFiles itself, and names the files as exportFiles does", async () => {
    const baseName = exportBaseName("Zugangsdaten für Ü-Bahn");
    const files = await exportFiles(
      {
        $schema: "http://json-schema.org/draft-07/schema#",
        title: "Zugangsdaten für Ü-Bahn",
        type: "object",
        properties: { host: { type: "string" } },
      },
      baseName,
    );
    expect(files.map((file) => file.name)).toEqual(exportFileNames(baseName));
  });
});
