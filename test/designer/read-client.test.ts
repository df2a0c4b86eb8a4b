import { describe, expect, it } from "vitest";
import {
  ReadClient,
  ReaderError,
  type ReadWorkerLike,
} from "../../src/designer/import/read-client.ts";
import type { ReadRequest, ReadResponse } from "../../src/designer/import/read-protocol.ts";
import { answerRead } from "../../src/designer/import/reader/answer-read.ts";
import { toSchema } from "../../src/schema/to-schema.ts";
import { inThreadReadClient } from "../support/in-thread-reader.ts";

/**
 * The page's reader: files and texts are read in a worker (here the worker's own code in this
 * thread); what it answers is what reading in the page gave before, and a reader that fails
 * rejects what waits, never leaving a request unanswered.
 */

const bytesOf = (text: string) => new TextEncoder().encode(text).buffer as ArrayBuffer;

describe("ReadClient", () => {
  it("hands the file's bytes over to the worker (transferred, not copied) and gives its design", async () => {
    const transfers: Transferable[][] = [];
    const worker: ReadWorkerLike = {
      onmessage: null,
      onerror: null,
      onmessageerror: null,
      postMessage(request, transfer) {
        transfers.push(transfer);
        queueMicrotask(() =>
          worker.onmessage?.({
            data: structuredClone(answerRead(structuredClone(request))),
          } as MessageEvent<ReadResponse>),
        );
      },
      terminate() {},
    };
    const client = new ReadClient(() => worker);
    const bytes = bytesOf('{"type": "object", "properties": {"host": {"type": "string"}}}');
    const read = await client.importFile("a.json", bytes);
    expect("doc" in read && toSchema(read.doc)).toEqual({
      type: "object",
      properties: { host: { type: "string" } },
    });
    expect(transfers).toEqual([[bytes]]);
  });

  it("answers each kind of request as the page read it: an import, a compare source, a text", async () => {
    const client = inThreadReadClient();
    expect(await client.importFile("bad.json", bytesOf('{"type": "object",}'))).toEqual({
      error: expect.stringMatching(/^bad\.json:1:19: unexpected .}. after a comma/),
    });
    // Compare reads a secret's value (diff reports it); Import refuses it.
    const leaky = '{"properties": {"token": {"writeOnly": true, "default": "x"}}}';
    expect(await client.compareFile("v1.json", bytesOf(leaky))).toEqual({
      schema: JSON.parse(leaky),
    });
    expect(await client.importFile("v1.json", bytesOf(leaky))).toEqual({
      error: expect.stringMatching(/^v1\.json:\/properties\/token\/default: /),
    });
    const text = await client.readText("type: object\nproperties:\n  port: {type: integer}\n");
    expect(text.ok && toSchema(text.doc)).toEqual({
      type: "object",
      properties: { port: { type: "integer" } },
    });
    expect(client.requests.map((request: ReadRequest) => request.kind)).toEqual([
      "import",
      "compare",
      "import",
      "text",
    ]);
  });

  it("a worker that cannot start, or fails, rejects what waits; the next request starts a new one", async () => {
    const refused = new ReadClient(() => {
      throw new ReferenceError("Worker is not defined");
    });
    await expect(refused.readText("{}")).rejects.toBeInstanceOf(ReaderError);

    const started: ReadWorkerLike[] = [];
    const client = new ReadClient(() => {
      const worker: ReadWorkerLike = {
        onmessage: null,
        onerror: null,
        onmessageerror: null,
        postMessage() {
          if (started.length === 1) queueMicrotask(() => worker.onerror?.(new Event("error")));
          else
            queueMicrotask(() =>
              worker.onmessage?.({
                data: { id: 2, ok: false, error: "TypeError" },
              } as MessageEvent<ReadResponse>),
            );
        },
        terminate() {},
      };
      started.push(worker);
      return worker;
    });
    await expect(client.readText("{}")).rejects.toThrow(
      "the reader could not be started or stopped working",
    );
    await expect(client.readText("{}")).rejects.toThrow(
      "the reader failed (internal error: TypeError)",
    );
    expect(started).toHaveLength(2);
  });
});
