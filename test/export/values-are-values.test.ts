import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { literalType } from "../../src/export/analyse.ts";
import { exportFiles } from "../../src/export/index.ts";
import type { JsonObject } from "../../src/json/value.ts";
import {
  removeScratchDirs,
  runStrictNode,
  runTsc,
  scratchDir,
  writeFiles,
  writeTsProject,
} from "./support/files.ts";

afterAll(removeScratchDirs);

/**
 * Objects inside `const`, `enum`, `default` and `examples` are data: a `$ref` in them is never
 * resolved (json-schema-to-typescript would), the bindings type them as their literal JSON, and
 * the validator accepts exactly that literal.
 */
const CASES: Record<
  string,
  { schema: JsonObject; usage: string; samples: Record<string, unknown> }
> = {
  "const-ref-nowhere": {
    schema: { const: { $ref: "#/x" } },
    usage: `import type { ConstRefNowhere } from "./const-ref-nowhere.js";
export const ok: ConstRefNowhere = { $ref: "#/x" };
// @ts-expect-error only the literal object is the value
export const other: ConstRefNowhere = { $ref: "#/y" };
`,
    samples: { literal: { $ref: "#/x" }, other: { $ref: "#/y" }, empty: {} },
  },
  "enum-ref-root": {
    schema: { enum: [{ $ref: "#" }, 3] },
    usage: `import type { EnumRefRoot } from "./enum-ref-root.js";
export const ok: EnumRefRoot[] = [{ $ref: "#" }, 3];
// @ts-expect-error 4 is not listed
export const four: EnumRefRoot = 4;
`,
    samples: { literal: { $ref: "#" }, three: 3, four: 4, root: {} },
  },
  "const-ref-sibling": {
    schema: {
      type: "object",
      properties: {
        a: { const: { $ref: "#/properties/b" } },
        b: { type: "integer" },
        d: { type: "object", default: { $ref: "#/properties/b" }, examples: [{ $ref: "#" }] },
        l: { const: [1, { k: null, "a b": ["x"] }] },
      },
    },
    usage: `import type { ConstRefSibling } from "./const-ref-sibling.js";
export const ok: ConstRefSibling = { a: { $ref: "#/properties/b" }, b: 1, l: [1, { k: null, "a b": ["x"] }] };
// @ts-expect-error a is the literal object, not the schema it looks like it refers to
export const asSchema: ConstRefSibling = { a: 5 };
// @ts-expect-error l is exactly the literal array
export const wrongList: ConstRefSibling = { l: [2, { k: null, "a b": ["x"] }] };
`,
    samples: {
      literal: { a: { $ref: "#/properties/b" }, b: 1 },
      integer: { a: 5 },
      otherObject: { a: { $ref: "#/properties/c" } },
    },
  },
};

let tsc: { status: number | null; output: string };
let outcomes: Record<string, Record<string, boolean>>;
let bindings: Record<string, string>;

beforeAll(async () => {
  const dir = scratchDir("values");
  writeTsProject(dir);
  bindings = {};
  for (const [base, { schema, usage }] of Object.entries(CASES)) {
    const files = await exportFiles(schema, base);
    writeFiles(join(dir, base), files);
    writeFileSync(join(dir, base, "usage.ts"), usage);
    bindings[base] = files.find((file) => file.name === `${base}.ts`)?.contents ?? "";
  }
  tsc = runTsc(dir);
  const imports = Object.keys(CASES)
    .map((base, i) => `import v${i} from "./${base}/${base}.validate.js";`)
    .join("\n");
  outcomes = runStrictNode(
    dir,
    `${imports}
const samples = ${JSON.stringify(Object.values(CASES).map((c) => c.samples))};
const validators = [${Object.keys(CASES)
      .map((_, i) => `v${i}`)
      .join(", ")}];
const names = ${JSON.stringify(Object.keys(CASES))};
console.log(JSON.stringify(Object.fromEntries(names.map((name, i) => [name,
  Object.fromEntries(Object.entries(samples[i]).map(([k, v]) => [k, validators[i](v)]))]))));
`,
  ) as typeof outcomes;
}, 120_000);

describe("values are values", () => {
  it("the bindings type each value as its literal JSON and compile under tsc --strict", () => {
    expect(bindings["const-ref-nowhere"]).toContain('= {$ref: "#/x"}');
    expect(bindings["enum-ref-root"]).toMatch(/= \{\$ref: "#"\} \| 3;/);
    expect(bindings["const-ref-sibling"]).toContain('a?: {$ref: "#/properties/b"};');
    expect(tsc.output).toBe("");
    expect(tsc.status).toBe(0);
  });

  it("the validators accept exactly the literal", () => {
    expect(outcomes).toEqual({
      "const-ref-nowhere": { literal: true, other: false, empty: false },
      "enum-ref-root": { literal: true, three: true, four: false, root: false },
      "const-ref-sibling": { literal: true, integer: false, otherObject: false },
    });
  });

  it("writes a literal type for any JSON value, nested deep without exhausting the stack", () => {
    expect(literalType({ "": [true, null, -1.5e-7, "*/"], 'q"': {} })).toBe(
      '{ "": [true, null, -1.5e-7, "*/"]; "q\\"": {} }',
    );
    let deep: never = 0 as never;
    for (let i = 0; i < 20_000; i++) deep = [deep] as never;
    expect(literalType(deep)).toBe(`${"[".repeat(20_000)}0${"]".repeat(20_000)}`);
  });
});
