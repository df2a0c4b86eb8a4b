import fsSync from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { lines, listing, type RunResult, runMain, tempDir } from "../support/cli.ts";
import { BROKEN_INPUTS, GOOD_TEXT, SECRET } from "./fixtures.ts";

let dir: string;
beforeEach(async () => {
  dir = await tempDir();
});
afterEach(async () => {
  vi.restoreAllMocks();
  await fs.chmod(dir, 0o755).catch(() => undefined);
  await fs.rm(dir, { recursive: true, force: true });
});

/** One line on stderr, in the documented shape, nothing on stdout, no stack trace, no secret. */
function expectOneLineFailure(result: RunResult, code: number, pattern: RegExp): string {
  expect(result.code, result.stderr).toBe(code);
  expect(result.stdout).toBe("");
  const errorLines = lines(result.stderr);
  expect(errorLines, result.stderr).toHaveLength(1);
  const line = errorLines[0] as string;
  expect(line).toMatch(/^credential-designer: .+\. .+\.$/);
  expect(line).toMatch(pattern);
  expect(line).not.toMatch(/\bat .+:\d+:\d+\)?$|node:internal|\.ts:\d+/);
  expect(line).not.toContain(SECRET);
  return line;
}

describe("usage errors: exit 2, one line", () => {
  const cases: Array<[string, string[], RegExp]> = [
    ["no command", [], /missing command.*--help/],
    [
      "unknown command",
      ["exprot", "a.json"],
      /unknown command 'exprot'\. Did you mean 'export'\? The commands are export, check, diff, new;/,
    ],
    [
      "unknown option",
      ["export", "schema.json", "--outt", "x"],
      /unknown option '--outt' for 'export'\. Did you mean '--out'\? Run 'credential-designer export --help'/,
    ],
    ["unknown global option", ["--frobnicate"], /unknown option '--frobnicate'/],
    [
      "command option before the command",
      ["--out", "x", "export", "schema.json"],
      /option '--out' comes before the command/,
    ],
    [
      "missing schema file",
      ["export"],
      /'export' needs the schema\.json file.*export <schema\.json>/,
    ],
    ["missing schema file for check", ["check"], /'check' needs the schema\.json file/],
    ["extra argument", ["new", "extra.json"], /unexpected argument 'extra\.json' for 'new'/],
    [
      "option without its value",
      ["export", "schema.json", "--out"],
      /option '--out' needs a value \(DIR\)/,
    ],
    [
      "option given twice",
      ["export", "schema.json", "--out", "a", "--out", "b"],
      /option '--out' is given twice/,
    ],
    [
      "flag with a value",
      ["new", "--template", "x", "--force=yes"],
      /option '--force' does not take a value/,
    ],
    ["new without a template", ["new"], /'new' needs a template\. Write --template NAME/],
    [
      "new with an unknown template",
      ["new", "--template", "no-such-template"],
      /unknown template 'no-such-template'\. Choose one of: /,
    ],
  ];
  it.each(cases)("%s", async (_name, argv, pattern) => {
    const before = await listing(dir);
    expectOneLineFailure(await runMain(argv, dir), 2, pattern);
    expect(await listing(dir)).toEqual(before);
  });
});

describe("file errors: exit 2, one line naming the file", () => {
  it("a missing file", async () => {
    expectOneLineFailure(
      await runMain(["check", "missing.json"], dir),
      2,
      /^credential-designer: missing\.json: no such file\./,
    );
    expectOneLineFailure(
      await runMain(["export", "sub/missing.json"], dir),
      2,
      /^credential-designer: sub\/missing\.json: no such file\./,
    );
  });

  it("a folder instead of a file", async () => {
    await fs.mkdir(path.join(dir, "folder.json"));
    const before = await listing(dir);
    expectOneLineFailure(
      await runMain(["export", "folder.json"], dir),
      2,
      /^credential-designer: folder\.json: this is a folder, not a file\./,
    );
    expectOneLineFailure(
      await runMain(["check", "folder.json"], dir),
      2,
      /folder\.json: this is a folder/,
    );
    expect(await listing(dir)).toEqual(before);
  });

  it("a path through a file", async () => {
    await fs.writeFile(path.join(dir, "file"), "x");
    expectOneLineFailure(
      await runMain(["check", "file/schema.json"], dir),
      2,
      /file\/schema\.json: no such file \(a part of the path is a file/,
    );
  });

  it("an unreadable file (simulated, so that it also holds when run as root)", async () => {
    await fs.writeFile(path.join(dir, "secret.json"), GOOD_TEXT);
    const denied = Object.assign(new Error("EACCES: permission denied, open"), { code: "EACCES" });
    const before = await listing(dir);
    const readFile = vi.spyOn(fs, "readFile").mockRejectedValueOnce(denied);
    expectOneLineFailure(
      await runMain(["export", "secret.json"], dir),
      2,
      /^credential-designer: secret\.json: the file cannot be read \(permission denied\)\. Check the file's permissions\.$/,
    );
    expect(readFile).toHaveBeenCalledTimes(1);
    expect(await listing(dir)).toEqual(before);
  });

  it("a UTF-16 file", async () => {
    await fs.writeFile(path.join(dir, "utf16.json"), Buffer.from("\uFEFF{}", "utf16le"));
    expectOneLineFailure(
      await runMain(["check", "utf16.json"], dir),
      2,
      /utf16\.json:1:1: the file is UTF-16 text.*Save the file as UTF-8\.$/,
    );
  });

  it("an output folder that is a file", async () => {
    await fs.writeFile(path.join(dir, "schema.json"), GOOD_TEXT);
    await fs.writeFile(path.join(dir, "out"), "not a folder");
    const before = await listing(dir);
    expectOneLineFailure(
      await runMain(["export", "schema.json", "--out", "out"], dir),
      2,
      /^credential-designer: out: the output folder is a file\./,
    );
    expectOneLineFailure(
      await runMain(["export", "schema.json", "--out", "out/sub"], dir),
      2,
      /^credential-designer: out\/sub: a part of the output folder's path is a file\. Choose another --out\.$/,
    );
    expect(await listing(dir)).toEqual(before);
  });

  it("an output folder that cannot be written (simulated)", async () => {
    await fs.writeFile(path.join(dir, "schema.json"), GOOD_TEXT);
    await fs.mkdir(path.join(dir, "out"));
    const denied = Object.assign(new Error("EACCES: permission denied, mkdtemp"), {
      code: "EACCES",
    });
    vi.spyOn(fsSync, "mkdtempSync").mockImplementation(() => {
      throw denied;
    });
    const before = await listing(dir);
    expectOneLineFailure(
      await runMain(["export", "schema.json", "--out", "out"], dir),
      2,
      /^credential-designer: out: cannot write into the output folder \(permission denied\)\. Check the folder's permissions/,
    );
    expect(await listing(dir)).toEqual(before);
  });
});

describe("broken schemas: exit 2, one line with file and place, nothing written", () => {
  it.each(BROKEN_INPUTS)("export: $name", async ({ text, place, problem }) => {
    await fs.writeFile(path.join(dir, "broken.schema.json"), text);
    await fs.mkdir(path.join(dir, "out"));
    await fs.writeFile(path.join(dir, "out", "keep.txt"), "already here");
    const before = await listing(dir);

    for (const argv of [
      ["export", "broken.schema.json"],
      ["export", "broken.schema.json", "--out", "out"],
      ["export", "broken.schema.json", "--out", "new/folder"],
    ]) {
      const line = expectOneLineFailure(
        await runMain(argv, dir),
        2,
        /^credential-designer: broken\.schema\.json:/,
      );
      const [, where, message] =
        /^credential-designer: broken\.schema\.json:(\S+): (.*)$/.exec(line) ?? [];
      expect(where, line).toMatch(place);
      expect(message, line).toMatch(problem);
      expect(await listing(dir)).toEqual(before);
    }
  });

  // What cannot be read as JSON stops check (exit 2); what is wrong with a schema is a finding.
  const atPointer = ({ place }: { place: RegExp }) => place.source.startsWith("^\\/");
  it.each(BROKEN_INPUTS.filter((input) => !atPointer(input)))(
    "check: $name",
    async ({ text, place }) => {
      await fs.writeFile(path.join(dir, "broken.json"), text);
      const before = await listing(dir);
      const line = expectOneLineFailure(
        await runMain(["check", "broken.json"], dir),
        2,
        /^credential-designer: broken\.json:/,
      );
      expect(/^credential-designer: broken\.json:(\S+):/.exec(line)?.[1]).toMatch(place);
      expect(await listing(dir)).toEqual(before);
    },
  );

  it.each(BROKEN_INPUTS.filter(atPointer))(
    "check reports, exit 1: $name",
    async ({ text, place }) => {
      await fs.writeFile(path.join(dir, "broken.json"), text);
      const result = await runMain(["check", "broken.json"], dir);
      expect(result.code, result.stderr).toBe(1);
      expect(result.stderr).toBe("");
      expect(result.stdout).not.toContain(SECRET);
      const errors = lines(result.stdout).filter((line) => /: error: /.test(line));
      expect(errors.length).toBeGreaterThan(0);
      expect(
        errors.some((line) => place.test(/^broken\.json:(\S+): error:/.exec(line)?.[1] ?? "")),
        result.stdout,
      ).toBe(true);
    },
  );
});

describe("--debug", () => {
  it("adds the stack trace", async () => {
    await fs.writeFile(path.join(dir, "broken.json"), "{,}");
    const quiet = await runMain(["check", "broken.json"], dir);
    const loud = await runMain(["check", "broken.json", "--debug"], dir);
    expect(loud.code).toBe(quiet.code);
    expect(lines(quiet.stderr)).toHaveLength(1);
    expect(lines(loud.stderr)[0]).toBe(lines(quiet.stderr)[0]);
    expect(loud.stderr).toMatch(/JsonSyntaxProblem.*\n\s+at /);
  });
});
