import { describe, expect, it } from "vitest";
import {
  cancelledText,
  droppedText,
  overText,
  pickedUpText,
} from "../../src/designer/dnd/announcements.ts";
import {
  type DragSource,
  type DropSpot,
  dropFor,
  hiddenKeyOf,
  indicatorFor,
  isHiddenField,
  modelIndex,
  placeAfterSelection,
  shownFields,
  shownPosition,
} from "../../src/designer/dnd/drop-target.ts";
import { containerPath, nodeName } from "../../src/designer/dnd/names.ts";
import {
  addField,
  type CommandResult,
  type CredentialDocument,
  type FieldNode,
  moveField,
} from "../../src/model/index.ts";
import { applyTransaction } from "../../src/model/transaction.ts";
import { importSchema } from "../../src/schema/import.ts";
import { toSchema } from "../../src/schema/to-schema.ts";

/** The window: a, b, c, group g (x, y), empty group e, choice auth (None: type; Basic: type, user). */
const doc = importSchema({
  type: "object",
  properties: {
    a: { type: "string", title: "A" },
    b: { type: "string", title: "B" },
    c: { type: "string" },
    g: {
      type: "object",
      title: "Group",
      properties: { x: { type: "string" }, y: { type: "string", title: "Why" } },
    },
    e: { type: "object", title: "Empty", properties: {} },
    auth: {
      title: "Authentication",
      oneOf: [
        { title: "None", type: "object", properties: { type: { const: "none" } } },
        {
          title: "Basic",
          type: "object",
          properties: { type: { const: "basic" }, user: { type: "string", title: "User" } },
        },
      ],
    },
  },
});

/** The node at a path of keys (branches by title). */
function at(...names: string[]): FieldNode {
  let node = doc.root;
  for (const name of names) {
    node = [...(node.fields ?? []), ...(node.branches ?? [])].find(
      (child) => child.key === name || nodeName(child) === name,
    )!;
    if (!node) throw new Error(`no ${names.join("/")}`);
  }
  return node;
}
const id = (...names: string[]) => at(...names).id;
const row = (placement: "before" | "after" | "replace", ...names: string[]): DropSpot => ({
  type: "row",
  id: id(...names),
  placement,
});
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
    expect(dropFor(doc, field("c"), row("before", "a"))).toMatchObject({
      parent: doc.root.id,
      index: 0,
      slot: 0,
      size: 6,
      unchanged: false,
    });
    expect(dropFor(doc, field("a"), row("after", "c"))).toMatchObject({ index: 2, slot: 3 });
    expect(dropFor(doc, field("a"), row("before", "c"))).toMatchObject({ index: 1, slot: 2 });
    expect(keysAfterMove(["a"], row("after", "c"))).toEqual(["b", "c", "a", "g", "e", "auth"]);
    expect(keysAfterMove(["c"], row("before", "a"))).toEqual(["c", "a", "b", "g", "e", "auth"]);
  });

  it("where the field already is: unchanged, and no drop line", () => {
    for (const spot of [
      row("before", "b"),
      row("after", "a"),
      row("replace", "b"),
      row("after", "b"),
    ]) {
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
    expect(dropFor(doc, field("a"), row("replace", "g", "y"))).toMatchObject({
      parent: id("g"),
      index: 1,
      size: 3,
    });
    expect(dropFor(doc, field("a"), row("after", "g", "y"))).toMatchObject({
      parent: id("g"),
      index: 2,
      size: 3,
    });
    expect(dropFor(doc, field("g", "x"), row("before", "a"))).toMatchObject({
      parent: doc.root.id,
      index: 0,
      size: 7,
    });
    expect(keysAfterMove(["a"], row("after", "g", "x"), ["g"])).toEqual(["x", "a", "y"]);
  });

  it("the lower half of a group's row is the top of the group; the end zone its end", () => {
    expect(dropFor(doc, field("a"), row("after", "g"))).toMatchObject({
      parent: id("g"),
      index: 0,
    });
    expect(dropFor(doc, field("a"), { type: "end", parent: id("g") })).toMatchObject({
      parent: id("g"),
      index: 2,
      size: 3,
    });
    expect(dropFor(doc, field("a"), { type: "end", parent: id("e") })).toMatchObject({
      parent: id("e"),
      index: 0,
      size: 1,
    });
    expect(dropFor(doc, field("a"), { type: "end", parent: doc.root.id })).toMatchObject({
      parent: doc.root.id,
      index: 5,
      slot: 6,
      size: 6,
    });
  });

  it("a field over a branch's row goes first into that branch; a choice holds no fields", () => {
    // First among the rows shown: after the branch's hidden discriminator in the model.
    expect(dropFor(doc, field("a"), row("before", "auth", "Basic"))).toMatchObject({
      parent: id("auth", "Basic"),
      list: "fields",
      index: 1,
      position: 0,
      size: 2,
    });
    expect(dropFor(doc, field("a"), { type: "end", parent: id("auth") })).toBeUndefined();
    expect(dropFor(doc, field("a"), row("after", "auth"))).toMatchObject({
      parent: doc.root.id,
      index: 5,
    });
  });

  it("a branch is reordered among its own choice's branches only", () => {
    expect(dropFor(doc, field("auth", "Basic"), row("before", "auth", "None"))).toMatchObject({
      parent: id("auth"),
      list: "branches",
      index: 0,
      size: 2,
    });
    expect(dropFor(doc, field("auth", "None"), row("replace", "auth", "Basic"))).toMatchObject({
      list: "branches",
      index: 1,
    });
    expect(dropFor(doc, field("auth", "None"), row("before", "a"))).toBeUndefined();
    expect(
      dropFor(doc, field("auth", "None"), { type: "end", parent: doc.root.id }),
    ).toBeUndefined();
  });

  it("new nodes from the palette: the place, with the size counting all of them", () => {
    expect(dropFor(doc, fresh, row("before", "b"))).toMatchObject({
      parent: doc.root.id,
      index: 1,
      size: 7,
    });
    expect(dropFor(doc, { type: "new", count: 3 }, { type: "end", parent: id("g") })).toMatchObject(
      { index: 2, size: 5 },
    );
    expect(dropFor(doc, fresh, row("replace", "auth", "None"))).toMatchObject({
      parent: id("auth", "None"),
      index: 1,
      position: 0,
      size: 1,
    });
  });

  it("a group over its own fields gives a drop the core then refuses", () => {
    const drop = dropFor(doc, field("g"), row("before", "g", "y"))!;
    expect(drop).toMatchObject({ parent: id("g"), index: 1 });
    expect(moveField(doc, id("g"), drop)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/into itself/),
    });
  });

  it("unknown ids give no drop", () => {
    expect(dropFor(doc, { type: "field", id: "gone" }, row("before", "a"))).toBeUndefined();
    expect(dropFor(doc, fresh, { type: "row", id: "gone", placement: "before" })).toBeUndefined();
  });
});

describe("indicatorFor: where the drop line shows", () => {
  it("before the row at the slot, or at the end of the container", () => {
    expect(indicatorFor(doc, dropFor(doc, field("c"), row("before", "a")))).toEqual({
      before: id("a"),
    });
    expect(indicatorFor(doc, dropFor(doc, field("a"), { type: "end", parent: id("g") }))).toEqual({
      end: id("g"),
      list: "fields",
    });
    expect(
      indicatorFor(doc, dropFor(doc, field("auth", "None"), row("after", "auth", "Basic"))),
    ).toEqual({ end: id("auth"), list: "branches" });
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
    expect(placeAfterSelection(doc, id("auth", "Basic"))).toEqual({
      parent: id("auth", "Basic"),
      index: 2,
    });
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
    // Positions count the rows shown: Basic's discriminator "type" is not one.
    expect(pickedUpText(doc, "User", id("auth", "Basic", "user"))).toBe(
      "Picked up User. Over position 1 of 1 in Authentication › Basic.",
    );
    const drop = dropFor(doc, field("a"), row("before", "auth", "Basic"))!;
    expect(overText(doc, "A", drop)).toBe("A is over position 1 of 2 in Authentication › Basic.");
    expect(overText(doc, "User", undefined)).toBe("User is not over a place it can go.");
    expect(droppedText(doc, "A", false, drop, undefined)).toBe(
      "A moved to position 1 in Authentication › Basic.",
    );
    expect(
      droppedText(
        doc,
        "Text field",
        true,
        dropFor(doc, fresh, { type: "end", parent: doc.root.id }),
        undefined,
      ),
    ).toBe("Text field added at position 7 in the window.");
    expect(droppedText(doc, "User", false, drop, 'the key "user" is taken')).toBe(
      'User was not moved: the key "user" is taken.',
    );
    expect(cancelledText("User")).toBe("Moving User was cancelled.");
  });
});

/**
 * A branch's discriminator is not a row: positions count the rows shown, indexes the model's list.
 * Choice auth: None (type), Basic (type, user, pass), Odd (user, type, pass: the discriminator in
 * the middle); group g holds a "type" with a const, which is an ordinary field there.
 */
describe("a branch's hidden discriminator: shown positions and the model's indexes", () => {
  const d = importSchema({
    type: "object",
    properties: {
      a: { type: "string", title: "A" },
      g: {
        type: "object",
        title: "Group",
        properties: { type: { const: "fixed" }, x: { type: "string" } },
      },
      auth: {
        title: "Auth",
        oneOf: [
          { title: "None", type: "object", properties: { type: { const: "none" } } },
          {
            title: "Basic",
            type: "object",
            properties: {
              type: { const: "basic" },
              user: { type: "string" },
              pass: { type: "string" },
            },
          },
          {
            title: "Odd",
            type: "object",
            properties: {
              user: { type: "string" },
              type: { const: "odd" },
              pass: { type: "string" },
            },
          },
        ],
      },
    },
  });
  const node = (...names: string[]): FieldNode => {
    let current = d.root;
    for (const name of names)
      current = [...(current.fields ?? []), ...(current.branches ?? [])].find(
        (child) => child.key === name || nodeName(child) === name,
      )!;
    return current;
  };
  const nid = (...names: string[]) => node(...names).id;
  const on = (placement: "before" | "after" | "replace", ...names: string[]): DropSpot => ({
    type: "row",
    id: nid(...names),
    placement,
  });
  const moving = (...names: string[]): DragSource => ({ type: "field", id: nid(...names) });
  const keysOf = (n: FieldNode) => n.fields!.map((f) => f.key);
  /** Applies the command for the drop; returns the keys of `inside`'s fields and the exported schema. */
  function apply(command: CommandResult, ...inside: string[]) {
    if ("ok" in command) throw new Error(command.reason);
    const applied = applyTransaction(d, command);
    if (!applied.ok) throw new Error(applied.reason);
    let n = applied.doc.root;
    for (const name of inside)
      n = [...(n.fields ?? []), ...(n.branches ?? [])].find(
        (child) => child.key === name || nodeName(child) === name,
      )!;
    return { keys: keysOf(n), schema: toSchema(applied.doc) };
  }

  it("which field is hidden: the discriminator with a const, in a branch's fields only", () => {
    expect(hiddenKeyOf(d, nid("auth", "Basic"))).toBe("type");
    expect(hiddenKeyOf(d, nid("g"))).toBeUndefined();
    expect(hiddenKeyOf(d, d.root.id)).toBeUndefined();
    expect(isHiddenField(node("auth", "Basic", "type"), "type")).toBe(true);
    expect(isHiddenField(node("auth", "Basic", "user"), "type")).toBe(false);
    expect(isHiddenField({ id: "t", key: "type", schema: { type: "string" } }, "type")).toBe(false);
    expect(shownFields(node("auth", "Basic").fields!, "type").map((f) => f.key)).toEqual([
      "user",
      "pass",
    ]);
    expect(shownFields(node("auth", "Odd").fields!, "type").map((f) => f.key)).toEqual([
      "user",
      "pass",
    ]);
    expect(shownFields(node("g").fields!, undefined).map((f) => f.key)).toEqual(["type", "x"]);
  });

  it("modelIndex and shownPosition map between the two", () => {
    const all = node("auth", "Odd").fields!;
    const rows = shownFields(all, "type");
    expect([0, 1, 2].map((p) => modelIndex(all, rows, p))).toEqual([0, 2, 3]);
    expect([0, 1, 2, 3].map((i) => shownPosition(all, rows, i))).toEqual([0, 1, 1, 2]);
    const basic = node("auth", "Basic").fields!;
    expect(modelIndex(basic, shownFields(basic, "type"), 0)).toBe(1);
    const none = node("auth", "None").fields!;
    expect(modelIndex(none, shownFields(none, "type"), 0)).toBe(1);
  });

  it("the top of a branch (its row, keyboard or pointer) is right after the discriminator; the schema keeps it first", () => {
    for (const placement of ["before", "after", "replace"] as const) {
      expect(dropFor(d, moving("a"), on(placement, "auth", "Basic"))).toMatchObject({
        parent: nid("auth", "Basic"),
        index: 1,
        position: 0,
        slot: 0,
        size: 3,
      });
    }
    const drop = dropFor(d, moving("a"), on("before", "auth", "Basic"))!;
    expect(indicatorFor(d, drop)).toEqual({ before: nid("auth", "Basic", "user") });
    const moved = apply(moveField(d, nid("a"), drop), "auth", "Basic");
    expect(moved.keys).toEqual(["type", "a", "user", "pass"]);
    const basic = (moved.schema.properties as Record<string, { oneOf: { properties: object }[] }>)
      .auth!.oneOf[1]!;
    expect(Object.keys(basic.properties)).toEqual(["type", "a", "user", "pass"]);

    const added = dropFor(d, { type: "new", count: 1 }, on("before", "auth", "Basic", "user"))!;
    expect(added).toMatchObject({ index: 1, position: 0, size: 3 });
    expect(
      apply(
        addField(d, { parent: added.parent, index: added.index, kind: "text" }),
        "auth",
        "Basic",
      ).keys,
    ).toEqual(["type", "text", "user", "pass"]);
    expect(droppedText(d, "Text field", true, added, undefined)).toBe(
      "Text field added at position 1 in Auth › Basic.",
    );
    expect(overText(d, "Text field", added)).toBe(
      "Text field is over position 1 of 3 in Auth › Basic.",
    );
  });

  it("a branch with only its discriminator shows as empty: the drop goes after it", () => {
    const drop = dropFor(d, moving("a"), { type: "end", parent: nid("auth", "None") })!;
    expect(drop).toMatchObject({ index: 1, position: 0, slot: 0, size: 1 });
    expect(indicatorFor(d, drop)).toEqual({ end: nid("auth", "None"), list: "fields" });
    expect(dropFor(d, moving("a"), on("replace", "auth", "None"))).toMatchObject({
      index: 1,
      position: 0,
      size: 1,
    });
    expect(apply(moveField(d, nid("a"), drop), "auth", "None").keys).toEqual(["type", "a"]);
  });

  it("rows and the end of a branch: before or after a shown row, the end after everything", () => {
    expect(dropFor(d, moving("a"), on("after", "auth", "Basic", "user"))).toMatchObject({
      index: 2,
      position: 1,
      size: 3,
    });
    expect(dropFor(d, moving("a"), on("after", "auth", "Basic", "pass"))).toMatchObject({
      index: 3,
      position: 2,
      size: 3,
    });
    expect(dropFor(d, moving("a"), { type: "end", parent: nid("auth", "Basic") })).toMatchObject({
      index: 3,
      position: 2,
      size: 3,
    });
    // Odd: after user is before pass (the discriminator between them stays where it is).
    const odd = dropFor(d, moving("a"), on("after", "auth", "Odd", "user"))!;
    expect(odd).toMatchObject({ index: 2, position: 1, slot: 1, size: 3 });
    expect(indicatorFor(d, odd)).toEqual({ before: nid("auth", "Odd", "pass") });
    expect(apply(moveField(d, nid("a"), odd), "auth", "Odd").keys).toEqual([
      "user",
      "type",
      "a",
      "pass",
    ]);
    // The hidden row is no place to drop on.
    expect(dropFor(d, moving("a"), on("before", "auth", "Basic", "type"))).toBeUndefined();
  });

  it("within a branch: positions among the rows shown, the final index in the model", () => {
    // Keyboard: pass takes user's place, the first row: right after the discriminator.
    const up = dropFor(d, moving("auth", "Basic", "pass"), on("replace", "auth", "Basic", "user"))!;
    expect(up).toMatchObject({ index: 1, position: 0, slot: 0, size: 2, unchanged: false });
    expect(apply(moveField(d, nid("auth", "Basic", "pass"), up), "auth", "Basic").keys).toEqual([
      "type",
      "pass",
      "user",
    ]);
    expect(overText(d, "pass", up)).toBe("pass is over position 1 of 2 in Auth › Basic.");
    // Already first among the rows shown: unchanged.
    expect(
      dropFor(d, moving("auth", "Basic", "user"), on("before", "auth", "Basic")),
    ).toMatchObject({ unchanged: true, position: 0 });
    expect(
      dropFor(d, moving("auth", "Basic", "user"), on("replace", "auth", "Basic", "user")),
    ).toMatchObject({ unchanged: true, index: 1, position: 0, size: 2 });
    expect(pickedUpText(d, "pass", nid("auth", "Basic", "pass"))).toBe(
      "Picked up pass. Over position 2 of 2 in Auth › Basic.",
    );
    // Odd: user down past pass, to the end; pass up to the top, before user.
    const down = dropFor(d, moving("auth", "Odd", "user"), on("replace", "auth", "Odd", "pass"))!;
    expect(down).toMatchObject({ index: 2, position: 1, size: 2 });
    expect(apply(moveField(d, nid("auth", "Odd", "user"), down), "auth", "Odd").keys).toEqual([
      "type",
      "pass",
      "user",
    ]);
    const top = dropFor(d, moving("auth", "Odd", "pass"), on("before", "auth", "Odd"))!;
    expect(top).toMatchObject({ index: 0, position: 0, size: 2 });
    expect(apply(moveField(d, nid("auth", "Odd", "pass"), top), "auth", "Odd").keys).toEqual([
      "pass",
      "user",
      "type",
    ]);
  });

  it("out of a branch: positions in the window do not change; a group's const field is a row", () => {
    expect(dropFor(d, moving("auth", "Basic", "user"), on("before", "a"))).toMatchObject({
      parent: d.root.id,
      index: 0,
      position: 0,
      size: 4,
    });
    expect(dropFor(d, moving("a"), on("before", "g", "type"))).toMatchObject({
      parent: nid("g"),
      index: 0,
      position: 0,
      size: 3,
    });
    expect(dropFor(d, moving("a"), on("after", "g"))).toMatchObject({
      parent: nid("g"),
      index: 0,
      position: 0,
    });
  });

  it("the palette adds after the selected row shown, at the end of a selected branch", () => {
    expect(placeAfterSelection(d, nid("auth", "Basic", "user"))).toEqual({
      parent: nid("auth", "Basic"),
      index: 2,
    });
    expect(placeAfterSelection(d, nid("auth", "Basic", "pass"))).toEqual({
      parent: nid("auth", "Basic"),
      index: 3,
    });
    expect(placeAfterSelection(d, nid("auth", "Odd", "user"))).toEqual({
      parent: nid("auth", "Odd"),
      index: 2,
    });
    expect(placeAfterSelection(d, nid("auth", "Basic"))).toEqual({
      parent: nid("auth", "Basic"),
      index: 3,
    });
    expect(placeAfterSelection(d, nid("auth", "None"))).toEqual({
      parent: nid("auth", "None"),
      index: 1,
    });
    expect(placeAfterSelection(d, nid("auth", "Basic", "type"))).toEqual({
      parent: nid("auth", "Basic"),
      index: 1,
    });
  });
});
