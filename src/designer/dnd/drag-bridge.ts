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
 * (and said yes). `keyboard`: also for keys (Space on a row's handle).
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
    onMouseDown: handOn("onMouseDown"),
    onTouchStart: handOn("onTouchStart"),
    ...(keyboard ? { onKeyDown: handOn("onKeyDown") } : {}),
  };
}
