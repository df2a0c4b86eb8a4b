import type { JsonObject, JsonValue } from "../json/value.ts";
import { decodeUtf8 } from "../schema/decode-utf8.ts";
import { importSchema } from "../schema/import.ts";
import { findEnvelope, inEnvelope, readSchemaSource, valueAt } from "../schema/read-source.ts";
import { toSchema } from "../schema/to-schema.ts";
import { inFile } from "./error.ts";
import { refuseNonJson } from "./json-only.ts";
import { sourceOfFile } from "./source-of-file.ts";
import { parseYamlText } from "./yaml.ts";

/** A credential-window schema as the designer reads it: a draft-07 object schema, as plain JSON. */
export type CredentialSchema = JsonObject;

export interface SourceOptions {
  /**
   * How messages name the source, e.g. the file's path as the user wrote it. Its ending also says
   * the format: `.yaml`/`.yml` is YAML, any other JSON. Without it, a text that starts with `{` or
   * `[` is JSON and any other YAML.
   */
  file?: string;
  /**
   * Told, in one line, which part of a connector specification was read when the source is one
   * (`read connectionSpecification of spec.json`), before the schema is imported.
   */
  onNotice?: (notice: string) => void;
  /** Told where the credential schema is in the file (`/connectionSpecification`), when it is in an envelope. */
  onEnvelope?: (pointer: string) => void;
}

/**
 * Reads a schema from its text (or a file's bytes, decoded as strict UTF-8) and passes it through
 * the document model, as the CLI and the designer do. The text is JSON or YAML (see
 * `SourceOptions.file`); an Airbyte `spec.json` (`connectionSpecification`) or low-code
 * `manifest.yaml` (`spec.connection_specification`) gives the credential schema it holds, and
 * `onNotice` hears which part was read. Broken JSON or YAML is refused at its line:column (in
 * the text as written), a
 * schema of the wrong shape or with a remote `$ref` at its JSON pointer, each with how to fix it
 * (a CredentialDesignerError). The schema comes back as written.
 */
export function parseSchema(
  source: string | Uint8Array,
  options: SourceOptions = {},
): CredentialSchema {
  return inFile(options.file, () => {
    const text = typeof source === "string" ? source : decodeUtf8(source);
    const reading = readSchemaSource(text, sourceOfFile(options.file), parseYamlText);
    if (reading.envelope) {
      options.onNotice?.(`read ${reading.envelope.part}`);
      options.onEnvelope?.(reading.envelope.pointer);
    }
    return inEnvelope(reading.envelope, () => toSchema(importSchema(reading.schema)));
  });
}

/**
 * Reads a schema's text (or a file's bytes, decoded as strict UTF-8) as JSON or YAML, and takes
 * the credential schema out of a connector specification's envelope (as `parseSchema` does,
 * `onNotice` hearing which part), without judging the schema: for `check`, which reports what is
 * wrong with a schema rather than refusing it. Only text that is not JSON or YAML is refused, at
 * its line:column (a CredentialDesignerError).
 */
export function parseSchemaJson(
  source: string | Uint8Array,
  options: SourceOptions = {},
): JsonValue {
  return readSchemaJson(source, options).schema;
}

/**
 * `parseSchemaJson`, with where the schema is in the file: `/connectionSpecification` for an
 * Airbyte spec.json, "" for a schema file, so that findings can point into the file as written.
 */
export function readSchemaJson(
  source: string | Uint8Array,
  options: SourceOptions = {},
): { schema: JsonValue; pointer: string } {
  return inFile(options.file, () => {
    const text = typeof source === "string" ? source : decodeUtf8(source);
    const reading = readSchemaSource(text, sourceOfFile(options.file), parseYamlText);
    if (reading.envelope) options.onNotice?.(`read ${reading.envelope.part}`);
    return { schema: reading.schema, pointer: reading.envelope?.pointer ?? "" };
  });
}

/**
 * The same for a value already parsed (JSON.parse's result, an imported .json module), an Airbyte
 * spec.json's or manifest's envelope included. A value JSON cannot hold (undefined, a function,
 * NaN, a Date…) is refused at its pointer.
 */
export function readSchemaValue(value: unknown, options: SourceOptions = {}): CredentialSchema {
  return inFile(options.file, () => {
    refuseNonJson(value);
    const envelope = findEnvelope(value as JsonValue, options.file);
    if (envelope) options.onNotice?.(`read ${envelope.part}`);
    const schema = envelope ? valueAt(value as JsonValue, envelope.pointer) : (value as JsonValue);
    return inEnvelope(envelope, () => toSchema(importSchema(schema)));
  });
}
