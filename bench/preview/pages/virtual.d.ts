// Modules the bench build (bench/preview/build.ts) generates at build time.

declare module "virtual:bench/schema" {
  /** The benchmark schema (bench/preview/schema.ts), parsed from JSON text. */
  const schema: import("../../../src/json/value.ts").JsonObject;
  export default schema;
}

declare module "virtual:bench/rjsf-validators" {
  /** @rjsf/validator-ajv8's compileSchemaValidatorsCode output for the schema (a CommonJS module). */
  const validateFns: import("@rjsf/validator-ajv8").ValidatorFunctions;
  export default validateFns;
}

declare module "virtual:bench/ours-validator" {
  /** `<base>.validate.js` from exportFiles(schema): ajv standalone, self-contained. */
  const validate: ((data: unknown) => boolean) & { errors?: import("ajv").ErrorObject[] | null };
  export default validate;
}

declare module "virtual:bench/credential-form" {
  /**
   * src/preview/index.ts's CredentialForm (or the module given with `--entry`), resolved by the
   * bench build.
   */
  export const CredentialForm: typeof import("../../../src/preview/index.ts").CredentialForm;
}
