import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { replaceSharedReadClient } from "../../src/designer/import/read-client.ts";
import {
  JsonEditorController,
  PENDING_EDIT_LABEL,
} from "../../src/designer/json-view/json-editor-controller.ts";
import { schemaText } from "../../src/designer/json-view/schema-text.ts";
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

/**
 * The JSON editor's controller over a store, without React: the editor keeps no undo history of
 * its own (its keys and the browser's Undo run the design's), and typing not applied yet is the
 * store's pending edit, which Undo drops first and whose problem the page lists.
 */

const DESIGN = {
  title: "Credentials",
  type: "object",
  properties: { host: { title: "Host", type: "string" } },
};

const controllers: JsonEditorController[] = [];
afterEach(() => {
  for (const controller of controllers.splice(0)) controller.destroy();
  document.body.replaceChildren();
});

/** A controller over a new store; `delay` is the pause after typing before the text is read. */
function setup(delay: number) {
  const store = new DesignerStore(importSchema(structuredClone(DESIGN)));
  const parent = document.body.appendChild(document.createElement("div"));
  const controller = new JsonEditorController({ parent, store, onReport: () => {}, delay });
  controllers.push(controller);
  return { store, controller, view: controller.view };
}

type View = JsonEditorController["view"];

const typeText = (view: View, text: string) =>
  view.dispatch({
    changes: { from: 0, to: view.state.doc.length, insert: text },
    userEvent: "input.paste",
  });
const textOf = (view: View) => view.state.doc.toString();
const steps = (store: DesignerStore) => store.getState().editor.done.length;

/** Presses a key in the editor's content, as the keyboard does. */
function press(view: View, key: string, modifiers: KeyboardEventInit = {}): KeyboardEvent {
  const event = new KeyboardEvent("keydown", {
    key,
    bubbles: true,
    cancelable: true,
    ...modifiers,
  });
  view.contentDOM.dispatchEvent(event);
  return event;
}

const until = async (condition: () => boolean) => {
  for (let tries = 0; !condition(); tries++) {
    if (tries > 200) throw new Error("the condition never held");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

const withTitle = (title: string) =>
  JSON.stringify({ ...DESIGN, properties: { host: { title, type: "string" } } }, null, 2);

describe("JsonEditorController: one history with the design", () => {
  it("typing that waits is the store's pending edit: Undo drops it and adds no step, Redo waits for it", () => {
    const { store, view } = setup(60_000);
    const shown = textOf(view);
    typeText(view, withTitle("Server"));
    const pending = store.getState().pendingEdit;
    expect(pending).toMatchObject({ label: PENDING_EDIT_LABEL, problem: undefined });
    expect(store.canUndo).toBe(true);
    expect(store.canRedo).toBe(false);
    // More typing keeps the same pending edit (the toolbar does not re-render per key).
    typeText(view, withTitle("Server 2"));
    expect(store.getState().pendingEdit).toBe(pending);

    store.undo();
    expect(textOf(view)).toBe(shown);
    expect(store.getState().pendingEdit).toBeUndefined();
    expect(steps(store)).toBe(0);
    expect(store.canUndo).toBe(false);
  });

  it("Ctrl/Cmd+Z, Ctrl/Cmd+Shift+Z and Ctrl+Y in the editor are the design's undo and redo", async () => {
    const { store, view } = setup(0);
    typeText(view, withTitle("Server"));
    await until(() => steps(store) === 1);
    expect(store.getState().pendingEdit).toBeUndefined();
    expect((toSchema(store.doc) as any).properties.host.title).toBe("Server");

    const undoKey = press(view, "z", { ctrlKey: true });
    expect(undoKey.defaultPrevented).toBe(true);
    expect(steps(store)).toBe(0);
    expect((toSchema(store.doc) as any).properties.host.title).toBe("Host");
    await until(() => textOf(view) === schemaText(store.doc));
    // The text shown again is the design, not typing: it waits for nothing.
    expect(store.getState().pendingEdit).toBeUndefined();

    press(view, "Z", { metaKey: true, shiftKey: true });
    expect(steps(store)).toBe(1);
    press(view, "z", { metaKey: true });
    expect(steps(store)).toBe(0);
    press(view, "y", { ctrlKey: true });
    expect(steps(store)).toBe(1);
    expect((toSchema(store.doc) as any).properties.host.title).toBe("Server");
    // Other keys are the editor's.
    expect(press(view, "a", { ctrlKey: true }).defaultPrevented).toBe(true);
    expect(steps(store)).toBe(1);
  });

  it("the browser's own Undo and Redo (its menus) run the design's too", () => {
    const { store, view } = setup(60_000);
    store.run((doc) => addField(doc, { parent: doc.root.id, kind: "url", key: "baseUrl" }));
    const undo = new InputEvent("beforeinput", {
      inputType: "historyUndo",
      bubbles: true,
      cancelable: true,
    });
    view.contentDOM.dispatchEvent(undo);
    expect(undo.defaultPrevented).toBe(true);
    expect(steps(store)).toBe(0);
    view.contentDOM.dispatchEvent(
      new InputEvent("beforeinput", { inputType: "historyRedo", bubbles: true, cancelable: true }),
    );
    expect(steps(store)).toBe(1);
  });

  it("text that cannot be applied carries its problem in the pending edit; reveal puts the cursor there, once shown", async () => {
    const { store, controller, view } = setup(0);
    const text = '{\n  "title": "Credentials",\n  "type": "object"\n  "properties": {}\n}';
    typeText(view, text);
    await until(() => store.getState().pendingEdit?.problem !== undefined);
    const pending = store.getState().pendingEdit!;
    expect(pending.problem).toMatchObject({ line: 4, column: 3 });
    expect(pending.problem!.problem).toMatch(/^expected ',' or '}' after the value of "type"/);
    expect(steps(store)).toBe(0);

    // happy-dom fires selectionchange inside CodeMirror's update when a focused editor moves its
    // selection (browsers fire it later): the focus is counted here, and seen in the e2e test.
    let focused = 0;
    view.focus = () => void focused++;
    controller.setVisible(false);
    view.dispatch({ selection: { anchor: 0 } });
    pending.reveal();
    expect(view.state.selection.main.head).toBe(0);
    expect(focused).toBe(0);
    controller.setVisible(true);
    expect(view.state.selection.main.head).toBe(text.indexOf('"properties"'));
    expect(focused).toBe(1);

    // Fixed, it applies: the pending edit and its problem are gone.
    typeText(view, text.replace('"object"\n', '"object",\n'));
    await until(() => steps(store) === 1);
    expect(store.getState().pendingEdit).toBeUndefined();
  });

  it("a refused text is pending until discarded; destroying the editor drops its pending edit", async () => {
    const { store, controller, view } = setup(0);
    typeText(view, "[]");
    await until(() => store.getState().pendingEdit?.problem !== undefined);
    controller.revert();
    expect(store.getState().pendingEdit).toBeUndefined();
    expect(textOf(view)).toBe(schemaText(store.doc));
    typeText(view, "{");
    await until(() => store.getState().pendingEdit?.problem !== undefined);
    controller.destroy();
    controllers.splice(0);
    expect(store.getState().pendingEdit).toBeUndefined();
    expect(store.canUndo).toBe(false);
  });
});

describe("JsonEditorController: YAML and envelopes pasted into the JSON view", () => {
  function setupReporting(delay: number) {
    const store = new DesignerStore(importSchema(structuredClone(DESIGN)));
    const parent = document.body.appendChild(document.createElement("div"));
    const reports: Array<{ problem: unknown; notice?: string }> = [];
    const controller = new JsonEditorController({
      parent,
      store,
      onReport: (report) => reports.push(report),
      delay,
    });
    controllers.push(controller);
    return { store, view: controller.view, reports };
  }

  it("pasted YAML becomes the design, and the view shows it as JSON, saying so", async () => {
    const { store, view, reports } = setupReporting(5);
    typeText(
      view,
      "title: Credentials\ntype: object\nproperties:\n  port: {title: Port, type: integer}\n",
    );
    await until(() => textOf(view).startsWith("{"));
    const expected = {
      title: "Credentials",
      type: "object",
      properties: { port: { title: "Port", type: "integer" } },
    };
    expect(toSchema(store.doc)).toEqual(expected);
    expect(textOf(view)).toBe(schemaText(store.doc));
    expect(steps(store)).toBe(1);
    expect(reports.at(-1)).toMatchObject({
      problem: undefined,
      notice: "Read YAML. The view shows the design as JSON.",
    });
    expect(store.getState().pendingEdit).toBeUndefined();
  });

  it("a pasted spec.json envelope: its connectionSpecification becomes the design", async () => {
    const { store, view, reports } = setupReporting(5);
    const window = { title: "API", type: "object", properties: { key: { type: "string" } } };
    typeText(
      view,
      JSON.stringify({ documentationUrl: "https://x", connectionSpecification: window }, null, 2),
    );
    await until(() => JSON.stringify(toSchema(store.doc)) === JSON.stringify(window));
    await until(() => textOf(view) === schemaText(store.doc));
    expect(reports.at(-1)?.notice).toBe(
      "Read connectionSpecification of the Airbyte spec. The view shows the design as JSON.",
    );
  });

  it("a problem in pasted YAML is marked in the YAML text, at its line:column", async () => {
    const { store, view, reports } = setupReporting(5);
    const yaml = "type: object\nproperties:\n  port:\n    type: port\n";
    typeText(view, yaml);
    await until(() => reports.at(-1)?.problem !== undefined);
    const problem = reports.at(-1)?.problem as { line: number; column: number; pointer: string };
    expect(problem).toMatchObject({ line: 4, column: 5, pointer: "/properties/port/type" });
    // The text stays as typed; the design stays as it was.
    expect(textOf(view)).toBe(yaml);
    expect(toSchema(store.doc)).toEqual(DESIGN);
  });
});
