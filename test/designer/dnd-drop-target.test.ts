import { describe, expect, it } from "vitest";
import { cancelledText, droppedText, overText, pickedUpText } from "../../src/designer/dnd/announcements.ts";
import { dropFor, indicatorFor, placeAfterSelection, type DropSpot } from "../../src/designer/dnd/drop-target.ts";
import { containerPath, nodeName } from "../../src/designer/dnd/names.ts";
import { moveField, type CredentialDocument, type FieldNode } from "../../src/model/index.ts";
import { applyTransaction } from "../../src/model/transaction.ts";
import { importSchema } from "../../src/schema/import.ts";

/** The window: a, b, c, group g (x, y), empty group e, choice auth (None: type; Basic: type, user). */
const doc = importSchema({
  type: "object",
  properties: {
    a: { type: "string", title: "A" },
    b: { type: "string", title: "B" },
    c: { type: "string" },
    g: { type: "object", title: "Group", properties: { x: { type: "string" }, y: { type: "string", title: "Why" } } },
    e: { type: "object", title: "Empty", properties: {} },
    auth: {
      title: "Authentication",
      oneOf: [
        { title: "None", type: "object", properties: { type: { const: "none" } } },
        { title: "Basic", type: "object", properties: { type: { const: "basic" }, user: { type: "string", title: "User" } } },
      ],
    },
  },
});

/** The node at a path of keys (branches by title). */
function at(...names: string[]): FieldNode {
  let node = doc.root;
  for (const name of names) {
    node = [...(node.fields ?? []), ...(node.branches ?? [])].find((child) => child.key === name || nodeName(child) === name)!;
    if (!node) throw new Error(`no ${names.join("/")}`);
  }
  return node;
}
const id = (...names: string[]) => at(...names).id;
const row = (placement: "before" | "after" | "replace", ...names: string[]): DropSpot => ({ type: "row", id: id(...names), placement });
const field = (...names: string[]) => ({ type: "field" as const, id: id(...names) });
const fresh = { type: "new" as const, count: 1 };

/** The keys of the window after applying moveField with the computed drop. */
function keysAfterMove(source: string[], spot: DropSpot, inside: string[] = []): string[] {
  const drop = dropFor(doc, field(...source), spot)!;
  const result = moveField(doc, id(...source), { parent: drop.parent, index: drop.index });
  if ("ok" in result) throw new Error(result.reason);
  const applied = applyTransaction(doc, result);
  if (!applied.ok) throw new Error(applied.reason);
  const after: CredentialDocument = applied.doc;
  let node = after.root;
  for (const name of inside) node = node.fields!.find((child) => child.key === name)!;
  return node.fields!.map((child) => child.key);
}

describe("dropFor: where a drop goes (container and final index)", () => {
  it("pointer over a row of the same list: the upper half goes before it, the lower half after it", () => {
    expect(dropFor(doc, field("c"), row("before", "a"))).toMatchObject({ parent: doc.root.id, index: 0, slot: 0, size: 6, unchanged: false });
    expect(dropFor(doc, field("a"), row("after", "c"))).toMatchObject({ index: 2, slot: 3 });
    expect(dropFor(doc, field("a"), row("before", "c"))).toMatchObject({ index: 1, slot: 2 });
    expect(keysAfterMove(["a"], row("after", "c"))).toEqual(["b", "c", "a", "g", "e", "auth"]);
    expect(keysAfterMove(["c"], row("before", "a"))).toEqual(["c", "a", "b", "g", "e", "auth"]);
  });

  it("where the field already is: unchanged, and no drop line", () => {
    for (const spot of [row("before", "b"), row("after", "a"), row("replace", "b"), row("after", "b")]) {
      const drop = dropFor(doc, field("b"), spot);
      expect(drop?.unchanged, JSON.stringify(spot)).toBe(true);
      expect(indicatorFor(doc, drop)).toBeUndefined();
    }
  });

  it("keyboard (replace) in the same list takes the row's place, as a sortable list does", () => {
    expect(dropFor(doc, field("a"), row("replace", "b"))).toMatchObject({ index: 1, slot: 2 });
    expect(dropFor(doc, field("c"), row("replace", "a"))).toMatchObject({ index: 0, slot: 0 });
    expect(keysAfterMove(["a"], row("replace", "g"))).toEqual(["b", "c", "g", "a", "e", "auth"]);
  });

  it("into another list: before the row (keyboard and upper half) or after it (lower half)", () => {
    expect(dropFor(doc, field("a"), row("replace", "g", "y"))).toMatchObject({ parent: id("g"), index: 1, size: 3 });
    expect(dropFor(doc, field("a"), row("after", "g", "y"))).toMatchObject({ parent: id("g"), index: 2, size: 3 });
    expect(dropFor(doc, field("g", "x"), row("before", "a"))).toMatchObject({ parent: doc.root.id, index: 0, size: 7 });
    expect(keysAfterMove(["a"], row("after", "g", "x"), ["g"])).toEqual(["x", "a", "y"]);
  });

  it("the lower half of a group's row is the top of the group; the end zone its end", () => {
    expect(dropFor(doc, field("a"), row("after", "g"))).toMatchObject({ parent: id("g"), index: 0 });
    expect(dropFor(doc, field("a"), { type: "end", parent: id("g") })).toMatchObject({ parent: id("g"), index: 2, size: 3 });
    expect(dropFor(doc, field("a"), { type: "end", parent: id("e") })).toMatchObject({ parent: id("e"), index: 0, size: 1 });
    expect(dropFor(doc, field("a"), { type: "end", parent: doc.root.id })).toMatchObject({ parent: doc.root.id, index: 5, slot: 6, size: 6 });
  });

  it("a field over a branch's row goes first into that branch; a choice holds no fields", () => {
    expect(dropFor(doc, field("a"), row("before", "auth", "Basic"))).toMatchObject({ parent: id("auth", "Basic"), list: "fields", index: 0 });
    expect(dropFor(doc, field("a"), { type: "end", parent: id("auth") })).toBeUndefined();
    expect(dropFor(doc, field("a"), row("after", "auth"))).toMatchObject({ parent: doc.root.id, index: 5 });
  });

  it("a branch is reordered among its own choice's branches only", () => {
    expect(dropFor(doc, field("auth", "Basic"), row("before", "auth", "None"))).toMatchObject({ parent: id("auth"), list: "branches", index: 0, size: 2 });
    expect(dropFor(doc, field("auth", "None"), row("replace", "auth", "Basic"))).toMatchObject({ list: "branches", index: 1 });
    expect(dropFor(doc, field("auth", "None"), row("before", "a"))).toBeUndefined();
    expect(dropFor(doc, field("auth", "None"), { type: "end", parent: doc.root.id })).toBeUndefined();
  });

  it("new nodes from the palette: the place, with the size counting all of them", () => {
    expect(dropFor(doc, fresh, row("before", "b"))).toMatchObject({ parent: doc.root.id, index: 1, size: 7 });
    expect(dropFor(doc, { type: "new", count: 3 }, { type: "end", parent: id("g") })).toMatchObject({ index: 2, size: 5 });
    expect(dropFor(doc, fresh, row("replace", "auth", "None"))).toMatchObject({ parent: id("auth", "None"), index: 0 });
  });

  it("a group over its own fields gives a drop the core then refuses", () => {
    const drop = dropFor(doc, field("g"), row("before", "g", "y"))!;
    expect(drop).toMatchObject({ parent: id("g"), index: 1 });
    expect(moveField(doc, id("g"), drop)).toMatchObject({ ok: false, reason: expect.stringMatching(/into itself/) });
  });

  it("unknown ids give no drop", () => {
    expect(dropFor(doc, { type: "field", id: "gone" }, row("before", "a"))).toBeUndefined();
    expect(dropFor(doc, fresh, { type: "row", id: "gone", placement: "before" })).toBeUndefined();
  });
});

describe("indicatorFor: where the drop line shows", () => {
  it("before the row at the slot, or at the end of the container", () => {
    expect(indicatorFor(doc, dropFor(doc, field("c"), row("before", "a")))).toEqual({ before: id("a") });
    expect(indicatorFor(doc, dropFor(doc, field("a"), { type: "end", parent: id("g") }))).toEqual({ end: id("g"), list: "fields" });
    expect(indicatorFor(doc, dropFor(doc, field("auth", "None"), row("after", "auth", "Basic")))).toEqual({ end: id("auth"), list: "branches" });
    expect(indicatorFor(doc, undefined)).toBeUndefined();
  });
});

describe("placeAfterSelection: where the palette adds on click or Enter", () => {
  it("after the selected field, at the end of a selected group or branch, else at the end of the window", () => {
    expect(placeAfterSelection(doc, undefined)).toEqual({ parent: doc.root.id, index: 6 });
    expect(placeAfterSelection(doc, "gone")).toEqual({ parent: doc.root.id, index: 6 });
    expect(placeAfterSelection(doc, id("a"))).toEqual({ parent: doc.root.id, index: 1 });
    expect(placeAfterSelection(doc, id("g", "x"))).toEqual({ parent: id("g"), index: 1 });
    expect(placeAfterSelection(doc, id("g"))).toEqual({ parent: id("g"), index: 2 });
    expect(placeAfterSelection(doc, id("e"))).toEqual({ parent: id("e"), index: 0 });
    expect(placeAfterSelection(doc, id("auth", "Basic"))).toEqual({ parent: id("auth", "Basic"), index: 2 });
    expect(placeAfterSelection(doc, id("auth"))).toEqual({ parent: doc.root.id, index: 6 });
    expect(placeAfterSelection(doc, doc.root.id)).toEqual({ parent: doc.root.id, index: 6 });
  });
});

describe("announcements name the field and the place", () => {
  it("paths read like the canvas's list names", () => {
    expect(containerPath(doc, doc.root.id)).toBe("");
    expect(containerPath(doc, id("g"))).toBe("Group");
    expect(containerPath(doc, id("auth", "Basic"))).toBe("Authentication › Basic");
  });

  it("picked up, over, dropped, refused, cancelled", () => {
    expect(pickedUpText(doc, "User", id("auth", "Basic", "user"))).toBe("Picked up User. Over position 2 of 2 in Authentication › Basic.");
    const drop = dropFor(doc, field("auth", "Basic", "user"), row("replace", "auth", "Basic", "type"))!;
    expect(overText(doc, "User", drop)).toBe("User is over position 1 of 2 in Authentication › Basic.");
    expect(overText(doc, "User", undefined)).toBe("User is not over a place it can go.");
    expect(droppedText(doc, "User", false, drop, undefined)).toBe("User moved to position 1 in Authentication › Basic.");
    expect(droppedText(doc, "Text field", true, dropFor(doc, fresh, { type: "end", parent: doc.root.id }), undefined)).toBe(
      "Text field added at position 7 in the window.",
    );
    expect(droppedText(doc, "User", false, drop, 'the key "user" is taken')).toBe('User was not moved: the key "user" is taken.');
    expect(cancelledText("User")).toBe("Moving User was cancelled.");
  });
});
