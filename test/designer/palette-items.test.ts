import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  contentsText,
  jsonContents,
  listText,
  nodeContents,
} from "../../src/designer/items/item-descriptions.ts";
import {
  addedAt,
  addItem,
  BLOCK_ITEMS,
  itemSize,
  KIND_ITEMS,
} from "../../src/designer/items/palette-items.ts";
import type { JsonObject } from "../../src/json/value.ts";
import { newFieldNode } from "../../src/model/index.ts";
import { applyTransaction } from "../../src/model/transaction.ts";
import { importSchema } from "../../src/schema/import.ts";

describe("palette blocks", () => {
  it("each block reads its template's fields when first used, and adds them", () => {
    for (const item of BLOCK_ITEMS) {
      if (item.type !== "block") throw new Error(`${item.id} is not a block`);
      expect(item.description).toMatch(/^Adds .+\. From the .+ template\.$/);
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
    expect(item.description).toBe(
      "Adds 2 fields: Private key (PEM), Passphrase. From the SFTP template.",
    );
  });
});

describe("what a palette item says it adds", () => {
  it("a block's description names exactly the fields it adds, in order", () => {
    for (const item of BLOCK_ITEMS) {
      if (item.type !== "block") throw new Error(`${item.id} is not a block`);
      const said = item.description.replace(/^Adds /, "");
      const titles = item.nodes.map((node) => nodeContents(node).title);
      if (item.nodes.length === 1 && item.nodes[0]!.branches) {
        // A choice: its title and every branch, in order.
        const { branches } = nodeContents(item.nodes[0]!);
        expect(said, item.id).toMatch(
          new RegExp(`^an? ${titles[0]} choice of ${branches!.length} methods: `),
        );
        let at = 0;
        for (const branch of branches!) {
          const found = said.indexOf(branch.title, at);
          expect(found, `${item.id}: ${branch.title}`).toBeGreaterThan(at);
          at = found;
        }
      } else {
        const count = `${titles.length} field${titles.length === 1 ? "" : "s"}`;
        expect(said, item.id).toMatch(
          new RegExp(`^${count}: ${escapeRegExp(titles.join(", "))}\\. `),
        );
      }
    }
  });

  it("the choice field's description is the core's new choice: its methods and their fields", () => {
    const choice = KIND_ITEMS.find((item) => item.id === "kind:choice")!;
    const node = newFieldNode("choice", "auth");
    expect(choice.description).toBe(
      `Adds ${contentsText([nodeContents(node)])}. Add more methods in the inspector.`,
    );
    expect(contentsText([nodeContents(node)])).toBe(
      "an Authentication choice of 2 methods: None (no fields), Basic (Username, Password)",
    );
  });

  it("phrases contents in a few fixed shapes", () => {
    expect(contentsText([{ title: "Token" }])).toBe("1 field: Token");
    expect(contentsText([{ title: "A" }, { title: "B" }])).toBe("2 fields: A, B");
    const many = Array.from({ length: 4 }, (_, i) => `F${i}`);
    expect(
      contentsText([
        {
          title: "Login",
          branches: [
            { title: "One", fields: [] },
            { title: "Two", fields: many },
          ],
        },
      ]),
    ).toBe("a Login choice of 2 methods: One, Two, each with its fields");
    expect(
      contentsText([
        { title: "Host" },
        {
          title: "Auth",
          branches: [
            { title: "Password", fields: ["Password"] },
            { title: "Key", fields: [] },
          ],
        },
      ]),
    ).toBe("2 fields: Host, Auth (a choice of Password or Key)");
    expect(listText(["a", "b", "c"], "or")).toBe("a, b or c");
  });

  it("a template's JSON and its imported nodes give the same contents", () => {
    const schema = {
      type: "object",
      properties: {
        host: { title: "Host", type: "string" },
        untitled: { type: "string" },
        auth: {
          title: "Auth",
          oneOf: [
            { title: "None", properties: { type: { const: "none" } } },
            {
              properties: {
                type: { const: "pw" },
                password: { title: "Password", type: "string" },
              },
            },
          ],
        },
      },
    };
    const doc = importSchema(schema);
    expect(jsonContents(schema.properties as JsonObject)).toEqual(
      doc.root.fields!.map(nodeContents),
    );
  });
});

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

describe("docs/designer.md", () => {
  it("lists what the choice field and every block add, as the palette says it", () => {
    const docs = readFileSync(new URL("../../docs/designer.md", import.meta.url), "utf8");
    const choice = KIND_ITEMS.find((item) => item.id === "kind:choice")!;
    const rows = [`| ${choice.label} (field) | ${choice.description} |`].concat(
      BLOCK_ITEMS.map((item) => `| ${item.label} | ${item.description} |`),
    );
    const listed = docs
      .split("\n")
      .filter((line) => /^\| [^-]/.test(line) && line.includes(" | Adds "));
    expect(listed).toEqual(rows);
  });
});
