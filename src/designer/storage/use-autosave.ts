import { useSyncExternalStore } from "react";
import type { Autosave, AutosaveState } from "./autosave.ts";

/** The part of the autosave's state a component shows; it re-renders when that part changes. */
export function useAutosave<T>(autosave: Autosave, pick: (state: AutosaveState) => T): T {
  return useSyncExternalStore(autosave.subscribe, () => pick(autosave.getState()));
}
