// Node's globals first: json-schema-to-typescript reads them when its modules are evaluated.
import "./worker-shims/node-globals.ts";
import { type ExportFile, exportCSharpFile, exportFiles } from "../../export/index.ts";
import { SchemaProblem } from "../../json/problem.ts";
import type { JsonObject } from "../../json/value.ts";
import type { ExportFailure, ExportRequest, ExportResponse } from "./export-protocol.ts";
import { zipContents, zipFiles } from "./zip.ts";

/**
 * The export worker: runs the CLI's own `exportFiles` (json-schema-to-typescript, prettier,
 * ajv standalone) and `exportCSharpFile` (what `export --csharp` adds) off the page's thread, so the page loads none of it until the first export and
 * stays responsive while a large design exports. Requests are independent (exportFiles is pure);
 * each answer carries its request's id.
 */
// The project type-checks against the DOM library; these are the two members of a dedicated
// worker's global scope used here.
interface WorkerScope {
  onmessage: ((event: MessageEvent<ExportRequest>) => void) | null;
  postMessage(message: ExportResponse, transfer: Transferable[]): void;
}
const scope = self as unknown as WorkerScope;

scope.onmessage = async (event: MessageEvent<ExportRequest>) => {
  const { id, kind, schemaText, baseName } = event.data;
  try {
    const schema = JSON.parse(schemaText);
    if (kind === "csharp") {
      const csharp = csharpOrRefusal(schemaText, schema, baseName);
      if (csharp instanceof SchemaProblem) throw csharp;
      return post({ id, ok: true, kind, file: csharp });
    }
    const files = await exportFiles(schema, baseName);
    if (kind === "files") return post({ id, ok: true, kind, files });
    const csharp = csharpOrRefusal(schemaText, schema, baseName);
    const zip = zipFiles(zipContents(schema, baseName, files, csharp));
    post({ id, ok: true, kind, zip }, [zip.buffer as ArrayBuffer]);
  } catch (error) {
    post({ id, ok: false, failure: describeFailure(error) });
  }
};

/**
 * The last C# answer, by the design's text and base name: the menu asks when it opens, and the
 * "Export all (.zip)" or `.cs` chosen next reuses the answer rather than generating it again.
 */
let lastCSharp: { key: string; result: ExportFile | SchemaProblem } | undefined;

/** `<base>.cs`, or why the C# model cannot express the design (a SchemaProblem). */
function csharpOrRefusal(
  schemaText: string,
  schema: JsonObject,
  baseName: string,
): ExportFile | SchemaProblem {
  const key = `${baseName}\n${schemaText}`;
  if (lastCSharp?.key === key) return lastCSharp.result;
  let result: ExportFile | SchemaProblem;
  try {
    result = exportCSharpFile(schema, baseName);
  } catch (error) {
    if (!(error instanceof SchemaProblem)) throw error;
    result = error;
  }
  lastCSharp = { key, result };
  return result;
}

function post(response: ExportResponse, transfer: Transferable[] = []): void {
  scope.postMessage(response, transfer);
}

function describeFailure(error: unknown): ExportFailure {
  if (error instanceof SchemaProblem)
    return { what: error.problem, pointer: error.pointer, fix: error.fix };
  const message = error instanceof Error ? error.message : String(error);
  return {
    what: `the export failed unexpectedly (${message.split("\n")[0]})`,
    pointer: undefined,
    fix: "try again; if it fails again, export with the command line, which reports the same checks",
  };
}
