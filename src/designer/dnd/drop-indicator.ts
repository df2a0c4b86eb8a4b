import { useCallback, useSyncExternalStore } from "react";
import type { Indicator } from "./drop-target.ts";

/**
 * Where the drop line shows while dragging, and which row is dragged, outside React state: a row
 * subscribes to whether the line is at its edge (or it is the one dragged), so moving the line
 * re-renders two rows, not the canvas.
 */
export class DropIndicatorStore {
  private indicator: Indicator = undefined;
  private draggedId: string | undefined = undefined;
  private readonly listeners = new Set<() => void>();

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };

  get(): Indicator {
    return this.indicator;
  }

  dragged(): string | undefined {
    return this.draggedId;
  }

  setDragged(id: string | undefined): void {
    if (id === this.draggedId) return;
    this.draggedId = id;
    this.notify();
  }

  set(indicator: Indicator): void {
    const current = this.indicator;
    const same =
      current === indicator ||
      (current !== undefined &&
        indicator !== undefined &&
        ("before" in current
          ? "before" in indicator && indicator.before === current.before
          : "end" in indicator && indicator.end === current.end));
    if (same) return;
    this.indicator = indicator;
    this.notify();
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}

/** "before" when the line shows above the row of `id`; "end" when it shows at the end of container `id`. */
export function useDropLine(
  store: DropIndicatorStore | undefined,
  id: string,
): "before" | "end" | undefined {
  const read = useCallback(() => {
    const indicator = store?.get();
    if (!indicator) return undefined;
    if ("before" in indicator) return indicator.before === id ? "before" : undefined;
    return indicator.end === id ? "end" : undefined;
  }, [store, id]);
  return useSyncExternalStore(store?.subscribe ?? noSubscribe, read, read);
}

/** Whether the row of `id` is the one being dragged (it shows faded). */
export function useIsDragged(store: DropIndicatorStore | undefined, id: string): boolean {
  const read = useCallback(() => store?.dragged() === id, [store, id]);
  return useSyncExternalStore(store?.subscribe ?? noSubscribe, read, read);
}

const noSubscribe = () => () => {};
