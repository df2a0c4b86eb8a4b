import fs from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BIN, lines, listing, REPO, runBin, tempDir } from "../support/cli.ts";
import { GOOD_TEXT } from "./fixtures.ts";

// The real command, as a child process, on real files: a few runs (each starts Node and tsx).
let dir: string;
beforeAll(async () => {
  dir = await tempDir();
  await fs.writeFile(path.join(dir, "connector.json"), GOOD_TEXT);
  await fs.writeFile(
    path.join(dir, "broken.json"),
    '{\n  "type": "object",\n  "properties": {\n    "token": { "type": "string" },\n  }\n}\n',
  );
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe("bin/credential-designer.js", () => {
  it("is an executable node script", async () => {
    const stat = await fs.stat(BIN);
    expect(stat.mode & 0o111).toBe(0o111);
    expect(await fs.readFile(BIN, "utf8")).toMatch(/^#!\/usr\/bin\/env node\n/);
    const manifest = JSON.parse(await fs.readFile(path.join(REPO, "package.json"), "utf8")) as {
      bin: Record<string, string>;
    };
    expect(path.resolve(REPO, manifest.bin["credential-designer"] ?? "")).toBe(BIN);
  });

  it("--version and --help", async () => {
    const { version } = JSON.parse(await fs.readFile(path.join(REPO, "package.json"), "utf8")) as {
      version: string;
    };
    expect(await runBin(["--version"], dir)).toEqual({
      code: 0,
      stdout: `${version}\n`,
      stderr: "",
    });
    const help = await runBin(["--help"], dir);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: credential-designer <command>/);
  });

  it("export writes the files into --out and prints their paths", async () => {
    const result = await runBin(["export", "connector.json", "--out", "out"], dir);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const written = lines(result.stdout);
    expect(written).toHaveLength(4);
    expect((await fs.readdir(path.join(dir, "out"))).sort()).toEqual(
      written.map((file) => path.relative("out", file)).sort(),
    );
  });

  it("a broken file: exit 2, one line on stderr with file and line:column, nothing written", async () => {
    const before = await listing(dir);
    const result = await runBin(["export", "broken.json"], dir);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe(
      "credential-designer: broken.json:5:3: unexpected '}' after a comma: trailing commas are not allowed in JSON. Remove the comma at 4:34.\n",
    );
    expect(await listing(dir)).toEqual(before);
  });

  it("check: exit 0 on a good schema", async () => {
    const result = await runBin(["check", "connector.json"], dir);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(lines(result.stdout).at(-1)).toMatch(
      /^connector\.json: (no problems found|0 errors, \d+ warnings?)$/,
    );
  });
});
