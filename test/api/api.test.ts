import fs from "node:fs/promises";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CredentialDesignerError,
  checkCSharpNamespace,
  checkSchema,
  DEFAULT_CSHARP_NAMESPACE,
  diffSchemas,
  exportBaseName,
  exportSchema,
  formatCheckReport,
  formatSchemaDiff,
  parseSchema,
  readSchemaValue,
} from "../../src/api/index.ts";
import { generateCSharp } from "../../src/export/csharp/generate.ts";
import { GOOD_SCHEMA, GOOD_TEXT, NOT_IN_CSHARP, SECRET } from "../cli/fixtures.ts";
import { REPO, runMain, tempDir } from "../support/cli.ts";

// The package root gives what the CLI gives, without files: the same files, findings, reports and
// messages (the CLI prefixes its name to a message; that is the only difference).
const TEMPLATES = path.join(REPO, "schemas");
const SECRET_DEFAULT_TEXT = JSON.stringify({
  ...GOOD_SCHEMA,
  properties: {
    ...(GOOD_SCHEMA.properties as object),
    token: { type: "string", writeOnly: true, default: SECRET },
  },
});
let dir: string;
beforeAll(async () => {
  dir = await tempDir();
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** What the CLI says about a file holding `text`: its one line of stderr without the program. */
async function cliMessage(name: string, text: string | Uint8Array, argv: string[]) {
  await fs.writeFile(path.join(dir, name), text);
  const result = await runMain([...argv, name], dir);
  expect(result.code).toBe(2);
  return result.stderr.replace(/^credential-designer: /, "").trimEnd();
}

function thrown(work: () => unknown): CredentialDesignerError {
  try {
    work();
  } catch (error) {
    expect(error).toBeInstanceOf(CredentialDesignerError);
    return error as CredentialDesignerError;
  }
  throw new Error("nothing was thrown");
}

describe("parseSchema", () => {
  it("gives the schema back as written, from text or from bytes", () => {
    expect(parseSchema(GOOD_TEXT)).toEqual(GOOD_SCHEMA);
    expect(parseSchema(new TextEncoder().encode(GOOD_TEXT))).toEqual(GOOD_SCHEMA);
  });

  it("refuses broken JSON, a wrong shape and bytes that are not UTF-8 with the CLI's message", async () => {
    const cases: Array<[string, string | Uint8Array]> = [
      ["comma.json", '{\n  "type": "object",\n  "properties": {},\n}\n'],
      ["array.json", "[1, 2]"],
      ["typed.json", '{ "type": "string" }'],
      ["remote.json", '{ "type": "object", "properties": { "a": { "$ref": "http://x/y" } } }'],
      ["latin1.json", new Uint8Array([0x7b, 0x22, 0xe9, 0x22, 0x3a, 0x31, 0x7d])],
    ];
    for (const [name, text] of cases) {
      const error = thrown(() => parseSchema(text, { file: name }));
      expect(error.message, name).toBe(await cliMessage(name, text, ["export"]));
      expect(error.file).toBe(name);
      expect(error.place).toMatch(/^(\/.*|\d+:\d+)$/);
      expect(error.fix.length).toBeGreaterThan(0);
    }
  });

  it("without a file name the message starts at the place", () => {
    expect(thrown(() => parseSchema("[]")).message).toMatch(/^\/: the file holds an array/);
  });
});

describe("readSchemaValue", () => {
  it("takes any JSON object schema, as JSON.parse gives it", () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (properties) => {
        // Through JSON text, as a file or a message would bring it (-0 arrives as 0).
        const schema = JSON.parse(JSON.stringify({ type: "object", title: "T", "x-": properties }));
        expect(readSchemaValue(schema)).toEqual(schema);
      }),
    );
  });

  it("refuses, at its pointer, a value JSON cannot hold", () => {
    const bad = fc.constantFrom<unknown>(undefined, Number.NaN, Infinity, () => 1, new Date(0), 1n);
    fc.assert(
      fc.property(fc.array(fc.string(), { minLength: 1, maxLength: 4 }), bad, (keys, value) => {
        let nested: unknown = value;
        for (const key of [...keys].reverse()) nested = { [key]: nested };
        const error = thrown(() => readSchemaValue({ type: "object", "x-a": nested }));
        const pointer = ["x-a", ...keys].map((k) => k.replaceAll("~", "~0").replaceAll("/", "~1"));
        expect(error.place).toBe(`/${pointer.join("/")}`);
        expect(error.problem).toMatch(/is not a JSON value$/);
      }),
    );
    const loop: Record<string, unknown> = { type: "object" };
    loop.self = loop;
    expect(thrown(() => readSchemaValue(loop)).problem).toMatch(/holds itself/);
  });
});

describe("exportSchema", () => {
  it("gives every template's files as the CLI writes them, byte for byte", async () => {
    for (const name of await fs.readdir(TEMPLATES)) {
      const text = await fs.readFile(path.join(TEMPLATES, name), "utf8");
      const base = exportBaseName(name);
      const out = path.join(dir, `out-${base}`);
      const result = await runMain(["export", path.join(TEMPLATES, name), "--out", out], dir);
      expect(result.code, result.stderr).toBe(0);
      const files = await exportSchema(parseSchema(text, { file: name }), { file: name });
      expect(files.map((file) => file.name).sort()).toEqual((await fs.readdir(out)).sort());
      for (const file of files)
        expect(file.contents, file.name).toBe(await fs.readFile(path.join(out, file.name), "utf8"));
    }
  });

  it("refuses a secret with a value as the CLI does, and never prints the value", async () => {
    const error = await exportSchema(parseSchema(SECRET_DEFAULT_TEXT), {
      file: "secret.json",
    }).catch((e: unknown) => e as CredentialDesignerError);
    expect(error).toBeInstanceOf(CredentialDesignerError);
    expect((error as Error).message).toBe(
      await cliMessage("secret.json", SECRET_DEFAULT_TEXT, ["export"]),
    );
    expect((error as Error).message).not.toContain(SECRET);
  });

  it("names the files after `base`, or after the file; a name that cannot be used is refused", async () => {
    const names = (files: { name: string }[]) => files.map((file) => file.name).sort();
    expect(names(await exportSchema(GOOD_SCHEMA, { base: "crm" }))).toEqual([
      "crm.schema.json",
      "crm.ts",
      "crm.validate.d.ts",
      "crm.validate.js",
    ]);
    expect(exportBaseName("a/b/api.schema.json")).toBe("api");
    expect(exportBaseName("C:\\x\\API.JSON")).toBe("API");
    expect(thrown(() => exportBaseName(".json")).message).toBe(
      ".json: cannot name the exported files after this file. Rename the schema file, e.g. to connector.schema.json.",
    );
    await expect(exportSchema(GOOD_SCHEMA, { base: "../x" })).rejects.toThrow(
      /cannot be the base name of the exported files/,
    );
  });
});

describe("exportSchema with csharp", () => {
  it("adds <base>.cs last: `true` in the default namespace, or the namespace given", async () => {
    const plain = await exportSchema(GOOD_SCHEMA, { base: "crm" });
    const withCSharp = await exportSchema(GOOD_SCHEMA, { base: "crm", csharp: true });
    expect(withCSharp.slice(0, 4)).toEqual(plain);
    expect(withCSharp.map((file) => file.name).at(-1)).toBe("crm.cs");
    expect(withCSharp[4]?.contents).toBe(
      generateCSharp(GOOD_SCHEMA, { namespace: DEFAULT_CSHARP_NAMESPACE }),
    );
    expect(DEFAULT_CSHARP_NAMESPACE).toBe("Connector.Credentials");
    expect(await exportSchema(GOOD_SCHEMA, { base: "crm", csharp: {} })).toEqual(withCSharp);
    const named = await exportSchema(GOOD_SCHEMA, {
      base: "crm",
      csharp: { namespace: "Acme.Crm" },
    });
    expect(named[4]?.contents).toBe(generateCSharp(GOOD_SCHEMA, { namespace: "Acme.Crm" }));
    expect(await exportSchema(GOOD_SCHEMA, { base: "crm", csharp: false })).toEqual(plain);
  });

  it("refuses a bad namespace before exporting, with what is wrong and how to fix it", async () => {
    await expect(
      exportSchema(GOOD_SCHEMA, { csharp: { namespace: "Acme.Crm-Api" } }),
    ).rejects.toThrow(
      '"Acme.Crm-Api" cannot be the C# namespace: "Crm-Api" is not a C# identifier. Give dotted identifiers of ASCII letters, digits and "_" that do not start with a digit, e.g. "Contoso.Connectors.Rest".',
    );
    expect(thrown(() => checkCSharpNamespace(42)).message).toBe(
      'the C# namespace is not text. Give a dotted C# name as a string, e.g. "Contoso.Connectors.Rest".',
    );
    expect(() => checkCSharpNamespace("Acme.Crm")).not.toThrow();
  });

  it("refuses what the C# model cannot express with the CLI's message, at its pointer", async () => {
    const text = JSON.stringify(NOT_IN_CSHARP);
    const error = await exportSchema(parseSchema(text), {
      file: "filter.json",
      csharp: true,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CredentialDesignerError);
    expect((error as CredentialDesignerError).place).toMatch(/^\/properties\/filter/);
    expect((error as Error).message).toBe(
      await cliMessage("filter.json", text, ["export", "--csharp"]),
    );
  });
});

describe("checkSchema and diffSchemas", () => {
  it("report every template as `check` prints it", async () => {
    for (const name of await fs.readdir(TEMPLATES)) {
      const file = path.join(TEMPLATES, name);
      const report = await checkSchema(parseSchema(await fs.readFile(file, "utf8")), { file });
      const cli = await runMain(["check", file], dir);
      expect(formatCheckReport(report)).toBe(cli.stdout);
      expect(cli.code).toBe(report.errors > 0 ? 1 : 0);
    }
  });

  it("loads the pattern analysis for a pattern: an error and a warning, counted and formatted", async () => {
    const report = await checkSchema(
      {
        type: "object",
        title: "T",
        properties: {
          apiKey: { type: "string", title: "API key", description: "d" },
          host: { type: "string", title: "Host", description: "d", pattern: "^(a+)+$" },
        },
      },
      { file: "k.json" },
    );
    expect(report.findings.map((f) => [f.rule, f.severity, f.pointer])).toEqual([
      ["secret-not-write-only", "warning", "/properties/apiKey"],
      ["unsafe-pattern", "error", "/properties/host/pattern"],
    ]);
    expect([report.errors, report.warnings]).toEqual([1, 1]);
    expect(formatCheckReport(report).split("\n").at(-2)).toBe("k.json: 1 error, 1 warning");
  });

  it("say what a new version does to saved values, as `diff` prints it, text and JSON", async () => {
    const old = GOOD_SCHEMA;
    const next = {
      ...GOOD_SCHEMA,
      properties: { ...(GOOD_SCHEMA.properties as object), tenant: { type: "string" } },
      required: ["baseUrl", "username", "password", "tenant"],
    };
    const saved = [{ baseUrl: "https://a.example", username: "u", password: "p" }];
    await fs.writeFile(path.join(dir, "old.json"), JSON.stringify(old));
    await fs.writeFile(path.join(dir, "new.json"), JSON.stringify(next));
    await fs.writeFile(path.join(dir, "saved.json"), JSON.stringify(saved));
    const report = await diffSchemas(old, next, {
      oldFile: "old.json",
      newFile: "new.json",
      savedValues: saved,
      valuesFile: "saved.json",
    });
    expect(report.fails).toBe(true);
    expect(report.values?.results[0]?.valid).toBe(false);
    for (const format of ["text", "json"] as const) {
      const cli = await runMain(
        ["diff", "old.json", "new.json", "--values", "saved.json", "--format", format],
        dir,
      );
      expect(cli.code).toBe(1);
      expect(formatSchemaDiff(report, format)).toBe(cli.stdout);
    }
    await expect(diffSchemas(old, next, { savedValues: 3, valuesFile: "v.json" })).rejects.toThrow(
      "v.json:/: the file holds a number, not saved credentials.",
    );
  });
});
