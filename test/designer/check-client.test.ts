import { describe, expect, it } from "vitest";
import { checkDesign } from "../../src/check/check-design.ts";
import { CheckClient, type CheckWorkerLike } from "../../src/designer/problems/check-client.ts";
import type { CheckRequest, CheckResponse } from "../../src/designer/problems/check-protocol.ts";
import type { JsonObject } from "../../src/json/value.ts";

/**
 * The page's check client: the core's rules run in the check worker, and the findings are the
 * same as `checkDesign`'s in the page; without a worker, or when it fails, the page checks itself.
 */

const SCHEMA: JsonObject = {
  type: "object",
  properties: {
    password: { type: "string", title: "Password", default: "hunter2" },
    code: { type: "string", title: "Code", pattern: "[a-z]+" },
  },
};
Object.defineProperty(SCHEMA.properties, "__proto__", {
  value: { type: "string", title: "Proto" },
  enumerable: true,
});

/** A worker that runs the worker's own work (checkDesign on the text it is sent) in this thread. */
function inThreadWorker(requests: CheckRequest[]): CheckWorkerLike {
  const worker: CheckWorkerLike = {
    onmessage: null,
    onerror: null,
    onmessageerror: null,
    postMessage(request) {
      requests.push(request);
      void checkDesign(JSON.parse(request.schemaText)).then((findings) => {
        const response: CheckResponse = structuredClone({ id: request.id, ok: true, findings });
        worker.onmessage?.({ data: response } as MessageEvent<CheckResponse>);
      });
    },
    terminate() {},
  };
  return worker;
}

describe("CheckClient", () => {
  it("sends the schema as its JSON text and gives the worker's findings, the same as in the page", async () => {
    const requests: CheckRequest[] = [];
    const client = new CheckClient(() => inThreadWorker(requests));
    const findings = await client.check(SCHEMA);
    expect(findings).toEqual(await checkDesign(SCHEMA));
    expect(findings.map((finding) => finding.rule)).toContain("secret-not-write-only");
    expect(requests).toHaveLength(1);
    expect(JSON.parse(requests[0]!.schemaText)).toEqual(JSON.parse(JSON.stringify(SCHEMA)));
    expect(requests[0]!.schemaText).toContain('"__proto__":{"type":"string","title":"Proto"}');
  });

  it("checks in the page where no worker starts, and when the worker fails", async () => {
    const noWorker = new CheckClient(() => {
      throw new ReferenceError("Worker is not defined");
    });
    expect(await noWorker.check(SCHEMA)).toEqual(await checkDesign(SCHEMA));

    let started = 0;
    const failing: CheckWorkerLike = {
      onmessage: null,
      onerror: null,
      onmessageerror: null,
      postMessage() {
        queueMicrotask(() => failing.onerror?.(new Event("error")));
      },
      terminate() {},
    };
    const client = new CheckClient(() => {
      started++;
      return failing;
    });
    expect(await client.check(SCHEMA)).toEqual(await checkDesign(SCHEMA));
    expect(await client.check(SCHEMA)).toEqual(await checkDesign(SCHEMA));
    expect(started).toBe(1);
  });

  it("a check the worker could not do is a rejection with its reason", async () => {
    const worker: CheckWorkerLike = {
      onmessage: null,
      onerror: null,
      onmessageerror: null,
      postMessage(request) {
        queueMicrotask(() =>
          worker.onmessage?.({
            data: { id: request.id, ok: false, error: "the pattern analysis did not load" },
          } as MessageEvent<CheckResponse>),
        );
      },
      terminate() {},
    };
    await expect(new CheckClient(() => worker).check(SCHEMA)).rejects.toThrow(
      "the pattern analysis did not load",
    );
  });
});
