import { useSyncExternalStore } from "react";
import type { DesignerState, DesignerStore } from "./designer-store.ts";

/** The part of the designer's state a component shows; it re-renders when that part changes. */
export function useDesigner<T>(store: DesignerStore, pick: (state: DesignerState) => T): T {
  return useSyncExternalStore(store.subscribe, () => pick(store.getState()));
}
