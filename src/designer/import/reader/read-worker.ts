import type { ReadRequest, ReadResponse } from "../read-protocol.ts";
import { answerRead } from "./answer-read.ts";

/**
 * The reader worker: parses and imports the texts the user brings in (answer-read.ts) off the
 * page's thread, so that a large file or a large paste never holds the page still. Started by
 * read-client.ts on the first request; requests are independent, and each answer carries its
 * request's id.
 */
// The project type-checks against the DOM library; these are the two members of a dedicated
// worker's global scope used here.
interface WorkerScope {
  onmessage: ((event: MessageEvent<ReadRequest>) => void) | null;
  postMessage(message: ReadResponse): void;
}
const scope = self as unknown as WorkerScope;

scope.onmessage = (event) => scope.postMessage(answerRead(event.data));
