import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import type { Dirent } from "node:fs";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { main } from "../../src/cli/main.ts";

export const REPO = fileURLToPath(new URL("../../", import.meta.url));
/** The command's entry in the sources (the built bin is tested as installed: test/e2e/package.test.ts). */
const RUN = path.join(REPO, "src", "cli", "run.ts");

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process, as `credential-designer ...argv` in `cwd`. */
export async function runMain(argv: string[], cwd: string): Promise<RunResult> {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    cwd,
  });
  return { code, stdout, stderr };
}

/**
 * Runs the command as a child process of its own (`npm run cli`: the sources through tsx), for
 * what only a real process shows: exit codes, the streams, signals.
 */
export function runBin(argv: string[], cwd: string): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      // tsx by its URL: `--import tsx` would be looked up from the working folder.
      ["--import", import.meta.resolve("tsx"), RUN, ...argv],
      {
        cwd,
        timeout: 60_000,
        env: {
          ...process.env,
          NO_COLOR: "1",
          TSX_TSCONFIG_PATH: path.join(REPO, "tsconfig.json"),
        },
      },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== "number") {
          reject(error);
          return;
        }
        resolve({ code: typeof error?.code === "number" ? error.code : 0, stdout, stderr });
      },
    );
  });
}

export async function tempDir(prefix = "credential-designer-test-"): Promise<string> {
  return fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), prefix)));
}

/**
 * Everything under `dir`: each entry's relative path, kind, mode and a hash of its contents.
 * Comparing two listings shows whether anything was added, removed or changed (hidden entries,
 * such as a left-over temporary folder, included).
 */
export async function listing(dir: string): Promise<string[]> {
  const lines: string[] = [];
  async function walk(folder: string): Promise<void> {
    let entries: Dirent[];
    try {
      entries = await fs.readdir(folder, { withFileTypes: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") {
        lines.push(`${path.relative(dir, folder) || "."} (missing)`);
        return;
      }
      throw error;
    }
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(folder, entry.name);
      const stat = await fs.lstat(full);
      const rel = path.relative(dir, full);
      if (entry.isDirectory()) {
        lines.push(`${rel}/ ${(stat.mode & 0o777).toString(8)}`);
        await walk(full);
      } else {
        const hash = entry.isFile()
          ? createHash("sha256")
              .update(await fs.readFile(full))
              .digest("hex")
              .slice(0, 16)
          : "-";
        lines.push(
          `${rel} ${(stat.mode & 0o777).toString(8)} ${stat.size} ${hash} ${stat.mtimeMs}`,
        );
      }
    }
  }
  await walk(dir);
  return lines;
}

/** The lines of a text, without the final newline. */
export function lines(text: string): string[] {
  return text === "" ? [] : text.replace(/\n$/, "").split("\n");
}
