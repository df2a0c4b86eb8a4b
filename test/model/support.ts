import { readFileSync } from "node:fs";
import { expect } from "vitest";
import type { JsonObject } from "../../src/json/value.ts";
import {
  applyTransaction,
  type CommandResult,
  type CredentialDocument,
  type FieldNode,
  isRefusal,
  locate,
  type Transaction,
} from "../../src/model/index.ts";
import { importSchema } from "../../src/schema/import.ts";
import { toSchema } from "../../src/schema/to-schema.ts";

export function loadFixture(name: string): JsonObject {
  return JSON.parse(
    readFileSync(new URL(`../fixtures/${name}`, import.meta.url), "utf8"),
  ) as JsonObject;
}

export function sampleDocument(): CredentialDocument {
  return importSchema(loadFixture("rest-sample.schema.json"));
}

/** The node at a key path, e.g. ["settings", "timeout"] or ["auth", 1, "password"] (a number picks a branch). */
export function nodeAt(doc: CredentialDocument, ...path: Array<string | number>): FieldNode {
  let node = doc.root;
  for (const step of path) {
    const next =
      typeof step === "number"
        ? node.branches?.[step]
        : node.fields?.find((field) => field.key === step);
    if (!next) throw new Error(`no node at ${path.join(".")}`);
    node = next;
  }
  return node;
}

/**
 * Applies a command and checks the three things every change must hold (as ProseMirror's tests do):
 * it applies, its inverse gives back the document before it, and a JSON round trip of the
 * transaction replays to the same document. Returns the new document.
 */
export function applyChecked(doc: CredentialDocument, command: CommandResult): CredentialDocument {
  if (isRefusal(command)) throw new Error(`refused: ${command.reason}`);
  const applied = applyTransaction(doc, command);
  if (!applied.ok) throw new Error(`refused on apply: ${applied.reason}`);
  const undone = applyTransaction(applied.doc, applied.inverse);
  if (!undone.ok) throw new Error(`inverse refused: ${undone.reason}`);
  expect(undone.doc).toEqual(doc);
  expect(JSON.stringify(toSchema(undone.doc))).toBe(JSON.stringify(toSchema(doc)));
  const replayed = applyTransaction(doc, JSON.parse(JSON.stringify(command)) as Transaction);
  if (!replayed.ok) throw new Error(`JSON replay refused: ${replayed.reason}`);
  // Compared as JSON: a JSON round trip cannot keep what JSON cannot say (-0 becomes 0).
  expect(JSON.stringify(replayed.doc)).toBe(JSON.stringify(applied.doc));
  return applied.doc;
}

export function expectRefused(command: CommandResult, reason: RegExp): void {
  expect(isRefusal(command)).toBe(true);
  if (isRefusal(command)) expect(command.reason).toMatch(reason);
}

export function idOf(doc: CredentialDocument, ...path: Array<string | number>): string {
  return nodeAt(doc, ...path).id;
}

export { locate, toSchema };
