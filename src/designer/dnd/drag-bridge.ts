import type { useDraggable } from "@dnd-kit/core";
import type { KeyboardEvent, MouseEvent, TouchEvent } from "react";

/** What a press on a drag source hands to dnd-kit's sensors. */
export interface DragHandlers {
  onMouseDown(event: MouseEvent<HTMLElement>): void;
  onTouchStart(event: TouchEvent<HTMLElement>): void;
  onKeyDown?(event: KeyboardEvent<HTMLElement>): void;
}

/** What a row's handle carries for assistive technology: what it is, and how to drag it. */
export interface HandleAttributes {
  readonly "aria-roledescription": string;
  readonly "aria-describedby": string | undefined;
}

export interface BridgeState {
  /** Drag and drop is mounted: presses on palette items and handles start drags. */
  readonly ready: boolean;
  readonly handleAttributes: HandleAttributes | undefined;
  /** The palette item being dragged, by id. */
  readonly paletteDragged: string | undefined;
}

/** Before drag and drop is there (and where there is none: a canvas rendered on its own). */
export const NO_DRAG: BridgeState = {
  ready: false,
  handleAttributes: undefined,
  paletteDragged: undefined,
};

/**
 * Where the palette and the canvas meet drag and drop, which is mounted after the page's first
 * paint (drag-and-drop.tsx, beside them: see designer-dnd.tsx): the palette and the canvas listen
 * for presses and hand them on through here, once drag and drop is there.
 */
export class DragBridge {
  /** The sensors' handlers for a press on a palette item, or on a row's handle. */
  palette: DragHandlers | undefined;
  rows: DragHandlers | undefined;
  private state: BridgeState = NO_DRAG;
  private readonly listeners = new Set<() => void>();

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };

  readonly getState = (): BridgeState => this.state;

  set(next: Partial<BridgeState>): void {
    const state = { ...this.state, ...next };
    if (
      state.ready === this.state.ready &&
      state.handleAttributes === this.state.handleAttributes &&
      state.paletteDragged === this.state.paletteDragged
    )
      return;
    this.state = state;
    for (const listener of this.listeners) listener();
  }

  /** Handlers that pass a press on to whichever source's handlers are there when it happens. */
  readonly paletteHandlers: DragHandlers = {
    onMouseDown: (event) => this.palette?.onMouseDown(event),
    onTouchStart: (event) => this.palette?.onTouchStart(event),
  };
  readonly rowHandlers: DragHandlers = {
    onMouseDown: (event) => this.rows?.onMouseDown(event),
    onTouchStart: (event) => this.rows?.onTouchStart(event),
    onKeyDown: (event) => this.rows?.onKeyDown?.(event),
  };
}

/** A draggable's sensor listeners, as dnd-kit's `useDraggable` gives them (a type only: no dnd-kit here). */
type SensorListeners = ReturnType<typeof useDraggable>["listeners"];

/**
 * Handlers for an element that stands for many drag sources (the palette, the canvas): a press
 * is handed to the draggable's sensors once `pick` has pointed the draggable at what was pressed
 * (and said yes). `keyboard`: also for keys (Space on a row's handle). A mouse press is handed on
 * only when the mouse moves before it is released (`whenMoved`).
 */
export function pressHandlers(
  pick: (target: EventTarget, container: HTMLElement) => boolean,
  listeners: SensorListeners,
  keyboard: boolean,
): DragHandlers {
  const handOn =
    (name: string) =>
    (event: MouseEvent<HTMLElement> | TouchEvent<HTMLElement> | KeyboardEvent<HTMLElement>) =>
      void (pick(event.target, event.currentTarget) && listeners?.[name]?.(event));
  return {
    onMouseDown: (event) => {
      if (pick(event.target, event.currentTarget))
        whenMoved(event, () => listeners?.onMouseDown?.(event));
    },
    onTouchStart: handOn("onTouchStart"),
    ...(keyboard ? { onKeyDown: handOn("onKeyDown") } : {}),
  };
}

let pendingPress: (() => void) | undefined;

/**
 * Calls `handOn` at the first move of the mouse while it is pressed, and not at all for a plain
 * click. Why: dnd-kit's mouse sensor sets its context's state on every press and again on the
 * release, so each click on a palette item or a row's handle re-rendered drag and drop before
 * the click was handled. The sensor still measures its activation distance from the press, and
 * it also sees the move that hands the press on (its listener, added now on the document, is
 * further along that move's path than this one on the window).
 */
function whenMoved(press: MouseEvent<HTMLElement>, handOn: () => void): void {
  pendingPress?.();
  const view = press.currentTarget.ownerDocument.defaultView ?? window;
  const stop = () => {
    view.removeEventListener("mousemove", moved, true);
    view.removeEventListener("mouseup", stop, true);
    view.removeEventListener("blur", stop);
    if (pendingPress === stop) pendingPress = undefined;
  };
  const moved = () => {
    stop();
    handOn();
  };
  view.addEventListener("mousemove", moved, true);
  view.addEventListener("mouseup", stop, true);
  view.addEventListener("blur", stop);
  pendingPress = stop;
}
