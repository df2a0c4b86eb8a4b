import { type CredentialDocument, withAutoKeys } from "../../model/index.ts";
import { importSchema } from "../../schema/import.ts";
import type { DesignRecord } from "./design-repository.ts";

/**
 * The design a stored record holds: its schema read as an import reads it, with the keys that
 * followed their titles when it was saved following them again. Throws what `importSchema` throws.
 */
export function storedDesign(record: DesignRecord): CredentialDocument {
  return withAutoKeys(importSchema(record.schema), record.autoKeys ?? []);
}
