import {
  type BranchRename,
  renameBranch,
  renameDiscriminator,
  updateField,
} from "../../model/index.ts";
import type { DesignerStore } from "../store/designer-store.ts";
import type { Edit } from "./field-properties.ts";

/**
 * Runs an inspector edit as one core command (one undo step). Returns why it was not applied:
 * the edit's own refusal (not a number, min above max, unsafe pattern) or the core's (key taken…).
 */
export function applyEdit(store: DesignerStore, id: string, edit: Edit): string | undefined {
  if (!edit.ok) return edit.reason;
  return shownHere(
    store,
    store.run((doc) => updateField(doc, id, edit.update)),
  );
}

export function applyBranchRename(
  store: DesignerStore,
  id: string,
  rename: BranchRename,
): string | undefined {
  return shownHere(
    store,
    store.run((doc) => renameBranch(doc, id, rename)),
  );
}

/** Renames a choice's discriminator in all its branches, as one step. */
export function applyDiscriminatorRename(
  store: DesignerStore,
  choiceId: string,
  key: string,
): string | undefined {
  return shownHere(
    store,
    store.run((doc) => renameDiscriminator(doc, choiceId, key)),
  );
}

/** The inspector shows a refusal next to its control, so the page-wide one (for drops) is cleared. */
function shownHere(store: DesignerStore, reason: string | undefined): string | undefined {
  if (reason !== undefined) store.dismissRefusal();
  return reason;
}
