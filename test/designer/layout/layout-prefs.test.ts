import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  DEFAULT_PREFS,
  fitSidePanels,
  PANEL_LIMITS,
  type PanelName,
  parsePrefs,
} from "../../../src/designer/layout/layout-prefs.ts";
import { LAYOUT_STORAGE_KEY, LayoutStore } from "../../../src/designer/layout/layout-store.ts";

function memoryStorage(initial?: string) {
  const items = new Map<string, string>();
  if (initial !== undefined) items.set(LAYOUT_STORAGE_KEY, initial);
  return {
    items,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
  };
}

describe("layout prefs", () => {
  it("reads back what it wrote, and defaults when nothing is stored", () => {
    expect(parsePrefs(undefined)).toEqual(DEFAULT_PREFS);
    expect(parsePrefs(JSON.parse(JSON.stringify(DEFAULT_PREFS)))).toEqual(DEFAULT_PREFS);
  });

  it("replaces each unusable part by its default, one field at a time, and clamps sizes", () => {
    const prefs = parsePrefs({
      panels: {
        palette: { size: 99_999, collapsed: "yes" },
        inspector: { size: Number.NaN, collapsed: true },
        preview: "wide",
      },
      sideTab: "preview",
      narrowTab: "nowhere",
      theme: "dark",
      canvasView: 3,
    });
    expect(prefs.panels.palette).toEqual({ size: PANEL_LIMITS.palette.max, collapsed: false });
    expect(prefs.panels.inspector).toEqual({
      size: DEFAULT_PREFS.panels.inspector.size,
      collapsed: true,
    });
    expect(prefs.panels.preview).toEqual(DEFAULT_PREFS.panels.preview);
    expect(prefs.sideTab).toBe("preview");
    expect(prefs.narrowTab).toBe(DEFAULT_PREFS.narrowTab);
    expect(prefs.theme).toBe("dark");
    expect(prefs.canvasView).toBe("design");
  });

  it("never throws, whatever storage held", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (stored) => {
        const prefs = parsePrefs(stored);
        for (const [name, panel] of Object.entries(prefs.panels)) {
          const { min, max } = PANEL_LIMITS[name as PanelName];
          expect(panel.size).toBeGreaterThanOrEqual(min);
          expect(panel.size).toBeLessThanOrEqual(max);
        }
      }),
    );
  });

  it("side panels keep their sizes when they fit, and shrink in proportion (not under their minimum) when not", () => {
    const sizes = { palette: 200, inspector: 300, preview: 320 };
    expect(fitSidePanels(1440, 360, sizes)).toEqual(sizes);
    const fitted = fitSidePanels(1100, 360, sizes);
    const total = fitted.palette! + fitted.inspector! + fitted.preview!;
    expect(total).toBeLessThanOrEqual(1100 - 360);
    expect(total).toBeGreaterThanOrEqual(1100 - 360 - 3);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 4000 }),
        fc.integer({ min: 168, max: 320 }),
        fc.integer({ min: 260, max: 560 }),
        (width, palette, inspector) => {
          const out = fitSidePanels(width, 360, { palette, inspector });
          expect(out.palette).toBeGreaterThanOrEqual(PANEL_LIMITS.palette.min);
          expect(out.palette).toBeLessThanOrEqual(palette);
          expect(out.inspector).toBeGreaterThanOrEqual(PANEL_LIMITS.inspector.min);
          expect(out.inspector).toBeLessThanOrEqual(inspector);
        },
      ),
    );
  });
});

describe("the layout store", () => {
  it("remembers sizes, collapsed panels, tabs and the theme in storage, and reads them back", () => {
    const storage = memoryStorage();
    const store = new LayoutStore(storage);
    store.resize("inspector", 400);
    store.setCollapsed("preview", true);
    store.set("theme", "dark");
    store.set("sideTab", "preview");
    const again = new LayoutStore(storage).get();
    expect(again.panels.inspector).toEqual({ size: 400, collapsed: false });
    expect(again.panels.preview.collapsed).toBe(true);
    expect(again.theme).toBe("dark");
    expect(again.sideTab).toBe("preview");
  });

  it("resizing a collapsed panel brings it back; sizes are clamped", () => {
    const store = new LayoutStore(undefined);
    store.setCollapsed("palette", true);
    store.resize("palette", 10);
    expect(store.get().panels.palette).toEqual({
      size: PANEL_LIMITS.palette.min,
      collapsed: false,
    });
  });

  it("tells its listeners of each change, not of a change to the same value", () => {
    const store = new LayoutStore(undefined);
    let calls = 0;
    store.subscribe(() => calls++);
    store.set("theme", "light");
    store.set("theme", "light");
    store.resize("preview", store.get().panels.preview.size);
    expect(calls).toBe(1);
  });

  it("storage that throws or holds broken JSON only means nothing is remembered", () => {
    const throwing = {
      getItem: () => {
        throw new Error("denied");
      },
      setItem: () => {
        throw new Error("quota");
      },
    };
    const store = new LayoutStore(throwing);
    expect(store.get()).toEqual(DEFAULT_PREFS);
    store.set("theme", "dark");
    expect(store.get().theme).toBe("dark");
    expect(new LayoutStore(memoryStorage("{not json")).get()).toEqual(DEFAULT_PREFS);
  });

  it("stores layout only: nothing of a design or of the preview", () => {
    const storage = memoryStorage();
    const store = new LayoutStore(storage);
    store.resize("inspector", 420);
    const stored = JSON.parse(storage.items.get(LAYOUT_STORAGE_KEY)!);
    expect(Object.keys(stored).sort()).toEqual(
      ["canvasView", "narrowTab", "panels", "sideTab", "theme"].sort(),
    );
  });
});
