import type { JsonObject, JsonValue } from "../json/value.ts";
import { decodeUtf8 } from "../schema/decode-utf8.ts";
import { importSchema } from "../schema/import.ts";
import { parseJsonText } from "../schema/parse-json.ts";
import { toSchema } from "../schema/to-schema.ts";
import { inFile } from "./error.ts";
import { refuseNonJson } from "./json-only.ts";

/** A credential-window schema as the designer reads it: a draft-07 object schema, as plain JSON. */
export type CredentialSchema = JsonObject;

export interface SourceOptions {
  /** How messages name the source, e.g. the file's path as the user wrote it. */
  file?: string;
}

/**
 * Reads a schema from its text (or a file's bytes, decoded as strict UTF-8) and passes it through
 * the document model, as the CLI and the designer do: broken JSON is refused at its line:column, a
 * schema of the wrong shape or with a remote `$ref` at its JSON pointer, each with how to fix it
 * (a CredentialDesignerError). The schema comes back as written.
 */
export function parseSchema(
  source: string | Uint8Array,
  options: SourceOptions = {},
): CredentialSchema {
  return inFile(options.file, () => {
    const text = typeof source === "string" ? source : decodeUtf8(source);
    return toSchema(importSchema(parseJsonText(text)));
  });
}

/**
 * Reads a schema's text (or a file's bytes, decoded as strict UTF-8) as JSON without judging the
 * schema: for `check`, which reports what is wrong with a schema rather than refusing it. Only
 * broken JSON is refused, at its line:column (a CredentialDesignerError).
 */
export function parseSchemaJson(
  source: string | Uint8Array,
  options: SourceOptions = {},
): JsonValue {
  return inFile(options.file, () =>
    parseJsonText(typeof source === "string" ? source : decodeUtf8(source)),
  );
}

/**
 * The same for a value already parsed (JSON.parse's result, an imported .json module). A value
 * JSON cannot hold (undefined, a function, NaN, a Date…) is refused at its pointer.
 */
export function readSchemaValue(value: unknown, options: SourceOptions = {}): CredentialSchema {
  return inFile(options.file, () => {
    refuseNonJson(value);
    return toSchema(importSchema(value as JsonValue));
  });
}
