import type { ExportFile } from "../../export/index.ts";
import type { JsonObject } from "../../json/value.ts";
import type { ExportFailure, ExportRequest, ExportResponse } from "./export-protocol.ts";

/** An export the exporter refused or could not do: what, where (JSON pointer) and how to fix it. */
export class ExportError extends Error {
  override readonly name = "ExportError";
  readonly what: string;
  readonly pointer: string | undefined;
  readonly fix: string;
  constructor(failure: ExportFailure) {
    super(
      `${failure.pointer === undefined ? "" : `${failure.pointer || "/"}: `}${failure.what}. ${failure.fix}.`,
    );
    this.what = failure.what;
    this.pointer = failure.pointer;
    this.fix = failure.fix;
  }
}

/** The part of a Worker the client uses (a fake stands in for it in tests). */
export interface ExportWorkerLike {
  onmessage: ((event: MessageEvent<ExportResponse>) => void) | null;
  onerror: ((event: Event) => void) | null;
  onmessageerror: ((event: MessageEvent) => void) | null;
  postMessage(request: ExportRequest): void;
  terminate(): void;
}

/**
 * Starts the export worker. Vite sees this exact `new Worker(new URL(…), { type: "module" })`
 * form and builds the worker as a chunk of its own, so nothing of the exporter is in the page
 * until this runs.
 */
export function startExportWorker(): ExportWorkerLike {
  return new Worker(new URL("./export-worker.ts", import.meta.url), {
    type: "module",
    name: "credential-designer export",
  }) as unknown as ExportWorkerLike;
}

interface Pending {
  resolve(response: ExportResponse & { ok: true }): void;
  reject(error: ExportError): void;
}

const WORKER_FAILED: ExportFailure = {
  what: "the exporter could not be started or stopped working",
  pointer: undefined,
  fix: "reload the page and export again; the command line (credential-designer export) writes the same files",
};

/**
 * The page's side of the export worker: started on the first request (never at page load),
 * kept for the next ones; each request has an id and settles with its own answer. If the
 * worker fails to load or crashes, every waiting request is rejected with an ExportError and
 * the next request starts a new worker.
 */
export class ExportClient {
  private worker: ExportWorkerLike | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(private readonly startWorker: () => ExportWorkerLike = startExportWorker) {}

  /** The four files of the schema, as `credential-designer export` writes them. */
  async exportFiles(schema: JsonObject, baseName: string): Promise<readonly ExportFile[]> {
    const response = await this.request("files", schema, baseName);
    if (response.kind !== "files") throw new ExportError(WORKER_FAILED);
    return response.files;
  }

  /**
   * `<base>.cs`, the C# credential model, as `credential-designer export --csharp` writes it;
   * rejects with an ExportError (its pointer defined) when the C# model cannot express the design.
   */
  async exportCSharp(schema: JsonObject, baseName: string): Promise<ExportFile> {
    const response = await this.request("csharp", schema, baseName);
    if (response.kind !== "csharp") throw new ExportError(WORKER_FAILED);
    return response.file;
  }

  /** The files in one deterministic `.zip` (see ExportRequest's "zip"). */
  async exportZip(schema: JsonObject, baseName: string): Promise<Uint8Array> {
    const response = await this.request("zip", schema, baseName);
    if (response.kind !== "zip") throw new ExportError(WORKER_FAILED);
    return response.zip;
  }

  /** Stops the worker; requests still waiting are rejected. */
  dispose(): void {
    this.fail(WORKER_FAILED);
  }

  private request(
    kind: ExportRequest["kind"],
    schema: JsonObject,
    baseName: string,
  ): Promise<ExportResponse & { ok: true }> {
    const id = this.nextId++;
    let worker: ExportWorkerLike;
    try {
      worker = this.ensureWorker();
    } catch {
      return Promise.reject(new ExportError(WORKER_FAILED)); // e.g. a policy that forbids workers
    }
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, kind, schemaText: JSON.stringify(schema), baseName });
    });
  }

  private ensureWorker(): ExportWorkerLike {
    if (this.worker) return this.worker;
    const worker = this.startWorker();
    worker.onmessage = (event) => this.settle(event.data);
    // A worker that cannot load (or throws outside a request) answers nothing: fail what waits.
    worker.onerror = (event) => {
      event.preventDefault?.();
      this.fail(WORKER_FAILED);
    };
    worker.onmessageerror = () => this.fail(WORKER_FAILED);
    this.worker = worker;
    return worker;
  }

  private settle(response: ExportResponse): void {
    const waiting = this.pending.get(response.id);
    if (!waiting) return;
    this.pending.delete(response.id);
    if (response.ok) waiting.resolve(response);
    else waiting.reject(new ExportError(response.failure));
  }

  private fail(failure: ExportFailure): void {
    this.worker?.terminate();
    this.worker = undefined;
    const waiting = [...this.pending.values()];
    this.pending.clear();
    for (const request of waiting) request.reject(new ExportError(failure));
  }
}

let shared: ExportClient | undefined;

/** The page's one export client; its worker starts on the first export. */
export function sharedExportClient(): ExportClient {
  return (shared ??= new ExportClient());
}
