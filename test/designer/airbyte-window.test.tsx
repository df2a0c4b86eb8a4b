import { act, cleanup, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it } from "vitest";
import { Inspector } from "../../src/designer/inspector/inspector.tsx";
import { DesignerStore } from "../../src/designer/store/designer-store.ts";
import type { JsonObject } from "../../src/json/value.ts";
import { importSchema } from "../../src/schema/import.ts";
import { toSchema } from "../../src/schema/to-schema.ts";
import { renderPaletteAndCanvas } from "./render-palette-and-canvas.tsx";

/**
 * A window written for Airbyte in the designer: an airbyte_secret field is a secret (kind, badge,
 * the Secret checkbox), the inspector offers "Mark secret for Airbyte too", the canvas shows the
 * fields in `order`, and moving a row renumbers `order` (one undo step) while the JSON keeps its
 * key order.
 */

afterEach(cleanup);

const AIRBYTE: JsonObject = {
  type: "object",
  title: "Source",
  required: ["host"],
  properties: {
    password: { type: "string", title: "Password", airbyte_secret: true, order: 2 },
    host: { type: "string", title: "Host", order: 0 },
    port: { type: "integer", title: "Port", order: 1 },
    token: { type: "string", title: "Token", writeOnly: true, order: 3 },
    database: { type: "string", title: "Database", order: 4 },
  },
};

const PLAIN: JsonObject = {
  type: "object",
  properties: { password: { type: "string", title: "Password", writeOnly: true } },
};

const properties = (store: DesignerStore) =>
  (toSchema(store.doc) as { properties: Record<string, JsonObject> }).properties;
const idOf = (store: DesignerStore, key: string) =>
  store.doc.root.fields!.find((field) => field.key === key)!.id;

function inspect(schema: JsonObject, key: string) {
  const store = new DesignerStore(importSchema(structuredClone(schema)));
  render(<Inspector store={store} />);
  act(() => store.select(idOf(store, key)));
  return { store, user: userEvent.setup() };
}

describe("the inspector in a window written for Airbyte", () => {
  it("an airbyte_secret field is a secret: its Secret box is checked, as is Mark secret for Airbyte too", () => {
    inspect(AIRBYTE, "password");
    expect(
      (screen.getByRole("checkbox", { name: "Secret (write-only)" }) as HTMLInputElement).checked,
    ).toBe(true);
    expect(
      (screen.getByRole("checkbox", { name: "Mark secret for Airbyte too" }) as HTMLInputElement)
        .checked,
    ).toBe(true);
  });

  it("Mark secret for Airbyte too sets airbyte_secret beside writeOnly; undo takes it back", async () => {
    const { store, user } = inspect(AIRBYTE, "database");
    await user.click(screen.getByRole("checkbox", { name: "Mark secret for Airbyte too" }));
    expect(properties(store).database).toMatchObject({ writeOnly: true, airbyte_secret: true });
    expect(
      (screen.getByRole("checkbox", { name: "Secret (write-only)" }) as HTMLInputElement).checked,
    ).toBe(true);
    act(() => store.undo());
    expect(properties(store).database).not.toHaveProperty("airbyte_secret");
    expect(properties(store).database).not.toHaveProperty("writeOnly");
    act(() => store.redo());
    expect(properties(store).database).toMatchObject({ writeOnly: true, airbyte_secret: true });
  });

  it("unchecking Secret removes both markings, in one step", async () => {
    const { store, user } = inspect(AIRBYTE, "database");
    await user.click(screen.getByRole("checkbox", { name: "Mark secret for Airbyte too" }));
    const steps = store.getState().editor.done.length;
    await user.click(screen.getByRole("checkbox", { name: "Secret (write-only)" }));
    expect(properties(store).database).not.toHaveProperty("writeOnly");
    expect(properties(store).database).not.toHaveProperty("airbyte_secret");
    expect(store.getState().editor.done).toHaveLength(steps + 1);
    // an airbyte_secret alone, too
    act(() => store.select(idOf(store, "password")));
    await user.click(screen.getByRole("checkbox", { name: "Secret (write-only)" }));
    expect(properties(store).password).not.toHaveProperty("airbyte_secret");
    expect(
      (screen.getByRole("checkbox", { name: "Secret (write-only)" }) as HTMLInputElement).checked,
    ).toBe(false);
  });

  it("is not offered in a window that is not written for Airbyte", () => {
    inspect(PLAIN, "password");
    expect(
      (screen.getByRole("checkbox", { name: "Secret (write-only)" }) as HTMLInputElement).checked,
    ).toBe(true);
    expect(screen.queryByRole("checkbox", { name: "Mark secret for Airbyte too" })).toBeNull();
  });
});

describe("the canvas of a window with order", () => {
  const tree = () => screen.getByRole("tree", { name: "Fields of the window" });
  const titles = () =>
    within(tree())
      .getAllByRole("treeitem")
      .map((item) => item.querySelector(".cd-row-title")?.textContent);
  const row = (title: string) =>
    within(tree())
      .getAllByRole("treeitem")
      .find((item) => item.querySelector(".cd-row-title")?.textContent === title)!;

  it("shows the rows in order, not in the JSON's key order; an airbyte_secret row is a secret", () => {
    renderPaletteAndCanvas(AIRBYTE);
    expect(titles()).toEqual(["Host", "Port", "Password", "Token", "Database"]);
    expect(
      within(tree()).getByRole("treeitem", { name: /^Password, password, Secret, secret/ }),
    ).toBe(row("Password"));
    expect(row("Host").tabIndex).toBe(0);
  });

  it("an airbyte_hidden row says it is hidden from the form (the preview does not show it)", () => {
    renderPaletteAndCanvas({
      type: "object",
      properties: { mode: { type: "string", title: "Sync mode", airbyte_hidden: true } },
    });
    expect(
      within(tree()).getByRole("treeitem", { name: "Sync mode, mode, Text, hidden from the form" }),
    ).toBeTruthy();
  });

  it("Alt+Down renumbers order to what shows, keeps the JSON's keys where they are, one undo step", async () => {
    const { store, user } = renderPaletteAndCanvas(AIRBYTE);
    row("Host").focus();
    await user.keyboard("{Alt>}{ArrowDown}{/Alt}");
    expect(titles()).toEqual(["Port", "Host", "Password", "Token", "Database"]);
    const now = properties(store);
    expect(Object.keys(now)).toEqual(["password", "host", "port", "token", "database"]);
    expect([now.port!.order, now.host!.order, now.password!.order]).toEqual([0, 1, 2]);
    expect(store.getState().editor.done).toHaveLength(1);
    act(() => store.undo());
    expect(titles()).toEqual(["Host", "Port", "Password", "Token", "Database"]);
    expect(properties(store).host!.order).toBe(0);
  });

  it("a field added from the palette after the selected row shows there: it takes an order, in the same undo step", async () => {
    const { store, user } = renderPaletteAndCanvas(AIRBYTE);
    act(() => store.select(idOf(store, "host")));
    await user.click(screen.getByRole("button", { name: "Add Text field" }));
    expect(titles()).toEqual(["Host", "Text", "Port", "Password", "Token", "Database"]);
    const now = properties(store);
    expect(now.text!.order).toBe(1);
    expect(now.port!.order).toBe(2);
    expect(store.getState().editor.done).toHaveLength(1);
    act(() => store.undo());
    expect(titles()).toEqual(["Host", "Port", "Password", "Token", "Database"]);
    expect(properties(store).port!.order).toBe(1);
  });

  it("a block added there keeps its fields together at that place", async () => {
    const { store, user } = renderPaletteAndCanvas(AIRBYTE);
    act(() => store.select(idOf(store, "port")));
    await user.click(screen.getByRole("button", { name: "Add Basic auth block" }));
    expect(titles().slice(0, 5)).toEqual(["Host", "Port", "Username", "Password", "Password"]);
    expect(store.getState().editor.done).toHaveLength(1);
  });
});
