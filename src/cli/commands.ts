import fs from "node:fs/promises";
import path from "node:path";
import { exportBaseName } from "../api/base-name.ts";
import type { CheckReport } from "../api/check.ts";
import { CredentialDesignerError } from "../api/error.ts";
import type { CSharpExportOptions, ExportedFile } from "../api/export.ts";
import { SchemaProblem } from "../json/problem.ts";
import { isJsonObject, type JsonObject, type JsonValue, jsonEqual } from "../json/value.ts";
import { CliError, EXIT_CHECK_ERRORS, EXIT_OK, inFile, PROGRAM, printable } from "./errors.ts";
import { writeFilesAtomically } from "./export-transaction.ts";
import { type NamedPath, namedPath, readTextFile, writeNewFile } from "./files.ts";
import { Interrupted, type Interrupts, NO_INTERRUPTS } from "./interrupts.ts";
import { packageRoot } from "./package-root.ts";

export interface CliIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  /** Relative paths on the command line are resolved from here. */
  cwd: string;
  /** Where SIGINT and SIGTERM can stop an export (runFromProcess); in-process, nothing does. */
  interrupts?: Interrupts;
}

/** The template schemas shipped with the package: `schemas/<name>.json`. */
export function templatesDir(): string {
  return path.join(packageRoot(), "schemas");
}

/**
 * Reads a schema file as the API's parseSchema does (as the designer does): JSON, or YAML for a
 * `.yaml`/`.yml` file; the credential window of a connector's spec.json or manifest.yaml, said in
 * one line on stderr; the import refuses a schema of the wrong shape or with a remote `$ref`, and
 * the schema comes back as written.
 */
export async function readSchema(
  file: NamedPath,
  io?: CliIo,
  onEnvelope?: (pointer: string) => void,
): Promise<JsonObject> {
  const text = await readTextFile(file);
  try {
    const { parseSchema } = await import("../api/parse.ts");
    return parseSchema(text, {
      file: file.display,
      // One line on stderr (stdout stays the command's output): `read connectionSpecification of spec.json`.
      onNotice: (notice) => io?.stderr.write(`${printable(notice)}\n`),
      ...(onEnvelope && { onEnvelope }),
    });
  } catch (error) {
    throw inFile(file.display, error);
  }
}

/**
 * Exports one schema file: its four files, and `<base>.cs` with `csharp`; all of them or none. A
 * signal stops it: before the swap into the folder has started the folder is left as it was,
 * after it the new export is completed (Interrupted says which).
 */
export async function exportCommand(
  input: string,
  out: string | undefined,
  io: CliIo,
  csharp?: CSharpExportOptions,
): Promise<number> {
  const interrupts = io.interrupts ?? NO_INTERRUPTS;
  const file = namedPath(io.cwd, input);
  const dir =
    out === undefined
      ? { path: path.dirname(file.path), display: path.dirname(file.display) }
      : namedPath(io.cwd, out);
  const base = baseName(file);
  let schema: JsonObject;
  let files: ExportedFile[];
  try {
    // Reading and generating change nothing: a signal stops them at once.
    ({ schema, files } = await interrupts.race(generate(file, base, io, interrupts, csharp)));
  } catch (error) {
    if (error instanceof Interrupted) throw error.at(dir.display, "unchanged");
    throw error;
  }
  let written: string[];
  try {
    written = await writeFilesAtomically(dir, files, {
      input: {
        path: file.path,
        // `<base>.schema.json` on top of the input: keep the input (and its formatting) if it is the same schema.
        unchangedBy: (contents) => {
          try {
            return jsonEqual(JSON.parse(contents) as JsonValue, schema);
          } catch {
            return false;
          }
        },
      },
      interrupts,
      notice: (line) => io.stderr.write(`${PROGRAM}: ${line}\n`),
    });
  } catch (error) {
    if (error instanceof Interrupted) {
      // Stopped after the swap had started: the new files are in place, listed as always.
      if (error.outcome === "new")
        for (const name of files)
          io.stdout.write(`${printable(path.join(dir.display, name.name))}\n`);
      throw error;
    }
    throw inFile(dir.display, error);
  }
  for (const name of written) io.stdout.write(`${printable(name)}\n`);
  return EXIT_OK;
}

/** Reads the schema and makes the files of its export, in memory. */
async function generate(
  file: NamedPath,
  base: string,
  io: CliIo,
  interrupts: Interrupts,
  csharp: CSharpExportOptions | undefined,
): Promise<{ schema: JsonObject; files: ExportedFile[] }> {
  let pointer = "";
  const schema = await readSchema(file, io, (at) => {
    pointer = at;
  });
  await interrupts.checkpoint("export:read");
  try {
    const { exportSchema } = await import("../api/export.ts");
    const files = await exportSchema(schema, {
      base,
      file: file.display,
      pointer,
      ...(csharp && { csharp }),
    });
    return { schema, files };
  } catch (error) {
    throw inFile(file.display, error);
  }
}

/**
 * Several schemas exported into one folder must not write the same files: `a/api.json` and
 * `b/api.schema.json` into `out/` would both write `out/api.*`. Refused before anything is written.
 * (A name that cannot be used at all is left to that file's own export, which says why.)
 */
export function checkExportTargets(
  inputs: readonly string[],
  out: string | undefined,
  io: CliIo,
): void {
  const seen = new Map<string, string>();
  const outFolder = out === undefined ? undefined : namedPath(io.cwd, out).path;
  for (const input of inputs) {
    const file = namedPath(io.cwd, input);
    let base: string;
    try {
      base = baseName(file);
    } catch {
      continue;
    }
    const folder = outFolder ?? path.dirname(file.path);
    // Lower case: on case-insensitive file systems API.json and api.json write the same files.
    const target = path.join(folder, base).toLowerCase();
    const earlier = seen.get(target);
    if (earlier !== undefined) {
      throw new CliError(
        `${printable(earlier)} and ${printable(input)} would both write ${printable(base)}.* into the same folder`,
        "export them into different folders (--out) or rename one of them",
      );
    }
    seen.set(target, input);
  }
}

/** `foo.json`, `foo.schema.json` and `foo.yaml` give `foo`; `source-x/spec.json` gives `source-x` (the API's exportBaseName, naming the file as given). */
export function baseName(file: NamedPath): string {
  try {
    return exportBaseName(file.path);
  } catch (error) {
    if (!(error instanceof CredentialDesignerError)) throw error;
    throw new CliError(error.problem, error.fix, { file: file.display });
  }
}

export async function checkCommand(input: string, io: CliIo): Promise<number> {
  const file = namedPath(io.cwd, input);
  // Read without judging: what is wrong with the schema is a finding, all of them in one run;
  // only a file that cannot be read as JSON or YAML stops here (exit 2).
  const text = await readTextFile(file);
  let reading: { schema: JsonValue; pointer: string };
  try {
    const { readSchemaJson } = await import("../api/parse.ts");
    reading = readSchemaJson(text, {
      file: file.display,
      onNotice: (notice) => io.stderr.write(`${printable(notice)}\n`),
    });
  } catch (error) {
    throw inFile(file.display, error);
  }
  let report: CheckReport;
  try {
    const { checkSchema } = await import("../api/check.ts");
    report = await checkSchema(reading.schema, { file: file.display });
  } catch (error) {
    throw inFile(file.display, error);
  }
  // Findings point into the file as written (inside a spec.json's connectionSpecification), as
  // export's refusals do.
  const findings = report.findings.map((finding) => ({
    ...finding,
    pointer: reading.pointer + finding.pointer,
  }));
  const { formatCheckReport } = await import("../api/check.ts");
  io.stdout.write(formatCheckReport({ ...report, findings }));
  return report.errors > 0 ? EXIT_CHECK_ERRORS : EXIT_OK;
}

export async function listTemplates(): Promise<string[]> {
  let entries: string[];
  try {
    entries = await fs.readdir(templatesDir());
  } catch {
    return [];
  }
  return entries
    .filter((entry) => entry.endsWith(".json") && !entry.startsWith("."))
    .map((entry) => entry.slice(0, -".json".length))
    .sort();
}

export async function newCommand(
  template: string | undefined,
  out: string | undefined,
  force: boolean,
  io: CliIo,
): Promise<number> {
  const templates = await listTemplates();
  const available =
    templates.length > 0 ? templates.join(", ") : "(none: the schemas folder is empty)";
  if (template === undefined) {
    throw new CliError(
      "'new' needs a template",
      `write --template NAME, with NAME one of: ${available}`,
    );
  }
  const name = template.replace(/\.json$/i, "");
  if (!templates.includes(name)) {
    throw new CliError(`unknown template '${printable(template)}'`, `choose one of: ${available}`);
  }
  let target = namedPath(io.cwd, out ?? `${name}.json`);
  if (out !== undefined) {
    const stat = await fs.stat(target.path).catch(() => undefined);
    if (stat?.isDirectory())
      target = {
        path: path.join(target.path, `${name}.json`),
        display: path.join(out, `${name}.json`),
      };
  }
  const contents = await fs.readFile(path.join(templatesDir(), `${name}.json`), "utf8");
  await writeNewFile(target, contents, force);
  io.stdout.write(`${printable(target.display)}\n`);
  return EXIT_OK;
}

export async function readVersion(): Promise<string> {
  const text = await fs.readFile(path.join(packageRoot(), "package.json"), "utf8");
  const manifest = JSON.parse(text) as JsonValue;
  const version = isJsonObject(manifest) ? manifest.version : undefined;
  if (typeof version !== "string")
    throw new SchemaProblem(
      "/version",
      "package.json has no version",
      "add a version to package.json",
    );
  return version;
}
