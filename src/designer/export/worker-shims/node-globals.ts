import { Buffer } from "buffer";

/**
 * The two Node globals json-schema-to-typescript and its $ref parser read in a browser worker:
 * `process` (`process.env.VERBOSE`, `process.cwd()` for its default `cwd`, `process.nextTick`)
 * and `Buffer` (`Buffer.isBuffer` on every parsed schema). Imported first by the export worker,
 * so they exist before those modules are evaluated; the page itself never loads this.
 * `process.browser` stays unset: the $ref parser then treats paths as the CLI does in Node (the
 * exporter resolves no external `$ref` anyway: file and http resolvers are off).
 */
const scope = globalThis as unknown as { process?: unknown; Buffer?: unknown };
scope.process ??= {
  env: {},
  argv: [],
  platform: "browser",
  cwd: () => "/",
  nextTick: (callback: (...args: unknown[]) => void, ...args: unknown[]) =>
    queueMicrotask(() => callback(...args)),
};
scope.Buffer ??= Buffer;
