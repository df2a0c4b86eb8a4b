import { describe, expect, it } from "vitest";
import {
  addBranch,
  branchValue,
  type CredentialDocument,
  createEditorState,
  discriminatorKey,
  dispatch,
  type EditorState,
  foundDiscriminatorKey,
  redo,
  renameDiscriminator,
  type Transaction,
  undo,
} from "../../src/model/index.ts";
import { importSchema } from "../../src/schema/import.ts";
import { applyChecked, expectRefused, idOf, nodeAt, sampleDocument, toSchema } from "./support.ts";

const schemaOf = (doc: CredentialDocument) => toSchema(doc) as any;

function must(result: ReturnType<typeof dispatch>): EditorState {
  if (!result.ok) throw new Error(result.reason);
  return result.state;
}

describe("renaming a choice's discriminator", () => {
  it("renames the property in every branch, keeps its place, its value and its place in each required list", () => {
    const before = sampleDocument();
    const doc = applyChecked(before, renameDiscriminator(before, idOf(before, "auth"), "kind"));
    const auth = schemaOf(doc).properties.auth;
    expect(auth.oneOf[0]).toEqual({
      title: "None",
      type: "object",
      properties: { kind: { type: "string", const: "none" } },
      required: ["kind"],
      additionalProperties: false,
    });
    expect(Object.keys(auth.oneOf[1].properties)).toEqual(["kind", "username", "password"]);
    expect(auth.oneOf[1].properties.kind).toEqual({ type: "string", const: "basic" });
    expect(auth.oneOf[1].required).toEqual(["kind", "username", "password"]);
    const choice = nodeAt(doc, "auth");
    expect(discriminatorKey(choice)).toBe("kind");
    expect(choice.branches!.map((branch) => branchValue(choice, branch))).toEqual([
      "none",
      "basic",
    ]);
    // Ids stay: the same fields, renamed.
    expect(nodeAt(doc, "auth", 1, "kind").id).toBe(nodeAt(before, "auth", 1, "type").id);
  });

  it("a branch added afterwards uses the new key", () => {
    let doc = sampleDocument();
    doc = applyChecked(doc, renameDiscriminator(doc, idOf(doc, "auth"), "method"));
    doc = applyChecked(
      doc,
      addBranch(doc, idOf(doc, "auth"), { value: "oauth2", title: "OAuth 2.0" }),
    );
    expect(schemaOf(doc).properties.auth.oneOf[2]).toMatchObject({
      properties: { method: { const: "oauth2" } },
      required: ["method"],
    });
  });

  it("leaves a required list alone where it does not name the discriminator, and never lists a key twice", () => {
    const doc = importSchema({
      type: "object",
      properties: {
        auth: {
          oneOf: [
            { type: "object", properties: { type: { const: "a" } } },
            {
              type: "object",
              properties: { type: { const: "b" }, user: { type: "string" } },
              required: ["user", "type", "kind"],
            },
          ],
        },
      },
    });
    const renamed = applyChecked(doc, renameDiscriminator(doc, idOf(doc, "auth"), "kind"));
    const branches = schemaOf(renamed).properties.auth.oneOf;
    expect(branches[0]).toEqual({ type: "object", properties: { kind: { const: "a" } } });
    expect(branches[1].required).toEqual(["user", "kind"]);
  });

  it("is one undo step, and redo renames again", () => {
    const start = createEditorState(sampleDocument());
    const state = must(
      dispatch(start, renameDiscriminator(start.doc, idOf(start.doc, "auth"), "kind")),
    );
    expect(state.done).toHaveLength(1);
    const renamed = state.doc;
    const undone = undo(state);
    expect(undone.doc).toEqual(start.doc);
    expect(discriminatorKey(nodeAt(undone.doc, "auth"))).toBe("type");
    const redone = redo(undone);
    expect(redone.doc).toEqual(renamed);
    expect(schemaOf(redone.doc).properties.auth.oneOf[1].required).toEqual([
      "kind",
      "username",
      "password",
    ]);
  });

  it("the same key changes nothing and adds no history step", () => {
    const doc = sampleDocument();
    const same = renameDiscriminator(doc, idOf(doc, "auth"), "type") as Transaction;
    expect(same.steps).toEqual([]);
    const state = createEditorState(doc);
    expect(must(dispatch(state, same))).toBe(state);
  });

  it("refuses an empty key, a key a branch uses for another property, a node that is not a choice", () => {
    const doc = sampleDocument();
    const auth = idOf(doc, "auth");
    expectRefused(renameDiscriminator(doc, auth, ""), /needs a key/);
    expectRefused(
      renameDiscriminator(doc, auth, "username"),
      /the branch "Basic" already has a field "username": choose another key/,
    );
    expectRefused(
      renameDiscriminator(doc, idOf(doc, "settings"), "kind"),
      /only an auth-method choice has a discriminator/,
    );
    expectRefused(renameDiscriminator(doc, "gone", "kind"), /only an auth-method choice/);
  });

  it("refuses a choice whose branches have no discriminator", () => {
    const doc = importSchema({
      type: "object",
      properties: {
        auth: {
          title: "Auth",
          oneOf: [
            { type: "object", properties: { type: { const: "a" } } },
            { type: "object", properties: { type: { type: "string" } } },
          ],
        },
      },
    });
    const choice = nodeAt(doc, "auth");
    expect(foundDiscriminatorKey(choice)).toBeUndefined();
    expect(discriminatorKey(choice)).toBe("type"); // the default new branches use, unchanged
    expectRefused(
      renameDiscriminator(doc, choice.id, "kind"),
      /"Auth" \(auth\) has no discriminator to rename/,
    );
  });
});
