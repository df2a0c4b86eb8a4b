import { exportBaseName } from "./base-name.ts";
import { inFileAsync } from "./error.ts";
import type { CredentialSchema, SourceOptions } from "./parse.ts";

/** One exported file: a bare file name (no folder) and its text. */
export interface ExportedFile {
  name: string;
  contents: string;
}

export interface ExportOptions extends SourceOptions {
  /**
   * The files' common name: `rest-adapter` gives `rest-adapter.schema.json`, `rest-adapter.ts`,
   * `rest-adapter.validate.js` and `rest-adapter.validate.d.ts`. Default: from `file`
   * (see exportBaseName), else "credentials".
   */
  base?: string;
}

/**
 * What `credential-designer export` writes, as texts: the schema, its TypeScript bindings, a
 * precompiled validator (no `eval` at run time) and the validator's types. Refuses what cannot be
 * exported safely (a secret with a value, a pattern that can take exponential time…) with a
 * CredentialDesignerError at its JSON pointer. The exporter (json-schema-to-typescript, prettier,
 * Ajv's code generator) loads on the first call.
 */
export async function exportSchema(
  schema: CredentialSchema,
  options: ExportOptions = {},
): Promise<ExportedFile[]> {
  const base =
    options.base ?? (options.file === undefined ? "credentials" : exportBaseName(options.file));
  return inFileAsync(options.file, async () => {
    const { exportFiles } = await import("../export/index.ts");
    return exportFiles(schema, base);
  });
}
