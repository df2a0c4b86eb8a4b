import { ReadClient, type ReadWorkerLike } from "../../src/designer/import/read-client.ts";
import type { ReadRequest, ReadResponse } from "../../src/designer/import/read-protocol.ts";
import { answerRead } from "../../src/designer/import/reader/answer-read.ts";

/**
 * A ReadClient whose "worker" runs the reader worker's own code (answerRead) in the test's
 * thread, for component tests: happy-dom has no workers. As a worker does, it answers later (a
 * macrotask), with a structured clone of the answer; `requests` lists what it was asked.
 */
export function inThreadReadClient(): ReadClient & {
  readonly requests: ReadRequest[];
  /** Resolves once every request made so far is answered and its caller has run on. */
  settled(): Promise<void>;
} {
  const requests: ReadRequest[] = [];
  let answers: Promise<void>[] = [];
  const worker: ReadWorkerLike = {
    onmessage: null,
    onerror: null,
    onmessageerror: null,
    postMessage(request) {
      requests.push(request);
      const copy = structuredClone(request);
      answers.push(
        new Promise((resolve) =>
          setTimeout(() => {
            const response: ReadResponse = structuredClone(answerRead(copy));
            worker.onmessage?.({ data: response } as MessageEvent<ReadResponse>);
            resolve();
          }),
        ),
      );
    },
    terminate() {},
  };
  const settled = async () => {
    while (answers.length > 0) {
      const waiting = answers;
      answers = [];
      await Promise.all(waiting);
      // The callers' continuations (several awaits deep) run before this resolves.
      for (let turn = 0; turn < 10; turn++) await Promise.resolve();
    }
  };
  return Object.assign(new ReadClient(() => worker), { requests, settled });
}
