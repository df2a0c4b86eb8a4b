import fs from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listTemplates, templatesDir } from "../../src/cli/commands.ts";
import { lines, listing, runMain, tempDir } from "../support/cli.ts";

const templates = await listTemplates();

let dir: string;
beforeAll(async () => {
  dir = await tempDir();
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

it("lists the templates from the schemas folder", async () => {
  expect(templates.length, `no templates in ${templatesDir()}`).toBeGreaterThan(0);
  const help = await runMain(["new", "--help"], dir);
  expect(help.stdout).toContain(`Templates: ${templates.join(", ")}`);
});

describe.each(templates)("template %s", (name) => {
  it("new writes it, check passes, export writes the files", async () => {
    const work = path.join(dir, name);
    await fs.mkdir(work);
    const created = await runMain(["new", "--template", name], work);
    expect(created.stderr).toBe("");
    expect(created.code).toBe(0);
    expect(lines(created.stdout)).toEqual([`${name}.json`]);
    expect(await fs.readFile(path.join(work, `${name}.json`), "utf8")).toBe(
      await fs.readFile(path.join(templatesDir(), `${name}.json`), "utf8"),
    );

    const checked = await runMain(["check", `${name}.json`], work);
    expect(checked.stderr).toBe("");
    expect(checked.stdout).not.toMatch(/: error: /);
    expect(checked.code).toBe(0);

    const exported = await runMain(["export", `${name}.json`, "--out", "out"], work);
    expect(exported.stderr).toBe("");
    expect(exported.code).toBe(0);
    expect(lines(exported.stdout).length).toBeGreaterThan(0);
  });
});

describe("new", () => {
  it("refuses to replace a file unless --force, and writes into a folder given as --out", async () => {
    const name = templates[0] as string;
    const work = path.join(dir, "new-force");
    await fs.mkdir(work);
    await fs.writeFile(path.join(work, "mine.json"), "{}");
    const before = await listing(work);
    const refused = await runMain(["new", "--template", name, "--out", "mine.json"], work);
    expect(refused.code).toBe(2);
    expect(lines(refused.stderr)).toEqual([
      "credential-designer: mine.json: the file already exists. Choose another --out, or add --force to replace it.",
    ]);
    expect(await listing(work)).toEqual(before);

    const forced = await runMain(
      ["new", "--template", `${name}.json`, "--out=mine.json", "--force"],
      work,
    );
    expect(forced.code, forced.stderr).toBe(0);
    expect(await fs.readFile(path.join(work, "mine.json"), "utf8")).toBe(
      await fs.readFile(path.join(templatesDir(), `${name}.json`), "utf8"),
    );
    expect((await fs.readdir(work)).sort()).toEqual(["mine.json"]);

    await fs.mkdir(path.join(work, "sub"));
    const intoFolder = await runMain(["new", "-t", name, "-o", "sub"], work);
    expect(intoFolder.code, intoFolder.stderr).toBe(0);
    expect(lines(intoFolder.stdout)).toEqual([path.join("sub", `${name}.json`)]);
  });

  it("refuses a missing folder and a folder that is a file", async () => {
    const name = templates[0] as string;
    const work = path.join(dir, "new-folders");
    await fs.mkdir(work);
    await fs.writeFile(path.join(work, "file"), "x");
    const before = await listing(work);
    const missing = await runMain(["new", "--template", name, "--out", "nope/x.json"], work);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe(
      "credential-designer: nope/x.json: cannot write the file: its folder does not exist. Create the folder first, or choose another --out.\n",
    );
    const throughFile = await runMain(["new", "--template", name, "--out", "file/x.json"], work);
    expect(throughFile.code).toBe(2);
    expect(lines(throughFile.stderr)).toHaveLength(1);
    expect(throughFile.stderr).toMatch(
      /^credential-designer: file\/x\.json: cannot write the file: its folder is a file\./,
    );
    expect(await listing(work)).toEqual(before);
  });

  it("an unknown template lists the available ones", async () => {
    const result = await runMain(["new", "--template", "basic"], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `credential-designer: unknown template 'basic'. Choose one of: ${templates.join(", ")}.\n`,
    );
  });

  it("does not accept a path as a template name", async () => {
    const result = await runMain(["new", "--template", "../package"], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^credential-designer: unknown template '\.\.\/package'\./);
  });
});
