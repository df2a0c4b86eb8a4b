import { describe, expect, it } from "vitest";
import { generateCredentialSchema } from "../../bench/generate-schema.ts";
import { shownRows } from "../../src/designer/canvas/canvas-keys.ts";
import { Heights, ROW_HEIGHT, withAncestors } from "../../src/designer/canvas/row-window.ts";
import { shownFields } from "../../src/designer/dnd/drop-target.ts";
import { discriminatorKey, type FieldNode } from "../../src/model/index.ts";
import { importSchema } from "../../src/schema/import.ts";

/*
 * The canvas's windowing works from heights it reads from the design, not the page: they must be
 * what the tree draws (one row per shown row, an end zone per list of fields or branches, a box
 * per empty list), or the spacers would be off and rows would jump as they scroll in.
 */

const END = 8;
const EMPTY = 44;

const doc = importSchema(generateCredentialSchema(60));
const group = (index: number) => doc.root.fields![index]!;
const choiceOf = (g: FieldNode) => g.fields!.find((field) => field.branches !== undefined)!;

/** The page's height of the window's list, counted as the tree renders it (field-tree.tsx). */
function drawn(collapsed: ReadonlySet<string>): number {
  const list = (fields: readonly FieldNode[]): number =>
    fields.length === 0 ? EMPTY : END + fields.reduce((sum, field) => sum + row(field), 0);
  const row = (node: FieldNode): number => {
    if (collapsed.has(node.id)) return ROW_HEIGHT;
    let height = ROW_HEIGHT;
    if (node.fields) height += list(shownFields(node.fields, undefined));
    if (node.branches) {
      const discriminator = discriminatorKey(node);
      height += END;
      for (const branch of node.branches)
        height += collapsed.has(branch.id)
          ? ROW_HEIGHT
          : ROW_HEIGHT + list(shownFields(branch.fields ?? [], discriminator));
    }
    return height;
  };
  return list(shownFields(doc.root.fields ?? [], undefined));
}

describe("the canvas's row heights (row-window.ts)", () => {
  it("are the tree's: rows, end zones and empty boxes, expanded and folded", () => {
    const none = new Set<string>();
    expect(new Heights(none).list(doc.root)).toBe(drawn(none));
    const folded = new Set([
      group(0).id,
      choiceOf(group(1)).id,
      choiceOf(group(2)).branches![1]!.id,
    ]);
    const heights = new Heights(folded);
    expect(heights.list(doc.root)).toBe(drawn(folded));
    expect(heights.row(group(0))).toBe(ROW_HEIGHT);
    // Every row the keys walk is a row height; the rest is end zones and empty boxes.
    const rows = shownRows(doc, folded).length;
    expect((heights.list(doc.root) - rows * ROW_HEIGHT) % 4).toBe(0);
    expect(heights.list(doc.root)).toBeGreaterThan(rows * ROW_HEIGHT);
  });

  it("the keys' order of rows is the tree's: a group's fields under it, a choice's branches and their fields, the discriminator left out", () => {
    const rows = shownRows(doc, new Set());
    const first = group(0);
    const choice = choiceOf(first);
    const at = (id: string) => rows.findIndex((row) => row.id === id);
    expect(rows[0]).toEqual({ id: first.id, parent: undefined });
    expect(rows[1]).toEqual({ id: first.fields![0]!.id, parent: first.id });
    const none = choice.branches![0]!;
    expect(at(none.id)).toBe(at(choice.id) + 1);
    expect(rows[at(none.id)]!.parent).toBe(choice.id);
    const basic = choice.branches![1]!;
    // The branch "Basic": its "type" discriminator is no row; user name and password are.
    expect(rows.slice(at(basic.id) + 1, at(basic.id) + 3).map((row) => row.parent)).toEqual([
      basic.id,
      basic.id,
    ]);
    expect(rows.some((row) => basic.fields!.find((f) => f.key === "type")?.id === row.id)).toBe(
      false,
    );
    // Folded, a group shows no rows of its own fields.
    const folded = shownRows(doc, new Set([first.id]));
    expect(folded[1]).toEqual({ id: group(1).id, parent: undefined });
  });

  it("pins a row and every row it is in, so that it stays rendered wherever it is", () => {
    const choice = choiceOf(group(2));
    const field = choice.branches![2]!.fields!.find((f) => f.key === "apiKey")!;
    expect(withAncestors(doc, [field.id, undefined])).toEqual(
      new Set([field.id, choice.branches![2]!.id, choice.id, group(2).id, doc.root.id]),
    );
    expect(withAncestors(doc, ["no such node"]).size).toBe(0);
  });
});
