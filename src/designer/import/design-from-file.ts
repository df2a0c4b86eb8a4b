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
  type SourceReading,
} from "../../schema/read-source.ts";
import { toSchema } from "../../schema/to-schema.ts";
import { nodeCountProblem, sizeProblem, utf8Length } from "./import-limit.ts";
import type { FileImport, SchemaRead } from "./read-protocol.ts";
import { sourceOfFile } from "./source-of-file.ts";

export { MAX_IMPORT_BYTES, sizeProblem, unreadable } from "./import-limit.ts";

export type { FileImport } from "./read-protocol.ts";

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
  const { schema, format, envelope } = readSource(text, name);
  const doc = inEnvelope(envelope, () => {
    const imported = importSchema(schema);
    const tooMany = nodeCountProblem(imported);
    if (tooMany) throw tooMany;
    // importSchema accepts only an object
    const notDraft07 = draftProblem(schema as JsonObject);
    if (notDraft07) throw notDraft07;
    refuseSecretValues(schema as JsonObject);
    return imported;
  });
  return { doc, format, ...(envelope && { envelope }) };
}

/**
 * The one call of the core's reader (JSON or YAML by the name, or without one by the text; the
 * window inside a connector specification), for Import, Compare and the Schema JSON view alike.
 */
function readSource(text: string, name: string | undefined): SourceReading {
  return readSchemaSource(text, sourceOfFile(name), parseYamlText);
}

/**
 * Reads a schema file's text into a design (`readDesignSource`: JSON, or YAML for a `.yaml`/`.yml`
 * name; a connector specification's window), with the CLI's messages: a JSON or YAML syntax
 * error at line:column, a schema refused (wrong shape, a `$ref` to another file or server, a
 * secret carrying a value) at its JSON pointer.
 */
export function designFromFile(name: string, text: string): FileImport {
  const tooLarge = sizeProblem(name, utf8Length(text));
  if (tooLarge !== undefined) return { error: tooLarge };
  try {
    const { doc, envelope } = readDesignSource(text, name);
    return { doc, ...(envelope && { notice: `read ${envelope.part}` }) };
  } catch (error) {
    return { error: messageFor(name, error) };
  }
}

/** The same from the file's bytes, decoded as strict UTF-8 as the CLI decodes them. */
export function designFromBytes(name: string, bytes: Uint8Array): FileImport {
  const tooLarge = sizeProblem(name, bytes.length);
  if (tooLarge !== undefined) return { error: tooLarge };
  let text: string;
  try {
    text = decodeUtf8(bytes);
  } catch (error) {
    return { error: messageFor(name, error) };
  }
  return designFromFile(name, text);
}

function messageFor(name: string, error: unknown, doing: "imported" | "read" = "imported"): string {
  const described = describeProblem(error);
  if (described)
    return formatMessage({ file: name, place: described.place }, described.problem, described.fix);
  // Not a problem with the file: a bug. Its message is not shown (it might quote the file).
  const kind = error instanceof Error ? error.name : typeof error;
  return formatMessage(
    { file: name },
    `the file could not be ${doing} (internal error: ${kind})`,
    "this is a bug: please report it",
  );
}

/**
 * Reads a file to compare the design with as the CLI's `diff` reads its inputs (`readSchema`:
 * strict UTF-8, the same JSON or YAML reader, the window of a connector's spec.json or
 * manifest.yaml, the same importer, then `toSchema`), with the CLI's messages:
 * `rest-adapter.json:4:3: expected ',' or '}' … Add a comma …`; files larger than Import takes
 * are refused as Import refuses them. Unlike Import, a secret with a value is read, not refused:
 * `diff` reports it. Only the schema is kept.
 */
export function compareSchemaFromBytes(name: string, bytes: Uint8Array): SchemaRead {
  const tooLarge = sizeProblem(name, bytes.length);
  if (tooLarge !== undefined) return { error: tooLarge };
  try {
    const { schema, envelope } = readSource(decodeUtf8(bytes), name);
    return {
      schema: inEnvelope(envelope, () => {
        const imported = importSchema(schema);
        const tooMany = nodeCountProblem(imported);
        if (tooMany) throw tooMany;
        return toSchema(imported);
      }),
    };
  } catch (error) {
    return { error: messageFor(name, error, "read") };
  }
}
