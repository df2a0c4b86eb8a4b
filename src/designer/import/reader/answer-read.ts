import { readSchemaText } from "../../json-view/schema-text.ts";
import { compareSchemaFromBytes, designFromBytes } from "../design-from-file.ts";
import type { ReadRequest, ReadResponse } from "../read-protocol.ts";

/**
 * Answers one request of the reader (read-protocol.ts): a file imported, a file to compare with,
 * the Schema JSON view's text. Pure: the worker runs it off the page's thread (read-worker.ts),
 * and a test can run it in its own. A throw is a bug: it is answered with the error's kind only,
 * never its message, which might quote the text.
 */
export function answerRead(request: ReadRequest): ReadResponse {
  const { id } = request;
  try {
    switch (request.kind) {
      case "import":
        return {
          id,
          ok: true,
          answer: designFromBytes(request.name, new Uint8Array(request.bytes)),
        };
      case "compare":
        return {
          id,
          ok: true,
          answer: compareSchemaFromBytes(request.name, new Uint8Array(request.bytes)),
        };
      case "text":
        return { id, ok: true, answer: readSchemaText(request.text) };
    }
  } catch (error) {
    return { id, ok: false, error: error instanceof Error ? error.name : typeof error };
  }
}
