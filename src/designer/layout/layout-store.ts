import { useSyncExternalStore } from "react";
import {
  clampSize,
  type LayoutPrefs,
  type PanelName,
  type PanelPrefs,
  parsePrefs,
  type ThemeChoice,
} from "./layout-prefs.ts";

/** The localStorage key of the page's layout (never anything of a design). */
export const LAYOUT_STORAGE_KEY = "credential-designer.layout";

/** Storage as the page uses it; a test passes a Map-backed one, or none. */
export type PrefsStorage = Pick<Storage, "getItem" | "setItem">;

/**
 * The page's layout and theme, outside React like the design's store: panels read it, separators
 * and buttons change it, and every change is written back to storage at once (a few hundred
 * bytes). Storage that throws (private mode, quota, a policy) only means nothing is remembered.
 */
export class LayoutStore {
  private prefs: LayoutPrefs;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly storage: PrefsStorage | undefined) {
    this.prefs = parsePrefs(readJson(storage));
  }

  readonly subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };

  readonly get = (): LayoutPrefs => this.prefs;

  resize(panel: PanelName, size: number): void {
    const current = this.prefs.panels[panel];
    const next = clampSize(panel, size);
    if (next !== current.size || current.collapsed)
      this.setPanel(panel, { size: next, collapsed: false });
  }

  setCollapsed(panel: PanelName, collapsed: boolean): void {
    const current = this.prefs.panels[panel];
    if (current.collapsed !== collapsed) this.setPanel(panel, { ...current, collapsed });
  }

  set<K extends "sideTab" | "narrowTab" | "canvasView" | "theme">(key: K, value: LayoutPrefs[K]) {
    if (this.prefs[key] !== value) this.commit({ ...this.prefs, [key]: value });
  }

  private setPanel(panel: PanelName, prefs: PanelPrefs): void {
    this.commit({ ...this.prefs, panels: { ...this.prefs.panels, [panel]: prefs } });
  }

  private commit(prefs: LayoutPrefs): void {
    this.prefs = prefs;
    try {
      this.storage?.setItem(LAYOUT_STORAGE_KEY, JSON.stringify(prefs));
    } catch {
      // Not remembered this time; the page goes on with the layout in memory.
    }
    for (const listener of this.listeners) listener();
  }
}

function readJson(storage: PrefsStorage | undefined): unknown {
  try {
    const text = storage?.getItem(LAYOUT_STORAGE_KEY);
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}

export function useLayout<T>(store: LayoutStore, select: (prefs: LayoutPrefs) => T): T {
  return useSyncExternalStore(
    store.subscribe,
    () => select(store.get()),
    () => select(store.get()),
  );
}

/** Sets the theme on <html>: tokens.css reads it; "system" leaves the choice to the browser. */
export function applyTheme(theme: ThemeChoice, root: HTMLElement = document.documentElement): void {
  if (theme === "system") delete root.dataset.theme;
  else root.dataset.theme = theme;
}
