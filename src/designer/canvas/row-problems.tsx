import {
  createContext,
  type ReactNode,
  useContext,
  useLayoutEffect,
  useState,
  useSyncExternalStore,
} from "react";

/**
 * How many problems the design check reports on each canvas row, by node id. The canvas does not
 * run the check (the problems feature does, and the shell hands its counts down with
 * {@link RowProblemsProvider}): without a provider, no row has a problem.
 *
 * A row subscribes to its own count, so a new check result re-renders the rows whose count
 * changed, not all 500 of them.
 */
export interface RowProblems {
  readonly subscribe: (listener: () => void) => () => void;
  readonly count: (id: string) => number;
}

const NO_PROBLEMS: ReadonlyMap<string, number> = new Map();

/** Counts that change: the provider sets them, rows read them. */
class RowProblemCounts implements RowProblems {
  private counts: ReadonlyMap<string, number> = NO_PROBLEMS;
  private readonly listeners = new Set<() => void>();

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };

  readonly count = (id: string): number => this.counts.get(id) ?? 0;

  set(counts: ReadonlyMap<string, number>): void {
    if (counts === this.counts) return;
    this.counts = counts;
    for (const listener of this.listeners) listener();
  }
}

/** The default: no row has a problem (an empty map that never changes). */
export const RowProblemsContext = createContext<RowProblems>(new RowProblemCounts());

/** Gives the canvas rows under it their problem counts (node id → number of problems). */
export function RowProblemsProvider({
  problems,
  children,
}: {
  problems: ReadonlyMap<string, number>;
  children?: ReactNode;
}) {
  const [counts] = useState(() => new RowProblemCounts());
  // Before paint: a new result shows in the same frame as the render that brought it.
  useLayoutEffect(() => counts.set(problems), [counts, problems]);
  return <RowProblemsContext.Provider value={counts}>{children}</RowProblemsContext.Provider>;
}

/** The number of problems on the row of node `id` (0 when none, or when no provider). */
export function useRowProblemCount(id: string): number {
  const source = useContext(RowProblemsContext);
  return useSyncExternalStore(source.subscribe, () => source.count(id));
}
