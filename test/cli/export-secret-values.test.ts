import fs from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { JsonObject } from "../../src/json/value.ts";
import { lines, listing, runBin, runMain, tempDir } from "../support/cli.ts";
import { GOOD_SCHEMA, SECRET } from "./fixtures.ts";

// A secret carrying a value in a real file: `export` refuses it and writes nothing, `check` reports it.
let dir: string;
beforeEach(async () => {
  dir = await tempDir();
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** The good schema with `extra` on its password (a secret), as a file in `dir`. */
async function leaky(name: string, extra: JsonObject): Promise<void> {
  const schema = structuredClone(GOOD_SCHEMA) as { properties: Record<string, JsonObject> };
  Object.assign(schema.properties.password!, extra);
  await fs.writeFile(path.join(dir, name), `${JSON.stringify(schema, null, 2)}\n`);
}

describe("export refuses a secret that carries a value", () => {
  it("the real command: exit 2, one line naming the file and the keyword's pointer, nothing written", async () => {
    await leaky("leaky.json", { default: SECRET });
    await fs.mkdir(path.join(dir, "out"));
    await fs.writeFile(path.join(dir, "out", "keep.txt"), "already here");
    const before = await listing(dir);
    const result = await runBin(["export", "leaky.json", "--out", "out"], dir);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe(
      'credential-designer: leaky.json:/properties/password/default: the secret field "password" (Password) has a default value ("default"), which would ship with every connector. ' +
        'Remove "default" from the field "password" (Password); describe the expected format in "description" instead.\n',
    );
    expect(await listing(dir)).toEqual(before);
  });

  it.each([
    [
      "examples",
      { examples: [SECRET] },
      "/properties/password/examples",
      /has example values \("examples"\)/,
    ],
    ["const", { const: SECRET }, "/properties/password/const", /has a constant value \("const"\)/],
    [
      "a one-value enum",
      { enum: [SECRET] },
      "/properties/password/enum",
      /has a single allowed value \("enum"\)/,
    ],
  ])(
    "%s: next to the input, into --out or a new folder, nothing is written and the value is never shown",
    async (_, extra, pointer, problem) => {
      await leaky("leaky.schema.json", extra);
      const before = await listing(dir);
      for (const argv of [
        ["export", "leaky.schema.json"],
        ["export", "leaky.schema.json", "--out", "out"],
        ["export", "leaky.schema.json", "--out", "new/folder"],
      ]) {
        const result = await runMain(argv, dir);
        expect(result.code).toBe(2);
        expect(result.stdout).toBe("");
        const [line, ...rest] = lines(result.stderr);
        expect(rest).toEqual([]);
        expect(line).toMatch(
          new RegExp(
            `^credential-designer: leaky\\.schema\\.json:${pointer.replace(/\//g, "\\/")}: `,
          ),
        );
        expect(line).toMatch(problem);
        expect(line).not.toContain(SECRET);
        expect(await listing(dir)).toEqual(before);
      }
    },
  );

  it("one in a choice branch is found too", async () => {
    const schema = {
      type: "object",
      properties: {
        auth: {
          oneOf: [
            {
              title: "None",
              type: "object",
              properties: { type: { type: "string", const: "none" } },
            },
            {
              title: "Token",
              type: "object",
              properties: {
                type: { type: "string", const: "token" },
                token: { type: "string", writeOnly: true, examples: [SECRET] },
              },
            },
          ],
        },
      },
    };
    await fs.writeFile(path.join(dir, "choice.json"), JSON.stringify(schema));
    const result = await runMain(["export", "choice.json", "--out", "out"], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /^credential-designer: choice\.json:\/properties\/auth\/oneOf\/1\/properties\/token\/examples: the secret field "token" has example values/,
    );
    await expect(fs.stat(path.join(dir, "out"))).rejects.toThrow();
  });
});

it("check still reads such a file and reports it with its rule, in the same words: exit 1", async () => {
  await leaky("leaky.json", { default: SECRET });
  const check = await runMain(["check", "leaky.json"], dir);
  expect(check.stderr).toBe("");
  expect(check.code).toBe(1);
  const exported = await runMain(["export", "leaky.json"], dir);
  const refusal = lines(exported.stderr)[0]!.replace(
    /^credential-designer: leaky\.json:\/properties\/password\/default: /,
    "",
  );
  expect(lines(check.stdout)).toContain(
    `leaky.json:/properties/password/default: error: ${refusal.charAt(0).toUpperCase()}${refusal.slice(1)}`,
  );
  expect(check.stdout).not.toContain(SECRET);
});
