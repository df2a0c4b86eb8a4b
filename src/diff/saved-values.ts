import Ajv, { type ErrorObject, type ValidateFunction } from "ajv";
import { fullFormats } from "ajv-formats/dist/formats.js";
import { SchemaProblem } from "../json/problem.ts";
import { isJsonObject, type JsonObject, type JsonValue } from "../json/value.ts";
import { AJV_OPTIONS } from "../schema/ajv-options.ts";
import { runnableSchema } from "../schema/runnable-schema.ts";
import { CauseIndex, problemOf } from "./causes.ts";
import { type ChoiceTree, optionErrors } from "./option-errors.ts";
import type { Change, SavedValueResult } from "./types.ts";
import { SchemaView } from "./view.ts";

export type { SavedValueProblem, SavedValueResult } from "./types.ts";

/** The saved credentials in a file: one object, or an array of them. */
export function savedValuesOf(json: JsonValue): JsonValue[] {
  if (Array.isArray(json)) return json;
  if (isJsonObject(json)) return [json];
  const what =
    json === null
      ? "null"
      : typeof json === "string"
        ? "a string"
        : typeof json === "number"
          ? "a number"
          : "a boolean";
  throw new SchemaProblem(
    "",
    `the file holds ${what}, not saved credentials`,
    "give one saved credentials object, or an array of them",
  );
}

/**
 * Validates saved values against a schema as the saved-values check sees them: Ajv with the
 * project's options (AJV_OPTIONS) and formats, compiled once, with defaults filled in for missing
 * properties (`useDefaults`, on a copy: the caller's value is left alone). The schema is first
 * refused, as `export` would refuse it, when it cannot be run safely (an unsafe pattern, an unknown
 * format…). Returns the errors of one value that say why it fails, none when it is valid: for an
 * auth-method choice, those of the option the value names (see optionErrors).
 */
export function compileSavedValuesCheck(schema: JsonObject): (value: JsonValue) => ErrorObject[] {
  // Not export's createAjv: that one generates standalone code and never fills in defaults.
  const ajv = new Ajv({
    ...AJV_OPTIONS,
    formats: fullFormats,
    useDefaults: true,
    validateSchema: false,
  });
  const runnable = runnableSchema(ajv, schema, "(root)").schema;
  let validate: ValidateFunction;
  try {
    ajv.addSchema(runnable, SCHEMA_KEY);
    validate = ajv.getSchema(SCHEMA_KEY)!;
  } catch (error) {
    if (error instanceof RangeError)
      throw new SchemaProblem(
        "",
        "the schema is nested too deeply to validate saved values with it",
        "flatten it: use fewer levels of objects inside objects (a few hundred at most)",
      );
    throw new SchemaProblem(
      "",
      `the schema could not be compiled (${(error instanceof Error ? error.message : String(error)).split("\n")[0]})`,
      "correct the schema",
    );
  }
  // Options are validated alone by an Ajv that fills no defaults, as none are filled inside a oneOf.
  let optionsAjv: Ajv | undefined;
  const options = new Map<string, ValidateFunction | undefined>();
  const optionValidator = (pointer: string) => {
    if (!options.has(pointer)) {
      try {
        if (!optionsAjv) {
          optionsAjv = new Ajv({ ...AJV_OPTIONS, formats: fullFormats, validateSchema: false });
          optionsAjv.addSchema(runnable, SCHEMA_KEY);
        }
        options.set(
          pointer,
          optionsAjv.getSchema(
            `${SCHEMA_KEY}#${pointer.split("/").map(encodeURIComponent).join("/")}`,
          ),
        );
      } catch {
        options.set(pointer, undefined);
      }
    }
    return options.get(pointer);
  };
  const root = SchemaView.of(runnable, runnable, "");
  const trees = new Map<object, ChoiceTree | undefined>();
  return (value) => {
    // structuredClone keeps a "__proto__" key as an own property, as JSON.parse does.
    const copy = structuredClone(value);
    if (validate(copy)) return [];
    return optionErrors([...(validate.errors ?? [])], root, copy, "", optionValidator, trees);
  };
}

const SCHEMA_KEY = "credential-designer:saved-values";

/**
 * For each saved value: whether it still validates under the new schema, and if not, where and
 * which of `changes` explains it.
 */
export function checkSavedValues(
  check: (value: JsonValue) => ErrorObject[],
  changes: readonly Change[],
  values: readonly JsonValue[],
): SavedValueResult[] {
  const causes = new CauseIndex(changes);
  return values.map((value, index) => {
    const errors = check(value);
    const problems = errors.map((error) => problemOf(error, causes));
    // Inside a choice with no discriminator, the options a value does not mean add errors no
    // change explains; the choice's own "oneOf" problem stands for them.
    const choices = errors
      .filter((error) => error.keyword === "oneOf")
      .map((error) => error.instancePath);
    const kept = problems.filter(
      (problem, i) =>
        problem.changes.length > 0 ||
        errors[i]!.keyword === "oneOf" ||
        !choices.some(
          (at) => errors[i]!.instancePath.startsWith(`${at}/`) || errors[i]!.instancePath === at,
        ),
    );
    return { index, valid: errors.length === 0, problems: kept };
  });
}
