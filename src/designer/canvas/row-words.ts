import { type CredentialDocument, locate } from "../../model/index.ts";
import { shownList } from "../dnd/drop-target.ts";
import { containerPath, nodeName, placeName } from "../dnd/names.ts";

/**
 * What a screen reader hears after a shortcut on a row changed the design where the focus does
 * not say it (the focus stays on a moved row; a removed one is gone), in the words of the drag's
 * announcements: "Region moved to position 3 of 5 in the window."
 */

/** Where the row of `id` is now, among the rows shown of its list. */
export function movedText(doc: CredentialDocument, id: string): string {
  const located = locate(doc, id);
  const at = located?.path.at(-1);
  if (!located || !at) return "";
  const rows = shownList(doc, at.parent, at.list, id);
  const position = rows.findIndex((row) => row.id === id) + 1;
  const place = placeName(containerPath(doc, at.parent.id));
  return `${nodeName(located.node)} moved to position ${position} of ${rows.length} in ${place}.`;
}

/** Why Alt+Up or Alt+Down moved nothing: the row is already at that end of its list. */
export function atEndText(doc: CredentialDocument, id: string, step: -1 | 1): string {
  const located = locate(doc, id);
  const at = located?.path.at(-1);
  if (!located || !at) return "";
  const place = placeName(containerPath(doc, at.parent.id));
  return `${nodeName(located.node)} is already ${step < 0 ? "first" : "last"} in ${place}.`;
}

export function removedText(name: string): string {
  return `${name} removed.`;
}
