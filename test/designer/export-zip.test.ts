import { readFileSync } from "node:fs";
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { zipContents, zipFiles } from "../../src/designer/export/zip.ts";
import { exportCSharpFile, exportFiles } from "../../src/export/index.ts";
import { SchemaProblem } from "../../src/json/problem.ts";

const TEMPLATE = JSON.parse(
  readFileSync(new URL("../../schemas/rest-adapter.json", import.meta.url), "utf8"),
);

describe("the .zip of the exported files", () => {
  it("holds the four files at its top level, in order, with their exact contents", async () => {
    const files = await exportFiles(TEMPLATE, "rest-api");
    const entries = unzipSync(zipFiles(files));
    expect(Object.keys(entries)).toEqual([
      "rest-api.schema.json",
      "rest-api.ts",
      "rest-api.validate.js",
      "rest-api.validate.d.ts",
    ]);
    for (const file of files) expect(strFromU8(entries[file.name]!)).toBe(file.contents);
  });

  it("holds <base>.cs after the four files, as `export --csharp` writes them", async () => {
    const files = await exportFiles(TEMPLATE, "rest-api");
    const contents = zipContents(
      TEMPLATE,
      "rest-api",
      files,
      exportCSharpFile(TEMPLATE, "rest-api"),
    );
    expect(contents).toEqual(await exportFiles(TEMPLATE, "rest-api", { csharp: {} }));
  });

  it("when C# cannot express the design, holds the four files and a README.txt saying why, where and how to fix it", async () => {
    const files = await exportFiles(TEMPLATE, "rest-api");
    const refusal = new SchemaProblem(
      "/properties/baseUrl/pattern",
      "the pattern uses \\p{Script=Greek}, which .NET cannot match exactly",
      "use explicit character ranges instead",
    );
    const contents = zipContents(TEMPLATE, "rest-api", files, refusal);
    expect(contents.slice(0, 4)).toEqual(files);
    expect(contents.map((file) => file.name)).toEqual([
      ...files.map((file) => file.name),
      "README.txt",
    ]);
    expect(contents[4]!.contents).toBe(
      [
        "rest-api.cs (the C# credential model) is not in this archive: the C# model cannot express this design.",
        "Why: The pattern uses \\p{Script=Greek}, which .NET cannot match exactly.",
        'Where: "Base URL" (/properties/baseUrl/pattern)',
        "How to fix: Use explicit character ranges instead.",
        "The other files are complete: they do not depend on it.",
        "",
      ].join("\n"),
    );
  });

  it("is the same bytes for the same files, at any time and in any time zone", async () => {
    const files = await exportFiles(TEMPLATE, "rest-api");
    const first = zipFiles(files);
    await new Promise((resolve) => setTimeout(resolve, 2100)); // DOS times count in 2-second steps
    expect(Buffer.compare(Buffer.from(zipFiles(files)), Buffer.from(first))).toBe(0);
    const zone = process.env.TZ;
    try {
      for (const tz of ["UTC", "Pacific/Kiritimati", "America/Adak"]) {
        process.env.TZ = tz;
        expect(Buffer.compare(Buffer.from(zipFiles(files)), Buffer.from(first)), tz).toBe(0);
      }
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it("stamps every entry 1980-01-01 00:00 (the first DOS date), as a Unix rw-r--r-- file", () => {
    const zip = zipFiles([
      { name: "a.ts", contents: "x" },
      { name: "ü.json", contents: "{}\n" },
    ]);
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    // Central directory entries: signature 0x02014b50; "version made by" high byte = OS,
    // DOS time at +12 and date at +14, external attributes at +38.
    let found = 0;
    for (let offset = 0; offset + 46 <= zip.length; offset++) {
      if (view.getUint32(offset, true) !== 0x02014b50) continue;
      found++;
      expect(view.getUint8(offset + 5)).toBe(3);
      expect(view.getUint16(offset + 12, true)).toBe(0); // 00:00:00
      expect(view.getUint16(offset + 14, true)).toBe((0 << 9) | (1 << 5) | 1); // 1980-01-01
      expect(view.getUint32(offset + 38, true) >>> 16).toBe(0o644);
    }
    expect(found).toBe(2);
    expect(Object.keys(unzipSync(zip))).toEqual(["a.ts", "ü.json"]);
  });
});
