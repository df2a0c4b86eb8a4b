import { strToU8, type Zippable, zipSync } from "fflate";
import type { ExportFile } from "../../export/index.ts";
import type { SchemaProblem } from "../../json/problem.ts";
import type { JsonObject } from "../../json/value.ts";
import { capitalise } from "../../schema/problem-message.ts";
import { describePlace } from "./describe-place.ts";

/**
 * Every file's modification time in the archive: the first moment a ZIP (DOS) date can hold,
 * as reproducible builds use, so the same design always gives the same bytes. fflate reads the
 * Date through its local-time getters, so it is made in local time, at each call (the time zone
 * may have changed since the module loaded), and written as exactly 1980-01-01 00:00.
 */
const fixedMtime = () => new Date(1980, 0, 1, 0, 0, 0);

/** Unix (3), plain file readable by all and writable by its owner (rw-r--r--). */
const UNIX = 3;
const READ_WRITE_READ_READ = 0o644 << 16;

/**
 * One `.zip` of the exported files, at its top level in the order given, deflated. Deterministic:
 * no clock, no random bytes, nothing from the machine.
 */
export function zipFiles(files: readonly ExportFile[]): Uint8Array {
  const mtime = fixedMtime();
  const entries: Zippable = {};
  for (const file of files)
    entries[file.name] = [strToU8(file.contents), { mtime, os: UNIX, attrs: READ_WRITE_READ_READ }];
  return zipSync(entries, { level: 6, mtime });
}

/**
 * What "Export all (.zip)" holds: the four files, then `<base>.cs` (as `export --csharp` writes
 * them); when the C# model cannot express the design, the four files and, instead of the `.cs`,
 * a `README.txt` saying why it is missing, where and how to fix it.
 */
export function zipContents(
  schema: JsonObject,
  baseName: string,
  files: readonly ExportFile[],
  csharp: ExportFile | SchemaProblem,
): ExportFile[] {
  if (!("problem" in csharp)) return [...files, csharp];
  const lines = [
    `${baseName}.cs (the C# credential model) is not in this archive: the C# model cannot express this design.`,
    `Why: ${capitalise(csharp.problem)}.`,
    `Where: ${describePlace(schema, csharp.pointer)}`,
    `How to fix: ${capitalise(csharp.fix)}.`,
    "The other files are complete: they do not depend on it.",
  ];
  return [...files, { name: "README.txt", contents: `${lines.join("\n")}\n` }];
}
