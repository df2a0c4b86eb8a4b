import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { CliError, describeFsError, printable } from "./errors.ts";
import type { NamedPath } from "./files.ts";
import { outputError } from "./files.ts";
import { Interrupted, type Interrupts, NO_INTERRUPTS } from "./interrupts.ts";

/**
 * Writing an export into a folder as one transaction (docs/cli.md, "If an export is interrupted").
 *
 * 1. A temporary folder `.credential-designer-tmp-XXXXXX/` is made inside the output folder (the
 *    same file system, so renames are atomic), with a journal (`journal.json`) that proves it is
 *    ours, says which process made it and which phase it is in: `writing`.
 * 2. Every new file is written into its `new/` and flushed to disk (fsync).
 * 3. The journal is switched to `swapping` (written beside, flushed, renamed over): the commit.
 *    Before it, the output folder is untouched; from it on, the export is completed.
 * 4. File by file: the file it replaces is kept in `old/` (a hard link, or moved there), then the
 *    new one is renamed over it. Then the temporary folder is removed, the journal last.
 *
 * A signal (SIGINT, SIGTERM) is taken only between steps (interrupts.ts): before the commit the
 * temporary folder is removed and the output folder is as it was; after it the swap is completed.
 * An error during the swap (a file locked on Windows…) puts the old files back (journal `undoing`).
 * After a hard kill (SIGKILL, a power cut) the next `export` into the folder finds the temporary
 * folder, sees from the journal that its process is gone, and finishes the same rule: `writing` is
 * removed, `swapping` is completed, `undoing` is undone. A folder without a valid journal is not
 * provably ours and is never touched, unless it is empty (rmdir removes nothing else).
 *
 * Each file's state in the swap is told by what is in `new/` and `old/` alone, so finishing or
 * undoing can resume after a kill at any point: a file still in `new/` is not placed yet; a file
 * in `old/` is the one it replaced.
 */

export const TEMP_PREFIX = ".credential-designer-tmp-";
const JOURNAL = "journal.json";
const JOURNAL_NEXT = "journal.next.json";
const JOURNAL_TOOL = "credential-designer export";
/** Made (exclusively) by the export repairing a leftover, holding its process id. */
const REPAIRING = "repairing.pid";
const NEW = "new";
const OLD = "old";
const MAX_JOURNAL_BYTES = 64 * 1024;

type Phase = "writing" | "swapping" | "undoing";

interface Journal {
  tool: typeof JOURNAL_TOOL;
  version: 1;
  pid: number;
  host: string;
  phase: Phase;
  /** The files this export writes (writing), or swaps in (swapping, undoing): names in `new/`. */
  files: string[];
}

export interface OutputFile {
  name: string;
  contents: string;
}

export interface WriteOptions {
  /**
   * The file the export was made from: if one of the files would land on it, that file is left
   * untouched when `unchangedBy` says the new contents mean the same (the user's formatting is
   * kept), and the whole export is refused otherwise.
   */
  input?: { path: string; unchangedBy(contents: string): boolean };
  /** Where a signal can stop the write (none in-process). */
  interrupts?: Interrupts;
  /** One line (without the program's name) for each leftover of an interrupted export repaired. */
  notice?(line: string): void;
}

/**
 * Writes all `files` into `dir`, or none of them; a signal leaves either the old files or the new
 * ones (Interrupted says which). Returns the written paths as the user would write them.
 */
export async function writeFilesAtomically(
  dir: NamedPath,
  files: readonly OutputFile[],
  options: WriteOptions = {},
): Promise<string[]> {
  for (const file of files) {
    if (!isSafeName(file.name))
      throw new Error(`the exporter produced an unsafe file name ${JSON.stringify(file.name)}`);
  }
  if (new Set(files.map((file) => file.name)).size !== files.length)
    throw new Error("the exporter produced two files with the same name");
  const interrupts = options.interrupts ?? NO_INTERRUPTS;

  const exists = outputFolderExists(dir);
  if (exists) repairLeftovers(dir, options.notice ?? (() => undefined));
  const written = files.map((file) => path.join(dir.display, file.name));

  let created: string | undefined;
  let temp: string | undefined;
  let swap: string[] = [];
  let committed = false;
  try {
    await interrupts.checkpoint("write:start");
    if (!exists) {
      try {
        created = fs.mkdirSync(dir.path, { recursive: true });
      } catch (error) {
        throw outputError(dir, error, "cannot create the output folder");
      }
    }
    try {
      temp = makeTemp(
        dir.path,
        files.map((file) => file.name),
      );
    } catch (error) {
      throw outputError(dir, error, "cannot write into the output folder");
    }
    await interrupts.checkpoint("write:temp-created");

    // 1. Everything into the temporary folder, on disk.
    for (const file of files) {
      try {
        writeDurably(path.join(temp, NEW, file.name), file.contents);
      } catch (error) {
        throw outputError(dir, error, `cannot write ${file.name}`);
      }
      await interrupts.checkpoint(`write:temp:${file.name}`);
    }
    // 2. Check the targets before touching any of them.
    const unchanged = checkTargets(dir, files, options.input);
    swap = files.map((file) => file.name).filter((name) => !unchanged.has(name));
    syncFolder(path.join(temp, NEW));
    syncFolder(temp);
    syncFolder(dir.path);
    await interrupts.checkpoint("write:temp-complete");

    // 3. The commit: from here on the new export is completed, even after a signal.
    try {
      writeJournal(temp, "swapping", swap);
    } catch (error) {
      throw outputError(dir, error, "cannot write into the output folder");
    }
    committed = true;
    await interrupts.checkpoint("swap:committed");

    // 4. File by file: keep the old one in old/, rename the new one over it.
    for (const name of swap) {
      const target = { path: path.join(dir.path, name), display: path.join(dir.display, name) };
      let kept: boolean;
      try {
        kept = keepOld(temp, dir.path, name);
      } catch (error) {
        throw outputError(target, error, "cannot replace the file");
      }
      if (kept) await interrupts.checkpoint(`swap:aside:${name}`);
      try {
        fs.renameSync(path.join(temp, NEW, name), target.path);
      } catch (error) {
        throw outputError(target, error, "cannot write the file");
      }
      await interrupts.checkpoint(`swap:placed:${name}`);
    }
    syncFolder(dir.path);
    await interrupts.checkpoint("swap:done");
    removeTemp(temp);
    temp = undefined;
    await interrupts.checkpoint("write:done");
    return written;
  } catch (error) {
    if (committed && error instanceof Interrupted) {
      // After the commit a signal completes the new export.
      if (temp !== undefined) {
        try {
          rollForward(temp, dir.path, swap);
          syncFolder(dir.path);
        } catch (finishing) {
          throw leftInPlace(dir, temp, "an interrupted export could not be completed", finishing);
        }
        removeTemp(temp);
      }
      throw error.at(dir.display, "new");
    }
    if (committed && temp !== undefined) {
      // An error during the swap: put the old files back.
      try {
        writeJournal(temp, "undoing", swap);
        rollBack(temp, dir.path, swap);
        syncFolder(dir.path);
      } catch (undoing) {
        throw leftInPlace(dir, temp, "a failed export could not be undone", undoing, error);
      }
    }
    if (temp !== undefined) removeTemp(temp);
    if (created !== undefined) removeCreatedFolders(dir.path, created);
    if (error instanceof Interrupted) throw error.at(dir.display, "unchanged");
    throw error;
  }
}

/** Whether `dir` is a folder (false: it does not exist yet); a file in the way is refused. */
function outputFolderExists(dir: NamedPath): boolean {
  let stat: fs.Stats | undefined;
  try {
    stat = fs.statSync(dir.path, { throwIfNoEntry: false });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOTDIR") {
      throw new CliError("a part of the output folder's path is a file", "choose another --out", {
        file: dir.display,
      });
    }
    throw outputError(dir, error);
  }
  if (stat === undefined) return false;
  if (!stat.isDirectory()) {
    throw new CliError(
      "the output folder is a file",
      "give a folder with --out, or remove the file",
      { file: dir.display },
    );
  }
  return true;
}

/** The names of the files to leave as they are (the input, unchanged); refuses a folder in the way. */
function checkTargets(
  dir: NamedPath,
  files: readonly OutputFile[],
  input: WriteOptions["input"],
): Set<string> {
  const unchanged = new Set<string>();
  for (const file of files) {
    const target = {
      path: path.join(dir.path, file.name),
      display: path.join(dir.display, file.name),
    };
    let stat: fs.Stats | undefined;
    try {
      stat = fs.lstatSync(target.path, { throwIfNoEntry: false });
    } catch (error) {
      throw outputError(target, error, "cannot replace the file");
    }
    if (stat === undefined) continue;
    if (stat.isDirectory()) {
      throw new CliError(
        "a folder is in the way of an exported file",
        "remove or rename the folder, or choose another --out",
        { file: target.display },
      );
    }
    if (input !== undefined && sameFile(target.path, input.path)) {
      if (!input.unchangedBy(file.contents)) {
        throw new CliError(
          "the export would replace the input schema file with a different schema",
          "write the export into another folder with --out",
          { file: target.display },
        );
      }
      unchanged.add(file.name);
    }
  }
  return unchanged;
}

/**
 * Keeps the file `name` of `folder` (if there is one) in the temporary folder's old/: a hard link,
 * so that the folder never lacks the file; moved there where links cannot be made. True if kept.
 */
function keepOld(temp: string, folder: string, name: string): boolean {
  const target = path.join(folder, name);
  const backup = path.join(temp, OLD, name);
  if (lexists(backup)) return true;
  try {
    fs.linkSync(target, backup);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return false;
  }
  try {
    fs.renameSync(target, backup);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return false;
    throw error;
  }
}

/** Places every file still in new/ (each rename replaces the old file in one step). */
function rollForward(temp: string, folder: string, names: readonly string[]): void {
  for (const name of names) {
    const fresh = path.join(temp, NEW, name);
    if (lexists(fresh)) renameIfThere(fresh, path.join(folder, name));
  }
}

/** Takes back every placed file (into new/) and puts back the file it replaced (from old/). */
function rollBack(temp: string, folder: string, names: readonly string[]): void {
  for (const name of [...names].reverse()) {
    const target = path.join(folder, name);
    const fresh = path.join(temp, NEW, name);
    const backup = path.join(temp, OLD, name);
    if (!lexists(fresh) && lexists(target)) renameIfThere(target, fresh);
    // (A hard link to the file still in place: renaming it over that file changes nothing.)
    if (lexists(backup)) renameIfThere(backup, target);
  }
}

/** A rename whose source another process may just have moved (the same step, done): then nothing. */
function renameIfThere(from: string, to: string): void {
  try {
    fs.renameSync(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT" || !lexists(path.dirname(to)))
      throw error;
  }
}

/**
 * Finishes or undoes what interrupted exports left in `dir` (their processes gone), and removes
 * their temporary folders; says what it did through `notice`. Never touches a folder without our
 * journal, nor one whose process may still be running.
 */
function repairLeftovers(dir: NamedPath, notice: (line: string) => void): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir.path, { withFileTypes: true });
  } catch {
    return; // Writing will say what is wrong with the folder.
  }
  const leftovers = entries
    .filter((entry) => entry.isDirectory() && entry.name.startsWith(TEMP_PREFIX))
    .map((entry) => entry.name)
    .sort();
  for (const leftover of leftovers) {
    const temp = path.join(dir.path, leftover);
    const journal = readJournal(temp);
    if (journal === undefined) {
      // Not provably ours, unless empty (killed before its journal was written): then there is
      // nothing in it to lose, and rmdir removes only an empty folder.
      try {
        fs.rmdirSync(temp);
        notice(
          printable(
            `removed ${path.join(dir.display, leftover)}, an empty folder left by an interrupted export`,
          ),
        );
      } catch {
        // Not empty: left alone.
      }
      continue;
    }
    if (ownerMayBeRunning(journal)) continue;
    // Two exports started together after a kill: one repairs, the other leaves it to it.
    if (!claim(temp)) continue;
    const names = journal.files.join(", ");
    let line: string;
    try {
      switch (journal.phase) {
        case "writing":
          line = `removed ${path.join(dir.display, leftover)}, left by an export interrupted before it changed ${dir.display}`;
          break;
        case "swapping":
          rollForward(temp, dir.path, journal.files);
          line = `completed an interrupted export into ${dir.display}: ${names} hold the new export`;
          break;
        case "undoing":
          rollBack(temp, dir.path, journal.files);
          line = `undid a failed export into ${dir.display}: ${names} are back as they were`;
          break;
      }
      syncFolder(dir.path);
    } catch (error) {
      throw new CliError(
        `cannot repair what an interrupted export left in ${printable(leftover)} (${describeFsError(error)})`,
        `check the folder's permissions; ${JOURNAL} in it says which files it holds`,
        { file: dir.display },
        undefined,
        { cause: error },
      );
    }
    removeTemp(temp);
    notice(printable(line));
  }
}

/**
 * Marks a leftover as being repaired by this process; false if another running process has (or
 * the folder went away). A mark of a process that is gone is taken over.
 */
function claim(temp: string): boolean {
  const mark = path.join(temp, REPAIRING);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(mark, `${process.pid}\n`, { flag: "wx" });
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") return false;
    }
    let holder: number;
    try {
      holder = Number.parseInt(fs.readFileSync(mark, "utf8"), 10);
    } catch {
      return false;
    }
    if (Number.isSafeInteger(holder) && holder > 0 && pidMayBeRunning(holder)) return false;
    fs.rmSync(mark, { force: true });
  }
  return false;
}

/** The journal of a temporary folder, if it is one of ours (else undefined: not provably ours). */
function readJournal(temp: string): Journal | undefined {
  const file = path.join(temp, JOURNAL);
  try {
    const stat = fs.lstatSync(file, { throwIfNoEntry: false });
    if (!stat?.isFile() || stat.size > MAX_JOURNAL_BYTES) return undefined;
    const value: unknown = JSON.parse(fs.readFileSync(file, "utf8"));
    if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
    const journal = value as Record<string, unknown>;
    const { tool, version, pid, host, phase, files } = journal;
    if (tool !== JOURNAL_TOOL || version !== 1) return undefined;
    if (typeof pid !== "number" || !Number.isSafeInteger(pid) || pid <= 0) return undefined;
    if (typeof host !== "string") return undefined;
    if (phase !== "writing" && phase !== "swapping" && phase !== "undoing") return undefined;
    if (
      !Array.isArray(files) ||
      !files.every((name) => typeof name === "string" && isSafeName(name))
    )
      return undefined;
    if (new Set(files).size !== files.length) return undefined;
    return { tool, version, pid, host, phase, files: files as string[] };
  } catch {
    return undefined;
  }
}

/**
 * Makes the temporary folder with its journal first, so that it is only ever empty or provably
 * ours. (The next export into the folder removes an empty one: if that was this one, in the
 * instant before its journal, a new one is made.)
 */
function makeTemp(folder: string, files: readonly string[]): string {
  for (let attempt = 1; ; attempt++) {
    const temp = fs.mkdtempSync(path.join(folder, TEMP_PREFIX));
    try {
      // Not flushed: lost in a power cut, the folder is simply not ours to repair; the commit is.
      fs.writeFileSync(path.join(temp, JOURNAL), journalText("writing", files), { flag: "wx" });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT" && attempt < 3) continue;
      throw error;
    }
    fs.mkdirSync(path.join(temp, NEW));
    fs.mkdirSync(path.join(temp, OLD));
    return temp;
  }
}

/** Switches the journal to `phase`, on disk: written beside, flushed, renamed over. */
function writeJournal(temp: string, phase: Phase, files: readonly string[]): void {
  const next = path.join(temp, JOURNAL_NEXT);
  fs.rmSync(next, { force: true });
  writeDurably(next, journalText(phase, files));
  fs.renameSync(next, path.join(temp, JOURNAL));
  syncFolder(temp);
}

function journalText(phase: Phase, files: readonly string[]): string {
  const journal: Journal = {
    tool: JOURNAL_TOOL,
    version: 1,
    pid: process.pid,
    host: os.hostname(),
    phase,
    files: [...files],
  };
  return `${JSON.stringify(journal, null, 2)}\n`;
}

/**
 * Whether the process that wrote `journal` may still be working: on another machine (a shared
 * folder) we cannot tell, so yes; here, unless no process has its id. (A process that reused the
 * id of a killed one keeps the leftover in place: safe, if untidy.)
 */
function ownerMayBeRunning(journal: Journal): boolean {
  if (journal.host !== os.hostname()) return true;
  return pidMayBeRunning(journal.pid);
}

function pidMayBeRunning(pid: number): boolean {
  // This process is working on no leftover: one with its id is a dead process's.
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Removes a temporary folder of ours: its files first, the journal last. Best effort. */
function removeTemp(temp: string): void {
  try {
    fs.rmSync(path.join(temp, NEW), { recursive: true, force: true });
    fs.rmSync(path.join(temp, OLD), { recursive: true, force: true });
    fs.rmSync(path.join(temp, JOURNAL_NEXT), { force: true });
    fs.rmSync(path.join(temp, REPAIRING), { force: true });
    fs.rmSync(path.join(temp, JOURNAL), { force: true });
    fs.rmdirSync(temp);
  } catch {
    // Left behind with its journal, the next export into the folder removes it.
  }
}

/** Removes the folders this export created (`created` and those under it down to `folder`), if empty. */
function removeCreatedFolders(folder: string, created: string): void {
  let current = folder;
  for (;;) {
    try {
      fs.rmdirSync(current);
    } catch {
      return; // Not empty: something else was put there meanwhile; it stays.
    }
    if (current === created) return;
    const parent = path.dirname(current);
    if (parent === current) return;
    current = parent;
  }
}

function leftInPlace(
  dir: NamedPath,
  temp: string,
  what: string,
  error: unknown,
  cause: unknown = error,
): CliError {
  return new CliError(
    `${what} (${describeFsError(error)}); what it holds is kept in ${printable(path.basename(temp))}`,
    `fix the cause, then run export into ${printable(dir.display)} again: it repairs the folder first`,
    { file: dir.display },
    undefined,
    { cause },
  );
}

/** Writes a new file and flushes it to disk. */
function writeDurably(file: string, contents: string): void {
  const fd = fs.openSync(file, "wx");
  try {
    fs.writeFileSync(fd, contents, "utf8");
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Flushes a folder's entries (renames, new files) to disk, where the platform can. */
function syncFolder(folder: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(folder, "r");
    fs.fsyncSync(fd);
  } catch {
    // Windows cannot open a folder to sync it; the renames are atomic all the same.
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

function lexists(file: string): boolean {
  return fs.lstatSync(file, { throwIfNoEntry: false }) !== undefined;
}

function sameFile(a: string, b: string): boolean {
  try {
    const statA = fs.statSync(a);
    const statB = fs.statSync(b);
    return statA.dev === statB.dev && statA.ino === statB.ino;
  } catch {
    return false;
  }
}

function isSafeName(name: string): boolean {
  return (
    name !== "" &&
    name === path.basename(name) &&
    name !== "." &&
    name !== ".." &&
    !name.includes("\\") &&
    !name.includes("/") &&
    !name.includes("\0")
  );
}
