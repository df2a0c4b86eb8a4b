import type { CredentialDocument } from "../../model/index.ts";
import { locate } from "../../model/index.ts";
import { shownList } from "../dnd/drop-target.ts";
import type { DesignerState } from "../store/designer-store.ts";

/**
 * The canvas's one tab stop (roving tabindex, WAI-ARIA APG tree view): the selected row; when it
 * is inside a folded group, choice or branch, the outermost folded one (the row that shows); a
 * branch's discriminator (not a row) gives its branch; with nothing selected, the first row.
 * Undefined when the window has no field (no row at all).
 */
export function tabStopOf(
  doc: CredentialDocument,
  selected: string | undefined,
  collapsed: ReadonlySet<string>,
): string | undefined {
  const located = selected === undefined ? undefined : locate(doc, selected);
  const at = located?.path.at(-1);
  if (located && at) {
    for (const step of located.path) if (collapsed.has(step.parent.id)) return step.parent.id;
    const shown = shownList(doc, at.parent, at.list).some((node) => node.id === located.node.id);
    return shown ? located.node.id : at.parent.id;
  }
  return shownList(doc, doc.root, "fields")[0]?.id;
}

const stops = new WeakMap<DesignerState, string | undefined>();

/** {@link tabStopOf} the state, worked out once per state: every row asks whether it is the one. */
export function tabStop(state: DesignerState): string | undefined {
  if (stops.has(state)) return stops.get(state);
  const stop = tabStopOf(state.editor.doc, state.selected, state.collapsed);
  stops.set(state, stop);
  return stop;
}
