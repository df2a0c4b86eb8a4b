import Ajv from "ajv";
import addFormats from "ajv-formats";
import type { JsonValue } from "../json/value.ts";
import { AJV_OPTIONS } from "../schema/ajv-options.ts";
import { describeCompileFailure } from "../schema/compile-failure.ts";
import { addDraft07Spellings } from "../schema/draft-07.ts";
import type { JsonSchema, ValidateFunction } from "./types.ts";

/**
 * The form's fallback validator, loaded on demand (its own chunk): the schema compiled by Ajv with
 * the formats and options of the exported standalone validators, so both judge alike. Ajv compiles
 * with `new Function`; under a Content-Security-Policy without 'unsafe-eval' pass the exported
 * validator as the form's `validate` instead.
 */
export function compile(schema: JsonSchema): ValidateFunction {
  const ajv = addDraft07Spellings(new Ajv({ ...AJV_OPTIONS }));
  addFormats(ajv);
  return ajv.compile(schema);
}

/** Why Ajv refused `schema`, in words (schema/compile-failure.ts): for the form's alert. */
export function compileFailureReason(schema: JsonSchema, error: unknown): string {
  return describeCompileFailure(schema as JsonValue, error).reason;
}
