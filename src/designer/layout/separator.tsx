import { type KeyboardEvent, type PointerEvent, useRef } from "react";
import { PANEL_LIMITS, type PanelName } from "./layout-prefs.ts";
import type { LayoutStore } from "./layout-store.ts";

const STEP = 16;
const BIG_STEP = 64;

/**
 * A window splitter (WAI-ARIA APG): drag it, or focus it and press the arrow keys (Shift for
 * bigger steps), Home and End for the panel's smallest and largest size, Enter to collapse or
 * bring back the panel; a double click restores the default size. Its value is the panel's size in
 * pixels. `grows` says which way of moving the separator makes the panel larger.
 */
export function Separator({
  layout,
  panel,
  label,
  controls,
  size,
  collapsed,
  orientation,
  grows,
  collapsible = true,
}: {
  layout: LayoutStore;
  panel: PanelName;
  label: string;
  /** Id of the panel's element. */
  controls: string;
  /** The size the panel has on screen (the stored one may not fit the window). */
  size: number;
  collapsed: boolean;
  /** "vertical": a line between columns, moved left and right; "horizontal": between rows. */
  orientation: "vertical" | "horizontal";
  grows: "forward" | "backward";
  /** Whether Enter hides and brings back the panel (the medium window's tab column cannot hide). */
  collapsible?: boolean;
}) {
  const drag = useRef<{ start: number; size: number } | undefined>(undefined);
  const { min, max, initial } = PANEL_LIMITS[panel];
  const sign = grows === "forward" ? 1 : -1;
  const along = (event: { clientX: number; clientY: number }) =>
    orientation === "vertical" ? event.clientX : event.clientY;

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return;
    event.preventDefault();
    event.currentTarget.setPointerCapture(event.pointerId);
    event.currentTarget.focus();
    drag.current = { start: along(event), size: collapsed ? min : size };
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    const from = drag.current;
    if (from) layout.resize(panel, from.size + sign * (along(event) - from.start));
  };
  const endDrag = () => void (drag.current = undefined);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = event.shiftKey ? BIG_STEP : STEP;
    const [back, forward] =
      orientation === "vertical" ? ["ArrowLeft", "ArrowRight"] : ["ArrowUp", "ArrowDown"];
    let next: number | undefined;
    if (event.key === forward) next = size + sign * step;
    else if (event.key === back) next = size - sign * step;
    else if (event.key === "Home") next = min;
    else if (event.key === "End") next = max;
    else if (event.key === "Enter" && collapsible) {
      layout.setCollapsed(panel, !collapsed);
      event.preventDefault();
      return;
    } else return;
    event.preventDefault();
    layout.resize(panel, next);
  };

  return (
    <div
      role="separator"
      tabIndex={0}
      aria-label={label}
      aria-controls={controls}
      aria-orientation={orientation}
      aria-valuenow={collapsed ? 0 : Math.round(size)}
      aria-valuemin={min}
      aria-valuemax={max}
      aria-valuetext={collapsed ? "collapsed" : `${Math.round(size)} pixels`}
      title={
        collapsible
          ? "Drag to resize; Enter hides or shows the panel; double-click for the default size"
          : "Drag to resize; double-click for the default size"
      }
      className={`cd-separator cd-separator-${orientation}`}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={endDrag}
      onPointerCancel={endDrag}
      onLostPointerCapture={endDrag}
      onDoubleClick={() => layout.resize(panel, initial)}
      onKeyDown={onKeyDown}
    />
  );
}
