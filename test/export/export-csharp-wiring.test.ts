import fs from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { generateCSharp } from "../../src/export/csharp/generate.ts";
import { DEFAULT_CSHARP_NAMESPACE, exportCSharpFile, exportFiles } from "../../src/export/index.ts";
import { SchemaProblem } from "../../src/json/problem.ts";
import type { JsonObject } from "../../src/json/value.ts";
import { GOOD_SCHEMA, NOT_IN_CSHARP, SECRET } from "../cli/fixtures.ts";

// How `<base>.cs` joins the export (what it says is the generator's, tested in test/export/csharp):
// `exportFiles({ csharp })` adds it last, `exportCSharpFile` (the page's) gives the same text, and
// both refuse what the four files refuse, first.

const TEMPLATES = new URL("../../schemas/", import.meta.url);
const templates = async () =>
  Promise.all(
    (await fs.readdir(TEMPLATES)).map(
      async (name) =>
        [
          name,
          JSON.parse(await fs.readFile(new URL(name, TEMPLATES), "utf8")) as JsonObject,
        ] as const,
    ),
  );

async function refusal(work: () => unknown): Promise<SchemaProblem> {
  try {
    await work();
  } catch (error) {
    expect(error).toBeInstanceOf(SchemaProblem);
    return error as SchemaProblem;
  }
  throw new Error("nothing was refused");
}

describe("exportFiles with csharp, and exportCSharpFile", () => {
  it("adds <base>.cs last, the generator's text in the default namespace; the page's file is the same", async () => {
    for (const [name, schema] of await templates()) {
      const plain = await exportFiles(schema, "t");
      const files = await exportFiles(schema, "t", { csharp: {} });
      expect(files.slice(0, 4), name).toEqual(plain);
      expect(files[4], name).toEqual({
        name: "t.cs",
        contents: generateCSharp(schema, { namespace: DEFAULT_CSHARP_NAMESPACE }),
      });
      expect(exportCSharpFile(schema, "t"), name).toEqual(files[4]);
    }
  });

  it("uses the namespace given, and refuses one C# cannot take", async () => {
    const files = await exportFiles(GOOD_SCHEMA, "t", { csharp: { namespace: "Acme.Crm" } });
    expect(files[4]?.contents).toBe(generateCSharp(GOOD_SCHEMA, { namespace: "Acme.Crm" }));
    expect(exportCSharpFile(GOOD_SCHEMA, "t", { namespace: "Acme.Crm" })).toEqual(files[4]);
    for (const work of [
      () => exportFiles(GOOD_SCHEMA, "t", { csharp: { namespace: "Acme.new" } }),
      () => exportCSharpFile(GOOD_SCHEMA, "t", { namespace: "Acme.new" }),
    ])
      expect((await refusal(work)).message).toBe(
        '/: "Acme.new" cannot be the C# namespace: "new" is a C# keyword. Give dotted identifiers of ASCII letters, digits and "_" that do not start with a digit, e.g. "Contoso.Connectors.Rest".',
      );
  });

  it("refuses first what the four files refuse: a secret with a value (never named), an unsafe pattern", async () => {
    const withSecret: JsonObject = {
      ...GOOD_SCHEMA,
      properties: {
        ...(GOOD_SCHEMA.properties as JsonObject),
        password: { type: "string", writeOnly: true, default: SECRET },
      },
    };
    const unsafe: JsonObject = {
      ...NOT_IN_CSHARP,
      properties: {
        ...(NOT_IN_CSHARP.properties as JsonObject),
        username: { type: "string", pattern: "^(a+)+$" },
      },
    };
    for (const schema of [withSecret, unsafe]) {
      const expected = await refusal(() => exportFiles(schema, "t"));
      expect((await refusal(() => exportFiles(schema, "t", { csharp: {} }))).message).toBe(
        expected.message,
      );
      expect((await refusal(() => exportCSharpFile(schema, "t"))).message).toBe(expected.message);
      expect(expected.message).not.toContain(SECRET);
    }
  });

  it("refuses what the C# model cannot express as the generator does, at its pointer", async () => {
    const expected = await refusal(() =>
      generateCSharp(NOT_IN_CSHARP, { namespace: DEFAULT_CSHARP_NAMESPACE }),
    );
    expect(expected.pointer).toMatch(/^\/properties\/filter/);
    await expect(exportFiles(NOT_IN_CSHARP, "t")).resolves.toHaveLength(4);
    expect(await refusal(() => exportFiles(NOT_IN_CSHARP, "t", { csharp: {} }))).toEqual(expected);
    expect(await refusal(() => exportCSharpFile(NOT_IN_CSHARP, "t"))).toEqual(expected);
  });
});
