import { act, cleanup, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { IDBFactory } from "fake-indexeddb";
import { afterEach, describe, expect, it, vi } from "vitest";
import { DesignerApp } from "../../src/designer/app.tsx";
import type { Autosave } from "../../src/designer/storage/autosave.ts";
import { DesignRepository } from "../../src/designer/storage/design-repository.ts";
import { BLANK_SCHEMA } from "../../src/designer/storage/design-templates.ts";
import { DesignsMenu } from "../../src/designer/storage/designs-menu.tsx";
import { startAutosave } from "../../src/designer/storage/start-autosave.ts";
import { StorageFullError } from "../../src/designer/storage/storage-errors.ts";
import { DesignerStore } from "../../src/designer/store/designer-store.ts";
import { addField } from "../../src/model/index.ts";
import { importSchema } from "../../src/schema/import.ts";
import { toSchema } from "../../src/schema/to-schema.ts";

let started: Autosave[] = [];
afterEach(() => {
  cleanup();
  for (const autosave of started) {
    autosave.dispose();
    autosave.library?.close();
  }
  started = [];
});

async function setup() {
  const indexedDB = new IDBFactory();
  const store = new DesignerStore(importSchema(structuredClone(BLANK_SCHEMA)));
  const autosave = await startAutosave(store, { indexedDB, channel: null, delayMs: 5 });
  started.push(autosave);
  render(<DesignsMenu autosave={autosave} />);
  return { store, autosave, indexedDB, user: userEvent.setup() };
}

const addText = (store: DesignerStore, key: string) =>
  act(() => void store.run((doc) => addField(doc, { parent: doc.root.id, kind: "text", key })));
const status = () =>
  screen
    .getAllByRole("status")
    .find((element) => element.classList.contains("designs-menu-status"))!;
const dialog = () => screen.getByRole("dialog", { name: "Designs" });
const designNames = () =>
  within(within(dialog()).getByRole("list", { name: "Stored designs" }))
    .getAllByRole("listitem")
    .map((item) => item.querySelector(".designs-list-name")?.textContent ?? "");

/** The open design saved as "Theirs" by another tab, then changed here: the conflict it shows. */
async function conflictWithAnotherTab() {
  const opened = await setup();
  const { store, autosave, indexedDB } = opened;
  const id = autosave.getState().design!.id;
  const otherTab = await DesignRepository.open({ indexedDB });
  await otherTab.save(id, { ...BLANK_SCHEMA, title: "Theirs" }, 1);
  otherTab.close();
  addText(store, "mine");
  const conflict = await screen.findByRole("group", {
    name: "This design was changed in another tab",
  });
  return { ...opened, conflict };
}

describe("DesignsMenu", () => {
  it("shows the design's name and its save status in a polite live region", async () => {
    const { store } = await setup();
    expect(screen.getByText("Untitled").closest("p")!.textContent).toBe("Design: Untitled");
    expect(status().textContent).toBe("Saved");
    addText(store, "user");
    expect(status().textContent).toBe("Saving…");
    await waitFor(() => expect(status().textContent).toBe("Saved"));
  });

  it("a failed save: 'Not saved: storage is full' with the reason, and the design stays", async () => {
    const { store, autosave } = await setup();
    vi.spyOn(autosave.library!, "save").mockRejectedValue(new StorageFullError("save the design"));
    addText(store, "user");
    await waitFor(() =>
      expect(status().textContent).toBe(
        "Not saved: storage is full — your design is kept in this tab; export it to keep a copy",
      ),
    );
    expect(screen.getByText("Why?")).toBeTruthy();
    expect(toSchema(store.doc).properties).toHaveProperty("user");
  });

  it("the Designs dialog: new blank design, open, rename (checked as typed, Escape cancels), duplicate, delete after confirming", async () => {
    const { user, store } = await setup();
    const designs = screen.getByRole("button", { name: "Designs" });
    expect(designs.getAttribute("aria-haspopup")).toBe("dialog");
    await user.click(designs);
    await waitFor(() => expect(designNames()).toEqual(["Untitled (open)"]));
    expect(dialog().hasAttribute("open")).toBe(true);

    await user.click(within(dialog()).getByRole("button", { name: "New blank design" }));
    await waitFor(() => expect(screen.getByText("Untitled 2")).toBeTruthy());
    expect(screen.queryByRole("dialog")).toBeNull();

    await user.click(designs);
    await waitFor(() => expect(designNames()).toEqual(["Untitled 2 (open)", "Untitled"]));
    addText(store, "notYetSaved");
    await user.click(within(dialog()).getByRole("button", { name: "Open Untitled" }));
    await waitFor(() => expect(screen.getByText("Design:").textContent).toBe("Design: Untitled"));

    // Rename "Untitled 2" inline.
    await user.click(designs);
    await waitFor(() => expect(designNames()).toEqual(["Untitled 2", "Untitled (open)"]));
    await user.click(within(dialog()).getByRole("button", { name: "Rename Untitled 2" }));
    const name = within(dialog()).getByRole("textbox", { name: "New name for Untitled 2" });
    expect(document.activeElement).toBe(name);
    await user.clear(name);
    expect(name.getAttribute("aria-invalid")).toBe("true");
    expect(within(dialog()).getByText("A design needs a name: type one.").id).toBe(
      name.getAttribute("aria-describedby"),
    );
    await user.type(name, "untitled");
    expect(
      within(dialog()).getByText(
        'Another design is already named "Untitled": choose a different name.',
      ),
    ).toBeTruthy();
    await user.keyboard("{Escape}");
    expect(within(dialog()).queryByRole("textbox")).toBeNull();
    await waitFor(() =>
      expect(document.activeElement).toBe(
        within(dialog()).getByRole("button", { name: "Rename Untitled 2" }),
      ),
    );

    await user.click(within(dialog()).getByRole("button", { name: "Rename Untitled 2" }));
    await user.clear(within(dialog()).getByRole("textbox", { name: "New name for Untitled 2" }));
    await user.keyboard("CRM{Enter}");
    await waitFor(() => expect(designNames()).toEqual(["CRM", "Untitled (open)"]));
    expect(within(dialog()).getByText("Renamed to CRM.")).toBeTruthy();

    await user.click(within(dialog()).getByRole("button", { name: "Duplicate CRM" }));
    await waitFor(() => expect(designNames()).toContain("CRM (copy)"));

    await user.click(within(dialog()).getByRole("button", { name: "Delete CRM (copy)" }));
    const confirm = within(dialog()).getByRole("group", { name: "Delete CRM (copy) for good?" });
    await waitFor(() =>
      expect(document.activeElement).toBe(within(confirm).getByRole("button", { name: "Cancel" })),
    );
    await user.click(within(confirm).getByRole("button", { name: "Yes, delete CRM (copy)" }));
    await waitFor(() => expect(designNames()).not.toContain("CRM (copy)"));
    expect(designNames().sort()).toEqual(["CRM", "Untitled (open)"]);

    await user.click(within(dialog()).getByRole("button", { name: "Close" }));
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(document.activeElement).toBe(designs);
  });

  it("new from a template: the template's window under its title", async () => {
    const { user, store } = await setup();
    await user.click(screen.getByRole("button", { name: "Designs" }));
    await user.selectOptions(within(dialog()).getByRole("combobox", { name: "Template" }), "SFTP");
    await user.click(within(dialog()).getByRole("button", { name: "New from template" }));
    await waitFor(() => expect(screen.getByText("Design:").textContent).toBe("Design: SFTP"));
    expect(toSchema(store.doc).title).toBe("SFTP");
  });

  it("another tab saved this design: 'This design was changed in another tab' with Load theirs / Keep mine (save as a copy)", async () => {
    const { user, store, conflict } = await conflictWithAnotherTab();
    expect(within(conflict).getByRole("alert").textContent).toBe(
      "This design was changed in another tab",
    );
    expect(status().textContent).toBe("Not saved: choose which version to keep");

    await user.click(within(conflict).getByRole("button", { name: "Keep mine (save as a copy)" }));
    await waitFor(() =>
      expect(screen.getByText("Design:").textContent).toBe("Design: Untitled (my copy)"),
    );
    expect(
      screen.queryByRole("group", { name: "This design was changed in another tab" }),
    ).toBeNull();
    expect(status().textContent).toBe("Saved");
    expect(toSchema(store.doc).properties).toHaveProperty("mine");
  });

  it("'Load theirs' replaces this tab's version with the stored one", async () => {
    const { user, store, conflict } = await conflictWithAnotherTab();
    await user.click(within(conflict).getByRole("button", { name: "Load theirs" }));
    await waitFor(() => expect(toSchema(store.doc).title).toBe("Theirs"));
    expect(status().textContent).toBe("Saved");
  });
});

describe("DesignerApp", () => {
  it("renders without storage (existing callers) and with the DesignsMenu in its header", async () => {
    const store = new DesignerStore(importSchema(structuredClone(BLANK_SCHEMA)));
    const { unmount } = render(<DesignerApp store={store} />);
    expect(screen.queryByRole("button", { name: "Designs" })).toBeNull();
    unmount();
    const autosave = await startAutosave(store, { indexedDB: new IDBFactory(), channel: null });
    started.push(autosave);
    render(<DesignerApp store={store} autosave={autosave} />);
    const header = screen.getByRole("banner");
    expect(within(header).getByRole("button", { name: "Designs" })).toBeTruthy();
  });
});
