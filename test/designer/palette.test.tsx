import { act, cleanup, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { Palette } from "../../src/designer/palette/palette.tsx";
import { DesignerStore } from "../../src/designer/store/designer-store.ts";
import { KIND_DEFINITIONS, locate, requiredKeys } from "../../src/model/index.ts";
import { importSchema } from "../../src/schema/import.ts";
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
      "Basic auth",
      "API key",
      "Bearer token",
      "OAuth 1.0a",
      "OAuth 2.0 client",
      "OAuth 2.0 code",
      "DB connection",
      "SSH private key",
      "REST auth methods",
    ]) {
      expect(screen.getByRole("button", { name: `Add ${block} block` })).toBeTruthy();
    }
  });

  it("names each item once, and says what it adds in its tooltip (its accessible description)", () => {
    setup();
    const buttons = screen.getAllByRole("button", { name: /^Add / });
    const labels = buttons.map((button) => button.textContent);
    // "Auth-method choice" is one item (the field); no label is used twice, field or block.
    expect(labels.filter((label) => label === "Auth-method choice")).toHaveLength(1);
    expect(new Set(labels).size).toBe(labels.length);
    expect(
      screen.getByRole("button", { name: "Add Auth-method choice field" }).getAttribute("title"),
    ).toBe(
      "Adds an Authentication choice of 2 methods: None (no fields), Basic (Username, Password). Add more methods in the inspector.",
    );
    expect(screen.getByRole("button", { name: "Add Basic auth block" }).getAttribute("title")).toBe(
      "Adds 2 fields: Username, Password. From the Basic authentication template.",
    );
    expect(
      screen.getByRole("button", { name: "Add REST auth methods block" }).getAttribute("title"),
    ).toBe(
      "Adds an Authentication choice of 4 methods: None, Basic, OAuth 1.0a, OAuth 2.0, each with its fields. From the REST API template.",
    );
    for (const button of buttons) expect(button.getAttribute("title")).toMatch(/^Adds /);
  });

  it("in the rail, where names are not shown, the tooltip starts with the item's name", () => {
    render(<Palette store={new DesignerStore(importSchema({ type: "object" }))} rail />);
    expect(screen.getByRole("button", { name: "Add Text field" }).getAttribute("title")).toBe(
      "Text: Adds a one-line text box.",
    );
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
    await user.click(screen.getByRole("button", { name: "Add Basic auth block" }));
    expect(rootKeys(store)).toEqual(["username", "username2", "password"]);
    expect(requiredKeys(store.doc.root)).toEqual(["username2", "password"]);
    expect(store.getState().editor.done).toHaveLength(1);
    act(() => store.undo());
    expect(rootKeys(store)).toEqual(["username"]);
  });

  it("the REST auth methods and SSH private key blocks bring their template's parts", async () => {
    const { store, user } = setup();
    await user.click(screen.getByRole("button", { name: "Add REST auth methods block" }));
    await user.click(screen.getByRole("button", { name: "Add SSH private key block" }));
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
