import { act, cleanup, screen } from "@testing-library/react";
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

  it("Enter adds at the end of the window when nothing is selected, then selects the new field", async () => {
    const { store, user } = setup();
    screen.getByRole("button", { name: "Add Text field" }).focus();
    await user.keyboard("{Enter}");
    expect(rootKeys(store)).toEqual(["text"]);
    expect(store.getState().selected).toBe(store.doc.root.fields![0]!.id);
    expect(
      screen.getByRole("button", { name: "Move Text" }).closest("li")!.getAttribute("aria-current"),
    ).toBe("true");
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
