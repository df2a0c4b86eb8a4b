import { cleanup, fireEvent, render } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { type DragHandlers, pressHandlers } from "../../src/designer/dnd/drag-bridge.ts";

/** A palette-like list whose presses go through `handlers`, as the palette's and the canvas's do. */
function renderSource(handlers: DragHandlers) {
  return render(
    <div data-testid="source" {...handlers}>
      <button type="button" data-item="text">
        Text
      </button>
      <span data-testid="elsewhere">not a source</span>
    </div>,
  );
}

const onItem = (target: EventTarget) =>
  target instanceof Element && target.closest("[data-item]") !== null;

afterEach(cleanup);

describe("pressHandlers: what a press hands to dnd-kit's sensors", () => {
  it("a plain click never reaches the mouse sensor", () => {
    const onMouseDown = vi.fn();
    const view = renderSource(pressHandlers(onItem, { onMouseDown }, false));
    const button = view.getByRole("button", { name: "Text" });
    fireEvent.mouseDown(button, { clientX: 10, clientY: 10 });
    fireEvent.mouseUp(button, { clientX: 10, clientY: 10 });
    fireEvent.click(button);
    fireEvent.mouseMove(button, { clientX: 40, clientY: 10 }); // after the release: no drag
    expect(onMouseDown).not.toHaveBeenCalled();
  });

  it("a press that moves reaches it once, with the press itself (where it started), at the first move", () => {
    const onMouseDown = vi.fn((event: { clientX: number; clientY: number }) => [
      event.clientX,
      event.clientY,
    ]);
    const view = renderSource(pressHandlers(onItem, { onMouseDown }, false));
    const button = view.getByRole("button", { name: "Text" });
    fireEvent.mouseDown(button, { clientX: 10, clientY: 12 });
    expect(onMouseDown).not.toHaveBeenCalled();
    fireEvent.mouseMove(button, { clientX: 11, clientY: 12 });
    fireEvent.mouseMove(button, { clientX: 30, clientY: 12 });
    expect(onMouseDown).toHaveBeenCalledTimes(1);
    expect(onMouseDown.mock.results[0]?.value).toEqual([10, 12]);
  });

  it("a press outside the sources, or a second press before a move, hands nothing stale on", () => {
    const onMouseDown = vi.fn();
    const view = renderSource(pressHandlers(onItem, { onMouseDown }, false));
    fireEvent.mouseDown(view.getByTestId("elsewhere"));
    fireEvent.mouseMove(view.getByTestId("elsewhere"), { clientX: 50 });
    expect(onMouseDown).not.toHaveBeenCalled();

    const button = view.getByRole("button", { name: "Text" });
    fireEvent.mouseDown(button, { clientX: 1 });
    fireEvent.mouseDown(button, { clientX: 2 });
    fireEvent.mouseMove(button, { clientX: 20 });
    expect(onMouseDown).toHaveBeenCalledTimes(1);
    expect(onMouseDown.mock.calls[0]?.[0].clientX).toBe(2);
  });

  it("keys are handed on at once (Space on a row's handle starts a keyboard drag)", () => {
    const onKeyDown = vi.fn();
    const view = renderSource(pressHandlers(onItem, { onKeyDown }, true));
    fireEvent.keyDown(view.getByRole("button", { name: "Text" }), { key: " ", code: "Space" });
    expect(onKeyDown).toHaveBeenCalledTimes(1);
  });
});
