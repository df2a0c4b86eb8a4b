import fs from "node:fs/promises";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { checkSchema } from "../../src/api/check.ts";
import { readDesign } from "../../src/designer/import/design-from-file.ts";
import { diffSchemas } from "../../src/diff/index.ts";
import { compileSavedValuesCheck } from "../../src/diff/saved-values.ts";
import { exportFiles } from "../../src/export/index.ts";
import type { JsonObject } from "../../src/json/value.ts";
import { compile as compileWhole } from "../../src/preview/ajv.ts";
import { IncrementalValidator, planValidation } from "../../src/preview/incremental-validator.ts";
import { DRAFT_07_SPELLINGS, draftProblem, isDraft07 } from "../../src/schema/draft-07.ts";
import { importSchema } from "../../src/schema/import.ts";
import { toSchema } from "../../src/schema/to-schema.ts";
import {
  removeScratchDirs,
  runStrictNode,
  scratchDir,
  writeFiles,
} from "../export/support/files.ts";
import { runMain, tempDir } from "../support/cli.ts";

afterAll(removeScratchDirs);

/** A small window with a nested group, as published windows have them. */
function windowWith($schema: string | undefined): JsonObject {
  return {
    ...($schema === undefined ? {} : { $schema }),
    title: "Warehouse",
    type: "object",
    required: ["host"],
    properties: {
      host: { type: "string", title: "Host", minLength: 1 },
      port: { type: "integer", minimum: 1, maximum: 65535 },
      tls: { type: "object", properties: { verify: { type: "boolean" } } },
    },
  };
}

const EVERY_SPELLING = [...DRAFT_07_SPELLINGS, undefined];

describe("every spelling of draft-07", () => {
  test("the one list has http and https, with and without the trailing #", () => {
    expect([...DRAFT_07_SPELLINGS].sort()).toEqual([
      "http://json-schema.org/draft-07/schema",
      "http://json-schema.org/draft-07/schema#",
      "https://json-schema.org/draft-07/schema",
      "https://json-schema.org/draft-07/schema#",
    ]);
    for (const spelling of EVERY_SPELLING) {
      expect(isDraft07(spelling), String(spelling)).toBe(true);
      expect(draftProblem(windowWith(spelling))).toBeUndefined();
    }
    expect(isDraft07("http://json-schema.org/draft-07/schema##")).toBe(false);
    expect(isDraft07("HTTP://JSON-SCHEMA.ORG/DRAFT-07/SCHEMA#")).toBe(false);
  });

  test.each(EVERY_SPELLING)(
    "import keeps %s byte for byte, and the designer reads it",
    (spelling) => {
      const schema = windowWith(spelling);
      const text = JSON.stringify(schema, null, 2);
      expect(JSON.stringify(toSchema(importSchema(JSON.parse(text))), null, 2)).toBe(text);
      expect(JSON.stringify(toSchema(readDesign(text)), null, 2)).toBe(text);
    },
  );

  test("check finds nothing wrong with any of them, in the API and on the command line", async () => {
    const dir = await tempDir();
    try {
      for (const [i, spelling] of EVERY_SPELLING.entries()) {
        expect((await checkSchema(windowWith(spelling))).findings, String(spelling)).toEqual([]);
        await fs.writeFile(join(dir, `w${i}.json`), JSON.stringify(windowWith(spelling)));
      }
      const files = EVERY_SPELLING.map((_, i) => `w${i}.json`);
      const result = await runMain(["check", ...files], dir);
      expect(result.code, result.stdout + result.stderr).toBe(0);
      for (const file of files) expect(result.stdout).toContain(`${file}: no problems found`);
      await fs.writeFile(
        join(dir, "other.json"),
        JSON.stringify(windowWith("https://json-schema.org/draft/2020-12/schema")),
      );
      const other = await runMain(["check", "other.json"], dir);
      expect(other.code).toBe(1);
      expect(other.stdout).toContain(
        "other.json:/$schema: error: The schema declares JSON Schema 2020-12",
      );
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });

  test.each(EVERY_SPELLING)("export writes %s as the author spelled it", async (spelling) => {
    const files = await exportFiles(windowWith(spelling), "warehouse");
    const written = files.find((file) => file.name === "warehouse.schema.json")!.contents;
    expect(written).toBe(`${JSON.stringify(windowWith(spelling), null, 2)}\n`);
  });

  test("the exported validator of each spelling runs and judges alike", async () => {
    const dir = scratchDir("draft07");
    const names: string[] = [];
    for (const [i, spelling] of EVERY_SPELLING.entries()) {
      const name = `w${i}`;
      names.push(name);
      writeFiles(join(dir, name), await exportFiles(windowWith(spelling), name));
    }
    const results = runStrictNode(
      dir,
      `${names.map((name) => `import ${name} from "./${name}/${name}.validate.js";`).join("\n")}
const samples = [{ host: "db", port: 5432 }, { host: "", port: 0 }, { port: 1 }, { host: "x", tls: { verify: "yes" } }];
console.log(JSON.stringify([${names.join(", ")}].map((validate) => samples.map((s) => [validate(s), (validate.errors ?? []).map((e) => e.instancePath + " " + e.keyword)]))));
`,
    ) as unknown[];
    expect(results).toHaveLength(EVERY_SPELLING.length);
    expect(results[0]).toEqual([
      [true, []],
      [false, ["/host minLength", "/port minimum"]],
      [false, [" required"]],
      [false, ["/tls/verify type"]],
    ]);
    for (const result of results) expect(result).toEqual(results[0]);
  }, 120_000);

  test.each(EVERY_SPELLING)("the preview's validators compile %s", (spelling) => {
    const schema = windowWith(spelling);
    const samples = [{ host: "db" }, { host: "" }, { port: 70000 }, { tls: { verify: 1 } }];
    const whole = compileWhole(schema);
    const incremental = new IncrementalValidator().validatorFor(schema);
    const deferred = new IncrementalValidator().deferredValidatorFor(schema);
    for (const sample of samples) {
      const valid = whole(sample);
      expect(incremental(sample)).toBe(valid);
      expect(incremental.errors).toEqual(whole.errors);
      expect(deferred(sample)).toBe(valid);
      expect(deferred.errors).toEqual(whole.errors);
    }
    expect(whole({ host: "" })).toBe(false);
    // Any spelling of draft-07 still lets the preview compile one field at a time.
    expect(planValidation(schema).kind).toBe("split");
  });

  test("diff sees no change between two spellings of draft-07, and runs saved values on each", () => {
    for (const before of EVERY_SPELLING)
      for (const after of EVERY_SPELLING)
        expect(diffSchemas(windowWith(before), windowWith(after))).toEqual([]);
    for (const spelling of EVERY_SPELLING) {
      const check = compileSavedValuesCheck(windowWith(spelling));
      expect(check({ host: "db" })).toEqual([]);
      expect(check({ host: 1 }).map((error) => error.instancePath)).toEqual(["/host"]);
    }
    const toOther = diffSchemas(
      windowWith(DRAFT_07_SPELLINGS[0]),
      windowWith("https://json-schema.org/draft/2020-12/schema"),
    );
    expect(toOther.map((change) => change.pointer)).toEqual(["/$schema"]);
  });
});

describe("other drafts", () => {
  const cases: Array<[string, string, RegExp]> = [
    [
      "https://json-schema.org/draft/2020-12/schema",
      "JSON Schema 2020-12",
      /"\$defs" as "definitions"/,
    ],
    [
      "https://json-schema.org/draft/2019-09/schema#",
      "JSON Schema 2019-09",
      /"dependentRequired" as "dependencies"/,
    ],
    ["http://json-schema.org/draft-04/schema#", "JSON Schema draft-04", /"id" becomes "\$id"/],
    [
      "http://json-schema.org/draft-06/schema#",
      "JSON Schema draft-06",
      /means the same in draft-07/,
    ],
  ];
  test.each(cases)("%s is named, with what to do", async (uri, named, fix) => {
    const schema = windowWith(uri);
    const problem = draftProblem(schema)!;
    expect(problem.pointer).toBe("/$schema");
    expect(problem.problem).toContain(named);
    expect(problem.fix).toMatch(fix);
    expect(problem.fix).toContain('"http://json-schema.org/draft-07/schema#"');
    // The designer's Import and JSON view, export and diff's saved values all say the same.
    expect(() => readDesign(JSON.stringify(schema))).toThrow(problem.message);
    await expect(exportFiles(schema, "w")).rejects.toThrow(problem.message);
    expect(() => compileSavedValuesCheck(schema)).toThrow(problem.message);
  });

  test("an unknown address or a non-string $schema", () => {
    expect(draftProblem(windowWith("http://json-schema.org/schema#"))!.problem).toBe(
      'the schema declares "$schema": "http://json-schema.org/schema#", which is not JSON Schema draft-07, the only version a credential window can be',
    );
    const notText = draftProblem({ $schema: 7, type: "object" })!;
    expect(notText.problem).toBe('"$schema" holds 7, not the address of a meta-schema');
    expect(notText.fix).toBe(
      'set "$schema" to "http://json-schema.org/draft-07/schema#" or remove it',
    );
  });

  test("the preview compiles another draft's window whole, and Ajv says why it cannot", () => {
    const schema = windowWith("https://json-schema.org/draft/2020-12/schema");
    expect(planValidation(schema)).toMatchObject({
      kind: "whole",
      reason: "its $schema is not draft-07",
    });
    expect(() => compileWhole(schema)).toThrow(/no schema with key or ref/);
  });
});
