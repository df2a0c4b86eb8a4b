/**
 * The embeddable credential form. `CredentialForm` renders a draft-07 credential schema as a form;
 * Ajv is only loaded (in a chunk of its own) when no `validate` function is passed.
 */
export { CredentialForm } from "./form.ts";
export type {
  CredentialFormProps,
  CredentialValue,
  FieldError,
  Json,
  JsonSchema,
  ValidateFunction,
  ValidationError,
} from "./types.ts";
