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
import {
  CANVAS_MIN,
  RAIL,
  STRIP,
  shellColumns,
} from "../../../src/designer/layout/shell-columns.ts";

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

describe("the shell's columns", () => {
  const prefs = DEFAULT_PREFS;
  it("wide: palette, canvas, inspector, preview at their sizes when they fit", () => {
    expect(shellColumns("wide", prefs, 1440)).toEqual({
      columns: "200px minmax(0, 1fr) 300px 320px",
      sizes: { palette: 200, inspector: 300, preview: 320 },
    });
  });

  it("wide and narrow for the sizes: the side panels shrink, the canvas keeps its least width", () => {
    const wider = {
      ...prefs,
      panels: {
        ...prefs.panels,
        inspector: { size: 560, collapsed: false },
        preview: { size: 640, collapsed: false },
      },
    };
    const { sizes } = shellColumns("wide", wider, 1280);
    expect(sizes.palette! + sizes.inspector! + sizes.preview!).toBeLessThanOrEqual(
      1280 - CANVAS_MIN,
    );
  });

  it("a hidden palette is a rail, hidden side panels are strips", () => {
    const hidden = {
      ...prefs,
      panels: {
        ...prefs.panels,
        palette: { size: 200, collapsed: true },
        inspector: { size: 300, collapsed: true },
        preview: { size: 320, collapsed: true },
      },
    };
    expect(shellColumns("wide", hidden, 1440).columns).toBe(
      `${RAIL}px minmax(0, 1fr) ${STRIP}px ${STRIP}px`,
    );
  });

  it("medium: rail, canvas and the column of tabs; narrow: rail and one column", () => {
    expect(shellColumns("medium", prefs, 1024).columns).toBe(`${RAIL}px minmax(0, 1fr) 360px`);
    expect(shellColumns("medium", prefs, 760).sizes.side).toBe(760 - RAIL - CANVAS_MIN);
    expect(shellColumns("medium", prefs, 700).sizes.side).toBe(PANEL_LIMITS.side.min);
    expect(shellColumns("narrow", prefs, 390).columns).toBe(`${RAIL}px minmax(0, 1fr)`);
  });
});
