import { formatJson } from "../diff/format-json.ts";
import { formatText } from "../diff/format-text.ts";
import { type DiffReport, type FailOn, fails } from "../diff/report.ts";
import type { Change, SavedValueResult } from "../diff/types.ts";
import type { JsonValue } from "../json/value.ts";
import { inFile } from "./error.ts";
import { refuseNonJson } from "./json-only.ts";
import type { CredentialSchema } from "./parse.ts";

export type { Change, ChangeClass, SavedValueProblem, SavedValueResult } from "../diff/types.ts";
export type { FailOn };

export interface DiffOptions {
  /** How messages and the report name the two versions (default "old" and "new"). */
  oldFile?: string;
  newFile?: string;
  /** Saved credentials to check against the new schema: an array of values, or one value. */
  savedValues?: unknown;
  /** How messages and the report name the saved values (default "saved values"). */
  valuesFile?: string;
  /** What makes `fails` true (the CLI's `--fail-on`): "breaking" (default), "exposing" or "any". */
  failOn?: FailOn;
}

/** What `credential-designer diff` finds: each change, and each saved value's verdict. */
export interface SchemaDiff extends DiffReport {
  /** Whether something reaches the `failOn` level (the CLI then exits with 1). */
  fails: boolean;
}

/**
 * What a new version of a credential schema does to credentials users already saved: every
 * change, classed breaking, exposing or compatible, with a sentence that says why; with saved
 * values, which of them no longer validate and which change explains it. Secret values are never
 * kept in the report. Schemas the diff cannot run safely are refused with a CredentialDesignerError
 * naming the new file.
 */
export async function diffSchemas(
  oldSchema: CredentialSchema,
  newSchema: CredentialSchema,
  options: DiffOptions = {},
): Promise<SchemaDiff> {
  const diff = await import("../diff/index.ts");
  const oldFile = options.oldFile ?? "old";
  const newFile = options.newFile ?? "new";
  const changes = inFile(newFile, () => diff.diffSchemas(oldSchema, newSchema));
  const values =
    options.savedValues === undefined
      ? undefined
      : {
          file: options.valuesFile ?? "saved values",
          results: await checkValues(options, newFile, newSchema, changes),
        };
  const report: DiffReport = {
    oldFile,
    newFile,
    failOn: options.failOn ?? "breaking",
    changes,
    ...(values ? { values } : {}),
  };
  return { ...report, fails: fails(report) };
}

async function checkValues(
  options: DiffOptions,
  newFile: string,
  newSchema: CredentialSchema,
  changes: readonly Change[],
): Promise<SavedValueResult[]> {
  const { checkSavedValues, compileSavedValuesCheck, savedValuesOf } = await import(
    "../diff/saved-values.ts"
  );
  const saved = inFile(options.valuesFile ?? "saved values", () => {
    refuseNonJson(options.savedValues);
    return savedValuesOf(options.savedValues as JsonValue);
  });
  // The new schema is run on the saved values: refused here, as export refuses it, if it cannot be run safely.
  const check = inFile(newFile, () => compileSavedValuesCheck(newSchema));
  return checkSavedValues(check, changes, saved);
}

/** The report as `credential-designer diff` prints it: a table ("text") or JSON. */
export function formatSchemaDiff(report: DiffReport, format: "text" | "json" = "text"): string {
  return format === "json" ? formatJson(report) : formatText(report);
}
