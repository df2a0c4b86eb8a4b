import { displayPointer } from "../../json/pointer.ts";
import { capitalise } from "../../schema/problem-message.ts";
import type { DesignerStore, PendingEdit, PendingEditProblem } from "../store/designer-store.ts";
import { useDesigner } from "../store/use-designer.ts";

/** Typing in the Schema JSON that cannot become the design, with why and where. */
export type PendingEditWithProblem = PendingEdit & { readonly problem: PendingEditProblem };

/**
 * The typing waiting in the Schema JSON view when it cannot be applied (text that does not parse,
 * a schema the importer or the design refuses), or undefined: while it waits, it is one of the
 * design's problems, counted in the list and the header.
 */
export function usePendingEditProblem(store: DesignerStore): PendingEditWithProblem | undefined {
  return useDesigner(store, (state) =>
    state.pendingEdit?.problem ? (state.pendingEdit as PendingEditWithProblem) : undefined,
  );
}

/** A text problem in the list's words: its message, where it is, its fix. */
export function pendingProblemWords(problem: PendingEditProblem): {
  readonly message: string;
  readonly place: string;
  readonly fix: string;
} {
  const pointer = problem.pointer === undefined ? "" : ` (${displayPointer(problem.pointer)})`;
  return {
    message: capitalise(problem.problem),
    place: `Schema JSON, line ${problem.line}, column ${problem.column}${pointer}`,
    fix: capitalise(problem.fix),
  };
}
