import { describe, expect, it } from "vitest";
import { type HistoryKeyPress, historyKey } from "../../src/designer/store/history-keys.ts";

const press = (key: string, modifiers: Partial<HistoryKeyPress> = {}): HistoryKeyPress => ({
  key,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...modifiers,
});

describe("historyKey: the design's undo and redo keys, the same on the page and in the JSON editor", () => {
  it("Ctrl+Z and ⌘Z undo; with Shift they redo, as Ctrl+Y does", () => {
    expect(historyKey(press("z", { ctrlKey: true }))).toBe("undo");
    expect(historyKey(press("z", { metaKey: true }))).toBe("undo");
    expect(historyKey(press("Z", { ctrlKey: true, shiftKey: true }))).toBe("redo");
    expect(historyKey(press("z", { metaKey: true, shiftKey: true }))).toBe("redo");
    expect(historyKey(press("y", { ctrlKey: true }))).toBe("redo");
    expect(historyKey(press("Y", { ctrlKey: true }))).toBe("redo");
  });

  it("anything else is not a history key", () => {
    expect(historyKey(press("z"))).toBeUndefined();
    expect(historyKey(press("z", { shiftKey: true }))).toBeUndefined();
    expect(historyKey(press("z", { ctrlKey: true, altKey: true }))).toBeUndefined();
    expect(historyKey(press("y", { metaKey: true }))).toBeUndefined();
    expect(historyKey(press("y", { ctrlKey: true, shiftKey: true }))).toBeUndefined();
    expect(historyKey(press("a", { ctrlKey: true }))).toBeUndefined();
    // While an input method composes, the keys are its own.
    expect(historyKey(press("z", { ctrlKey: true, isComposing: true }))).toBeUndefined();
  });
});
