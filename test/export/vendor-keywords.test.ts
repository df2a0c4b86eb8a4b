import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { checkSchema } from "../../src/check/index.ts";
import { exportFiles } from "../../src/export/index.ts";
import { SchemaProblem } from "../../src/json/problem.ts";
import type { JsonObject, JsonValue } from "../../src/json/value.ts";
import { VENDOR_KEYWORDS } from "../../src/model/vendor-keywords.ts";
import { walkSubschemas } from "../../src/model/walk.ts";
import {
  removeScratchDirs,
  repoRoot,
  runStrictNode,
  scratchDir,
  writeFiles,
} from "./support/files.ts";

afterAll(removeScratchDirs);

/**
 * Vendor keywords through `exportFiles` (docs/vendor-keywords.md): the schema file keeps them
 * byte for byte, the validator ignores them (they do not validate anything), the bindings say a
 * field marked `airbyte_secret` is a secret, and such a field with a value is refused.
 */

const FIXTURE = join(repoRoot, "test/fixtures/export/vendor-keywords.schema.json");
const text = readFileSync(FIXTURE, "utf8");
const fixture = () => JSON.parse(text) as JsonObject;
const SECRET_NOTE = "Secret: write-only; never log or persist it.";

/** The doc comment right above a property in the bindings. */
function docAbove(code: string, property: string): string {
  const at = code.search(new RegExp(`\\n  ${property}\\??: `));
  expect(at, property).toBeGreaterThan(0);
  const before = code.slice(0, at);
  const start = before.lastIndexOf("/**");
  return before.slice(start).includes("*/") && !/\n {2}\w+\??: /.test(before.slice(start))
    ? before.slice(start)
    : "";
}

describe("exportFiles and vendor keywords", () => {
  it("writes the schema file byte for byte as read", async () => {
    const files = await exportFiles(fixture(), "vendor-keywords");
    expect(files.find((file) => file.name === "vendor-keywords.schema.json")?.contents).toBe(text);
  });

  it("the bindings say every secret is one, by either marking, and no other field", async () => {
    const files = await exportFiles(fixture(), "vendor-keywords");
    const code = files.find((file) => file.name === "vendor-keywords.ts")!.contents;
    for (const secret of ["password", "client_id", "client_secret", "refresh_token", "api_key"])
      expect(docAbove(code, secret), secret).toContain(SECRET_NOTE);
    for (const plain of ["host", "username", "jdbc_url_params", "start_date", "ssl_mode"])
      expect(docAbove(code, plain), plain).not.toContain("Secret");
    expect(code.split(SECRET_NOTE)).toHaveLength(6);
    // the keywords themselves are data for forms, not types: nothing of them in the bindings
    expect(code).not.toMatch(/airbyte_secret|pattern_descriptor|always_show|display_type/);
  });

  it("a vendor keyword holding what looks like a schema is data: not followed, checked or refused", async () => {
    const schema = fixture();
    const properties = schema.properties as Record<string, JsonObject>;
    properties.host!.group = { $ref: "#/nowhere" };
    properties.host!["x-ref"] = { $ref: "https://evil.example/x.json" };
    properties.port!.order = { type: "number", minimum: "x" };
    schema["x-props"] = {
      properties: { a: { pattern: "(a+)+$", writeOnly: true, default: "hunter2" } },
    };
    properties.password!.pattern_descriptor = { $id: "https://x.example" };
    properties.username!.airbyte_hidden = { enum: [1, 1] };
    const written = `${JSON.stringify(schema, null, 2)}\n`;
    expect(checkSchema(schema).filter((finding) => finding.severity === "error")).toEqual([]);
    const files = await exportFiles(JSON.parse(written) as JsonObject, "data", { csharp: {} });
    expect(files[0]!.contents).toBe(written);
  });

  it("exports any vendor keyword value, anywhere, and writes it back unchanged (property)", async () => {
    const keyword = fc.oneof(
      fc.constantFrom(...VENDOR_KEYWORDS.filter((name) => name !== "airbyte_secret")),
      fc.string({ minLength: 1, maxLength: 6 }).map((name) => `x-${name}`),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat(), keyword, fc.jsonValue({ maxDepth: 2 })), {
          minLength: 1,
          maxLength: 6,
        }),
        async (additions) => {
          const schema = fixture();
          const places = [...walkSubschemas(schema)].map((node) => node.schema);
          for (const [at, name, value] of additions)
            places[at % places.length]![name] = JSON.parse(
              JSON.stringify(value) ?? "null",
            ) as JsonValue;
          const written = `${JSON.stringify(schema, null, 2)}\n`;
          const files = await exportFiles(JSON.parse(written) as JsonObject, "any");
          expect(files[0]!.contents).toBe(written);
        },
      ),
      { numRuns: 15 },
    );
  }, 120_000);

  it("refuses an airbyte_secret field with a value, naming the keyword and not the value", async () => {
    const schema = fixture();
    (schema.properties as Record<string, JsonObject>).password!.default = "hunter2";
    const refused = await exportFiles(schema, "leaky").then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(SchemaProblem);
    const problem = refused as SchemaProblem;
    expect(problem.pointer).toBe("/properties/password/default");
    expect(problem.problem).toMatch(/the secret field "password" \(Password\) has a default value/);
    expect(`${problem.problem} ${problem.fix}`).not.toContain("hunter2");
  });

  it("the validator compiles with vendor keywords of any form and ignores them", async () => {
    const schema = fixture();
    const properties = schema.properties as Record<string, JsonObject>;
    // forms a platform might write that mean nothing to JSON Schema: still no effect on validation
    properties.host!.order = "first";
    properties.host!.group = { id: "db" };
    properties.username!.multiline = "yes";
    properties.username!["x-widget"] = ["a", 1];
    const dir = scratchDir("vendor-validator");
    writeFiles(dir, await exportFiles(schema, "vendor-keywords"));
    const good = {
      host: "db.example.com",
      port: 5432,
      database: "app",
      username: "reader",
      password: "p",
      start_date: "2024-01-31",
      credentials: { auth_type: "api_key", api_key: "k" },
      ssl_mode: "require",
    };
    const samples = {
      good,
      badDate: { ...good, start_date: "31/01/2024" },
      missingHost: { ...good, host: undefined },
      badSsl: { ...good, ssl_mode: "prefer" },
      hiddenIsStillValidated: { ...good, cursor_field: 5 },
    };
    const results = runStrictNode(
      dir,
      `import validate from "./vendor-keywords.validate.js";
const samples = JSON.parse(${JSON.stringify(JSON.stringify(samples))});
console.log(JSON.stringify(Object.fromEntries(Object.entries(samples).map(([name, data]) => [
  name, validate(data) ? [] : validate.errors.map((e) => e.instancePath + " " + e.keyword)]))));`,
    ) as Record<string, string[]>;
    expect(results).toEqual({
      good: [],
      badDate: ["/start_date pattern", "/start_date format"],
      missingHost: [" required"],
      badSsl: ["/ssl_mode enum"],
      hiddenIsStillValidated: ["/cursor_field type"],
    });
  }, 60_000);
});
