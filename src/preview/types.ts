/** Public types of the embeddable credential form (no runtime code). */

/** A JSON value, as JSON.parse returns it. */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** A draft-07 object schema, typed loosely: any JSON object (e.g. an imported .json file). */
export type JsonSchema = { readonly [key: string]: unknown };

/** What the form edits: a JSON object shaped by the schema (JSON values only). */
export type CredentialValue = { [key: string]: unknown };

/** One problem of the value, in words, at the field it belongs to. */
export interface FieldError {
  /** JSON pointer into the value, e.g. "/auth/password" ("" for the value as a whole). */
  path: string;
  /** A sentence using the field's title, e.g. "Port must be at least 1". Never contains a value. */
  message: string;
}

/** The shape of an Ajv ErrorObject, as far as the form reads it. */
export interface ValidationError {
  keyword: string;
  instancePath: string;
  schemaPath: string;
  params: { [detail: string]: unknown };
  message?: string;
}

/** An Ajv-compatible validator, e.g. the default export of an exported `<base>.validate.js`. */
export interface ValidateFunction {
  (data: unknown): boolean;
  errors?: readonly ValidationError[] | null;
}

export interface CredentialFormProps {
  /** A draft-07 object schema. */
  schema: JsonSchema;
  /** The value, when the form is controlled… */
  value?: CredentialValue;
  /** Called on every change with the new value and all of its errors (shown or not yet). */
  onChange?(value: CredentialValue, errors: FieldError[]): void;
  /** …or the initial value, when it is not. */
  defaultValue?: CredentialValue;
  /** Validator to use; without one the schema is compiled with ajv, loaded on demand. */
  validate?: ValidateFunction | undefined;
  /**
   * Called with the value when the submit button is pressed (or Enter in a one-line field) and the
   * value is valid. Renders the submit button.
   */
  onSubmit?(value: CredentialValue): void;
  /** The submit button's text, e.g. "Connect" or "Check values" (default "Save"). */
  submitLabel?: string;
  disabled?: boolean;
  /** Prefix of every element id; keeps two forms on one page apart (default: React useId). */
  idPrefix?: string;
}
