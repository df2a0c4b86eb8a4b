import type { JsonObject } from "../../json/value.ts";
import type { CredentialDocument } from "../../model/index.ts";
import { toSchema } from "../../schema/to-schema.ts";

const schemas = new WeakMap<CredentialDocument, JsonObject>();

/**
 * The design's schema (`toSchema`), written once per version of the design: documents are
 * immutable, so the autosave, the Problems check, the Schema JSON view and the Export menu share
 * one schema for the same document rather than each walking a large design again. Read it, never
 * change it: it is shared.
 */
export function schemaOf(doc: CredentialDocument): JsonObject {
  let schema = schemas.get(doc);
  if (schema === undefined) {
    schema = toSchema(doc);
    schemas.set(doc, schema);
  }
  return schema;
}
