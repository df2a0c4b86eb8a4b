import fs from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DEFAULT_CSHARP_NAMESPACE, exportSchema } from "../../src/api/index.ts";
import { generateCSharp } from "../../src/export/csharp/generate.ts";
import { SchemaProblem } from "../../src/json/problem.ts";
import type { JsonObject } from "../../src/json/value.ts";
import { lines, REPO, runMain, tempDir } from "../support/cli.ts";
import { GOOD_SCHEMA, GOOD_TEXT, NOT_IN_CSHARP } from "./fixtures.ts";

// `export --csharp`: the four files and <base>.cs, all of them or none; what C# cannot express is
// refused like any other problem. What the C# file says is the generator's (test/export/csharp);
// here: that the command writes exactly the generator's text, where and when it should.

/** The refusal the C# generator itself gives for NOT_IN_CSHARP. */
function csharpRefusal(): SchemaProblem {
  try {
    generateCSharp(NOT_IN_CSHARP, { namespace: DEFAULT_CSHARP_NAMESPACE });
  } catch (error) {
    if (error instanceof SchemaProblem) return error;
    throw error;
  }
  throw new Error("NOT_IN_CSHARP is expressed in C#: pick a schema the generator refuses");
}

let dir: string;
beforeEach(async () => {
  dir = await tempDir();
  await fs.writeFile(path.join(dir, "connector.schema.json"), GOOD_TEXT);
  await fs.writeFile(path.join(dir, "filter.json"), JSON.stringify(NOT_IN_CSHARP, null, 2));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const read = (...parts: string[]) => fs.readFile(path.join(dir, ...parts), "utf8");
const listing = async (...parts: string[]) => (await fs.readdir(path.join(dir, ...parts))).sort();

describe("export --csharp", () => {
  it("also writes <base>.cs, the generator's text in the default namespace, and prints its path last", async () => {
    const result = await runMain(["export", "connector.schema.json", "--csharp", "-o", "out"], dir);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(lines(result.stdout)).toEqual(
      ["schema.json", "ts", "validate.js", "validate.d.ts", "cs"].map((ext) =>
        path.join("out", `connector.${ext}`),
      ),
    );
    expect(await listing("out")).toEqual([
      "connector.cs",
      "connector.schema.json",
      "connector.ts",
      "connector.validate.d.ts",
      "connector.validate.js",
    ]);
    expect(await read("out", "connector.cs")).toBe(
      generateCSharp(GOOD_SCHEMA, { namespace: DEFAULT_CSHARP_NAMESPACE }),
    );
    // The other four are the same bytes as without --csharp.
    const plain = await runMain(["export", "connector.schema.json", "-o", "plain"], dir);
    expect(plain.code, plain.stderr).toBe(0);
    for (const name of await listing("plain"))
      expect(await read("out", name), name).toBe(await read("plain", name));
  });

  it("gives the typed API's files, byte for byte, for every template", async () => {
    const templates = path.join(REPO, "schemas");
    for (const name of await fs.readdir(templates)) {
      const file = path.join(templates, name);
      const base = name.replace(/\.json$/, "");
      const result = await runMain(["export", file, "--csharp", "--out", base], dir);
      expect(result.code, result.stderr).toBe(0);
      const schema = JSON.parse(await fs.readFile(file, "utf8")) as JsonObject;
      const files = await exportSchema(schema, { base, csharp: true });
      expect(files.map((each) => each.name)).toEqual(
        lines(result.stdout).map((each) => path.basename(each)),
      );
      expect(files.at(-1)?.name).toBe(`${base}.cs`);
      for (const each of files) expect(await read(base, each.name), each.name).toBe(each.contents);
    }
  });

  it("--namespace NS (or --namespace=NS) names the namespace", async () => {
    for (const [argv, out] of [
      [["--namespace", "Contoso.Connectors.Rest"], "a"],
      [["--namespace=Contoso.Connectors.Rest"], "b"],
    ] as const) {
      const result = await runMain(
        ["export", "connector.schema.json", "--csharp", ...argv, "-o", out],
        dir,
      );
      expect(result.code, result.stderr).toBe(0);
      const text = await read(out, "connector.cs");
      expect(text).toBe(generateCSharp(GOOD_SCHEMA, { namespace: "Contoso.Connectors.Rest" }));
      expect(text).toContain("namespace Contoso.Connectors.Rest");
    }
  });

  it("refuses --namespace without --csharp, before reading or writing anything", async () => {
    const result = await runMain(
      ["export", "missing.json", "--namespace", "Contoso.Rest", "-o", "out"],
      dir,
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      "credential-designer: option '--namespace' is the C# model's namespace, but --csharp is not given. Add --csharp to write <base>.cs, or leave out --namespace; run 'credential-designer export --help' for the usage.\n",
    );
    expect(result.stdout).toBe("");
    expect(await listing()).toEqual(["connector.schema.json", "filter.json"]);
  });

  it.each([
    [
      "Contoso-Rest",
      'option \'--namespace\': "Contoso-Rest" cannot be the C# namespace: "Contoso-Rest" is not a C# identifier. Give dotted identifiers of ASCII letters, digits and "_" that do not start with a digit, e.g. "Contoso.Connectors.Rest".',
    ],
    [
      "1st.Rest",
      'option \'--namespace\': "1st.Rest" cannot be the C# namespace: "1st" is not a C# identifier. Give dotted identifiers of ASCII letters, digits and "_" that do not start with a digit, e.g. "Contoso.Connectors.Rest".',
    ],
    [
      "Contoso..Rest",
      'option \'--namespace\': "Contoso..Rest" cannot be the C# namespace: it has an empty part (a leading, trailing or doubled dot). Give dotted identifiers of ASCII letters, digits and "_" that do not start with a digit, e.g. "Contoso.Connectors.Rest".',
    ],
    [
      "Contoso.Rest.",
      'option \'--namespace\': "Contoso.Rest." cannot be the C# namespace: it has an empty part (a leading, trailing or doubled dot). Give dotted identifiers of ASCII letters, digits and "_" that do not start with a digit, e.g. "Contoso.Connectors.Rest".',
    ],
    [
      "Contoso.class",
      'option \'--namespace\': "Contoso.class" cannot be the C# namespace: "class" is a C# keyword. Give dotted identifiers of ASCII letters, digits and "_" that do not start with a digit, e.g. "Contoso.Connectors.Rest".',
    ],
    [
      "Contoso.Rest;class X{}",
      'option \'--namespace\': "Contoso.Rest;class X{}" cannot be the C# namespace: "Rest;class X{}" is not a C# identifier. Give dotted identifiers of ASCII letters, digits and "_" that do not start with a digit, e.g. "Contoso.Connectors.Rest".',
    ],
    [
      "Société.Données",
      'option \'--namespace\': "Société.Données" cannot be the C# namespace: "Société" is not a C# identifier. Give dotted identifiers of ASCII letters, digits and "_" that do not start with a digit, e.g. "Contoso.Connectors.Rest".',
    ],
  ])(
    "refuses the namespace %j with what is wrong and how to fix it, writing nothing",
    async (namespace, message) => {
      const result = await runMain(
        ["export", "connector.schema.json", "--csharp", `--namespace=${namespace}`, "-o", "out"],
        dir,
      );
      expect(result.code).toBe(2);
      expect(result.stderr).toBe(`credential-designer: ${message}\n`);
      expect(await listing()).toEqual(["connector.schema.json", "filter.json"]);
    },
  );

  it("takes dotted names with digits and underscores", async () => {
    const result = await runMain(
      ["export", "connector.schema.json", "--csharp", "--namespace", "Acme_2.Rest.V1", "-o", "o"],
      dir,
    );
    expect(result.code, result.stderr).toBe(0);
    expect(await read("o", "connector.cs")).toContain("namespace Acme_2.Rest.V1");
  });

  it("refuses --namespace with no value", async () => {
    const result = await runMain(
      ["export", "connector.schema.json", "--csharp", "--namespace"],
      dir,
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /option '--namespace' needs a value \(NS\)\. Write --namespace NS/,
    );
  });

  it("reports a schema the C# model cannot express as any refusal (file, pointer, what, fix), and writes none of its files", async () => {
    const refusal = csharpRefusal();
    const result = await runMain(["export", "filter.json", "--csharp", "-o", "out"], dir);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    const place = refusal.pointer === "" ? "/" : refusal.pointer;
    expect(result.stderr).toBe(
      `credential-designer: filter.json:${place}: ${refusal.problem}. ${refusal.fix.charAt(0).toUpperCase()}${refusal.fix.slice(1)}.\n`,
    );
    await expect(fs.stat(path.join(dir, "out"))).rejects.toThrow();
    // Without --csharp the same window exports.
    const plain = await runMain(["export", "filter.json", "-o", "out"], dir);
    expect(plain.code, plain.stderr).toBe(0);
    expect(await listing("out")).toHaveLength(4);
  });

  it("with several schemas, writes the ones C# can express and names the one it cannot", async () => {
    const result = await runMain(
      ["export", "connector.schema.json", "filter.json", "--csharp", "-o", "out"],
      dir,
    );
    expect(result.code).toBe(2);
    expect(await listing("out")).toEqual([
      "connector.cs",
      "connector.schema.json",
      "connector.ts",
      "connector.validate.d.ts",
      "connector.validate.js",
    ]);
    const stderr = lines(result.stderr);
    expect(stderr[0]).toMatch(/^credential-designer: filter\.json:\/\S+: /);
    expect(stderr.at(-1)).toBe("credential-designer: 1 of 2 schemas exported; failed: filter.json");
  });

  it("is in the usage and in export --help", async () => {
    const usage = await runMain(["--help"], dir);
    expect(usage.stdout).toContain(
      "export <schema.json>... [--out DIR] [--csharp [--namespace NS]]",
    );
    const help = await runMain(["export", "--help"], dir);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(
      /^ {2}--csharp {2,}also write <base>\.cs, the C# credential model/m,
    );
    expect(help.stdout).toMatch(
      /^ {2}--namespace NS {2,}the C# model's namespace, a dotted name \(with --csharp; default: Connector\.Credentials\)$/m,
    );
  });
});
