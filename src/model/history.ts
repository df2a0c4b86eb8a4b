import type { Result } from "../json/result.ts";
import type { CredentialDocument } from "./nodes.ts";
import { applyTransaction, type Refusal, type Transaction } from "./transaction.ts";

/** A change as history keeps it: what was done and what undoes it. */
export interface HistoryEntry {
  readonly transaction: Transaction;
  readonly inverse: Transaction;
}

export interface EditorState {
  readonly doc: CredentialDocument;
  readonly done: readonly HistoryEntry[];
  readonly undone: readonly HistoryEntry[];
}

/** How many changes undo reaches back; older ones are dropped. */
export const HISTORY_LIMIT = 500;

export function createEditorState(doc: CredentialDocument): EditorState {
  return { doc, done: [], undone: [] };
}

export type Dispatched = Result<{ state: EditorState }>;

/**
 * Applies a command's transaction as one history step. A refusal (from the command builder or
 * from applying) leaves the state as it was; an empty transaction changes nothing and adds no step.
 */
export function dispatch(state: EditorState, command: Transaction | Refusal): Dispatched {
  if ("ok" in command) return command;
  if (command.steps.length === 0) return { ok: true, state };
  const applied = applyTransaction(state.doc, command);
  if (!applied.ok) return applied;
  const done = [...state.done, { transaction: command, inverse: applied.inverse }].slice(
    -HISTORY_LIMIT,
  );
  return { ok: true, state: { doc: applied.doc, done, undone: [] } };
}

export function canUndo(state: EditorState): boolean {
  return state.done.length > 0;
}

export function canRedo(state: EditorState): boolean {
  return state.undone.length > 0;
}

export function undo(state: EditorState): EditorState {
  const entry = state.done.at(-1);
  if (!entry) return state;
  const applied = applyTransaction(state.doc, entry.inverse);
  // History only holds transactions that applied to the document it recorded, so this cannot fail.
  if (!applied.ok)
    throw new Error(`undo of "${entry.transaction.label}" failed: ${applied.reason}`);
  return { doc: applied.doc, done: state.done.slice(0, -1), undone: [...state.undone, entry] };
}

export function redo(state: EditorState): EditorState {
  const entry = state.undone.at(-1);
  if (!entry) return state;
  const applied = applyTransaction(state.doc, entry.transaction);
  if (!applied.ok)
    throw new Error(`redo of "${entry.transaction.label}" failed: ${applied.reason}`);
  return { doc: applied.doc, done: [...state.done, entry], undone: state.undone.slice(0, -1) };
}
