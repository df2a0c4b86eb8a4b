import fsSync from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { lines, listing, runMain, tempDir } from "../support/cli.ts";
import { GOOD_TEXT } from "./fixtures.ts";

let dir: string;
beforeEach(async () => {
  dir = await tempDir();
  await fs.writeFile(path.join(dir, "connector.schema.json"), GOOD_TEXT);
});
afterEach(async () => {
  vi.restoreAllMocks();
  await fs.rm(dir, { recursive: true, force: true });
});

async function exportedNames(folder: string): Promise<string[]> {
  return (await fs.readdir(folder))
    .filter((name) => name !== "connector.schema.json" || folder !== dir)
    .sort();
}

describe("export", () => {
  it("writes 4 files named after the schema next to it, and prints their paths", async () => {
    const result = await runMain(["export", "connector.schema.json"], dir);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const written = lines(result.stdout);
    expect(written).toHaveLength(4);
    for (const file of written) {
      expect(path.basename(file)).toMatch(/^connector\b/);
      expect(path.dirname(file)).toBe(".");
      expect((await fs.stat(path.join(dir, file))).isFile()).toBe(true);
    }
    // Nothing else: no temporary folder left behind.
    const all = (await fs.readdir(dir)).sort();
    expect(all).toEqual(
      [...new Set(["connector.schema.json", ...written.map((file) => path.basename(file))])].sort(),
    );
  });

  it("leaves foo.schema.json as written (formatting included) when exporting next to it", async () => {
    const compact = JSON.stringify(JSON.parse(GOOD_TEXT));
    await fs.writeFile(path.join(dir, "connector.schema.json"), compact);
    const result = await runMain(["export", "connector.schema.json"], dir);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(lines(result.stdout)).toContain("connector.schema.json");
    expect(await fs.readFile(path.join(dir, "connector.schema.json"), "utf8")).toBe(compact);
    expect(await fs.readdir(dir)).toHaveLength(4);
  });

  it("names the files after foo.json as after foo.schema.json", async () => {
    await fs.copyFile(path.join(dir, "connector.schema.json"), path.join(dir, "plain.json"));
    const a = await runMain(["export", "connector.schema.json", "--out", "a"], dir);
    const b = await runMain(["export", "plain.json", "--out", "b"], dir);
    expect([a.code, b.code]).toEqual([0, 0]);
    const namesA = (await fs.readdir(path.join(dir, "a"))).sort();
    const namesB = (await fs.readdir(path.join(dir, "b"))).sort();
    expect(namesB).toEqual(namesA.map((name) => name.replace(/^connector/, "plain")));
  });

  it("creates a missing --out folder (and its parents), and prints paths inside it", async () => {
    const result = await runMain(
      ["export", "connector.schema.json", "--out", "build/credentials"],
      dir,
    );
    expect(result.code, result.stderr).toBe(0);
    const written = lines(result.stdout);
    expect(
      written.every((file) => file.startsWith(path.join("build", "credentials") + path.sep)),
    ).toBe(true);
    expect(await exportedNames(path.join(dir, "build", "credentials"))).toHaveLength(4);
  });

  it("accepts absolute paths", async () => {
    const out = path.join(dir, "abs");
    const result = await runMain(
      ["export", path.join(dir, "connector.schema.json"), "--out", out],
      "/",
    );
    expect(result.code, result.stderr).toBe(0);
    expect(lines(result.stdout).every((file) => file.startsWith(out + path.sep))).toBe(true);
  });

  it("replaces the files of an earlier export, and leaves other files alone", async () => {
    await fs.mkdir(path.join(dir, "out"));
    await fs.writeFile(path.join(dir, "out", "notes.txt"), "mine");
    expect((await runMain(["export", "connector.schema.json", "--out", "out"], dir)).code).toBe(0);
    const first = await listing(path.join(dir, "out"));
    const schema = JSON.parse(GOOD_TEXT) as { title: string };
    schema.title = "Changed title";
    await fs.writeFile(path.join(dir, "connector.schema.json"), JSON.stringify(schema, null, 2));
    expect((await runMain(["export", "connector.schema.json", "--out", "out"], dir)).code).toBe(0);
    const second = await listing(path.join(dir, "out"));
    expect(second.map((line) => line.split(" ")[0])).toEqual(
      first.map((line) => line.split(" ")[0]),
    );
    expect(await fs.readFile(path.join(dir, "out", "notes.txt"), "utf8")).toBe("mine");
  });

  it("is all or nothing: a folder in the way of one file leaves everything as it was", async () => {
    expect((await runMain(["export", "connector.schema.json", "--out", "out"], dir)).code).toBe(0);
    const names = (await fs.readdir(path.join(dir, "out"))).sort();
    const last = names[names.length - 1] as string;
    await fs.rm(path.join(dir, "out", last));
    await fs.mkdir(path.join(dir, "out", last));
    await fs.writeFile(
      path.join(dir, "connector.schema.json"),
      GOOD_TEXT.replace("Example API", "Another title"),
    );
    const before = await listing(dir);
    const result = await runMain(["export", "connector.schema.json", "--out", "out"], dir);
    expect(result.code).toBe(2);
    expect(lines(result.stderr)).toEqual([
      `credential-designer: ${path.join("out", last)}: a folder is in the way of an exported file. Remove or rename the folder, or choose another --out.`,
    ]);
    expect(await listing(dir)).toEqual(before);
  });

  it("is all or nothing: a failure half-way through the renames puts the earlier files back", async () => {
    expect((await runMain(["export", "connector.schema.json", "--out", "out"], dir)).code).toBe(0);
    await fs.writeFile(
      path.join(dir, "connector.schema.json"),
      GOOD_TEXT.replace("Example API", "Another title"),
    );
    const before = await listing(dir);
    const rename = fsSync.renameSync;
    let placed = 0;
    vi.spyOn(fsSync, "renameSync").mockImplementation((from, to) => {
      // Let the first file be put in place, and the second kept aside: then fail to place it.
      if (path.basename(path.dirname(String(from))) === "new" && ++placed === 2)
        throw Object.assign(new Error("ENOSPC: no space left on device"), { code: "ENOSPC" });
      rename(from, to);
    });
    const result = await runMain(["export", "connector.schema.json", "--out", "out"], dir);
    expect(result.code).toBe(2);
    expect(lines(result.stderr)).toHaveLength(1);
    expect(result.stderr).toMatch(
      /^credential-designer: out\/\S+: cannot write the file \(the disk is full\)\. Free some disk space\.\n$/,
    );
    expect(await listing(dir)).toEqual(before);
  });

  it("a failure while writing into a folder it created removes that folder again", async () => {
    const writeFileSync = fsSync.writeFileSync;
    let calls = 0;
    vi.spyOn(fsSync, "writeFileSync").mockImplementation((...args) => {
      // The first write is the temporary folder's journal; the second, the first exported file.
      if (++calls === 2) throw Object.assign(new Error("EIO"), { code: "EIO" });
      writeFileSync(...args);
    });
    const before = await listing(dir);
    const result = await runMain(["export", "connector.schema.json", "--out", "new/out"], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /^credential-designer: new\/out: cannot write \S+ \(an input\/output error\)\. Choose another --out\.\n$/,
    );
    expect(await listing(dir)).toEqual(before);
  });
});
