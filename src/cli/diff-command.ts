import type { FailOn, SchemaDiff } from "../api/diff.ts";
import { type CliIo, readSchema } from "./commands.ts";
import { EXIT_DIFF_FOUND, EXIT_OK, inFile } from "./errors.ts";
import { namedPath, readJsonFile } from "./files.ts";

export interface DiffOptions {
  values: string | undefined;
  format: "text" | "json";
  failOn: FailOn;
}

/**
 * `credential-designer diff <old.json> <new.json>`: reads both schemas as `export` does (the same
 * one-line errors for a missing file, broken JSON, a wrong shape, a remote `$ref`), lists the
 * changes, checks saved values against the new schema when given, prints a table or JSON, and
 * exits with 1 when something reaches the `--fail-on` level.
 */
export async function diffCommand(
  oldInput: string,
  newInput: string,
  options: DiffOptions,
  io: CliIo,
): Promise<number> {
  const oldFile = namedPath(io.cwd, oldInput);
  const newFile = namedPath(io.cwd, newInput);
  const oldSchema = await readSchema(oldFile, io);
  const newSchema = await readSchema(newFile, io);
  const valuesFile = options.values === undefined ? undefined : namedPath(io.cwd, options.values);
  const savedJson = valuesFile ? await readJsonFile(valuesFile) : undefined;

  const { diffSchemas, formatSchemaDiff } = await import("../api/diff.ts");
  let report: SchemaDiff;
  try {
    report = await diffSchemas(oldSchema, newSchema, {
      oldFile: oldFile.display,
      newFile: newFile.display,
      failOn: options.failOn,
      ...(valuesFile && savedJson !== undefined
        ? { savedValues: savedJson, valuesFile: valuesFile.display }
        : {}),
    });
  } catch (error) {
    throw inFile(newFile.display, error);
  }
  const { fails, ...printed } = report;
  io.stdout.write(formatSchemaDiff(printed, options.format));
  return fails ? EXIT_DIFF_FOUND : EXIT_OK;
}
