import { csharpNamespaceProblem } from "../export/csharp-namespace.ts";
import { SchemaProblem } from "../json/problem.ts";

export { DEFAULT_CSHARP_NAMESPACE } from "../export/csharp-namespace.ts";

import { exportBaseName } from "./base-name.ts";
import { CredentialDesignerError, inFileAsync } from "./error.ts";
import type { CredentialSchema, SourceOptions } from "./parse.ts";

/** One exported file: a bare file name (no folder) and its text. */
export interface ExportedFile {
  name: string;
  contents: string;
}

/** How the C# credential model (`<base>.cs`) is written. */
export interface CSharpExportOptions {
  /**
   * The namespace of every type in the file: a dotted C# name such as `Contoso.Connectors.Rest`
   * (ASCII letters, digits and `_`, not starting with a digit; no keyword). Default: `Connector.Credentials`
   * (DEFAULT_CSHARP_NAMESPACE), as the command line's and the page's.
   */
  namespace?: string;
}

export interface ExportOptions extends SourceOptions {
  /**
   * The files' common name: `rest-adapter` gives `rest-adapter.schema.json`, `rest-adapter.ts`,
   * `rest-adapter.validate.js` and `rest-adapter.validate.d.ts`. Default: from `file`
   * (see exportBaseName), else "credentials".
   */
  base?: string;
  /**
   * Also export `<base>.cs`, the C# credential model for .NET adapters (last in the list):
   * `true` for the default namespace, or its options. A schema the C# model cannot express
   * exactly is then refused, like any other problem, and no file is returned.
   */
  csharp?: boolean | CSharpExportOptions;
  /**
   * Where the schema is in its file (`/connectionSpecification` for an Airbyte spec.json: what
   * `onEnvelope` heard while reading it), so that a refusal points into the file as written.
   */
  pointer?: string;
}

/**
 * What `credential-designer export` writes, as texts: the schema, its TypeScript bindings, a
 * precompiled validator (no `eval` at run time) and the validator's types; with `csharp`, also
 * the C# credential model (what `export --csharp` adds). Refuses what cannot be exported safely
 * (a secret with a value, a pattern that can take exponential time, with `csharp` what C# cannot
 * express…) with a CredentialDesignerError at its JSON pointer. The exporter
 * (json-schema-to-typescript, prettier, Ajv's code generator, the C# generator) loads on the
 * first call.
 */
export async function exportSchema(
  schema: CredentialSchema,
  options: ExportOptions = {},
): Promise<ExportedFile[]> {
  const base =
    options.base ?? (options.file === undefined ? "credentials" : exportBaseName(options.file));
  const csharp =
    options.csharp === true
      ? {}
      : typeof options.csharp === "object" && options.csharp !== null
        ? { ...options.csharp }
        : undefined;
  if (csharp?.namespace !== undefined) checkCSharpNamespace(csharp.namespace);
  return inFileAsync(options.file, async () => {
    const { exportFiles } = await import("../export/index.ts");
    try {
      return await exportFiles(schema, base, csharp ? { csharp } : {});
    } catch (error) {
      if (options.pointer && error instanceof SchemaProblem)
        throw new SchemaProblem(options.pointer + error.pointer, error.problem, error.fix);
      throw error;
    }
  });
}

/**
 * Refuses a namespace that cannot be the C# model's (`exportSchema`'s `csharp.namespace`) with a
 * CredentialDesignerError saying what is wrong and how to fix it.
 */
export function checkCSharpNamespace(namespace: unknown): void {
  if (typeof namespace !== "string")
    throw new CredentialDesignerError(
      "the C# namespace is not text",
      'give a dotted C# name as a string, e.g. "Contoso.Connectors.Rest"',
    );
  const problem = csharpNamespaceProblem(namespace);
  if (problem) throw new CredentialDesignerError(problem.problem, problem.fix);
}
