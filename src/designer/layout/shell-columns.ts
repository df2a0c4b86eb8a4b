import { fitSidePanels, type LayoutPrefs, type PanelName } from "./layout-prefs.ts";
import type { LayoutMode } from "./use-layout-mode.ts";

/** The canvas column's least width beside the side panels (they shrink first). */
export const CANVAS_MIN = 360;
/** Widths of the palette's icon rail and of a hidden side panel's strip. */
export const RAIL = 52;
export const STRIP = 40;

/**
 * The page's columns for a window `width` wide: the CSS grid-template-columns, and the width
 * each shown side panel gets (the user's, shrunk to fit beside a canvas of CANVAS_MIN).
 * Wide: palette (or its rail), canvas, inspector, preview; medium: rail, canvas, the column of
 * tabs; narrow: rail, one column.
 */
export function shellColumns(
  mode: LayoutMode,
  prefs: LayoutPrefs,
  width: number,
): { columns: string; sizes: Partial<Record<PanelName, number>> } {
  const { palette, inspector, preview, side } = prefs.panels;
  if (mode === "narrow") return { columns: `${RAIL}px minmax(0, 1fr)`, sizes: {} };
  if (mode === "medium") {
    const sizes = fitSidePanels(width - RAIL, CANVAS_MIN, { side: side.size });
    return { columns: `${RAIL}px minmax(0, 1fr) ${sizes.side}px`, sizes };
  }
  const sizes = fitSidePanels(width - (palette.collapsed ? RAIL : 0), CANVAS_MIN, {
    ...(palette.collapsed ? {} : { palette: palette.size }),
    ...(inspector.collapsed ? {} : { inspector: inspector.size }),
    ...(preview.collapsed ? {} : { preview: preview.size }),
  });
  const columns = [
    palette.collapsed ? `${RAIL}px` : `${sizes.palette}px`,
    "minmax(0, 1fr)",
    inspector.collapsed ? `${STRIP}px` : `${sizes.inspector}px`,
    preview.collapsed ? `${STRIP}px` : `${sizes.preview}px`,
  ].join(" ");
  return { columns, sizes };
}
