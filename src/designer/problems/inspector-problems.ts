import { createElement, type ReactNode } from "react";
import { InspectorFindingsContext } from "../inspector/finding-notes.tsx";
import type { DesignerStore } from "../store/designer-store.ts";
import type { Problem } from "./problem-targets.ts";
import { type CheckTiming, useDesignProblems } from "./use-design-problems.ts";

const NONE: readonly Problem[] = [];

/**
 * The findings the inspector shows next to its controls: the shell wraps the inspector in it (the
 * inspector does not import the problems feature; it reads them from its
 * InspectorFindingsContext). The same check as the list's and the rows' (one run per change).
 */
export function InspectorProblems({
  store,
  timing,
  children,
}: {
  store: DesignerStore;
  timing?: CheckTiming;
  children?: ReactNode;
}) {
  const { problems } = useDesignProblems(store, timing);
  return createElement(InspectorFindingsContext.Provider, { value: problems ?? NONE }, children);
}
