import {
  createContext,
  type ReactNode,
  useContext,
  useLayoutEffect,
  useState,
  useSyncExternalStore,
} from "react";

/**
 * How many problems the design check reports on each canvas row, by node id and severity. The
 * canvas does not run the check (the problems feature does, and the shell hands its counts down
 * with {@link RowProblemsProvider}): without a provider, no row has a problem.
 *
 * A row subscribes to its own counts, so a new check result re-renders the rows whose counts
 * changed, not all 500 of them.
 */
export interface RowProblems {
  readonly subscribe: (listener: () => void) => () => void;
  readonly count: (id: string) => ProblemCount;
}

/** A row's problems by severity. */
export interface ProblemCount {
  readonly errors: number;
  readonly warnings: number;
}

export const NO_PROBLEM: ProblemCount = Object.freeze({ errors: 0, warnings: 0 });

/** The key of the window's own problems (its "Window properties" button); no node has this id. */
export const WINDOW_ROW = "window";

const NO_PROBLEMS: ReadonlyMap<string, ProblemCount> = new Map();

/** Counts that change: the provider sets them, rows read them. */
class RowProblemCounts implements RowProblems {
  private counts: ReadonlyMap<string, ProblemCount> = NO_PROBLEMS;
  private readonly listeners = new Set<() => void>();

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };

  readonly count = (id: string): ProblemCount => this.counts.get(id) ?? NO_PROBLEM;

  set(counts: ReadonlyMap<string, ProblemCount>): void {
    if (counts === this.counts) return;
    // A row whose counts did not change keeps the same object, so it does not render again.
    const kept = new Map<string, ProblemCount>();
    for (const [id, count] of counts) {
      const before = this.counts.get(id);
      kept.set(
        id,
        before && before.errors === count.errors && before.warnings === count.warnings
          ? before
          : count,
      );
    }
    this.counts = kept;
    for (const listener of this.listeners) listener();
  }
}

/** The default: no row has a problem (an empty map that never changes). */
export const RowProblemsContext = createContext<RowProblems>(new RowProblemCounts());

/** Gives the canvas rows under it their problem counts (node id → errors and warnings). */
export function RowProblemsProvider({
  problems,
  children,
}: {
  problems: ReadonlyMap<string, ProblemCount>;
  children?: ReactNode;
}) {
  const [counts] = useState(() => new RowProblemCounts());
  // Before paint: a new result shows in the same frame as the render that brought it.
  useLayoutEffect(() => counts.set(problems), [counts, problems]);
  return <RowProblemsContext.Provider value={counts}>{children}</RowProblemsContext.Provider>;
}

/** The problems on the row of node `id` by severity (none when no provider). */
export function useRowProblemCount(id: string): ProblemCount {
  const source = useContext(RowProblemsContext);
  return useSyncExternalStore(source.subscribe, () => source.count(id));
}
