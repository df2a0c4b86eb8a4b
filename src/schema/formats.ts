/**
 * The formats a credential window may use: those the exported validator and the preview check,
 * ajv-formats' `fullFormats`, by name. Here as plain names so that `check` (which loads no Ajv)
 * refuses the same unknown formats `export` refuses; test/schema/formats.test.ts keeps the list
 * equal to ajv-formats'.
 */
export const SUPPORTED_FORMATS: readonly string[] = [
  "date",
  "time",
  "date-time",
  "iso-time",
  "iso-date-time",
  "duration",
  "uri",
  "uri-reference",
  "uri-template",
  "url",
  "email",
  "hostname",
  "ipv4",
  "ipv6",
  "regex",
  "uuid",
  "json-pointer",
  "json-pointer-uri-fragment",
  "relative-json-pointer",
  "byte",
  "int32",
  "int64",
  "float",
  "double",
  "password",
  "binary",
];
