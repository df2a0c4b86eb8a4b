import type { ExportFile } from "../../export/index.ts";

/**
 * The messages between the page (export-client.ts) and the export worker (export-worker.ts).
 * The schema travels as its JSON text, which keeps key order and keys such as `__proto__` as
 * they are; answers carry the request's id.
 */
export interface ExportRequest {
  readonly id: number;
  /**
   * "files": the four files; "csharp": `<base>.cs` alone (refused when the C# model cannot
   * express the design); "zip": one archive of the four and `<base>.cs`, or, when C# cannot
   * express the design, the four and a README.txt saying why `<base>.cs` is not there.
   */
  readonly kind: "files" | "csharp" | "zip";
  readonly schemaText: string;
  readonly baseName: string;
}

/** Why an export failed, as the designer shows it: what, where (a JSON pointer) and how to fix it. */
export interface ExportFailure {
  readonly what: string;
  /** JSON pointer into the schema ("" is the root); undefined when the problem has no place. */
  readonly pointer: string | undefined;
  readonly fix: string;
}

export type ExportResponse =
  | {
      readonly id: number;
      readonly ok: true;
      readonly kind: "files";
      readonly files: readonly ExportFile[];
    }
  | { readonly id: number; readonly ok: true; readonly kind: "csharp"; readonly file: ExportFile }
  | { readonly id: number; readonly ok: true; readonly kind: "zip"; readonly zip: Uint8Array }
  | { readonly id: number; readonly ok: false; readonly failure: ExportFailure };
