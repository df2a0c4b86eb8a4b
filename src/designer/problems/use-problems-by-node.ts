import { createElement, type ReactNode, useMemo } from "react";
import { type ProblemCount, RowProblemsProvider, WINDOW_ROW } from "../canvas/row-problems.tsx";
import type { DesignerStore } from "../store/designer-store.ts";
import type { Problem } from "./problem-targets.ts";
import { type CheckTiming, useDesignProblems } from "./use-design-problems.ts";

const NONE: ReadonlyMap<string, ProblemCount> = new Map();

/**
 * How many of `problems` each canvas row shows, by severity: node id → errors and warnings; the
 * window's own under WINDOW_ROW (its "Window properties" button).
 */
export function countByNode(
  problems: readonly Problem[] | undefined,
): ReadonlyMap<string, ProblemCount> {
  if (!problems || problems.length === 0) return NONE;
  const counts = new Map<string, { errors: number; warnings: number }>();
  for (const { nodeId = WINDOW_ROW, finding } of problems) {
    let count = counts.get(nodeId);
    if (!count) counts.set(nodeId, (count = { errors: 0, warnings: 0 }));
    if (finding.severity === "error") count.errors++;
    else count.warnings++;
  }
  return counts;
}

/**
 * The design check's problems counted per canvas row (node id → errors and warnings), kept live like the
 * problems list: the same check (one run per change of the design, shared with the list), its
 * findings placed on rows by problem-targets.ts. A new map only when a new result arrives.
 */
export function useProblemsByNode(
  store: DesignerStore,
  timing?: CheckTiming,
): ReadonlyMap<string, ProblemCount> {
  const { problems } = useDesignProblems(store, timing);
  return useMemo(() => countByNode(problems), [problems]);
}

/**
 * The problem badges of the canvas rows under it: the shell wraps the canvas in it (the canvas
 * does not import the problems feature; it reads the counts from its RowProblemsContext).
 */
export function CanvasProblems({
  store,
  timing,
  children,
}: {
  store: DesignerStore;
  timing?: CheckTiming;
  children?: ReactNode;
}) {
  return createElement(
    RowProblemsProvider,
    { problems: useProblemsByNode(store, timing) },
    children,
  );
}
