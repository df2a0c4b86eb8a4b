import fsSync from "node:fs";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, expect, it, vi } from "vitest";
import { lines, listing, runMain, tempDir } from "../support/cli.ts";
import { GOOD_SCHEMA } from "./fixtures.ts";

/**
 * What `export` does with the temporary folders an interrupted export left in its output folder
 * (a hard kill: no handler ran). Each leftover is made here as a killed export leaves it, with
 * its journal; export-interrupted.test.ts makes one with a real SIGKILL.
 */

const NAMES = ["api.schema.json", "api.ts", "api.validate.js", "api.validate.d.ts"];
/** A process id no process has (above Linux's largest, 2^22). */
const DEAD_PID = 2 ** 22 + 1;

let fixtures: string;
let oldExport: Map<string, Buffer>;
let newExport: Map<string, Buffer>;

beforeAll(async () => {
  fixtures = await tempDir();
  for (const [version, title] of [
    ["old", "Old"],
    ["new", "New"],
  ] as const) {
    await fs.mkdir(path.join(fixtures, version));
    await fs.writeFile(
      path.join(fixtures, version, "api.json"),
      JSON.stringify({ ...GOOD_SCHEMA, title }),
    );
    expect((await runMain(["export", "api.json"], path.join(fixtures, version))).code).toBe(0);
  }
  oldExport = await readExport(path.join(fixtures, "old"));
  newExport = await readExport(path.join(fixtures, "new"));
}, 60_000);
afterAll(async () => {
  await fs.rm(fixtures, { recursive: true, force: true });
});

async function readExport(folder: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const name of NAMES) files.set(name, await fs.readFile(path.join(folder, name)));
  return files;
}

let dir: string;
let out: string;
beforeEach(async () => {
  dir = await tempDir();
  out = path.join(dir, "out");
  await fs.mkdir(out);
  await fs.writeFile(path.join(dir, "other.json"), JSON.stringify(GOOD_SCHEMA));
  await fs.writeFile(path.join(out, "NOTES.md"), "mine\n");
});
afterEach(async () => {
  vi.restoreAllMocks();
  await fs.rm(dir, { recursive: true, force: true });
});

interface Leftover {
  phase: string;
  files?: string[];
  pid?: number;
  host?: string;
  /** name → which version is in new/, old/ and the output folder (absent: none). */
  state: Record<string, { new?: "new"; old?: "old"; out?: "old" | "new" }>;
  journal?: object;
}

/** Makes the temporary folder a killed export leaves, and the output folder's files beside it. */
async function leave(
  leftover: Leftover,
  name = ".credential-designer-tmp-AbC123",
): Promise<string> {
  const temp = path.join(out, name);
  await fs.mkdir(path.join(temp, "new"), { recursive: true });
  await fs.mkdir(path.join(temp, "old"));
  await fs.writeFile(
    path.join(temp, "journal.json"),
    JSON.stringify(
      leftover.journal ?? {
        tool: "credential-designer export",
        version: 1,
        pid: leftover.pid ?? DEAD_PID,
        host: leftover.host ?? os.hostname(),
        phase: leftover.phase,
        files: leftover.files ?? NAMES,
      },
    ),
  );
  for (const [file, where] of Object.entries(leftover.state)) {
    if (where.new) await fs.writeFile(path.join(temp, "new", file), newExport.get(file) as Buffer);
    if (where.old) await fs.writeFile(path.join(temp, "old", file), oldExport.get(file) as Buffer);
    if (where.out)
      await fs.writeFile(
        path.join(out, file),
        (where.out === "new" ? newExport : oldExport).get(file) as Buffer,
      );
  }
  return temp;
}

/** Every state a file can be in during the swap, one file each. */
const MID_SWAP: Leftover["state"] = {
  "api.schema.json": { out: "new" }, // placed, nothing replaced
  "api.ts": { old: "old", out: "new" }, // placed, the old one kept
  "api.validate.js": { new: "new", old: "old" }, // the old one moved aside, the new not placed
  "api.validate.d.ts": { new: "new", out: "old" }, // not begun
};

async function exportOther() {
  const result = await runMain(["export", "other.json", "--out", "out"], dir);
  expect(result.code).toBe(0);
  return result;
}

async function expectOut(version: "old" | "new", absent: string[] = []): Promise<void> {
  const files = version === "new" ? newExport : oldExport;
  for (const name of NAMES) {
    if (absent.includes(name))
      await expect(fs.stat(path.join(out, name))).rejects.toThrow(/ENOENT/);
    else expect(await fs.readFile(path.join(out, name)), name).toEqual(files.get(name));
  }
  expect(
    (await fs.readdir(out)).filter((name) => name.startsWith(".credential-designer-tmp-")),
  ).toEqual([]);
  expect(await fs.readFile(path.join(out, "NOTES.md"), "utf8")).toBe("mine\n");
}

it("swapping: the next export completes the new export, then writes its own", async () => {
  await leave({ phase: "swapping", state: MID_SWAP });
  const result = await exportOther();
  expect(lines(result.stderr)).toEqual([
    `credential-designer: completed an interrupted export into out: ${NAMES.join(", ")} hold the new export`,
  ]);
  await expectOut("new");
  expect(lines(result.stdout)).toHaveLength(4);
});

it("undoing (a failed swap, then a kill): the old files are put back", async () => {
  await leave({ phase: "undoing", state: MID_SWAP });
  const result = await exportOther();
  expect(lines(result.stderr)).toEqual([
    `credential-designer: undid a failed export into out: ${NAMES.join(", ")} are back as they were`,
  ]);
  // The schema file had nothing to replace: it is taken away again.
  await expectOut("old", ["api.schema.json"]);
});

it("writing (killed before the swap): the temporary folder is removed, nothing else changes", async () => {
  for (const name of NAMES) await fs.writeFile(path.join(out, name), oldExport.get(name) as Buffer);
  await leave({
    phase: "writing",
    state: { "api.schema.json": { new: "new" }, "api.ts": { new: "new" } },
  });
  const before = await listing(out);
  const result = await exportOther();
  expect(lines(result.stderr)).toEqual([
    "credential-designer: removed out/.credential-designer-tmp-AbC123, left by an export interrupted before it changed out",
  ]);
  await expectOut("old");
  expect((await listing(out)).filter((line) => !line.startsWith("other."))).toEqual(
    before.filter((line) => !line.startsWith(".credential-designer-tmp-")),
  );
});

it("a rerun repairs, and a second rerun has nothing to say", async () => {
  await leave({ phase: "swapping", state: MID_SWAP });
  expect(lines((await exportOther()).stderr)).toHaveLength(1);
  expect((await exportOther()).stderr).toBe("");
  await expectOut("new");
});

it.each<[string, Partial<Leftover>]>([
  ["a process that may still be running (this test's parent)", { pid: process.ppid }],
  ["another machine's (a shared folder)", { host: `not-${os.hostname()}` }],
  ["a journal of another tool", { journal: { tool: "other", phase: "swapping", files: NAMES } }],
  ["a journal naming a path outside", { files: ["../other.json"] }],
  ["a journal of a later version", { journal: { tool: "credential-designer export", version: 2 } }],
])("never touches a leftover that is not provably a dead export's: %s", async (_, leftover) => {
  await leave({ phase: "swapping", state: MID_SWAP, ...leftover });
  const before = await listing(out);
  const result = await exportOther();
  expect(result.stderr).toBe("");
  expect((await listing(out)).filter((line) => !line.startsWith("other."))).toEqual(before);
});

it("never touches a folder named like ours without a journal; an empty one is removed", async () => {
  await leave({ phase: "swapping", state: MID_SWAP });
  await fs.rm(path.join(out, ".credential-designer-tmp-AbC123", "journal.json"));
  const before = await listing(out);
  await fs.mkdir(path.join(out, ".credential-designer-tmp-empty"));
  const result = await exportOther();
  expect(lines(result.stderr)).toEqual([
    "credential-designer: removed out/.credential-designer-tmp-empty, an empty folder left by an interrupted export",
  ]);
  expect((await listing(out)).filter((line) => !line.startsWith("other."))).toEqual(before);
});

it("a leftover it cannot repair stops the export, naming it; nothing is written", async () => {
  await leave({ phase: "swapping", state: MID_SWAP });
  // A folder where a file must go back: the rename fails.
  await fs.rm(path.join(out, "api.validate.d.ts"));
  await fs.mkdir(path.join(out, "api.validate.d.ts"));
  await fs.writeFile(path.join(out, "api.validate.d.ts", "keep"), "");
  const before = await listing(out);
  const result = await runMain(["export", "other.json", "--out", "out"], dir);
  expect(result.code).toBe(2);
  expect(lines(result.stderr)).toEqual([
    expect.stringMatching(
      /^credential-designer: out: cannot repair what an interrupted export left in \.credential-designer-tmp-AbC123 \(.+\)\. Check the folder's permissions; journal\.json in it says which files it holds\.$/,
    ),
  ]);
  // Its own files are not written; the leftover stays for a later run (files placed before the
  // failure stay placed: rolling forward again is the same).
  const after = await listing(out);
  expect(after.filter((line) => line.startsWith("other."))).toEqual([]);
  expect(
    after.filter((line) => line.startsWith(".credential-designer-tmp-AbC123/journal.json ")),
  ).toEqual(
    before.filter((line) => line.startsWith(".credential-designer-tmp-AbC123/journal.json ")),
  );
});

it("a leftover another running export is repairing is left to it; one whose repairer died is taken over", async () => {
  const temp = await leave({ phase: "swapping", state: MID_SWAP });
  await fs.writeFile(path.join(temp, "repairing.pid"), `${process.ppid}\n`);
  const before = await listing(out);
  expect((await exportOther()).stderr).toBe("");
  expect((await listing(out)).filter((line) => !line.startsWith("other."))).toEqual(before);

  await fs.writeFile(path.join(temp, "repairing.pid"), `${DEAD_PID}\n`);
  expect(lines((await exportOther()).stderr)).toEqual([
    `credential-designer: completed an interrupted export into out: ${NAMES.join(", ")} hold the new export`,
  ]);
  await expectOut("new");
});

it("an export whose new temporary folder another export removed (still empty) makes another", async () => {
  const writeFileSync = fsSync.writeFileSync;
  let removed = false;
  vi.spyOn(fsSync, "writeFileSync").mockImplementation((...args) => {
    const [file] = args;
    if (!removed && typeof file === "string" && path.basename(file) === "journal.json") {
      removed = true;
      // Another export's repair, in the instant before this journal: the folder is empty.
      fsSync.rmdirSync(path.dirname(file));
      throw Object.assign(new Error("ENOENT: no such file or directory"), { code: "ENOENT" });
    }
    writeFileSync(...args);
  });
  const result = await exportOther();
  expect(removed).toBe(true);
  expect(result.stderr).toBe("");
  expect((await fs.readdir(out)).sort()).toEqual(
    ["NOTES.md", ...NAMES.map((name) => name.replace("api", "other"))].sort(),
  );
});
