import { readFileSync } from "node:fs";
import { join } from "node:path";
import { act, cleanup, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { replaceSharedReadClient } from "../../src/designer/import/read-client.ts";
import { SchemaImport } from "../../src/designer/import/schema-import.tsx";
import { DesignerStore } from "../../src/designer/store/designer-store.ts";
import { ToastCenter, ToastProvider, Toasts } from "../../src/designer/ui/toasts.tsx";
import { importSchema } from "../../src/schema/import.ts";
import { toSchema } from "../../src/schema/to-schema.ts";
import { inThreadReadClient } from "../support/in-thread-reader.ts";

// The reader worker's own code, run in the test's thread (no workers here).
let restoreReader: () => void = () => {};
beforeEach(() => {
  restoreReader = replaceSharedReadClient(inThreadReadClient());
});
afterEach(() => restoreReader());

afterEach(cleanup);

const BLANK = {
  title: "Credentials",
  type: "object",
  properties: { host: { title: "Host", type: "string" } },
};
// (happy-dom gives import.meta.url an http: URL: the folder is taken from import.meta.dirname)
const template = (name: string) =>
  readFileSync(join(import.meta.dirname, "../../schemas", name), "utf8");

function setup() {
  const store = new DesignerStore(importSchema(structuredClone(BLANK)));
  const center = new ToastCenter();
  render(
    <ToastProvider value={center}>
      <SchemaImport store={store} />
      <Toasts center={center} />
    </ToastProvider>,
  );
  const before = JSON.stringify(toSchema(store.doc));
  const unchanged = () => {
    expect(JSON.stringify(toSchema(store.doc))).toBe(before);
    expect(store.getState().editor.done).toHaveLength(0);
  };
  return { store, user: userEvent.setup(), unchanged };
}

// The two live regions of the toasts: always in the page, empty when there is nothing to say.
const statusRegion = () => screen.getByRole("status");
const alertRegion = () => screen.getByRole("alert");
/** The error toast whose text matches `text`, once it shows (its title holds the whole message). */
const findError = (text: string | RegExp) => within(alertRegion()).findByText(text);
const fileInput = () => screen.getByLabelText<HTMLInputElement>("Schema file to import");
const jsonFile = (name: string, text: string) =>
  new File([text], name, { type: "application/json" });

/** A drop of `files` on the page, as the browser sends it for files dragged in from outside. */
function dropFiles(files: File[]): Event {
  const drop = new Event("drop", { bubbles: true, cancelable: true });
  Object.defineProperty(drop, "dataTransfer", {
    value: { types: ["Files"], files, dropEffect: "none" },
  });
  act(() => void document.body.dispatchEvent(drop));
  return drop;
}

describe("Import…", () => {
  it("is a labelled button; the file input it opens takes .json and .yaml files and stays out of the tab order", async () => {
    const { user } = setup();
    const button = screen.getByRole("button", { name: "Import…" });
    const input = fileInput();
    expect(input.type).toBe("file");
    expect(input.accept).toBe(".json,.yaml,.yml,application/json,application/yaml");
    expect(input.tabIndex).toBe(-1);
    let opened = false;
    input.addEventListener("click", () => (opened = true));
    await user.click(button);
    expect(opened).toBe(true);
  });

  it("a template file replaces the design as one step that undo takes back", async () => {
    const { store, user } = setup();
    const text = template("oauth1.json");
    await user.upload(fileInput(), jsonFile("oauth1.json", text));
    await waitFor(() => expect(`${JSON.stringify(toSchema(store.doc), null, 2)}\n`).toBe(text));
    expect(store.getState().editor.done.map((entry) => entry.transaction.label)).toEqual([
      "Import oauth1.json",
    ]);
    await waitFor(() =>
      expect(statusRegion().textContent).toBe(
        "Imported oauth1.json. Undo puts the design back as it was.",
      ),
    );
    expect(alertRegion().textContent).toBe("");
    act(() => store.undo());
    expect(toSchema(store.doc)).toEqual(BLANK);
    expect(store.getState().editor.done).toHaveLength(0);
    // The note can be dismissed (it also leaves by itself after a few seconds).
    await user.click(
      within(statusRegion()).getByRole("button", {
        name: "Dismiss: Imported oauth1.json. Undo puts the design back as it was.",
      }),
    );
    expect(statusRegion().textContent).toBe("");
  });

  it("a low-code manifest.yaml: its credential window is imported, and the note says which part was read", async () => {
    const { store, user } = setup();
    const text = readFileSync(
      join(import.meta.dirname, "../fixtures/envelopes/source-sentry/manifest.yaml"),
      "utf8",
    );
    await user.upload(fileInput(), new File([text], "manifest.yaml", { type: "application/yaml" }));
    await waitFor(() =>
      expect(statusRegion().textContent).toBe(
        "Imported manifest.yaml (read spec.connection_specification of manifest.yaml). Undo puts the design back as it was.",
      ),
    );
    const schema = toSchema(store.doc);
    expect(Object.keys(schema.properties as object)).toEqual([
      "project",
      "hostname",
      "auth_token",
      "organization",
      "discover_fields",
      "num_workers",
    ]);
    expect(alertRegion().textContent).toBe("");
  });

  it("an Airbyte spec.json: connectionSpecification is imported", async () => {
    const { store, user } = setup();
    const window = { type: "object", title: "API", properties: { key: { type: "string" } } };
    await user.upload(
      fileInput(),
      jsonFile(
        "spec.json",
        JSON.stringify({ documentationUrl: "https://x", connectionSpecification: window }),
      ),
    );
    await waitFor(() => expect(toSchema(store.doc)).toEqual(window));
    expect(statusRegion().textContent).toMatch(
      /^Imported spec\.json \(read connectionSpecification of spec\.json\)\./,
    );
  });

  it("broken YAML: an alert names the file and the line:column in the YAML, and the design is untouched", async () => {
    const { user, unchanged } = setup();
    await user.upload(
      fileInput(),
      new File(
        ["type: object\nproperties:\n  a: {type: string}\n  a: {type: number}\n"],
        "api.yml",
      ),
    );
    const error = await findError(/^api\.yml:4:3: /);
    expect(error.textContent).toMatch(/duplicate key "a" \(first at 3:3\)/);
    unchanged();
  });

  it("hostile YAML (a custom tag) is refused at its place", async () => {
    const { user, unchanged } = setup();
    await user.upload(fileInput(), new File(["type: object\nx: !!js/function 'f'\n"], "evil.yaml"));
    const error = await findError(/^evil\.yaml:2:4: a YAML tag outside the core schema/);
    expect(error).toBeTruthy();
    unchanged();
  });

  it("broken JSON: an alert names the file, the line:column and the reason, and the design is untouched", async () => {
    const { user, unchanged } = setup();
    await user.upload(
      fileInput(),
      jsonFile(
        "rest-adapter.json",
        '{\n  "title": "REST",\n  "type": "object"\n  "properties": {}\n}',
      ),
    );
    const error = await findError(/^rest-adapter\.json:4:3: /);
    expect(error.textContent).toMatch(
      /^rest-adapter\.json:4:3: expected ',' or '}' after the value of "type", found '"'\. Add a comma between the two properties\./,
    );
    expect(alertRegion().textContent).toBe(error.textContent);
    expect(statusRegion().textContent).toBe("");
    unchanged();
    await user.click(
      within(alertRegion()).getByRole("button", { name: `Dismiss: ${error.textContent}` }),
    );
    expect(alertRegion().textContent).toBe("");
  });

  it("a schema of the wrong shape, or with a remote $ref, is refused at its JSON pointer", async () => {
    const { user, unchanged } = setup();
    await user.upload(fileInput(), jsonFile("list.json", '{"type": "array"}'));
    expect((await findError(/^list\.json:/)).textContent).toMatch(
      /^list\.json:\/type: the window's type is "array"/,
    );
    await user.upload(
      fileInput(),
      jsonFile("remote.json", '{"properties": {"a": {"$ref": "https://example.com/a.json"}}}'),
    );
    expect((await findError(/^remote\.json:/)).textContent).toMatch(
      /^remote\.json:\/properties\/a\/\$ref: the \$ref refers to "https:\/\/example\.com\/a\.json" on another server, which is never fetched/,
    );
    expect(statusRegion().textContent).toBe("");
    unchanged();
  });

  it("a secret carrying a value is refused at the keyword's pointer, without quoting it, and the design is untouched", async () => {
    const { user, unchanged } = setup();
    const text = JSON.stringify(
      {
        type: "object",
        properties: {
          apiKey: {
            title: "API key",
            type: "string",
            writeOnly: true,
            examples: ["sk-live-marker"],
          },
        },
      },
      null,
      2,
    );
    await user.upload(fileInput(), jsonFile("api.json", text));
    const error = await findError(/^api\.json:/);
    expect(error.textContent).toMatch(
      /^api\.json:\/properties\/apiKey\/examples: the secret field "apiKey" \(API key\) has example values \("examples"\), which would ship with every connector\. Remove "examples"/,
    );
    expect(document.body.textContent).not.toContain("sk-live-marker");
    unchanged();
  });

  it("a file over the limit (512 KB) is refused before it is read", async () => {
    const { user, unchanged } = setup();
    const huge = jsonFile("huge.json", "{}");
    Object.defineProperty(huge, "size", { value: 2.3 * 1024 * 1024 });
    huge.arrayBuffer = () => Promise.reject(new Error("a file this large must not be read"));
    await user.upload(fileInput(), huge);
    expect((await findError(/^huge\.json:/)).textContent).toMatch(
      /^huge\.json: the file is 2\.3 MB; the designer opens windows up to 512 KB \(the largest real connector window we know is 110 KB\)\. Split it, or use the command line/,
    );
    unchanged();
  });

  it("a file dropped on the page is imported; a drop of two files is refused; drags without files are left alone", async () => {
    const { store, unchanged } = setup();
    const two = dropFiles([jsonFile("a.json", "{}"), jsonFile("b.json", "{}")]);
    expect(two.defaultPrevented).toBe(true);
    expect(await findError("2 files were dropped. Drop one schema file at a time.")).toBeTruthy();
    expect(alertRegion().textContent).toBe("2 files were dropped. Drop one schema file at a time.");
    unchanged();

    const text = template("api-key.json");
    dropFiles([jsonFile("api-key.json", text)]);
    await waitFor(() => expect(`${JSON.stringify(toSchema(store.doc), null, 2)}\n`).toBe(text));
    expect(store.getState().editor.done).toHaveLength(1);
    await waitFor(() =>
      expect(statusRegion().textContent).toBe(
        "Imported api-key.json. Undo puts the design back as it was.",
      ),
    );

    const textDrop = new Event("drop", { bubbles: true, cancelable: true });
    Object.defineProperty(textDrop, "dataTransfer", {
      value: { types: ["text/plain"], files: [] },
    });
    document.body.dispatchEvent(textDrop);
    expect(textDrop.defaultPrevented).toBe(false);
  });

  it("shows where a dragged file will go while it is over the page", () => {
    setup();
    const enter = new Event("dragenter", { bubbles: true });
    Object.defineProperty(enter, "dataTransfer", { value: { types: ["Files"], files: [] } });
    act(() => void document.body.dispatchEvent(enter));
    expect(screen.getByText("Drop the schema file to import it")).toBeTruthy();
    const leave = new Event("dragleave", { bubbles: true });
    Object.defineProperty(leave, "dataTransfer", { value: { types: ["Files"], files: [] } });
    act(() => void document.body.dispatchEvent(leave));
    expect(screen.queryByText("Drop the schema file to import it")).toBeNull();
  });
});
