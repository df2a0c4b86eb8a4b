import type { Stats } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { nestingDepthProblem } from "../json/depth.ts";
import type { JsonValue } from "../json/value.ts";
import { decodeUtf8 as decodeSchemaBytes } from "../schema/decode-utf8.ts";
import { parseJsonText } from "../schema/parse-json.ts";
import { CliError, describeFsError, inFile } from "./errors.ts";

/** Larger inputs are refused rather than read into memory: a credential schema is a few kB. */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

/** A file named on the command line: where it is, and how messages name it. */
export interface NamedPath {
  /** Absolute path. */
  readonly path: string;
  /** As the user wrote it (relative to their working folder). */
  readonly display: string;
}

export function namedPath(cwd: string, given: string): NamedPath {
  return { path: path.resolve(cwd, given), display: given };
}

/** Reads and parses a JSON file; every problem becomes a one-line CliError naming the file. */
export async function readJsonFile(file: NamedPath): Promise<JsonValue> {
  const text = await readTextFile(file);
  try {
    const value = parseJsonText(text);
    // Saved values too: nested past the limit, they are refused before any walk, naming the file.
    const tooDeep = nestingDepthProblem(value);
    if (tooDeep) throw tooDeep;
    return value;
  } catch (error) {
    throw inFile(file.display, error);
  }
}

export async function readTextFile(file: NamedPath): Promise<string> {
  let stat: Stats;
  try {
    stat = await fs.stat(file.path);
  } catch (error) {
    throw cannotRead(file, error);
  }
  if (stat.isDirectory()) {
    throw new CliError("this is a folder, not a file", "give the path of a JSON schema file", {
      file: file.display,
    });
  }
  if (!stat.isFile()) {
    throw new CliError("this is not a regular file", "give the path of a JSON schema file", {
      file: file.display,
    });
  }
  if (stat.size > MAX_INPUT_BYTES) {
    throw new CliError(
      `the file is too large (${(stat.size / 1024 / 1024).toFixed(0)} MB; the limit is ${MAX_INPUT_BYTES / 1024 / 1024} MB)`,
      "give a JSON schema file",
      { file: file.display },
    );
  }
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(file.path);
  } catch (error) {
    throw cannotRead(file, error);
  }
  return decodeUtf8(bytes, file.display);
}

function cannotRead(file: NamedPath, error: unknown): CliError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ENOENT") {
    return new CliError(
      "no such file",
      "check the path and the file name",
      { file: file.display },
      undefined,
      { cause: error },
    );
  }
  if (code === "ENOTDIR") {
    return new CliError(
      "no such file (a part of the path is a file, not a folder)",
      "check the path",
      { file: file.display },
      undefined,
      { cause: error },
    );
  }
  if (code === "EISDIR") {
    return new CliError(
      "this is a folder, not a file",
      "give the path of a JSON schema file",
      { file: file.display },
      undefined,
      { cause: error },
    );
  }
  if (code === "EACCES" || code === "EPERM") {
    return new CliError(
      "the file cannot be read (permission denied)",
      "check the file's permissions",
      { file: file.display },
      undefined,
      { cause: error },
    );
  }
  return new CliError(
    `the file cannot be read (${describeFsError(error)})`,
    "check the file",
    { file: file.display },
    undefined,
    { cause: error },
  );
}

/** Strict UTF-8 decoding (src/schema/decode-utf8.ts, shared with the designer); a wrong encoding is located. */
export function decodeUtf8(bytes: Uint8Array, display: string): string {
  try {
    return decodeSchemaBytes(bytes);
  } catch (error) {
    throw inFile(display, error);
  }
}

/**
 * Writes `contents` to a new file: refuses to replace an existing one unless `force`; then it is
 * replaced atomically (written next to it, then renamed).
 */
export async function writeNewFile(
  file: NamedPath,
  contents: string,
  force: boolean,
): Promise<void> {
  const dir = path.dirname(file.path);
  try {
    const stat = await fs.stat(dir);
    if (!stat.isDirectory()) {
      throw new CliError("cannot write the file: its folder is a file", "choose another --out", {
        file: file.display,
      });
    }
  } catch (error) {
    if (error instanceof CliError) throw error;
    if ((error as NodeJS.ErrnoException).code === "ENOENT") {
      throw new CliError(
        "cannot write the file: its folder does not exist",
        "create the folder first, or choose another --out",
        { file: file.display },
      );
    }
    throw outputError(file, error, "cannot write the file");
  }
  if (!force) {
    try {
      await fs.writeFile(file.path, contents, { encoding: "utf8", flag: "wx" });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "EEXIST") {
        throw new CliError(
          "the file already exists",
          "choose another --out, or add --force to replace it",
          { file: file.display },
        );
      }
      // It may have been created before the write failed (a full disk): do not leave half a file.
      if (code !== "EISDIR" && code !== "EACCES" && code !== "EPERM")
        await fs.rm(file.path, { force: true }).catch(() => undefined);
      throw outputError(file, error, "cannot write the file");
    }
    return;
  }
  const temp = path.join(
    dir,
    `.${path.basename(file.path)}.credential-designer-tmp-${process.pid}-${Date.now()}`,
  );
  try {
    const stat = await fs.lstat(file.path).catch(() => undefined);
    if (stat?.isDirectory())
      throw new CliError("this is a folder, not a file", "choose another --out", {
        file: file.display,
      });
    await fs.writeFile(temp, contents, { encoding: "utf8", flag: "wx" });
    await fs.rename(temp, file.path);
  } catch (error) {
    await fs.rm(temp, { force: true }).catch(() => undefined);
    if (error instanceof CliError) throw error;
    throw outputError(file, error, "cannot write the file");
  }
}

/** A failure to write into the output folder, with the fix its cause calls for. */
export function outputError(
  file: NamedPath,
  error: unknown,
  what = "cannot use the output folder",
): CliError {
  const code = (error as NodeJS.ErrnoException).code;
  const fix =
    code === "EACCES" || code === "EPERM"
      ? "check the folder's permissions, or choose another --out"
      : code === "ENOSPC" || code === "EDQUOT"
        ? "free some disk space"
        : code === "ENOTDIR"
          ? "a part of the path is a file: choose another --out"
          : "choose another --out";
  return new CliError(
    `${what} (${describeFsError(error)})`,
    fix,
    { file: file.display },
    undefined,
    { cause: error },
  );
}
