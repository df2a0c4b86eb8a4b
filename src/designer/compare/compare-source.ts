import type { JsonObject } from "../../json/value.ts";
import { sizeProblem, unreadable } from "../import/import-limit.ts";
import { type ReadClient, sharedReadClient } from "../import/read-client.ts";
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
 * Reads a schema file as the CLI's `diff` reads its inputs (`compareSchemaFromBytes` in the
 * reader worker, off the page's thread: strict UTF-8, the same JSON or YAML reader, the window of
 * a connector's spec.json or manifest.yaml, the same importer, then `toSchema`), with the CLI's
 * messages: `rest-adapter.json:4:3: expected ',' or '}' … Add a comma …`; files larger than
 * Import takes are refused as Import refuses them, by their size before they are read. Unlike
 * Import, a secret with a value is read, not refused: `diff` reports it. Only the schema is kept.
 */
export async function sourceFromFile(
  file: File,
  reader: ReadClient = sharedReadClient(),
): Promise<SourceRead> {
  const tooLarge = sizeProblem(file.name, file.size);
  if (tooLarge !== undefined) return { error: tooLarge };
  let bytes: ArrayBuffer;
  try {
    bytes = await file.arrayBuffer();
  } catch {
    return { error: unreadable(file.name) };
  }
  try {
    const read = await reader.compareFile(file.name, bytes);
    return "error" in read ? read : { source: { name: file.name, schema: read.schema } };
  } catch {
    return {
      error: `${file.name}: the reader could not be started or stopped working. Reload the page and try again.`,
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
