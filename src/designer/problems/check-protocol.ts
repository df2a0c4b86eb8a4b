import type { Finding } from "../../check/types.ts";

/**
 * The messages between the page (check-client.ts) and the check worker (check-worker.ts). The
 * schema travels as its JSON text, which keeps key order and keys such as `__proto__` as they
 * are; each answer carries its request's id.
 */
export interface CheckRequest {
  readonly id: number;
  readonly schemaText: string;
}

export type CheckResponse =
  | { readonly id: number; readonly ok: true; readonly findings: readonly Finding[] }
  /** The check failed (e.g. the pattern analysis did not load): why, in words. */
  | { readonly id: number; readonly ok: false; readonly error: string };
