import { checkDesign } from "../../check/check-design.ts";
import type { Finding } from "../../check/types.ts";
import type { JsonObject } from "../../json/value.ts";
import type { CheckRequest, CheckResponse } from "./check-protocol.ts";

/** The part of a Worker the client uses. */
export interface CheckWorkerLike {
  onmessage: ((event: MessageEvent<CheckResponse>) => void) | null;
  onerror: ((event: Event) => void) | null;
  onmessageerror: ((event: MessageEvent) => void) | null;
  postMessage(request: CheckRequest): void;
  terminate(): void;
}

/**
 * Starts the check worker. Vite sees this exact `new Worker(new URL(…), { type: "module" })` form
 * and builds the worker as a chunk of its own: the rules, and the pattern analysis as a chunk the
 * worker loads when a design first has a pattern.
 */
export function startCheckWorker(): CheckWorkerLike {
  return new Worker(new URL("./check-worker.ts", import.meta.url), {
    type: "module",
    name: "credential-designer check",
  }) as unknown as CheckWorkerLike;
}

interface Pending {
  readonly schema: JsonObject;
  resolve(findings: Finding[]): void;
  reject(error: Error): void;
}

/**
 * The page's side of the check worker: the core's rules (`checkDesign`) run off the page's thread,
 * so that a large design's check (hundreds of patterns analysed) never holds the page still.
 * Started on the first check, kept for the next. Where there are no workers (a test's DOM), or
 * when the worker cannot start or stops working, the check runs in the page as before: the
 * findings are the same either way.
 */
export class CheckClient {
  private worker: CheckWorkerLike | undefined;
  /** No worker could be started (or it stopped working): checks run in the page from now on. */
  private inThread = false;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(private readonly startWorker: () => CheckWorkerLike = startCheckWorker) {}

  check(schema: JsonObject): Promise<Finding[]> {
    const worker = this.ensureWorker();
    if (!worker) return checkDesign(schema);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { schema, resolve, reject });
      worker.postMessage({ id, schemaText: JSON.stringify(schema) });
    });
  }

  dispose(): void {
    this.worker?.terminate();
    this.worker = undefined;
  }

  private ensureWorker(): CheckWorkerLike | undefined {
    if (this.inThread) return undefined;
    if (this.worker) return this.worker;
    let worker: CheckWorkerLike;
    try {
      worker = this.startWorker();
    } catch {
      this.inThread = true; // no Worker here, or a policy that forbids workers
      return undefined;
    }
    worker.onmessage = (event) => this.settle(event.data);
    // A worker that cannot load or crashed: what waits is checked in the page, and so is the rest.
    worker.onerror = (event) => {
      event.preventDefault?.();
      this.fallBack();
    };
    worker.onmessageerror = () => this.fallBack();
    this.worker = worker;
    return worker;
  }

  private settle(response: CheckResponse): void {
    const waiting = this.pending.get(response.id);
    if (!waiting) return;
    this.pending.delete(response.id);
    if (response.ok) waiting.resolve([...response.findings]);
    else waiting.reject(new Error(response.error));
  }

  private fallBack(): void {
    this.dispose();
    this.inThread = true;
    const waiting = [...this.pending.values()];
    this.pending.clear();
    for (const request of waiting)
      checkDesign(request.schema).then(request.resolve, request.reject);
  }
}

let shared: CheckClient | undefined;

/** The core's rules over a schema, run in the page's one check worker (see CheckClient). */
export function checkDesignOffThread(schema: JsonObject): Promise<Finding[]> {
  shared ??= new CheckClient();
  return shared.check(schema);
}
