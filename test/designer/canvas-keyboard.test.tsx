import { act, cleanup, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { tabStopOf } from "../../src/designer/canvas/tab-stop.ts";
import type { DesignerStore } from "../../src/designer/store/designer-store.ts";
import type { FieldNode } from "../../src/model/index.ts";
import { importSchema } from "../../src/schema/import.ts";
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
      properties: {
        login: { type: "string", title: "Login" },
        pin: { type: "string", title: "PIN" },
      },
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
            user: { type: "string", title: "User" },
            password: { type: "string", title: "Password", writeOnly: true },
          },
        },
      ],
    },
    baseUrl: { type: "string", title: "Base URL" },
  },
};

const setup = () => renderPaletteAndCanvas(SAMPLE);

const tree = () => screen.getByRole("tree", { name: "Fields of the window" });
const titleOf = (item: Element | null | undefined) =>
  item?.querySelector(".cd-row-title")?.textContent;
/** A row (its tree item: the row's own line) by its title. */
const row = (title: string) =>
  within(tree())
    .getAllByRole("treeitem")
    .find((item) => titleOf(item) === title)!;
/** The titles of the rows shown, top to bottom. */
const shown = () => within(tree()).getAllByRole("treeitem").map(titleOf);
/** The titles of the rows that are tab stops. */
const tabStops = () =>
  within(tree())
    .getAllByRole("treeitem")
    .filter((item) => item.tabIndex === 0)
    .map(titleOf);
/** The title of the row that has the focus (or one of whose buttons has). */
const focused = () => titleOf(document.activeElement?.closest('[role="treeitem"]'));
const selectedTitle = (store: DesignerStore) => {
  const id = store.getState().selected;
  return id === undefined
    ? undefined
    : document.querySelector(`li[data-node="${id}"] > .cd-row .cd-row-title`)?.textContent;
};
/** What the canvas's status region last said (a shortcut's result, for screen readers). */
const status = () => document.querySelector('.cd-canvas [role="status"]')?.textContent;
const keys = (node: FieldNode | undefined) => node?.fields?.map((field) => field.key);
const field = (store: DesignerStore, key: string) =>
  store.doc.root.fields!.find((node) => node.key === key)!;

describe("the canvas is one tab stop: a tree view with roving tabindex", () => {
  it("has one tab stop: the first row, then the selected row (or the folded row it is in)", async () => {
    const { store, user } = setup();
    expect(tabStops()).toEqual(["User name"]);
    // Nothing else in a row is a tab stop: not its handle, fold button or actions.
    for (const button of within(tree()).getAllByRole("button"))
      expect(button.tabIndex, button.getAttribute("aria-label")!).toBe(-1);
    act(() => store.select(field(store, "account").fields![1]!.id));
    expect(tabStops()).toEqual(["PIN"]);
    await user.click(screen.getByRole("button", { name: "Collapse Account" }));
    expect(tabStops()).toEqual(["Account"]);
    act(() => store.select(undefined));
    expect(tabStops()).toEqual(["User name"]);
  });

  it("Tab enters the tree on its tab stop without changing the selection; Tab leaves it", async () => {
    const { store, user } = setup();
    screen.getByRole("button", { name: "Window properties" }).focus();
    await user.tab();
    expect(focused()).toBe("User name");
    expect(store.getState().selected).toBeUndefined();
    await user.tab();
    expect(tree().contains(document.activeElement)).toBe(false);
  });

  it("Up, Down, Home, End move between the rows shown, and selection follows", async () => {
    const { store, user } = setup();
    row("User name").focus();
    await user.keyboard("{ArrowDown}{ArrowDown}{ArrowDown}");
    expect(focused()).toBe("Login");
    expect(selectedTitle(store)).toBe("Login");
    expect(row("Login").getAttribute("aria-selected")).toBe("true");
    expect(tabStops()).toEqual(["Login"]);
    await user.keyboard("{ArrowUp}");
    expect(focused()).toBe("Account");
    await user.keyboard("{End}");
    expect(focused()).toBe("Base URL");
    // Down at the last row stays there.
    await user.keyboard("{ArrowDown}");
    expect(focused()).toBe("Base URL");
    await user.keyboard("{Home}{ArrowUp}");
    expect(focused()).toBe("User name");
    expect(selectedTitle(store)).toBe("User name");
    // A branch's discriminator is no row: Down from None goes to Basic.
    row("None").focus();
    await user.keyboard("{ArrowDown}");
    expect(focused()).toBe("Basic");
  });

  it("Right expands, then goes to the first child; Left folds, then goes to the parent", async () => {
    const { store, user } = setup();
    row("Authentication").focus();
    await user.keyboard("{ArrowLeft}");
    expect(row("Authentication").getAttribute("aria-expanded")).toBe("false");
    expect(shown()).not.toContain("Basic");
    expect(focused()).toBe("Authentication");
    // Left on a folded row goes to its parent: the window has none, so it stays.
    await user.keyboard("{ArrowLeft}");
    expect(focused()).toBe("Authentication");
    await user.keyboard("{ArrowRight}");
    expect(row("Authentication").getAttribute("aria-expanded")).toBe("true");
    expect(focused()).toBe("Authentication");
    await user.keyboard("{ArrowRight}");
    expect(focused()).toBe("None");
    await user.keyboard("{ArrowDown}{ArrowRight}{ArrowRight}");
    expect(focused()).toBe("User");
    // Right on a leaf does nothing; Left goes up a level at a time.
    await user.keyboard("{ArrowRight}");
    expect(focused()).toBe("User");
    await user.keyboard("{ArrowLeft}");
    expect(focused()).toBe("Basic");
    await user.keyboard("{ArrowLeft}");
    expect(row("Basic").getAttribute("aria-expanded")).toBe("false");
    await user.keyboard("{ArrowLeft}");
    expect(focused()).toBe("Authentication");
    expect(selectedTitle(store)).toBe("Authentication");
    // Folding is a view: nothing to undo.
    expect(store.canUndo).toBe(false);
  });

  it("Delete and Backspace remove the field, one undo step each; focus and selection go to the next row", async () => {
    const { store, user } = setup();
    row("Region").focus();
    await user.keyboard("{ArrowDown}{ArrowDown}");
    expect(focused()).toBe("Login");
    await user.keyboard("{Delete}");
    expect(keys(field(store, "account"))).toEqual(["pin"]);
    expect(focused()).toBe("PIN");
    expect(status()).toBe("Login removed.");
    expect(selectedTitle(store)).toBe("PIN");
    // The last of its list: the previous row, then the container.
    await user.keyboard("{Backspace}");
    expect(keys(field(store, "account"))).toEqual([]);
    expect(focused()).toBe("Account");
    expect(selectedTitle(store)).toBe("Account");
    expect(store.getState().editor.done).toHaveLength(2);
    act(() => store.undo());
    expect(keys(field(store, "account"))).toEqual(["pin"]);
    // A branch too; the last branch is refused, and says why.
    row("None").focus();
    await user.keyboard("{Delete}");
    expect(field(store, "auth").branches).toHaveLength(1);
    expect(focused()).toBe("Basic");
    await user.keyboard("{Delete}");
    expect(field(store, "auth").branches).toHaveLength(1);
    expect(screen.getByRole("alert").textContent).toMatch(/A choice needs at least one branch/);
    expect(focused()).toBe("Basic");
  });

  it("Delete on the window's only field leaves the focus on Window properties", async () => {
    const { store, user } = renderPaletteAndCanvas({
      type: "object",
      properties: { only: { type: "string", title: "Only" } },
    });
    row("Only").focus();
    await user.keyboard("{Delete}");
    expect(store.doc.root.fields).toEqual([]);
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "Window properties" }));
    expect(store.getState().selected).toBeUndefined();
  });

  it("Ctrl+D (or ⌘D) duplicates the field after it, one undo step; the copy is focused and selected", async () => {
    const { store, user } = setup();
    row("Region").focus();
    await user.keyboard("{Control>}d{/Control}");
    expect(keys(store.doc.root)).toEqual([
      "username",
      "region",
      "regionCopy",
      "account",
      "auth",
      "baseUrl",
    ]);
    expect(store.getState().selected).toBe(field(store, "regionCopy").id);
    expect(document.activeElement).toBe(
      document.querySelector(`li[data-node="${field(store, "regionCopy").id}"] > .cd-row`),
    );
    await user.keyboard("{Meta>}d{/Meta}");
    expect(keys(store.doc.root)).toEqual([
      "username",
      "region",
      "regionCopy",
      "regionCopyCopy",
      "account",
      "auth",
      "baseUrl",
    ]);
    expect(store.getState().editor.done).toHaveLength(2);
    act(() => store.undo());
    act(() => store.undo());
    expect(keys(store.doc.root)).toEqual(["username", "region", "account", "auth", "baseUrl"]);
  });

  it("Alt+Up and Alt+Down move the field one place in its list, one undo step each; focus stays on it", async () => {
    const { store, user } = setup();
    row("Region").focus();
    await user.keyboard("{Alt>}{ArrowDown}{/Alt}");
    expect(keys(store.doc.root)).toEqual(["username", "account", "region", "auth", "baseUrl"]);
    expect(focused()).toBe("Region");
    expect(selectedTitle(store)).toBe("Region");
    // The focus stays, so a screen reader hears where the row went.
    expect(status()).toBe("Region moved to position 3 of 5 in the window.");
    await user.keyboard("{Alt>}{ArrowUp}{ArrowUp}{ArrowUp}{/Alt}");
    // Up at the top of its list: it stays, and says so.
    expect(keys(store.doc.root)).toEqual(["region", "username", "account", "auth", "baseUrl"]);
    expect(focused()).toBe("Region");
    expect(status()).toBe("Region is already first in the window.");
    expect(store.getState().editor.done).toHaveLength(3);
    act(() => store.undo());
    expect(keys(store.doc.root)).toEqual(["username", "region", "account", "auth", "baseUrl"]);
    // In a branch, past no discriminator: the top of Basic is right after it.
    row("Password").focus();
    await user.keyboard("{Alt>}{ArrowUp}{ArrowUp}{/Alt}");
    expect(keys(field(store, "auth").branches![1])).toEqual(["type", "password", "user"]);
    expect(focused()).toBe("Password");
    expect(status()).toBe("Password is already first in Authentication › Basic.");
    // A branch among its choice's branches.
    row("Basic").focus();
    await user.keyboard("{Alt>}{ArrowUp}{/Alt}");
    expect(field(store, "auth").branches!.map((branch) => branch.schema)).toMatchObject([
      { title: "Basic" },
      { title: "None" },
    ]);
    expect(focused()).toBe("Basic");
  });

  it("keys on a row's own buttons count for the row, but Enter and Space press the button", async () => {
    const { store, user } = setup();
    const duplicate = screen.getByRole("button", { name: "Duplicate Region" });
    duplicate.focus();
    await user.keyboard("{Enter}");
    expect(keys(store.doc.root)).toEqual([
      "username",
      "region",
      "regionCopy",
      "account",
      "auth",
      "baseUrl",
    ]);
    screen.getByRole("button", { name: "Delete User name" }).focus();
    await user.keyboard("{ArrowDown}");
    expect(focused()).toBe("Region");
  });
});

describe("tabStopOf", () => {
  const doc = importSchema(structuredClone(SAMPLE));
  const [username, , account, auth] = doc.root.fields!;
  const basic = auth!.branches![1]!;
  const discriminator = basic.fields![0]!;
  it("is the first row with nothing selected, the selected row, or the outermost folded row it is in", () => {
    expect(tabStopOf(doc, undefined, new Set())).toBe(username!.id);
    expect(tabStopOf(doc, account!.fields![1]!.id, new Set())).toBe(account!.fields![1]!.id);
    expect(tabStopOf(doc, basic.fields![2]!.id, new Set([basic.id, auth!.id]))).toBe(auth!.id);
    expect(tabStopOf(doc, "gone", new Set())).toBe(username!.id);
  });
  it("is the branch for its discriminator (not a row), and nothing for a window without fields", () => {
    expect(tabStopOf(doc, discriminator.id, new Set())).toBe(basic.id);
    expect(tabStopOf(importSchema({ type: "object", properties: {} }), undefined, new Set())).toBe(
      undefined,
    );
  });
});
