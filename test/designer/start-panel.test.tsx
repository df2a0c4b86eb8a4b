import { readFileSync } from "node:fs";
import { join } from "node:path";
import { act, cleanup, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { IDBFactory } from "fake-indexeddb";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DesignerApp } from "../../src/designer/app.tsx";
import { replaceSharedReadClient } from "../../src/designer/import/read-client.ts";
import type { Autosave } from "../../src/designer/storage/autosave.ts";
import { createDesign } from "../../src/designer/storage/design-actions.ts";
import { BLANK_SCHEMA, DESIGN_TEMPLATES } from "../../src/designer/storage/design-templates.ts";
import { startAutosave } from "../../src/designer/storage/start-autosave.ts";
import { DesignerStore } from "../../src/designer/store/designer-store.ts";
import { setWindowText } from "../../src/model/index.ts";
import { importSchema } from "../../src/schema/import.ts";
import { toSchema } from "../../src/schema/to-schema.ts";
import { inThreadReadClient } from "../support/in-thread-reader.ts";

// The reader worker's own code, run in the test's thread (no workers here).
let restoreReader: () => void = () => {};
beforeEach(() => {
  restoreReader = replaceSharedReadClient(inThreadReadClient());
});
afterEach(() => restoreReader());

let started: Autosave[] = [];
afterEach(() => {
  cleanup();
  for (const autosave of started) {
    autosave.dispose();
    autosave.library?.close();
  }
  started = [];
});

// (happy-dom gives import.meta.url an http: URL: the folder is taken from import.meta.dirname)
const templateText = (name: string) =>
  readFileSync(join(import.meta.dirname, "../../schemas", `${name}.json`), "utf8");

/** The designer page on a new blank design, kept by an autosave on a fresh IndexedDB. */
async function setup() {
  const store = new DesignerStore(importSchema(structuredClone(BLANK_SCHEMA)));
  const autosave = await startAutosave(store, {
    indexedDB: new IDBFactory(),
    channel: null,
    delayMs: 5,
  });
  started.push(autosave);
  render(<DesignerApp store={store} autosave={autosave} />);
  return { store, autosave, user: userEvent.setup() };
}

const canvas = () => screen.getByRole("main", { name: "Canvas" });
const startPanel = () => within(canvas()).queryByRole("region", { name: "Start a design" });
const cards = () =>
  within(within(canvas()).getByRole("list", { name: "Templates" })).getAllByRole("button");
/** What a screen reader reads as an element's description. */
const description = (element: HTMLElement) =>
  (element.getAttribute("aria-describedby") ?? "")
    .split(" ")
    .map((id) => document.getElementById(id)?.textContent)
    .join(" ");
const rowNames = () =>
  within(canvas())
    .queryAllByRole("button", { name: /^Move / })
    .map((button) => button.getAttribute("aria-label"));
const emptyHint = () =>
  within(within(canvas()).getByRole("list", { name: "Fields of the window" })).getByRole("listitem")
    .textContent;

describe("the start panel of an empty design", () => {
  it("shows every template as a card named by its title, described by the authentication it offers", async () => {
    await setup();
    expect(startPanel()).toBeTruthy();
    const list = within(canvas()).getByRole("list", { name: "Templates" });
    expect(cards()).toEqual(
      DESIGN_TEMPLATES.map((template) => within(list).getByRole("button", { name: template.name })),
    );
    const rest = within(canvas()).getByRole("button", { name: "REST API" });
    expect(description(rest)).toBe("Auth methods: None, Basic, OAuth 1.0a, OAuth 2.0.");
    const basic = within(canvas()).getByRole("button", { name: "Basic authentication" });
    expect(description(basic)).toBe("Asks for: Username, Password.");
    expect(within(canvas()).getByRole("button", { name: "Import a schema…" })).toBeTruthy();
    expect(within(canvas()).getByRole("button", { name: "Start blank" })).toBeTruthy();
    // No empty list under it: the panel is the canvas's content.
    expect(within(canvas()).queryByRole("list", { name: "Fields of the window" })).toBeNull();
  });

  it("a card makes the design the template's window as one undo step that autosave saves; Undo brings the panel back", async () => {
    const { store, autosave, user } = await setup();
    await user.click(within(canvas()).getByRole("button", { name: "REST API" }));
    expect(startPanel()).toBeNull();
    expect(`${JSON.stringify(toSchema(store.doc), null, 2)}\n`).toBe(templateText("rest-adapter"));
    expect(store.getState().editor.done.map((entry) => entry.transaction.label)).toEqual([
      "Start from the REST API template",
    ]);
    expect(rowNames().slice(0, 3)).toEqual(["Move Base URL", "Move Authentication", "Move None"]);
    // Autosave sees it like any other change.
    const id = autosave.getState().design!.id;
    await waitFor(async () =>
      expect((await autosave.library!.load(id)).schema).toEqual(toSchema(store.doc)),
    );
    // The focus went on to the design's first row.
    expect(document.activeElement?.closest("li")?.getAttribute("data-node")).toBe(
      store.doc.root.fields![0]!.id,
    );

    await user.click(within(screen.getByRole("banner")).getByRole("button", { name: "Undo" }));
    expect(startPanel()).toBeTruthy();
    expect(toSchema(store.doc)).toEqual(BLANK_SCHEMA);
    // Redo makes it again.
    act(() => store.redo());
    expect(startPanel()).toBeNull();
    expect(toSchema(store.doc).title).toBe("REST API");
  });

  it("Start blank: the canvas says how to add a field, and the focus is on the palette's first item", async () => {
    const { store, user } = await setup();
    await user.click(within(canvas()).getByRole("button", { name: "Start blank" }));
    expect(startPanel()).toBeNull();
    expect(emptyHint()).toBe(
      "No fields yet: drag one here from the palette, or press Enter on a palette item.",
    );
    expect(store.getState().editor.done).toHaveLength(0);
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole("button", { name: "Add Text field" })),
    );
    // Enter there adds a field; undoing it leaves the empty canvas (blank was chosen), not the panel.
    await user.keyboard("{Enter}");
    expect(rowNames()).toEqual(["Move Text"]);
    act(() => store.undo());
    expect(startPanel()).toBeNull();
    expect(emptyHint()).toMatch(/^No fields yet/);
  });

  it("an item added from the palette while the panel shows replaces it; one Undo brings it back", async () => {
    const { store, user } = await setup();
    await user.click(screen.getByRole("button", { name: "Add Secret field" }));
    expect(startPanel()).toBeNull();
    expect(rowNames()).toEqual(["Move Secret"]);
    act(() => store.undo());
    expect(startPanel()).toBeTruthy();
  });

  it("Import a schema… imports the file chosen as one undo step, as the header's Import… does", async () => {
    const { store, user } = await setup();
    const input = screen.getByLabelText<HTMLInputElement>("Schema file to start from");
    expect(input.tabIndex).toBe(-1);
    let opened = false;
    input.addEventListener("click", () => (opened = true));
    await user.click(within(canvas()).getByRole("button", { name: "Import a schema…" }));
    expect(opened).toBe(true);
    const text = templateText("sftp");
    await user.upload(input, new File([text], "sftp.json", { type: "application/json" }));
    await waitFor(() => expect(`${JSON.stringify(toSchema(store.doc), null, 2)}\n`).toBe(text));
    expect(startPanel()).toBeNull();
    expect(store.getState().editor.done.map((entry) => entry.transaction.label)).toEqual([
      "Import sftp.json",
    ]);
    act(() => store.undo());
    expect(startPanel()).toBeTruthy();
  });

  it("a new blank design from the Designs menu starts at the panel again, even after Start blank", async () => {
    const { autosave, user } = await setup();
    await user.click(within(canvas()).getByRole("button", { name: "Start blank" }));
    expect(startPanel()).toBeNull();
    await act(() => createDesign(autosave));
    expect(startPanel()).toBeTruthy();
  });

  it("only a design with no fields shows it: editing the window's title keeps it, a loaded design with fields has none", async () => {
    const { store } = await setup();
    act(() => void store.run((doc) => setWindowText(doc, { title: "Payments API" })));
    expect(startPanel()).toBeTruthy();
    act(() => store.load(importSchema({ type: "object", properties: { a: { type: "string" } } })));
    expect(startPanel()).toBeNull();
    act(() => store.load(importSchema(structuredClone(BLANK_SCHEMA))));
    expect(startPanel()).toBeTruthy();
  });
});
