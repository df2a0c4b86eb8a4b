import { act, cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { IDBFactory } from "fake-indexeddb";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { inFile } from "../../src/cli/errors.ts";
import { Canvas } from "../../src/designer/canvas/canvas.tsx";
import { CompareWith } from "../../src/designer/compare/compare-with.tsx";
import { DesignerDnd } from "../../src/designer/dnd/designer-dnd.tsx";
import { replaceSharedReadClient } from "../../src/designer/import/read-client.ts";
import type { Autosave } from "../../src/designer/storage/autosave.ts";
import { startAutosave } from "../../src/designer/storage/start-autosave.ts";
import { DesignerStore } from "../../src/designer/store/designer-store.ts";
import type { JsonObject } from "../../src/json/value.ts";
import { type FieldNode, updateField } from "../../src/model/index.ts";
import { importSchema } from "../../src/schema/import.ts";
import { parseJsonText } from "../../src/schema/parse-json.ts";
import { inThreadReadClient } from "../support/in-thread-reader.ts";

// The reader worker's own code, run in the test's thread (no workers here).
let restoreReader: () => void = () => {};
let reader = inThreadReadClient();
beforeEach(() => {
  reader = inThreadReadClient();
  restoreReader = replaceSharedReadClient(reader);
});
afterEach(() => restoreReader());

/**
 * "Compare with…" in the designer: the changes from a saved design or a file (old) to the open
 * design (new), as `credential-designer diff` lists them; choosing one selects its field.
 */

let started: Autosave[] = [];
afterEach(() => {
  cleanup();
  for (const autosave of started) {
    autosave.dispose();
    autosave.library?.close();
  }
  started = [];
});

/** The earlier version: what the files and saved designs below hold. */
const OLD: JsonObject = {
  type: "object",
  properties: {
    host: { type: "string", title: "Host" },
    token: { type: "string", title: "Token", writeOnly: true, default: "s3cr3t-default" },
    port: { type: "integer", title: "Port", maximum: 65535 },
    legacy: { type: "string", title: "Legacy" },
    account: {
      type: "object",
      title: "Account",
      properties: { user: { type: "string", title: "User" } },
    },
  },
  additionalProperties: false,
};

/** The open design: host required, token no longer secret, port looser, legacy removed, a title changed. */
function newVersion(): JsonObject {
  const next = structuredClone(OLD) as {
    properties: Record<string, Record<string, unknown>>;
  } & JsonObject;
  next.required = ["host"];
  delete next.properties.token!.writeOnly;
  next.properties.port!.maximum = 70000;
  delete next.properties.legacy;
  (next.properties.account!.properties as Record<string, Record<string, unknown>>).user!.title =
    "User name";
  return next;
}

/** The canvas and the Compare button over one store, as in the page's header. */
function setup(design: JsonObject = newVersion(), autosave?: Autosave) {
  const store = new DesignerStore(importSchema(structuredClone(design)));
  render(
    <>
      <header>
        <CompareWith store={store} autosave={autosave} />
      </header>
      <DesignerDnd store={store}>
        <Canvas store={store} />
      </DesignerDnd>
    </>,
  );
  return { store, user: userEvent.setup() };
}

const dialog = () => screen.getByRole("dialog", { name: "Compare with…" });
const changes = () => within(dialog()).getByRole("region", { name: "Changes" });
const byKey = (root: FieldNode, ...keys: string[]): FieldNode =>
  keys.reduce((node, key) => node.fields!.find((field) => field.key === key)!, root);

async function openDialog(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByRole("button", { name: "Compare with…" }));
  // The dialog's content (and src/diff) load on the first opening.
  await within(dialog()).findByRole("button", { name: "A file…" }, { timeout: 5000 });
}

/** Picks a file in the dialog's file input, as the "A file…" button's picker would. */
async function pickFile(name: string, text: string) {
  const input = within(dialog()).getByLabelText("Schema file to compare with") as HTMLInputElement;
  const file = new File([text], name, { type: "application/json" });
  await act(async () => {
    fireEvent.change(input, { target: { files: [file] } });
    // file.arrayBuffer() first, then the reader's answer
    await new Promise((resolve) => setTimeout(resolve));
    await reader.settled();
  });
}

/** Each listed change's text: a button's name, or the removed thing's plain text. */
const listed = () =>
  within(changes())
    .getAllByRole("listitem")
    .map((item) => {
      const shown = item.querySelector(".cd-change-show, .cd-change-text")!;
      return `${shown.tagName === "BUTTON" ? "[button] " : "[text] "}${shown.textContent}`;
    });

describe("Compare with…: the changes from another version to this design", () => {
  it("lists the changes from a file in document order, with counts per class, old → new, and no secret's value", async () => {
    const { user } = setup();
    await openDialog(user);
    expect((dialog() as HTMLDialogElement).open).toBe(true);
    // The old version has a secret with a default: read (not refused, as Import would), as `diff` reads it.
    await pickFile("v1.json", JSON.stringify(OLD, null, 2));
    await within(dialog()).findByRole("heading", { name: "Changes from «v1.json» to this design" });
    expect(
      within(changes()).getByText("5 changes: 2 breaking, 1 exposing, 2 compatible."),
    ).toBeTruthy();
    expect(listed()).toEqual([
      '[button] Breaking: The field "host" (Host) became required and has no default: saved credentials without it no longer validate. — Host',
      '[button] Exposing: The field "token" (Token) is no longer secret ("writeOnly" removed): forms show its saved value in clear text, and it may be read back and logged. — Token',
      '[button] Compatible: The field "port" (Port) may now be at most 70000 (was at most 65535). — Port',
      '[text] Breaking: The field "legacy" (Legacy) was removed, and the credentials object does not accept keys it does not list: saved credentials that have it no longer validate.',
      '[button] Compatible: The "title" of the field "user" (User name) changed from "User" to "User name". — Account › User name',
    ]);
    // Short values beside their change, as its description.
    const port = within(changes()).getByRole("button", { name: /"port"/ });
    expect(document.getElementById(port.getAttribute("aria-describedby")!)!.textContent).toBe(
      "65535 → 70000",
    );
    expect(dialog().textContent).not.toContain("s3cr3t-default");
  });

  it("choosing a change closes the dialog, selects its field and focuses its canvas row; reopening compares again", async () => {
    const { store, user } = setup();
    await openDialog(user);
    await pickFile("v1.json", JSON.stringify(OLD));
    // The pointer of "became required" is into the window's `required` list: it stands for the field.
    await user.click(
      await within(changes()).findByRole("button", { name: /^Breaking: The field "host"/ }),
    );
    const host = byKey(store.doc.root, "host");
    expect(store.getState().selected).toBe(host.id);
    expect(screen.queryByRole("dialog")).toBeNull();
    const row = document.querySelector(`li[data-node="${host.id}"] > .cd-row`)!;
    expect(row.getAttribute("aria-selected")).toBe("true");
    expect(document.activeElement).toBe(row);

    // A nested field, with the keyboard.
    await openDialog(user);
    within(changes())
      .getByRole("button", { name: /^Compatible: The "title" of the field "user"/ })
      .focus();
    await user.keyboard("{Enter}");
    expect(store.getState().selected).toBe(byKey(store.doc.root, "account", "user").id);

    // The file is kept; the design as it is now is compared with it.
    act(
      () =>
        void store.run((doc) =>
          updateField(doc, byKey(doc.root, "port").id, { set: { maximum: 65535 } }),
        ),
    );
    await openDialog(user);
    expect(
      within(changes()).getByText("4 changes: 2 breaking, 1 exposing, 1 compatible."),
    ).toBeTruthy();
    // Closing returns the focus to the button.
    await user.click(within(dialog()).getByRole("button", { name: "Close" }));
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "Compare with…" }));
  });

  it("says so when nothing changed", async () => {
    const { user } = setup(OLD);
    await openDialog(user);
    await pickFile("same.json", JSON.stringify(OLD));
    await within(dialog()).findByRole("heading", {
      name: "Changes from «same.json» to this design",
    });
    expect(changes().textContent).toBe("No changes.");
    expect(within(changes()).queryAllByRole("listitem")).toEqual([]);
  });

  it("a broken file shows the CLI's message (file:line:column, what, how to fix) and compares nothing", async () => {
    const { user } = setup();
    await openDialog(user);
    const text = '{\n  "type": "object",\n  "properties": {}\n  "required": []\n}\n';
    let cli = "";
    try {
      parseJsonText(text);
    } catch (error) {
      cli = inFile("broken.json", error).message; // as `credential-designer diff broken.json …` words it
    }
    expect(cli).toMatch(/^broken\.json:4:3: /);
    await pickFile("broken.json", text);
    const alert = await within(dialog()).findByRole("alert");
    expect(alert.textContent).toBe(cli);
    expect(within(dialog()).queryByRole("region", { name: "Changes" })).toBeNull();

    // A file that is JSON but not a schema the importer reads: its JSON pointer.
    await pickFile("list.json", "[1, 2]");
    await waitFor(() =>
      expect(within(dialog()).getByRole("alert").textContent).toMatch(/^list\.json:\/: /),
    );
  });

  it("offers the saved designs other than the open one, and compares with the one chosen", async () => {
    const indexedDB = new IDBFactory();
    const opening = new DesignerStore(importSchema(newVersion()));
    const autosave = await startAutosave(opening, { indexedDB, channel: null, delayMs: 5 });
    started.push(autosave);
    await autosave.library!.create("Version 1", OLD);
    const { user } = setup(newVersion(), autosave);
    await openDialog(user);
    const saved = await within(dialog()).findByRole("list", { name: "Saved designs" });
    expect(
      within(saved)
        .getAllByRole("button")
        .map((button) => button.textContent),
    ).toEqual(["Version 1"]);
    await user.click(within(saved).getByRole("button", { name: "Version 1" }));
    const heading = await within(dialog()).findByRole("heading", {
      name: "Changes from «Version 1» to this design",
    });
    expect(document.activeElement).toBe(heading);
    expect(
      within(changes()).getByText("5 changes: 2 breaking, 1 exposing, 2 compatible."),
    ).toBeTruthy();
  });

  it("without storage, offers a file only", async () => {
    const { user } = setup();
    await openDialog(user);
    expect(within(dialog()).queryByRole("list", { name: "Saved designs" })).toBeNull();
    expect(
      within(dialog())
        .getAllByRole("button")
        .map((button) => button.textContent),
    ).toEqual(["A file…", "Close"]);
  });
});
