import { checkDesign } from "../../check/check-design.ts";
import type { CheckRequest, CheckResponse } from "./check-protocol.ts";

/**
 * The check worker: runs the core's rules (`checkDesign`, with the pattern analysis loaded in the
 * worker when a rule needs it) off the page's thread, so that checking a large design never holds
 * the page still. Requests are independent; each answer carries its request's id.
 */
// The project type-checks against the DOM library; these are the two members of a dedicated
// worker's global scope used here.
interface WorkerScope {
  onmessage: ((event: MessageEvent<CheckRequest>) => void) | null;
  postMessage(message: CheckResponse): void;
}
const scope = self as unknown as WorkerScope;

scope.onmessage = async (event) => {
  const { id, schemaText } = event.data;
  try {
    scope.postMessage({ id, ok: true, findings: await checkDesign(JSON.parse(schemaText)) });
  } catch (error) {
    scope.postMessage({
      id,
      ok: false,
      error: error instanceof Error ? error.message : String(error),
    });
  }
};
