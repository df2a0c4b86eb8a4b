/**
 * `credential-designer`, the package root: the CLI's work for build tools, with the same results
 * and messages and no file system. Read a schema (parseSchema), export its files as texts
 * (exportSchema), lint it (checkSchema), and say what a new version does to saved credentials
 * (diffSchemas). Problems are thrown as CredentialDesignerError (`FILE:PLACE: problem. Fix.`).
 * The exporter, the lint's pattern analysis and the diff load on their first call.
 */

export { exportBaseName } from "./base-name.ts";
export { type CheckFinding, type CheckReport, checkSchema, formatCheckReport } from "./check.ts";
export {
  type Change,
  type ChangeClass,
  type DiffOptions,
  diffSchemas,
  type FailOn,
  formatSchemaDiff,
  type SavedValueProblem,
  type SavedValueResult,
  type SchemaDiff,
} from "./diff.ts";
export { CredentialDesignerError } from "./error.ts";
export {
  type CSharpExportOptions,
  checkCSharpNamespace,
  DEFAULT_CSHARP_NAMESPACE,
  type ExportedFile,
  type ExportOptions,
  exportSchema,
} from "./export.ts";
export {
  type CredentialSchema,
  parseSchema,
  parseSchemaJson,
  readSchemaValue,
  type SourceOptions,
} from "./parse.ts";
