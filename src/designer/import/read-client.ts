import type {
  FileImport,
  ReadAnswers,
  ReadRequest,
  ReadResponse,
  SchemaRead,
  SchemaTextReading,
} from "./read-protocol.ts";

/** The part of a Worker the client uses (tests put an in-thread stand-in in its place). */
export interface ReadWorkerLike {
  onmessage: ((event: MessageEvent<ReadResponse>) => void) | null;
  onerror: ((event: Event) => void) | null;
  onmessageerror: ((event: MessageEvent) => void) | null;
  postMessage(request: ReadRequest, transfer: Transferable[]): void;
  terminate(): void;
}

/**
 * Starts the reader worker. Vite sees this exact `new Worker(new URL(…), { type: "module" })`
 * form and builds the worker as a chunk of its own (with the JSON and YAML readers and the
 * importer), loaded on the first read, never at page load.
 */
export function startReadWorker(): ReadWorkerLike {
  return new Worker(new URL("./reader/read-worker.ts", import.meta.url), {
    type: "module",
    name: "credential-designer reader",
  }) as unknown as ReadWorkerLike;
}

/** The reader could not be started, or failed on a request (a bug): nothing was read. */
export class ReaderError extends Error {
  override readonly name = "ReaderError";
}

const FAILED = "the reader could not be started or stopped working";

interface Pending {
  resolve(answer: ReadAnswers[keyof ReadAnswers]): void;
  reject(error: ReaderError): void;
}

/**
 * The page's side of the reader worker: parses and imports a file to import, a file to compare
 * with, or the Schema JSON view's text off the page's thread, so that a large one never holds the
 * page still; the page then applies the design it gets as one command. Started on the first
 * request, kept for the next; each request settles with its own answer. If the worker cannot
 * start or crashes, what waits is rejected with a ReaderError and the next request starts anew.
 */
export class ReadClient {
  private worker: ReadWorkerLike | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(private readonly startWorker: () => ReadWorkerLike = startReadWorker) {}

  /** A file to import (its bytes, handed over to the worker): a design or the refusal's message. */
  importFile(name: string, bytes: ArrayBuffer): Promise<FileImport> {
    return this.request({ id: this.nextId++, kind: "import", name, bytes }, [bytes]);
  }

  /** A file to compare the design with: its schema, or the refusal's message. */
  compareFile(name: string, bytes: ArrayBuffer): Promise<SchemaRead> {
    return this.request({ id: this.nextId++, kind: "compare", name, bytes }, [bytes]);
  }

  /** The Schema JSON view's text: a design, or the problem and where it is in the text. */
  readText(text: string): Promise<SchemaTextReading> {
    return this.request({ id: this.nextId++, kind: "text", text }, []);
  }

  /** Stops the worker; requests still waiting are rejected. */
  dispose(): void {
    this.fail();
  }

  private request<K extends ReadRequest["kind"]>(
    request: ReadRequest & { kind: K },
    transfer: Transferable[],
  ): Promise<ReadAnswers[K]> {
    let worker: ReadWorkerLike;
    try {
      worker = this.ensureWorker();
    } catch {
      return Promise.reject(new ReaderError(FAILED)); // e.g. a policy that forbids workers
    }
    return new Promise((resolve, reject) => {
      this.pending.set(request.id, {
        resolve: resolve as (answer: ReadAnswers[keyof ReadAnswers]) => void,
        reject,
      });
      worker.postMessage(request, transfer);
    });
  }

  private ensureWorker(): ReadWorkerLike {
    if (this.worker) return this.worker;
    const worker = this.startWorker();
    worker.onmessage = (event) => this.settle(event.data);
    // A worker that cannot load (or throws outside a request) answers nothing: fail what waits.
    worker.onerror = (event) => {
      event.preventDefault?.();
      this.fail();
    };
    worker.onmessageerror = () => this.fail();
    this.worker = worker;
    return worker;
  }

  private settle(response: ReadResponse): void {
    const waiting = this.pending.get(response.id);
    if (!waiting) return;
    this.pending.delete(response.id);
    if (response.ok) waiting.resolve(response.answer);
    else waiting.reject(new ReaderError(`the reader failed (internal error: ${response.error})`));
  }

  private fail(): void {
    this.worker?.terminate();
    this.worker = undefined;
    const waiting = [...this.pending.values()];
    this.pending.clear();
    for (const request of waiting) request.reject(new ReaderError(FAILED));
  }
}

let shared: ReadClient | undefined;

/** The page's one reader; its worker starts on the first read. */
export function sharedReadClient(): ReadClient {
  return (shared ??= new ReadClient());
}

/**
 * Puts another reader in the page's place (component tests, whose DOM has no workers, run the
 * worker's own code in their thread); returns the function that puts the previous one back.
 */
export function replaceSharedReadClient(client: ReadClient): () => void {
  const previous = shared;
  shared = client;
  return () => {
    shared?.dispose();
    shared = previous;
  };
}
