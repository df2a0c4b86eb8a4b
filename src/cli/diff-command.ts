import type { FailOn } from "../diff/report.ts";
import type { SavedValueResult } from "../diff/saved-values.ts";
import type { Change } from "../diff/types.ts";
import type { JsonObject, JsonValue } from "../json/value.ts";
import { type CliIo, readSchema } from "./commands.ts";
import { EXIT_DIFF_FOUND, EXIT_OK, inFile } from "./errors.ts";
import { type NamedPath, namedPath, readJsonFile } from "./files.ts";

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
  const oldSchema = await readSchema(oldFile);
  const newSchema = await readSchema(newFile);
  const valuesFile = options.values === undefined ? undefined : namedPath(io.cwd, options.values);
  const savedJson = valuesFile ? await readJsonFile(valuesFile) : undefined;

  const diff = await import("../diff/index.ts");
  let changes: Change[];
  try {
    changes = diff.diffSchemas(oldSchema, newSchema);
  } catch (error) {
    throw inFile(newFile.display, error);
  }
  const values =
    valuesFile && savedJson !== undefined
      ? await checkValues(valuesFile, savedJson, newFile, newSchema, changes)
      : undefined;
  const report = {
    oldFile: oldFile.display,
    newFile: newFile.display,
    failOn: options.failOn,
    changes,
    ...(values ? { values } : {}),
  };
  io.stdout.write(options.format === "json" ? diff.formatJson(report) : diff.formatText(report));
  return diff.fails(report) ? EXIT_DIFF_FOUND : EXIT_OK;
}

async function checkValues(
  valuesFile: NamedPath,
  savedJson: JsonValue,
  newFile: NamedPath,
  newSchema: JsonObject,
  changes: readonly Change[],
): Promise<{ file: string; results: SavedValueResult[] }> {
  const { checkSavedValues, compileSavedValuesCheck, savedValuesOf } = await import(
    "../diff/saved-values.ts"
  );
  let saved: JsonValue[];
  try {
    saved = savedValuesOf(savedJson);
  } catch (error) {
    throw inFile(valuesFile.display, error);
  }
  let check: ReturnType<typeof compileSavedValuesCheck>;
  try {
    // The new schema is run on the saved values: refused here, as export refuses it, if it cannot be run safely.
    check = compileSavedValuesCheck(newSchema);
  } catch (error) {
    throw inFile(newFile.display, error);
  }
  return { file: valuesFile.display, results: checkSavedValues(check, changes, saved) };
}
