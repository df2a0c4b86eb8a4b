import { CredentialDesignerError } from "./error.ts";

/**
 * The exported files' base name for a schema file: `connectors/api.schema.json` and `api.json`
 * give `api`. A name that leaves nothing (`.json`, `.hidden.json`) is refused.
 */
export function exportBaseName(file: string): string {
  const name = file.split(/[\\/]/).at(-1) ?? "";
  const base = name.replace(/\.json$/i, "").replace(/\.schema$/i, "");
  if (base === "" || base.startsWith(".")) {
    throw new CredentialDesignerError(
      "cannot name the exported files after this file",
      "rename the schema file, e.g. to connector.schema.json",
      { file },
    );
  }
  return base;
}
