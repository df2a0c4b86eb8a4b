import { readdirSync, readFileSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  compareSchemaFromBytes,
  designFromBytes,
  designFromFile,
  MAX_IMPORT_BYTES,
  readDesign,
  sizeProblem,
} from "../../src/designer/import/design-from-file.ts";
import { MAX_IMPORT_NODES } from "../../src/designer/import/import-limit.ts";
import { toSchema } from "../../src/schema/to-schema.ts";
import { runMain } from "../support/cli.ts";

const TEMPLATES = new URL("../../schemas/", import.meta.url);
const templates = readdirSync(TEMPLATES)
  .filter((name) => name.endsWith(".json"))
  .sort();

const errorOf = (result: ReturnType<typeof designFromFile>) =>
  "error" in result ? result.error : `imported: ${JSON.stringify(toSchema(result.doc))}`;

describe("designFromFile: a schema file into a design, as the CLI reads it", () => {
  it.each(templates)("reads %s into a design whose schema is the file's", (name) => {
    const text = readFileSync(new URL(name, TEMPLATES), "utf8");
    const result = designFromFile(name, text);
    expect("doc" in result && `${JSON.stringify(toSchema(result.doc), null, 2)}\n`).toBe(text);
  });

  it("broken JSON: the file, line:column, what is wrong and how to fix it", () => {
    expect(
      errorOf(designFromFile("rest-adapter.json", '{\n  "title": "A",\n  "type": "object",,\n}')),
    ).toBe(
      "rest-adapter.json:3:20: expected a property name in double quotes, found ','. Write the property name in double quotes, followed by ':' and its value.",
    );
  });

  it("the wrong shape: the file and the JSON pointer", () => {
    expect(errorOf(designFromFile("list.json", '{"type": "array"}'))).toMatch(
      /^list\.json:\/type: the window's type is "array", but a credential window is an object of fields\. Set "type" to "object"/,
    );
    expect(errorOf(designFromFile("numbers.json", "[1, 2]"))).toMatch(
      /^numbers\.json:\/: the file holds an array, not a schema object\./,
    );
    expect(
      errorOf(designFromFile("bad.json", '{"properties": {"port": {"maximum": "9"}}}')),
    ).toMatch(/^bad\.json:\/properties\/port\/maximum: "maximum" must be a number/);
  });

  it("a file nested past the limit is refused before any walk, naming the file (issue 18)", () => {
    // 1,000 levels of properties (37 KB) used to freeze the tab for a minute, then crash it.
    let text = "{}";
    for (let i = 0; i < 1_000; i++) text = `{"type":"object","properties":{"a":${text}}}`;
    expect(errorOf(designFromFile("deep.json", text))).toMatch(
      /^deep\.json:\/: the file is nested too deeply: 2,001 levels of objects and arrays \(under \/properties\/a\/properties\/a\/properties\/a\/…\), more than the 420 this tool takes\. Flatten it/,
    );
    // YAML the same way, at the same limit: the YAML reader refuses it at its line:column.
    const arrays = "[".repeat(430) + "]".repeat(430);
    expect(errorOf(designFromFile("deep.yaml", `type: object\nx-a: ${arrays}\n`))).toMatch(
      /^deep\.yaml:2:425: the YAML text nests deeper than 420 levels\. Flatten the schema/,
    );
  });

  it("a $ref to another server or file is refused, never fetched", () => {
    expect(
      errorOf(
        designFromFile(
          "remote.json",
          '{"properties": {"a": {"$ref": "https://example.com/a.json"}}}',
        ),
      ),
    ).toMatch(
      /^remote\.json:\/properties\/a\/\$ref: the \$ref refers to "https:\/\/example\.com\/a\.json" on another server, which is never fetched\. Copy the referenced schema into "definitions"/,
    );
    expect(
      errorOf(designFromFile("file.json", '{"properties": {"a": {"$ref": "other.json#/x"}}}')),
    ).toMatch(/in another file, which is never read/);
  });

  it("a secret carrying a value is refused at the keyword's pointer, as the CLI's export refuses it; the value is never quoted", async () => {
    const leaky = (extra: object) =>
      JSON.stringify(
        {
          type: "object",
          properties: {
            auth: {
              oneOf: [
                {
                  type: "object",
                  properties: {
                    password: { title: "Password", type: "string", writeOnly: true, ...extra },
                  },
                },
              ],
            },
          },
        },
        null,
        2,
      );
    expect(errorOf(designFromFile("leaky.json", leaky({ default: "hunter2-marker" })))).toBe(
      'leaky.json:/properties/auth/oneOf/0/properties/password/default: the secret field "password" (Password) has a default value ("default"), which would ship with every connector. ' +
        'Remove "default" from the field "password" (Password); describe the expected format in "description" instead.',
    );
    expect(errorOf(designFromFile("leaky.json", leaky({ enum: ["hunter2-marker"] })))).toMatch(
      /^leaky\.json:\/properties\/auth\/oneOf\/0\/properties\/password\/enum: the secret field "password" \(Password\) has a single allowed value/,
    );
    expect(
      errorOf(
        designFromBytes(
          "leaky.json",
          new TextEncoder().encode(leaky({ examples: ["hunter2-marker"] })),
        ),
      ),
    ).not.toContain("hunter2-marker");
    expect("doc" in designFromFile("fine.json", leaky({ enum: ["a", "b"] }))).toBe(true);

    const dir = await mkdtemp(join(tmpdir(), "designer-import-"));
    try {
      await writeFile(join(dir, "leaky.json"), leaky({ const: "hunter2-marker" }));
      const cli = await runMain(["export", "leaky.json"], dir);
      expect(cli.code).toBe(2);
      expect(cli.stderr).toBe(
        `credential-designer: ${errorOf(designFromFile("leaky.json", leaky({ const: "hunter2-marker" })))}\n`,
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("readDesign, which Import and the Schema JSON view share, throws the problem with its place", () => {
    expect(() =>
      readDesign('{"properties": {"token": {"writeOnly": true, "examples": ["x"]}}}'),
    ).toThrow(
      expect.objectContaining({ name: "SchemaProblem", pointer: "/properties/token/examples" }),
    );
    expect(() => readDesign('{"type": "object",}')).toThrow(
      expect.objectContaining({ name: "JsonSyntaxProblem", line: 1, column: 19 }),
    );
    expect(toSchema(readDesign('{"properties": {"token": {"writeOnly": true}}}'))).toEqual({
      properties: { token: { writeOnly: true } },
    });
  });

  it("a file over the limit (512 KB) is refused, by its size before it is read, or by its text", () => {
    expect(MAX_IMPORT_BYTES).toBe(512 * 1024);
    expect(sizeProblem("huge.json", 2.3 * 1024 * 1024)).toBe(
      "huge.json: the file is 2.3 MB; the designer opens windows up to 512 KB (the largest real connector window we know is 110 KB). Split it, or use the command line (credential-designer check, export and diff), which reads files up to 64 MB.",
    );
    // Never a size that reads as the limit itself.
    expect(sizeProblem("huge.json", MAX_IMPORT_BYTES + 1)).toMatch(
      /^huge\.json: the file is 524,289 bytes; the designer opens windows up to 512 KB /,
    );
    expect(sizeProblem("fine.json", MAX_IMPORT_BYTES)).toBeUndefined();
    // Counted in UTF-8: 300,000 "é" are 600,000 bytes.
    const big = `{"description": "${"é".repeat(300_000)}"}`;
    expect(errorOf(designFromFile("big.json", big))).toMatch(
      /^big\.json: the file is 586 KB; the designer opens windows up to 512 KB/,
    );
    expect("doc" in designFromFile("fine.json", `{"description": "${"é".repeat(250_000)}"}`)).toBe(
      true,
    );
    expect(errorOf(designFromBytes("big.json", new Uint8Array(MAX_IMPORT_BYTES + 1)))).toMatch(
      /^big\.json: the file is 524,289 bytes/,
    );
  });

  it("a window of more than 3,000 fields, groups, choices and options is refused, however few bytes it takes", () => {
    const window = (count: number) =>
      JSON.stringify({
        type: "object",
        properties: Object.fromEntries(Array.from({ length: count }, (_, i) => [`f${i}`, {}])),
      });
    expect(MAX_IMPORT_NODES).toBe(3_000);
    expect("doc" in designFromFile("full.json", window(3_000))).toBe(true);
    const refusal =
      "the window has more than 3,000 fields, groups, choices and options; the designer opens windows up to that many (a 512 KB window written as real ones are has about 2,800). Split it, or use the command line (credential-designer check, export and diff), which reads files up to 64 MB.";
    expect(errorOf(designFromFile("dense.json", window(3_001)))).toBe(`dense.json:/: ${refusal}`);
    // Groups and options count: 1,501 groups of one field each are 3,002 nodes.
    const groups = JSON.stringify({
      type: "object",
      properties: Object.fromEntries(
        Array.from({ length: 1501 }, (_, i) => [
          `g${i}`,
          { type: "object", properties: { a: {} } },
        ]),
      ),
    });
    expect(errorOf(designFromFile("groups.json", groups))).toBe(`groups.json:/: ${refusal}`);
    // Compare with… reads the same way; so does the Schema JSON view (readDesignSource).
    expect(compareSchemaFromBytes("old.json", new TextEncoder().encode(window(3_001)))).toEqual({
      error: `old.json:/: ${refusal}`,
    });
    expect(() => readDesign(window(3_001))).toThrow(/more than 3,000 fields/);
  });

  it("bytes are decoded as strict UTF-8: UTF-16 and bad bytes are located", () => {
    expect(errorOf(designFromBytes("utf16.json", new Uint8Array([0xff, 0xfe, 0x7b, 0x00])))).toBe(
      "utf16.json:1:1: the file is UTF-16 text; JSON files are UTF-8. Save the file as UTF-8.",
    );
    expect(
      errorOf(designFromBytes("latin1.json", new Uint8Array([0x7b, 0x0a, 0x22, 0xe9, 0x22, 0x7d]))),
    ).toBe(
      "latin1.json:2:2: the file is not valid UTF-8 text (byte 0xE9). Save the file as UTF-8.",
    );
    const bom = new Uint8Array([
      0xef,
      0xbb,
      0xbf,
      ...new TextEncoder().encode('{"type": "object"}'),
    ]);
    expect("doc" in designFromBytes("bom.json", bom)).toBe(true);
  });

  it("says what the CLI says about the same file", async () => {
    const dir = await mkdtemp(join(tmpdir(), "designer-import-"));
    try {
      const files = {
        "broken.json": '{\n  "title": "A"\n  "type": "object"\n}',
        "shape.json": '{"properties": {"port": {"minimum": "x"}}}',
        "remote.json": '{"properties": {"a": {"$ref": "http://example.com/a.json"}}}',
      };
      for (const [name, text] of Object.entries(files)) {
        await writeFile(join(dir, name), text);
        const cli = await runMain(["export", name], dir);
        expect(cli.stderr).toContain(errorOf(designFromFile(name, text)));
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
