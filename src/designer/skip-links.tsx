import type { MouseEvent } from "react";
import { flushSync } from "react-dom";
import type { LayoutStore } from "./layout/layout-store.ts";
import type { LayoutMode } from "./layout/use-layout-mode.ts";
import "./skip-links.css";

type Target = "canvas" | "palette" | "inspector" | "preview";

const LINKS: readonly (readonly [Target, string, string])[] = [
  ["canvas", "#panel-canvas", "Skip to canvas"],
  ["palette", "#panel-palette", "Skip to palette"],
  ["inspector", "#panel-inspector", "Skip to inspector"],
  ["preview", "#panel-preview", "Skip to preview"],
];

/**
 * The page's first tab stops, shown when focused: links past the header to the canvas (its
 * focused row), the palette (its item), the inspector and the preview (their content: the next
 * Tab reaches their first control). A panel hidden behind a tab or collapsed is shown first.
 */
export function SkipLinks({ layout, mode }: { layout: LayoutStore; mode: LayoutMode }) {
  const go = (event: MouseEvent<HTMLAnchorElement>, target: Target) => {
    event.preventDefault();
    flushSync(() => reveal(layout, mode, target));
    focusTarget(target);
  };
  return (
    <div className="cd-skip-links">
      {LINKS.map(([target, href, text]) => (
        <a key={target} href={href} onClick={(event) => go(event, target)}>
          {text}
        </a>
      ))}
    </div>
  );
}

function reveal(layout: LayoutStore, mode: LayoutMode, target: Target): void {
  if (target === "canvas") {
    layout.set("canvasView", "design");
    if (mode === "narrow") layout.set("narrowTab", "design");
  } else if (target === "inspector" || target === "preview") {
    if (mode === "wide") layout.setCollapsed(target, false);
    else if (mode === "medium") layout.set("sideTab", target);
    else layout.set("narrowTab", target);
  }
}

function focusTarget(target: Target): void {
  const element =
    target === "canvas"
      ? (document.querySelector<HTMLElement>('#panel-canvas [role="treeitem"][tabindex="0"]') ??
        document.querySelector<HTMLElement>("#panel-canvas .cd-window-select"))
      : target === "palette"
        ? document.querySelector<HTMLElement>('#panel-palette [role="toolbar"] [tabindex="0"]')
        : document.getElementById(`panel-${target}-body`);
  if (!element) return;
  // A panel's content is no tab stop of its own: focus lands on it once, from here.
  if (!element.hasAttribute("tabindex")) element.tabIndex = -1;
  element.focus();
}
