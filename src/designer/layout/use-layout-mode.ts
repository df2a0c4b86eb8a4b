import { useSyncExternalStore } from "react";

/**
 * The page's arrangement for the window's width:
 * - wide (≥ 1280 px): palette, canvas, inspector and preview side by side;
 * - medium (768–1279 px): the palette as an icon rail; inspector and preview share a column as tabs;
 * - narrow (< 768 px): the rail and one column, with Design, Inspector and Preview as tabs.
 */
export type LayoutMode = "wide" | "medium" | "narrow";

const WIDE = "(min-width: 1280px)";
const MEDIUM = "(min-width: 768px)";

function currentMode(): LayoutMode {
  if (typeof matchMedia !== "function") return "wide";
  if (matchMedia(WIDE).matches) return "wide";
  return matchMedia(MEDIUM).matches ? "medium" : "narrow";
}

function subscribe(listener: () => void): () => void {
  if (typeof matchMedia !== "function") return () => {};
  const queries = [matchMedia(WIDE), matchMedia(MEDIUM)];
  for (const query of queries) query.addEventListener("change", listener);
  return () => {
    for (const query of queries) query.removeEventListener("change", listener);
  };
}

export function useLayoutMode(): LayoutMode {
  return useSyncExternalStore(subscribe, currentMode, () => "wide");
}

/** Whether a media query matches now; follows it as the window changes. */
export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (listener) => {
      if (typeof matchMedia !== "function") return () => {};
      const list = matchMedia(query);
      list.addEventListener("change", listener);
      return () => list.removeEventListener("change", listener);
    },
    () => typeof matchMedia === "function" && matchMedia(query).matches,
    () => true,
  );
}
