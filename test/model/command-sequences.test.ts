import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addBranch,
  addField,
  type CommandResult,
  type CredentialDocument,
  createEditorState,
  dispatch,
  duplicateField,
  FIELD_KINDS,
  type FieldNode,
  isAddableKind,
  isRefusal,
  moveField,
  redo,
  removeField,
  renameBranch,
  renameDiscriminator,
  replaceDesign,
  undo,
  updateField,
  walkNodes,
} from "../../src/model/index.ts";
import { importSchema } from "../../src/schema/import.ts";
import { toSchema } from "../../src/schema/to-schema.ts";
import { credentialSchema } from "../schema/credential-schema-arbitrary.ts";
import { applyChecked } from "./support.ts";

/** A command a user could issue, with its targets picked by position among the document's nodes. */
const intent = fc.oneof(
  fc.record({
    type: fc.constant("add"),
    parent: fc.nat(),
    index: fc.nat(),
    kind: fc.constantFrom(...FIELD_KINDS.filter(isAddableKind)),
  }),
  fc.record({ type: fc.constant("move"), node: fc.nat(), parent: fc.nat(), index: fc.nat() }),
  fc.record({ type: fc.constant("remove"), node: fc.nat() }),
  fc.record({ type: fc.constant("duplicate"), node: fc.nat() }),
  fc.record({
    type: fc.constant("rename"),
    node: fc.nat(),
    key: fc.constantFrom("a", "b", "username", "", "__proto__"),
  }),
  fc.record({ type: fc.constant("require"), node: fc.nat(), required: fc.boolean() }),
  fc.record({
    type: fc.constant("set"),
    node: fc.nat(),
    title: fc.string({ maxLength: 6 }),
    minLength: fc.integer({ min: -1, max: 4 }),
  }),
  fc.record({
    type: fc.constant("retitle"),
    node: fc.nat(),
    title: fc.constantFrom("Tenant ID", "Base URL", "User name", "", "2FA", "Пароль", "type"),
  }),
  fc.record({
    type: fc.constant("import"),
    handMadeKeys: fc.boolean(),
  }),
  fc.record({
    type: fc.constant("branch"),
    node: fc.nat(),
    value: fc.constantFrom("basic", "oauth2", "x", ""),
  }),
  fc.record({
    type: fc.constant("discriminator"),
    node: fc.nat(),
    key: fc.constantFrom("kind", "type", "username", "", "__proto__"),
  }),
);
type Intent = typeof intent extends fc.Arbitrary<infer T> ? T : never;

function nodes(doc: CredentialDocument): FieldNode[] {
  const all: FieldNode[] = [];
  walkNodes(doc.root, (node) => void all.push(node));
  return all;
}

function commandFor(doc: CredentialDocument, step: Intent): CommandResult {
  const all = nodes(doc);
  const pick = (n: number) => all[n % all.length]!;
  switch (step.type) {
    case "add": {
      const parent = pick(step.parent);
      return addField(doc, {
        parent: parent.id,
        index: step.index % ((parent.fields?.length ?? 0) + 1),
        kind: step.kind,
      });
    }
    case "move": {
      const target = pick(step.parent);
      return moveField(doc, pick(step.node).id, {
        parent: target.id,
        index: step.index % ((target.fields ?? target.branches ?? []).length + 1),
      });
    }
    case "remove":
      return removeField(doc, pick(step.node).id);
    case "duplicate":
      return duplicateField(doc, pick(step.node).id);
    case "rename":
      return updateField(doc, pick(step.node).id, { key: step.key });
    case "require":
      return updateField(doc, pick(step.node).id, { required: step.required });
    case "set":
      return updateField(doc, pick(step.node).id, {
        set: { title: step.title, minLength: step.minLength },
      });
    case "retitle":
      return updateField(doc, pick(step.node).id, { set: { title: step.title } });
    case "import":
      // The design's own schema read back, as an import (keys by hand) or the JSON view would.
      return replaceDesign(doc, importSchema(toSchema(doc)), "Import", {
        handMadeKeys: step.handMadeKeys,
      });
    case "branch": {
      const node = pick(step.node);
      return node.branches
        ? addBranch(doc, node.id, { value: step.value })
        : renameBranch(doc, node.id, { value: step.value });
    }
    case "discriminator":
      return renameDiscriminator(doc, pick(step.node).id, step.key);
  }
}

describe("any sequence of commands", () => {
  it("each applied change inverts and replays from JSON; refused ones change nothing; undo all gives the start back", () => {
    fc.assert(
      fc.property(
        credentialSchema,
        fc.array(intent, { minLength: 1, maxLength: 15 }),
        (schema, intents) => {
          const start = createEditorState(importSchema(schema));
          let state = start;
          for (const step of intents) {
            const command = commandFor(state.doc, step);
            if (isRefusal(command)) {
              expect(command.reason.length).toBeGreaterThan(10);
              continue;
            }
            const result = dispatch(state, command);
            if (!result.ok) continue;
            applyChecked(state.doc, command);
            state = result.state;
            // What the document exports always imports again and gives the same schema back.
            const exported = JSON.stringify(toSchema(state.doc));
            expect(JSON.stringify(toSchema(importSchema(JSON.parse(exported))))).toBe(exported);
            // Keys follow titles on fields only, and say so nowhere in the schema.
            expect(exported).not.toContain("autoKey");
            walkNodes(state.doc.root, (node) => {
              for (const branch of node.branches ?? []) expect(branch.autoKey).toBeUndefined();
              return undefined;
            });
            expect(state.doc.root.autoKey).toBeUndefined();
          }
          const end = state.doc;
          while (state.done.length > 0) state = undo(state);
          expect(state.doc).toEqual(start.doc);
          while (state.undone.length > 0) state = redo(state);
          expect(state.doc).toEqual(end);
        },
      ),
      { numRuns: 150 },
    );
  });
});
