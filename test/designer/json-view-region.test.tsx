import { forEachDiagnostic } from "@codemirror/lint";
import { EditorView } from "@codemirror/view";
import { act, cleanup, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { replaceSharedReadClient } from "../../src/designer/import/read-client.ts";
import { SchemaJsonRegion } from "../../src/designer/json-view/schema-json-region.tsx";
import { Tabs } from "../../src/designer/layout/tabs.tsx";
import { DesignerStore } from "../../src/designer/store/designer-store.ts";
import { addField } from "../../src/model/index.ts";
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

const DESIGN = {
  title: "Credentials",
  type: "object",
  properties: { host: { title: "Host", type: "string" } },
};

/** The page's canvas column in short: its Design | JSON tabs over the canvas or the JSON. */
function Harness({ store }: { store: DesignerStore }) {
  const [view, setView] = useState<"design" | "json">("design");
  return (
    <>
      <Tabs
        label="Canvas view"
        selected={view}
        onSelect={setView}
        tabs={[
          { value: "design", label: "Design", controls: "canvas-panel" },
          { value: "json", label: "JSON", controls: "json-panel" },
        ]}
      />
      <div id="canvas-panel" hidden={view !== "design"} />
      <section id="json-panel" aria-label="Schema JSON" hidden={view !== "json"}>
        <SchemaJsonRegion store={store} open={view === "json"} />
      </section>
    </>
  );
}

function setup() {
  const store = new DesignerStore(importSchema(structuredClone(DESIGN)));
  render(<Harness store={store} />);
  return { store, user: userEvent.setup() };
}

const jsonTab = () => screen.getByRole("tab", { name: "JSON" });
const designTab = () => screen.getByRole("tab", { name: "Design" });
const editorContent = () =>
  screen.findByRole("textbox", { name: "Schema JSON" }, { timeout: 5000 });
const viewOf = (content: HTMLElement) => EditorView.findFromDOM(content)!;
const textOf = (content: HTMLElement) => viewOf(content).state.doc.toString();

/** Types over the whole text, as a user would paste a new version. */
function replaceText(content: HTMLElement, text: string) {
  const view = viewOf(content);
  act(() =>
    view.dispatch({
      changes: { from: 0, to: view.state.doc.length, insert: text },
      userEvent: "input.paste",
    }),
  );
}

describe("the Schema JSON region", () => {
  it("loads the editor only when first shown; hidden, it stays mounted", async () => {
    const { user } = setup();
    expect(jsonTab().getAttribute("aria-selected")).toBe("false");
    expect(screen.queryByRole("textbox", { name: "Schema JSON" })).toBeNull();
    await user.click(jsonTab());
    expect(jsonTab().getAttribute("aria-selected")).toBe("true");
    const content = await editorContent();
    expect(textOf(content)).toBe(JSON.stringify(DESIGN, null, 2));
    await user.click(designTab());
    expect(jsonTab().getAttribute("aria-selected")).toBe("false");
    expect(document.getElementById(jsonTab().getAttribute("aria-controls")!)!.hidden).toBe(true);
    expect(content.isConnected).toBe(true);
  });

  it("follows the design when it changes elsewhere", async () => {
    const { store, user } = setup();
    await user.click(jsonTab());
    const content = await editorContent();
    act(
      () =>
        void store.run((doc) =>
          addField(doc, { parent: doc.root.id, kind: "url", key: "baseUrl" }),
        ),
    );
    await waitFor(() => expect(textOf(content)).toBe(JSON.stringify(toSchema(store.doc), null, 2)));
    expect(textOf(content)).toContain('"baseUrl"');
  });

  it("an edit is applied when typing pauses, as one undoable step", async () => {
    const { store, user } = setup();
    await user.click(jsonTab());
    const content = await editorContent();
    replaceText(
      content,
      JSON.stringify(
        { ...DESIGN, properties: { host: { title: "Server", type: "string" } } },
        null,
        2,
      ),
    );
    await waitFor(() => expect((toSchema(store.doc) as any).properties.host.title).toBe("Server"), {
      timeout: 3000,
    });
    expect(store.getState().editor.done.map((entry) => entry.transaction.label)).toEqual([
      "Edit the schema JSON",
    ]);
    act(() => store.undo());
    await waitFor(() => expect(textOf(content)).toBe(JSON.stringify(DESIGN, null, 2)));
  });

  it("broken JSON is reported with its place and the design stays; Discard shows the design again", async () => {
    const { store, user } = setup();
    await user.click(jsonTab());
    const content = await editorContent();
    const before = store.doc;
    replaceText(content, '{\n  "title": "Credentials",\n  "type": "object"\n  "properties": {}\n}');
    const message = await screen.findByText(
      /^4:3: expected ',' or '}' after the value of "type"/,
      undefined,
      { timeout: 3000 },
    );
    expect(message.getAttribute("role")).toBe("status");
    expect(content.getAttribute("aria-describedby")).toBe(message.id);
    expect(store.doc).toBe(before);
    await user.click(screen.getByRole("button", { name: "Discard JSON edits" }));
    expect(textOf(content)).toBe(JSON.stringify(DESIGN, null, 2));
    expect(screen.queryByRole("button", { name: "Discard JSON edits" })).toBeNull();
  });

  it("a secret given a value in the JSON is refused: marked on the value, told with its place, and the design stays", async () => {
    const { store, user } = setup();
    await user.click(jsonTab());
    const content = await editorContent();
    const before = store.doc;
    const text = JSON.stringify(
      {
        ...DESIGN,
        properties: {
          ...DESIGN.properties,
          password: { title: "Password", type: "string", writeOnly: true, default: "hunter2" },
        },
      },
      null,
      2,
    );
    replaceText(content, text);
    const message = await screen.findByText(
      /^\d+:\d+ \(\/properties\/password\/default\): the secret field "password" \(Password\) has a default value/,
      undefined,
      { timeout: 3000 },
    );
    expect(message.textContent).toMatch(
      /Remove "default" from the field "password" \(Password\); describe the expected format in "description" instead\. The design stays as it was until the JSON is right\.$/,
    );
    const marks: Array<{ text: string; severity: string }> = [];
    forEachDiagnostic(
      viewOf(content).state,
      (diagnostic, from, to) =>
        void marks.push({ text: text.slice(from, to), severity: diagnostic.severity }),
    );
    expect(marks).toEqual([{ text: '"hunter2"', severity: "error" }]);
    expect(store.doc).toBe(before);
    expect(store.getState().editor.done).toHaveLength(0);
    // Removing the value applies the text.
    replaceText(content, text.replace(/,\n\s*"default": "hunter2"/, ""));
    await waitFor(
      () =>
        expect((toSchema(store.doc) as any).properties.password).toEqual({
          title: "Password",
          type: "string",
          writeOnly: true,
        }),
      { timeout: 3000 },
    );
  });

  it("a design changed elsewhere while a broken edit waits keeps the edit, says so, and Discard shows the new design", async () => {
    const { store, user } = setup();
    await user.click(jsonTab());
    const content = await editorContent();
    replaceText(content, "{");
    await screen.findByText(/^1:2: the text ends before the JSON is complete/, undefined, {
      timeout: 3000,
    });
    act(
      () =>
        void store.run((doc) =>
          addField(doc, { parent: doc.root.id, kind: "text", key: "region" }),
        ),
    );
    await screen.findByText(/The design has changed elsewhere since you edited this text/);
    expect(textOf(content)).toBe("{");
    await user.click(screen.getByRole("button", { name: "Discard JSON edits" }));
    expect(textOf(content)).toBe(JSON.stringify(toSchema(store.doc), null, 2));
    expect(screen.queryByText(/changed elsewhere/)).toBeNull();
  });
});
