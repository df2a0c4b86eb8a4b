import { type ExportedFile, exportSchema, readSchemaValue } from "../../../src/api/index.ts";
import { CORPUS, type CorpusEntry } from "./corpus.ts";

/** A window of the corpus and what the typed API's export made of its credential schema. */
export interface CorpusExport {
  entry: CorpusEntry;
  /** A name for its files: `source-postgres.spec.json` gives `source_postgres_spec`. */
  base: string;
  /** The exported files, or undefined when export refused the schema. */
  files?: ExportedFile[];
  /** Why export refused it. */
  refusal?: string;
}

export const baseNameOf = (entry: CorpusEntry): string =>
  entry.name
    .replace(/^.*\//, "")
    .replace(/\.(json|ya?ml)$/, "")
    .replace(/[^a-z0-9]+/gi, "_");

/**
 * Each window's credential schema through readSchemaValue and exportSchema, as a build script
 * would call them. A refusal must be a CredentialDesignerError (anything else is rethrown: a crash).
 */
export async function exportCorpus(): Promise<CorpusExport[]> {
  const results: CorpusExport[] = [];
  for (const entry of CORPUS) {
    const base = baseNameOf(entry);
    try {
      const schema = readSchemaValue(structuredClone(entry.schema), { file: entry.name });
      results.push({ entry, base, files: await exportSchema(schema, { file: entry.name, base }) });
    } catch (error) {
      if (!(error instanceof Error) || error.name !== "CredentialDesignerError") throw error;
      results.push({ entry, base, refusal: error.message });
    }
  }
  return results;
}

/** The root type's name, as the validator's declaration file imports it. */
export function rootTypeOf(exported: CorpusExport): string {
  const declaration = exported.files?.find((file) => file.name.endsWith(".validate.d.ts"));
  const name = declaration && /import type \{ (\w+) \} from/.exec(declaration.contents)?.[1];
  if (!name) throw new Error(`${exported.entry.name}: no root type in the validator's declaration`);
  return name;
}
