import { act, cleanup, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import type { DesignerStore } from "../../src/designer/store/designer-store.ts";
import { KIND_DEFINITIONS, locate, requiredKeys } from "../../src/model/index.ts";
import { toSchema } from "../../src/schema/to-schema.ts";
import { renderPaletteAndCanvas } from "./render-palette-and-canvas.tsx";

afterEach(cleanup);

const setup = (schema: object = { type: "object", properties: {} }) =>
  renderPaletteAndCanvas(schema);

const rootKeys = (store: DesignerStore) => store.doc.root.fields!.map((field) => field.key);

describe("Palette", () => {
  it("offers every addable kind of the core and the template blocks, as buttons", () => {
    setup();
    for (const definition of KIND_DEFINITIONS) {
      expect(screen.getByRole("button", { name: `Add ${definition.label} field` })).toBeTruthy();
    }
    for (const block of [
      "Basic",
      "API key",
      "OAuth 1.0",
      "OAuth 2.0 client credentials",
      "OAuth 2.0 authorization code",
      "Connection string",
      "Private key",
      "Auth-method choice",
    ]) {
      expect(screen.getByRole("button", { name: `Add ${block} block` })).toBeTruthy();
    }
  });

  it("Enter adds at the end of the window when nothing is selected, then selects and focuses the new field", async () => {
    const { store, user } = setup();
    screen.getByRole("button", { name: "Add Text field" }).focus();
    await user.keyboard("{Enter}");
    expect(rootKeys(store)).toEqual(["text"]);
    expect(store.getState().selected).toBe(store.doc.root.fields![0]!.id);
    const row = screen.getByRole("treeitem", { name: "Text, text, Text" });
    expect(row.getAttribute("aria-selected")).toBe("true");
    expect(document.activeElement).toBe(row);
  });

  it("is one tab stop, a vertical toolbar: Up and Down, Home and End move between items; the last focused stays the tab stop", async () => {
    const { user } = setup();
    const toolbar = screen.getByRole("toolbar", { name: "Add to the design" });
    expect(toolbar.getAttribute("aria-orientation")).toBe("vertical");
    const tabbable = () =>
      within(toolbar)
        .getAllByRole("button")
        .filter((button) => button.tabIndex === 0)
        .map((button) => button.getAttribute("aria-label"));
    expect(tabbable()).toEqual(["Add Text field"]);
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "Add Text field" }));
    await user.keyboard("{ArrowDown}{ArrowDown}");
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "Add URL field" }));
    await user.keyboard("{ArrowUp}");
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "Add Secret field" }));
    expect(tabbable()).toEqual(["Add Secret field"]);
    // Up at the first item stays there; End reaches the last block, past the Fields list.
    await user.keyboard("{Home}{ArrowUp}");
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "Add Text field" }));
    await user.keyboard("{End}{ArrowDown}");
    const last = within(toolbar).getAllByRole("button").at(-1)!;
    expect(document.activeElement).toBe(last);
    expect(tabbable()).toEqual([last.getAttribute("aria-label")]);
    // Tab leaves the toolbar; Shift+Tab comes back to the item last focused.
    await user.tab();
    expect(toolbar.contains(document.activeElement)).toBe(false);
    await user.tab({ shift: true });
    expect(document.activeElement).toBe(last);
  });

  it("Enter adds after the selected field, in its container", async () => {
    const { store, user } = setup({
      type: "object",
      properties: {
        a: { type: "string" },
        b: { type: "string" },
        g: { type: "object", properties: { x: { type: "string" }, y: { type: "string" } } },
      },
    });
    act(() => store.select(store.doc.root.fields![0]!.id));
    screen.getByRole("button", { name: "Add URL field" }).focus();
    await user.keyboard("{Enter}");
    expect(rootKeys(store)).toEqual(["a", "url", "b", "g"]);
    // The new field is selected, so the next one goes after it.
    await user.click(screen.getByRole("button", { name: "Add Email field" }));
    expect(rootKeys(store)).toEqual(["a", "url", "email", "b", "g"]);
    // In a group: after the selected field of the group.
    const g = store.doc.root.fields!.find((field) => field.key === "g")!;
    act(() => store.select(g.fields![0]!.id));
    await user.click(screen.getByRole("button", { name: "Add Number field" }));
    expect(locate(store.doc, g.id)!.node.fields!.map((field) => field.key)).toEqual([
      "x",
      "number",
      "y",
    ]);
    // A selected group: at its end.
    act(() => store.select(g.id));
    await user.click(screen.getByRole("button", { name: "Add Yes / no field" }));
    expect(locate(store.doc, g.id)!.node.fields!.map((field) => field.key)).toEqual([
      "x",
      "number",
      "y",
      "enabled",
    ]);
  });

  it("a block inserts the template's fields with its required list, keys made unique, as one step", async () => {
    const { store, user } = setup({ type: "object", properties: { username: { type: "string" } } });
    await user.click(screen.getByRole("button", { name: "Add Basic block" }));
    expect(rootKeys(store)).toEqual(["username", "username2", "password"]);
    expect(requiredKeys(store.doc.root)).toEqual(["username2", "password"]);
    expect(store.getState().editor.done).toHaveLength(1);
    act(() => store.undo());
    expect(rootKeys(store)).toEqual(["username"]);
  });

  it("the auth-method choice and private-key blocks bring their template's parts", async () => {
    const { store, user } = setup();
    await user.click(screen.getByRole("button", { name: "Add Auth-method choice block" }));
    await user.click(screen.getByRole("button", { name: "Add Private key block" }));
    const schema = toSchema(store.doc) as {
      properties: Record<string, { oneOf?: unknown[]; "x-widget"?: string }>;
      required: string[];
    };
    expect(Object.keys(schema.properties)).toEqual(["auth", "privateKey", "passphrase"]);
    expect(schema.properties.auth!.oneOf).toHaveLength(4);
    expect(schema.properties.privateKey!["x-widget"]).toBe("pem");
    expect(schema.required).toEqual(["auth", "privateKey"]);
  });
});
