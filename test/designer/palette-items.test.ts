import { describe, expect, it } from "vitest";
import { addedAt, addItem, BLOCK_ITEMS, itemSize } from "../../src/designer/items/palette-items.ts";
import { applyTransaction } from "../../src/model/transaction.ts";
import { importSchema } from "../../src/schema/import.ts";

describe("palette blocks", () => {
  it("each block reads its template's fields when first used, and adds them", () => {
    for (const item of BLOCK_ITEMS) {
      if (item.type !== "block") throw new Error(`${item.id} is not a block`);
      expect(item.description).toMatch(/^The fields of the .+ template$/);
      expect(item.nodes.length, item.id).toBeGreaterThan(0);
      // The same nodes each time: a template is read once.
      expect(item.nodes).toBe(item.nodes);
      // (A branch's required keys may name its discriminator, which the block leaves out.)
      for (const key of item.required)
        if (key !== "type") expect(item.nodes.map((node) => node.key)).toContain(key);

      const doc = importSchema({ type: "object", properties: {} });
      const command = addItem(doc, item, doc.root.id, 0);
      if ("ok" in command) throw new Error(`${item.id}: ${command.reason}`);
      const applied = applyTransaction(doc, command);
      if (!applied.ok) throw new Error(`${item.id}: ${applied.reason}`);
      expect(applied.doc.root.fields).toHaveLength(itemSize(item));
      expect(addedAt(applied.doc, doc.root.id, 0)).toBe(applied.doc.root.fields![0]!.id);
    }
  });

  it("the private-key block is the SFTP template's Private key branch, without its discriminator", () => {
    const item = BLOCK_ITEMS.find((candidate) => candidate.id === "block:private-key");
    if (item?.type !== "block") throw new Error("no private-key block");
    expect(item.nodes.map((node) => node.key)).not.toContain("type");
    expect(item.description).toBe("The fields of the SFTP template");
  });
});
