import fs from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { lines, REPO, runMain, tempDir } from "../support/cli.ts";

/**
 * An Airbyte-style window through the command (docs/vendor-keywords.md): `export` writes its
 * schema back byte for byte, vendor keywords and all, and `check` and `export` treat a field
 * marked `airbyte_secret` as the secret it is.
 */
const FIXTURE = path.join(REPO, "test/fixtures/export/vendor-keywords.schema.json");
const SECRET = "hunter2-MARKER-vk";

let dir: string;
beforeEach(async () => {
  dir = await tempDir();
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe("the command keeps vendor keywords", () => {
  it("export writes the schema byte for byte, the bindings mark airbyte_secret fields secret, the C# masks them", async () => {
    const text = await fs.readFile(FIXTURE, "utf8");
    await fs.writeFile(path.join(dir, "postgres.json"), text);
    const result = await runMain(["export", "postgres.json", "--out", "out", "--csharp"], dir);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(await fs.readFile(path.join(dir, "out", "postgres.schema.json"), "utf8")).toBe(text);
    const bindings = await fs.readFile(path.join(dir, "out", "postgres.ts"), "utf8");
    expect(bindings).toMatch(
      /Password\n {3}\*\n {3}\* Secret: write-only; never log or persist it\.\n {3}\*\/\n {2}password\?: string;/,
    );
    const csharp = await fs.readFile(path.join(dir, "out", "postgres.cs"), "utf8");
    expect(csharp).toContain("Secret (airbyte_secret): ToString() shows it as ***");
    expect(csharp).toContain('CredentialJson.Show(text, "Password", this.Password, true);');
  });

  it("check passes the window: no secret-not-write-only for fields marked airbyte_secret", async () => {
    await fs.copyFile(FIXTURE, path.join(dir, "postgres.json"));
    const result = await runMain(["check", "postgres.json"], dir);
    expect(result.stdout).not.toContain("secret-not-write-only");
    expect(result.code).toBe(0);
  });

  it("an airbyte_secret field with a default: export refuses, check reports it, the value never shown", async () => {
    const schema = JSON.parse(await fs.readFile(FIXTURE, "utf8"));
    schema.properties.credentials.oneOf[1].properties.api_key.default = SECRET;
    await fs.writeFile(path.join(dir, "leaky.json"), JSON.stringify(schema, null, 2));
    const exported = await runMain(["export", "leaky.json", "--out", "out"], dir);
    expect(exported.code).toBe(2);
    expect(lines(exported.stderr)).toEqual([
      expect.stringMatching(
        /^credential-designer: leaky\.json:\/properties\/credentials\/oneOf\/1\/properties\/api_key\/default: the secret field "api_key" \(API Key\) has a default value/,
      ),
    ]);
    await expect(fs.stat(path.join(dir, "out"))).rejects.toThrow();
    const checked = await runMain(["check", "leaky.json"], dir);
    expect(checked.code).toBe(1);
    expect(checked.stdout).toContain(
      "leaky.json:/properties/credentials/oneOf/1/properties/api_key/default: error: ",
    );
    for (const output of [exported.stdout, exported.stderr, checked.stdout, checked.stderr])
      expect(output).not.toContain(SECRET);
  });
});
