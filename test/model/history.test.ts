import { describe, expect, it } from "vitest";
import {
  addField,
  canRedo,
  canUndo,
  createEditorState,
  dispatch,
  type EditorState,
  HISTORY_LIMIT,
  moveField,
  redo,
  removeField,
  undo,
} from "../../src/model/index.ts";
import { idOf, sampleDocument, toSchema } from "./support.ts";

function must(result: ReturnType<typeof dispatch>): EditorState {
  if (!result.ok) throw new Error(result.reason);
  return result.state;
}

describe("history", () => {
  it("undoes and redoes a sequence of changes, one step each", () => {
    const start = createEditorState(sampleDocument());
    let state = must(
      dispatch(
        start,
        addField(start.doc, { parent: start.doc.root.id, kind: "secret", key: "apiKey" }),
      ),
    );
    const afterAdd = state.doc;
    state = must(
      dispatch(
        state,
        moveField(state.doc, idOf(state.doc, "apiKey"), {
          parent: idOf(state.doc, "settings"),
          index: 0,
        }),
      ),
    );
    const afterMove = state.doc;
    state = must(dispatch(state, removeField(state.doc, idOf(state.doc, "baseUrl"))));
    expect(canUndo(state)).toBe(true);
    expect(canRedo(state)).toBe(false);

    state = undo(state);
    expect(state.doc).toEqual(afterMove);
    state = undo(state);
    expect(state.doc).toEqual(afterAdd);
    state = undo(state);
    expect(state.doc).toEqual(start.doc);
    expect(canUndo(state)).toBe(false);
    expect(undo(state)).toBe(state);

    state = redo(redo(state));
    expect(state.doc).toEqual(afterMove);
    expect(canRedo(state)).toBe(true);
  });

  it("a new change after undo drops the redo branch", () => {
    const start = createEditorState(sampleDocument());
    let state = must(dispatch(start, removeField(start.doc, idOf(start.doc, "tags"))));
    state = undo(state);
    state = must(dispatch(state, removeField(state.doc, idOf(state.doc, "host"))));
    expect(canRedo(state)).toBe(false);
    expect(Object.keys((toSchema(state.doc) as any).properties)).toEqual([
      "baseUrl",
      "settings",
      "auth",
      "tags",
    ]);
  });

  it("a refused command leaves state and history untouched; an empty one adds no step", () => {
    const start = createEditorState(sampleDocument());
    const refused = dispatch(
      start,
      addField(start.doc, { parent: start.doc.root.id, kind: "text", key: "baseUrl" }),
    );
    expect(refused.ok).toBe(false);
    const same = must(
      dispatch(
        start,
        moveField(start.doc, idOf(start.doc, "baseUrl"), { parent: start.doc.root.id, index: 0 }),
      ),
    );
    expect(same).toBe(start);
  });

  it(`keeps the last ${HISTORY_LIMIT} changes`, () => {
    let state = createEditorState(sampleDocument());
    for (let i = 0; i < HISTORY_LIMIT + 5; i++)
      state = must(
        dispatch(state, addField(state.doc, { parent: state.doc.root.id, kind: "text" })),
      );
    expect(state.done.length).toBe(HISTORY_LIMIT);
    for (let i = 0; i < HISTORY_LIMIT; i++) state = undo(state);
    expect(state.doc.root.fields!.length).toBe(5 + 5);
  });
});
