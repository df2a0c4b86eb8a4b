import type { JsonObject } from "../../json/value.ts";
import { decodeUtf8 } from "../../schema/decode-utf8.ts";
import { importSchema } from "../../schema/import.ts";
import { parseYamlText } from "../../schema/parse-yaml.ts";
import { describeProblem, formatMessage } from "../../schema/problem-message.ts";
import { inEnvelope, readSchemaSource } from "../../schema/read-source.ts";
import { toSchema } from "../../schema/to-schema.ts";
import { sizeProblem, unreadable } from "../import/design-from-file.ts";
import { sourceOfFile } from "../import/source-of-file.ts";
import type { DesignLibrary } from "../storage/design-repository.ts";

/** What the current design is compared with: the older version, by the name the user knows it by. */
export interface CompareSource {
  /** The file's or the saved design's name. */
  readonly name: string;
  readonly schema: JsonObject;
}

/** A source, or the one-line message that says why it cannot be compared. */
export type SourceRead = { readonly source: CompareSource } | { readonly error: string };

/**
 * Reads a schema file as the CLI's `diff` reads its inputs (`readSchema`: strict UTF-8, the same
 * JSON or YAML reader, the window of a connector's spec.json or manifest.yaml, the same importer,
 * then `toSchema`), with the CLI's messages: `rest-adapter.json:4:3: expected
 * ',' or '}' … Add a comma …`; files larger than Import takes are refused as Import refuses them.
 * Unlike Import, a secret with a value is read, not refused: `diff` reports it. Only the schema is kept.
 */
export async function sourceFromFile(file: File): Promise<SourceRead> {
  const tooLarge = sizeProblem(file.name, file.size);
  if (tooLarge !== undefined) return { error: tooLarge };
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch {
    return { error: unreadable(file.name) };
  }
  try {
    const { schema, envelope } = readSchemaSource(
      decodeUtf8(bytes),
      sourceOfFile(file.name),
      parseYamlText,
    );
    return {
      source: {
        name: file.name,
        schema: inEnvelope(envelope, () => toSchema(importSchema(schema))),
      },
    };
  } catch (error) {
    const described = describeProblem(error);
    if (described)
      return {
        error: formatMessage(
          { file: file.name, place: described.place },
          described.problem,
          described.fix,
        ),
      };
    // Not a problem with the file: a bug. Its message is not shown (it might quote the file).
    const kind = error instanceof Error ? error.name : typeof error;
    return {
      error: formatMessage(
        { file: file.name },
        `the file could not be read (internal error: ${kind})`,
        "this is a bug: please report it",
      ),
    };
  }
}

/** A stored design's schema (stored as `toSchema` wrote it). */
export async function sourceFromLibrary(library: DesignLibrary, id: string): Promise<SourceRead> {
  try {
    const record = await library.load(id);
    return { source: { name: record.name, schema: record.schema } };
  } catch (error) {
    return {
      error: `The saved design could not be read: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}
