import { CredentialDesignerError } from "./error.ts";

/**
 * The exported files' base name for a schema file: `connectors/api.schema.json`, `api.json`,
 * `api.yaml` and `api.yml` give `api`. A name that leaves nothing (`.json`, `.hidden.yaml`) is
 * refused.
 *
 * A connector's `spec.json`/`spec.yaml` or low-code `manifest.yaml` is named after its connector,
 * not after the file every connector's is called: the nearest folder on its path that is not a
 * source folder (`src`, `main`, `resources`), e.g. `source-postgres/src/main/resources/spec.json`
 * and `source-stripe/manifest.yaml` give `source-postgres` and `source-stripe`. A Python package
 * folder beside its connector's (`source-stripe/source_stripe/spec.yaml`) gives the connector's
 * name too. With no such folder on the path (`spec.json` alone), the file's name is kept.
 */
export function exportBaseName(file: string): string {
  const parts = file.split(/[\\/]/);
  const name = parts.at(-1) ?? "";
  const base = name.replace(/\.(json|ya?ml)$/i, "").replace(/\.schema$/i, "");
  if (base === "" || base.startsWith(".")) {
    throw new CredentialDesignerError(
      "cannot name the exported files after this file",
      "rename the schema file, e.g. to connector.schema.json",
      { file },
    );
  }
  if (/^(spec|manifest)$/i.test(base)) return connectorFolder(parts.slice(0, -1)) ?? base;
  return base;
}

const SOURCE_FOLDERS = /^(src|main|resources|java|python|lib|\.|\.\.|)$/i;

function connectorFolder(folders: readonly string[]): string | undefined {
  for (let i = folders.length - 1; i >= 0; i--) {
    const folder = folders[i] ?? "";
    if (SOURCE_FOLDERS.test(folder) || folder.startsWith(".") || /^[A-Za-z]:$/.test(folder))
      continue;
    const parent = folders[i - 1];
    // source-stripe/source_stripe: the package folder's connector.
    if (parent !== undefined && parent.replaceAll("-", "_") === folder) return parent;
    return folder;
  }
  return undefined;
}
