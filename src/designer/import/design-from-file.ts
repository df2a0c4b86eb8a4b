import type { JsonObject } from "../../json/value.ts";
import type { CredentialDocument } from "../../model/index.ts";
import { refuseSecretValues } from "../../model/secret-values.ts";
import { decodeUtf8 } from "../../schema/decode-utf8.ts";
import { draftProblem } from "../../schema/draft-07.ts";
import { importSchema } from "../../schema/import.ts";
import { parseYamlText } from "../../schema/parse-yaml.ts";
import { describeProblem, formatMessage } from "../../schema/problem-message.ts";
import {
  type Envelope,
  inEnvelope,
  readSchemaSource,
  type SourceFormat,
} from "../../schema/read-source.ts";
import { sourceOfFile } from "./source-of-file.ts";

/**
 * Larger files are refused before they are read: a credential window is a few kB, and the
 * largest design the designer is measured with (20,000 fields) is about 5 MB.
 */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

/**
 * A design read from a file (with the one line that says which part of a connector specification
 * was read, when it was one), or the one-line message that says why not: `FILE:PLACE: problem. Fix.`
 */
export type FileImport =
  | { readonly doc: CredentialDocument; readonly notice?: string }
  | { readonly error: string };

/** A design read from a text, how the text was written, and the envelope it came out of. */
export interface DesignReading {
  readonly doc: CredentialDocument;
  readonly format: SourceFormat;
  readonly envelope?: Envelope;
}

/**
 * The one way a schema text the user brings in becomes a design, for Import (a file) and the
 * Schema JSON view (typed text) alike: parsed and imported as the CLI reads a file (JSON or YAML,
 * the window inside a connector specification, then importSchema), and refused if it declares a
 * JSON Schema version other than draft-07 (src/schema/draft-07.ts: every spelling of draft-07 is
 * welcome) or a secret carries a value (src/model/secret-values.ts), as the exporter refuses
 * both. Throws a JsonSyntaxProblem (line:column) or a SchemaProblem (the JSON
 * pointer of the offending keyword); the caller's design is left as it was.
 *
 * These refusals are here, not in `importSchema`: that also opens the designs the page has
 * stored and the templates, and reads the files `check` reports on, which must not fail on it (a
 * stored design with such a value opens, shows the problem, and can be fixed in the inspector).
 */
export function readDesign(text: string): CredentialDocument {
  return readDesignSource(text).doc;
}

/**
 * `readDesign` for a text that may be YAML (a `.yaml`/`.yml` name; without a name, a text that
 * does not start with `{` or `[`) and may be a connector specification (Airbyte's spec.json, a
 * low-code manifest.yaml): its credential window becomes the design. A problem inside the window
 * is placed in the file as written (`/connectionSpecification/properties/…`).
 */
export function readDesignSource(text: string, name?: string): DesignReading {
  const { schema, format, envelope } = readSchemaSource(text, sourceOfFile(name), parseYamlText);
  const doc = inEnvelope(envelope, () => {
    const imported = importSchema(schema);
    // importSchema accepts only an object
    const notDraft07 = draftProblem(schema as JsonObject);
    if (notDraft07) throw notDraft07;
    refuseSecretValues(schema as JsonObject);
    return imported;
  });
  return { doc, format, ...(envelope && { envelope }) };
}

/**
 * Reads a schema file's text into a design (`readDesignSource`: JSON, or YAML for a `.yaml`/`.yml`
 * name; a connector specification's window), with the CLI's messages: a JSON or YAML syntax
 * error at line:column, a schema refused (wrong shape, a `$ref` to another file or server, a
 * secret carrying a value) at its JSON pointer.
 */
export function designFromFile(name: string, text: string): FileImport {
  const size = utf8Length(text);
  if (size > MAX_IMPORT_BYTES) return { error: tooLarge(name, size) };
  try {
    const { doc, envelope } = readDesignSource(text, name);
    return { doc, ...(envelope && { notice: `read ${envelope.part}` }) };
  } catch (error) {
    return { error: messageFor(name, error) };
  }
}

/** The same from the file's bytes, decoded as strict UTF-8 as the CLI decodes them. */
export function designFromBytes(name: string, bytes: Uint8Array): FileImport {
  if (bytes.length > MAX_IMPORT_BYTES) return { error: tooLarge(name, bytes.length) };
  let text: string;
  try {
    text = decodeUtf8(bytes);
  } catch (error) {
    return { error: messageFor(name, error) };
  }
  return designFromFile(name, text);
}

/** The refusal of a file too large to read, from its size alone (checked before reading it). */
export function sizeProblem(name: string, bytes: number): string | undefined {
  return bytes > MAX_IMPORT_BYTES ? tooLarge(name, bytes) : undefined;
}

function tooLarge(name: string, bytes: number): string {
  const megabytes = (bytes / 1024 / 1024).toFixed(1);
  return formatMessage(
    { file: name },
    `the file is too large to import (${megabytes} MB; the limit is ${MAX_IMPORT_BYTES / 1024 / 1024} MB)`,
    "import a credential schema file: a JSON Schema of a few kB",
  );
}

function messageFor(name: string, error: unknown): string {
  const described = describeProblem(error);
  if (described)
    return formatMessage({ file: name, place: described.place }, described.problem, described.fix);
  // Not a problem with the file: a bug. Its message is not shown (it might quote the file).
  const kind = error instanceof Error ? error.name : typeof error;
  return formatMessage(
    { file: name },
    `the file could not be imported (internal error: ${kind})`,
    "this is a bug: please report it",
  );
}

/**
 * The UTF-8 size of a text, counted without encoding it; only when it could exceed the limit
 * (a UTF-16 unit is at most 3 bytes), else its length, which is then surely within it.
 */
function utf8Length(text: string): number {
  if (text.length * 3 <= MAX_IMPORT_BYTES) return text.length;
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** A file the browser could not read (removed or changed since it was picked). */
export function unreadable(name: string): string {
  return formatMessage(
    { file: name },
    "the file cannot be read",
    "check that it still exists and can be opened, then import it again",
  );
}
