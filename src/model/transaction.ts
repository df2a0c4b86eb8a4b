import type { Failure, Result } from "../json/result.ts";
import type { CredentialDocument } from "./nodes.ts";
import { applyStep, invertStep, type Step } from "./steps.ts";

/** One user-visible change: a label for the history and the steps that make it. One undo step. */
export interface Transaction {
  readonly label: string;
  readonly steps: readonly Step[];
}

/** A command the document cannot take, and why, in words for the user. Nothing was changed. */
export type Refusal = Failure;

export type Applied = Result<{ doc: CredentialDocument; inverse: Transaction }>;

/** Applies every step or none: a refused step leaves the document as it was. */
export function applyTransaction(doc: CredentialDocument, transaction: Transaction): Applied {
  let current = doc;
  for (const step of transaction.steps) {
    const result = applyStep(current, step);
    if (!result.ok) return { ok: false, reason: result.reason };
    current = result.doc;
  }
  return { ok: true, doc: current, inverse: invertTransaction(transaction) };
}

export function invertTransaction(transaction: Transaction): Transaction {
  return { label: transaction.label, steps: [...transaction.steps].reverse().map(invertStep) };
}

export function refusal(reason: string): Refusal {
  return { ok: false, reason };
}

export function isRefusal(value: Transaction | Refusal): value is Refusal {
  return "ok" in value && value.ok === false;
}
