import fs from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { REPO, runMain } from "../support/cli.ts";

const version = (
  JSON.parse(await fs.readFile(`${REPO}/package.json`, "utf8")) as { version: string }
).version;

describe("--help and --version", () => {
  it("--help shows the usage of every command, on stdout, exit 0", async () => {
    for (const argv of [["--help"], ["-h"], ["nonsense", "--help"], ["--help", "--version"]]) {
      const result = await runMain(argv, REPO);
      expect(result.code).toBe(0);
      expect(result.stderr).toBe("");
      expect(result.stdout).toMatch(/^Usage: credential-designer <command> \[options\]/);
      expect(result.stdout).toContain("export <schema.json>... [--out DIR]");
      expect(result.stdout).toContain("check <schema.json>...");
      expect(result.stdout).toContain("new --template NAME [--out FILE] [--force]");
      expect(result.stdout).toContain("--version");
      expect(result.stdout).toMatch(/Exit codes: 0 .*1 .*2 /);
    }
  });

  it.each([
    [
      "export",
      /^Usage: credential-designer export <schema\.json>\.\.\. \[--out DIR\] \[--csharp \[--namespace NS\]\]\n[\s\S]*--out DIR/,
    ],
    [
      "check",
      /^Usage: credential-designer check <schema\.json>\.\.\.\n[\s\S]*exits with 1 if there is an error/i,
    ],
    [
      "new",
      /^Usage: credential-designer new --template NAME \[--out FILE\] \[--force\]\n[\s\S]*--force[\s\S]*Templates: /,
    ],
  ])("%s --help shows that command's usage", async (command, pattern) => {
    for (const argv of [
      [command, "--help"],
      [command, "-h"],
      [command, "--bogus", "--help"],
    ]) {
      const result = await runMain(argv, REPO);
      expect(result.code).toBe(0);
      expect(result.stderr).toBe("");
      expect(result.stdout).toMatch(pattern);
    }
  });

  it("--version prints the version from package.json", async () => {
    for (const argv of [["--version"], ["-v"]]) {
      const result = await runMain(argv, REPO);
      expect(result).toEqual({ code: 0, stdout: `${version}\n`, stderr: "" });
    }
  });
});
