import { act, cleanup, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import type { DesignerStore } from "../../src/designer/store/designer-store.ts";
import { discriminatorKey, type FieldNode, moveField } from "../../src/model/index.ts";
import { toSchema } from "../../src/schema/to-schema.ts";
import { renderPaletteAndCanvas } from "./render-palette-and-canvas.tsx";

afterEach(cleanup);

const SAMPLE = {
  type: "object",
  properties: {
    username: { type: "string", title: "User name" },
    region: { type: "string", title: "Region" },
    account: {
      type: "object",
      title: "Account",
      properties: { username: { type: "string", title: "Login" } },
    },
    auth: {
      title: "Authentication",
      oneOf: [
        { title: "None", type: "object", properties: { type: { const: "none" } } },
        {
          title: "Basic",
          type: "object",
          properties: {
            type: { const: "basic" },
            password: { type: "string", title: "Password", writeOnly: true },
          },
        },
      ],
    },
  },
};

const setup = (schema: object = SAMPLE) => renderPaletteAndCanvas(schema);

const keys = (node: FieldNode) => node.fields!.map((field) => field.key);
const byKey = (store: DesignerStore, key: string) =>
  store.doc.root.fields!.find((field) => field.key === key)!;
const rowOf = (name: string) => screen.getByRole("button", { name: `Move ${name}` }).closest("li")!;
/** A row's own line: the tree item. */
const lineOf = (name: string) => rowOf(name).querySelector<HTMLElement>(":scope > .cd-row")!;
/** What a row shows of its field (title, key, badges): a click there selects the row. */
const bodyOf = (name: string) => lineOf(name).querySelector<HTMLElement>(".cd-row-select")!;

describe("Canvas: the design as a tree", () => {
  it("shows the window's fields, a group's fields nested, a choice's branches with their fields", () => {
    setup();
    const window = screen.getByRole("tree", { name: "Fields of the window" });
    const top = within(window)
      .getAllByRole("treeitem")
      .filter((item) => item.parentElement?.parentElement === window);
    expect(top.map((item) => item.querySelector(".cd-row-title")?.textContent)).toEqual([
      "User name",
      "Region",
      "Account",
      "Authentication",
    ]);
    expect(
      within(screen.getByRole("group", { name: "Fields of Account" })).getByText("Login"),
    ).toBeTruthy();
    const branches = screen.getByRole("group", { name: "Branches of Authentication" });
    expect(
      within(branches).getByRole("group", { name: "Fields of Authentication › Basic" }),
    ).toBeTruthy();
    expect(
      within(screen.getByRole("group", { name: "Fields of Authentication › Basic" })).getByRole(
        "button",
        { name: "Move Password" },
      ),
    ).toBeTruthy();
    // The key is shown in the row; the kind is its icon, and words in the row's name.
    expect(within(rowOf("Password")).getByText("password")).toBeTruthy();
    expect(screen.getByRole("treeitem", { name: "Password, password, Secret, secret" })).toBe(
      lineOf("Password"),
    );
    // The tree item is the row's own line: its nested rows are a group beside it.
    expect(lineOf("Account").textContent).not.toContain("Login");
    // Levels, and what folds says whether it is expanded.
    expect(lineOf("Region").getAttribute("aria-level")).toBe("1");
    expect(lineOf("Login").getAttribute("aria-level")).toBe("2");
    expect(lineOf("Password").getAttribute("aria-level")).toBe("3");
    expect(lineOf("Account").getAttribute("aria-expanded")).toBe("true");
    expect(lineOf("Basic").getAttribute("aria-expanded")).toBe("true");
    expect(lineOf("Region").hasAttribute("aria-expanded")).toBe(false);
  });

  it("an empty window says how to add a field; an empty group says where to drop", () => {
    setup({ type: "object", properties: {} });
    expect(
      within(screen.getByRole("list", { name: "Fields of the window" })).getByRole("listitem")
        .textContent,
    ).toBe("No fields yet: drag one here from the palette, or press Enter on a palette item.");
    cleanup();
    setup({ type: "object", properties: { g: { type: "object", title: "G", properties: {} } } });
    expect(
      within(screen.getByRole("group", { name: "Fields of G" })).getByText("Drop fields here"),
    ).toBeTruthy();
  });

  it("a click on a row, or Enter on it, selects it (aria-selected); its buttons do not", async () => {
    const { store, user } = setup();
    await user.click(bodyOf("Region"));
    expect(store.getState().selected).toBe(byKey(store, "region").id);
    expect(lineOf("Region").getAttribute("aria-selected")).toBe("true");
    expect(document.activeElement).toBe(lineOf("Region"));
    lineOf("Login").focus();
    await user.keyboard("{Enter}");
    expect(store.getState().selected).toBe(byKey(store, "account").fields![0]!.id);
    expect(lineOf("Login").getAttribute("aria-selected")).toBe("true");
    expect(lineOf("Region").getAttribute("aria-selected")).toBeNull();
    // A fold button folds, and selects nothing.
    await user.click(screen.getByRole("button", { name: "Collapse Authentication" }));
    expect(store.getState().selected).toBe(byKey(store, "account").fields![0]!.id);
  });

  it("Duplicate adds a copy after the field and selects it; Delete removes it; each is one undo step", async () => {
    const { store, user } = setup();
    await user.click(screen.getByRole("button", { name: "Duplicate Region" }));
    expect(keys(store.doc.root)).toEqual(["username", "region", "regionCopy", "account", "auth"]);
    expect(store.getState().selected).toBe(byKey(store, "regionCopy").id);
    await user.click(screen.getByRole("button", { name: "Delete User name" }));
    expect(keys(store.doc.root)).toEqual(["region", "regionCopy", "account", "auth"]);
    expect(screen.queryByRole("button", { name: "Move User name" })).toBeNull();
    act(() => store.undo());
    expect(keys(store.doc.root)).toEqual(["username", "region", "regionCopy", "account", "auth"]);
    expect(screen.getByRole("button", { name: "Move User name" })).toBeTruthy();
  });

  it("a refused change shows why in an alert, and the next change clears it", async () => {
    const { store, user } = setup();
    expect(screen.queryByRole("alert")).toBeNull();
    let reason: string | undefined;
    act(
      () =>
        void (reason = store.run((doc) =>
          moveField(doc, byKey(store, "username").id, {
            parent: byKey(store, "account").id,
            index: 0,
          }),
        )),
    );
    expect(reason).toMatch(/already used/);
    expect(screen.getByRole("alert").textContent).toMatch(
      /The key "username" is already used in "Account"/,
    );
    expect(keys(store.doc.root)).toEqual(["username", "region", "account", "auth"]);
    await user.click(screen.getByRole("button", { name: "Duplicate Region" }));
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("drag handles are buttons named after the field that say how to drag (Space on the row does the same)", async () => {
    setup();
    const handle = screen.getByRole("button", { name: "Move Account" });
    expect(handle.tagName).toBe("BUTTON");
    // Drag and drop is mounted after the first paint: then the handles say how to drag.
    await waitFor(() => expect(handle.getAttribute("aria-roledescription")).toBe("sortable"));
    expect(document.getElementById(handle.getAttribute("aria-describedby")!)?.textContent).toMatch(
      /Space/,
    );
  });

  it("a branch shows no row for its discriminator: the inspector edits the branch's value", () => {
    const { store } = setup();
    const auth = byKey(store, "auth");
    expect(discriminatorKey(auth)).toBe("type");
    const basic = screen.getByRole("group", { name: "Fields of Authentication › Basic" });
    expect(
      within(basic)
        .getAllByRole("button", { name: /^Move / })
        .map((button) => button.getAttribute("aria-label")),
    ).toEqual(["Move Password"]);
    expect(screen.queryByRole("button", { name: "Move type" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Delete type" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Duplicate type" })).toBeNull();
    // None holds only its discriminator: it says its method needs no fields.
    expect(
      within(screen.getByRole("group", { name: "Fields of Authentication › None" })).getByText(
        "This method needs no fields. Drop fields here if it should ask for some.",
      ),
    ).toBeTruthy();
    // The model keeps it.
    expect(auth.branches!.map(keys)).toEqual([["type"], ["type", "password"]]);
  });

  it('a field or a group holding a const "type" outside a branch is an ordinary row', () => {
    setup({
      type: "object",
      properties: { g: { type: "object", title: "G", properties: { type: { const: "x" } } } },
    });
    expect(
      within(screen.getByRole("group", { name: "Fields of G" })).getByRole("button", {
        name: "Move type",
      }),
    ).toBeTruthy();
  });

  it("the palette adds after the selected row of a branch, after its discriminator when the branch is empty", async () => {
    const { store, user } = setup();
    await user.click(bodyOf("Password"));
    await user.click(screen.getByRole("button", { name: "Add Text field" }));
    expect(keys(byKey(store, "auth").branches![1]!)).toEqual(["type", "password", "text"]);
    await user.click(bodyOf("None"));
    await user.click(screen.getByRole("button", { name: "Add Text field" }));
    expect(keys(byKey(store, "auth").branches![0]!)).toEqual(["type", "text"]);
    const none = (
      toSchema(store.doc).properties as Record<string, { oneOf: { properties: object }[] }>
    ).auth!.oneOf[0]!;
    expect(Object.keys(none.properties)).toEqual(["type", "text"]);
    expect(
      within(screen.getByRole("group", { name: "Fields of Authentication › None" })).getAllByRole(
        "button",
        { name: /^Move / },
      ).length,
    ).toBe(1);
  });

  it("a branch row has a Delete button; the last branch is refused, and the alert says why", async () => {
    const { store, user } = setup();
    await user.click(screen.getByRole("button", { name: "Delete None" }));
    expect(byKey(store, "auth").branches!.map((branch) => branch.schema)).toMatchObject([
      { title: "Basic" },
    ]);
    expect(screen.queryByRole("button", { name: "Move None" })).toBeNull();
    await user.click(screen.getByRole("button", { name: "Delete Basic" }));
    expect(screen.getByRole("alert").textContent).toMatch(/A choice needs at least one branch/);
    expect(byKey(store, "auth").branches!.length).toBe(1);
    act(() => store.undo());
    expect(byKey(store, "auth").branches!.length).toBe(2);
    expect(screen.getByRole("button", { name: "Delete None" })).toBeTruthy();
  });

  it("Window properties clears the selection, so the inspector edits the window again", async () => {
    const { store, user } = setup();
    const windowButton = screen.getByRole("button", { name: "Window properties" });
    expect(windowButton.getAttribute("aria-current")).toBe("true");
    await user.click(bodyOf("Region"));
    expect(store.getState().selected).toBe(byKey(store, "region").id);
    expect(windowButton.getAttribute("aria-current")).toBeNull();
    await user.click(windowButton);
    expect(store.getState().selected).toBeUndefined();
    expect(windowButton.getAttribute("aria-current")).toBe("true");
    expect(lineOf("Region").getAttribute("aria-selected")).toBeNull();
    // Selecting is not an edit: nothing to undo.
    expect(store.canUndo).toBe(false);
  });
});
