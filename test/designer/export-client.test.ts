import { describe, expect, it } from "vitest";
import {
  ExportClient,
  ExportError,
  type ExportWorkerLike,
} from "../../src/designer/export/export-client.ts";
import type { ExportRequest, ExportResponse } from "../../src/designer/export/export-protocol.ts";

/** A stand-in for the export worker: records requests; the test answers them. */
class FakeWorker implements ExportWorkerLike {
  onmessage: ((event: MessageEvent<ExportResponse>) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  onmessageerror: ((event: MessageEvent) => void) | null = null;
  readonly requests: ExportRequest[] = [];
  terminated = false;
  postMessage(request: ExportRequest): void {
    this.requests.push(request);
  }
  terminate(): void {
    this.terminated = true;
  }
  answer(response: ExportResponse): void {
    this.onmessage?.({ data: response } as MessageEvent<ExportResponse>);
  }
}

function clientWithFakes() {
  const workers: FakeWorker[] = [];
  const client = new ExportClient(() => {
    const worker = new FakeWorker();
    workers.push(worker);
    return worker;
  });
  return { client, workers };
}

const SCHEMA = JSON.parse(
  '{"type":"object","title":"A","properties":{"__proto__":{"type":"string"}}}',
) as never;

describe("the export client", () => {
  it("starts no worker until the first export, then one for all of them", async () => {
    const { client, workers } = clientWithFakes();
    expect(workers).toHaveLength(0);
    const first = client.exportFiles(SCHEMA, "a");
    const second = client.exportZip(SCHEMA, "a");
    expect(workers).toHaveLength(1);
    const [worker] = workers;
    expect(worker!.requests.map((request) => [request.id, request.kind])).toEqual([
      [1, "files"],
      [2, "zip"],
    ]);
    // The schema travels as JSON text: key order and own "__proto__" keys survive.
    expect(worker!.requests[0]!.schemaText).toBe(JSON.stringify(SCHEMA));
    expect(worker!.requests[0]!.schemaText).toContain('"__proto__"');
    // Answers may come in any order; each settles its own request.
    worker!.answer({ id: 2, ok: true, kind: "zip", zip: new Uint8Array([1, 2]) });
    worker!.answer({ id: 1, ok: true, kind: "files", files: [{ name: "a.ts", contents: "x" }] });
    expect(await second).toEqual(new Uint8Array([1, 2]));
    expect(await first).toEqual([{ name: "a.ts", contents: "x" }]);
    void client.exportFiles(SCHEMA, "a");
    expect(workers).toHaveLength(1);
    expect(worker!.requests.at(-1)!.id).toBe(3);
  });

  it("rejects a refused export with an ExportError that keeps what, where and how to fix", async () => {
    const { client, workers } = clientWithFakes();
    const pending = client.exportFiles(SCHEMA, "a");
    workers[0]!.answer({
      id: 1,
      ok: false,
      failure: {
        what: "the pattern is unsafe",
        pointer: "/properties/x/pattern",
        fix: "remove the nested repetition",
      },
    });
    const error = await pending.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ExportError);
    expect(error).toMatchObject({
      what: "the pattern is unsafe",
      pointer: "/properties/x/pattern",
      fix: "remove the nested repetition",
    });
    expect((error as Error).message).toBe(
      "/properties/x/pattern: the pattern is unsafe. remove the nested repetition.",
    );
  });

  it("fails every waiting export when the worker cannot load, and starts a new worker next time", async () => {
    const { client, workers } = clientWithFakes();
    const waiting = [client.exportFiles(SCHEMA, "a"), client.exportZip(SCHEMA, "a")].map(
      (promise) => promise.catch((error: unknown) => error),
    );
    workers[0]!.onerror?.(new Event("error"));
    for (const error of await Promise.all(waiting)) {
      expect(error).toBeInstanceOf(ExportError);
      expect((error as ExportError).pointer).toBeUndefined();
      expect((error as ExportError).what).toMatch(/could not be started/);
    }
    expect(workers[0]!.terminated).toBe(true);
    const next = client.exportFiles(SCHEMA, "a");
    expect(workers).toHaveLength(2);
    workers[1]!.answer({ id: 3, ok: true, kind: "files", files: [] });
    expect(await next).toEqual([]);
  });

  it("turns a worker that cannot even be created (e.g. a policy forbids it) into an ExportError", async () => {
    const client = new ExportClient(() => {
      throw new DOMException("blocked", "SecurityError");
    });
    await expect(client.exportZip(SCHEMA, "a")).rejects.toBeInstanceOf(ExportError);
  });
});
