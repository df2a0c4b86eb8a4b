import { type CredentialDocument, locate } from "../../model/index.ts";
import { type Drop, shownList } from "./drop-target.ts";
import { containerPath, placeName } from "./names.ts";

/**
 * What the screen reader hears during a drag, as plain functions of the document: the dragged
 * thing's name and the place it would go, e.g. "Password is over position 2 of 3 in Basic."
 */

export function whereText(doc: CredentialDocument, drop: Drop): string {
  return `position ${drop.position + 1} of ${drop.size} in ${placeName(containerPath(doc, drop.parent))}`;
}

export function pickedUpText(
  doc: CredentialDocument,
  name: string,
  id: string | undefined,
): string {
  const at = id === undefined ? undefined : locate(doc, id)?.path.at(-1);
  if (!at) return `Picked up ${name}.`;
  // Positions count the rows shown (a branch's discriminator is not one).
  const rows = shownList(doc, at.parent, at.list, id);
  const position = rows.findIndex((node) => node.id === id);
  return `Picked up ${name}. Over position ${position + 1} of ${rows.length} in ${placeName(containerPath(doc, at.parent.id))}.`;
}

export function overText(doc: CredentialDocument, name: string, drop: Drop | undefined): string {
  if (!drop) return `${name} is not over a place it can go.`;
  if (drop.unchanged) return `${name} is over its own place, ${whereText(doc, drop)}.`;
  return `${name} is over ${whereText(doc, drop)}.`;
}

/** After the drop: `doc` is the document the drop was computed on (before the change). */
export function droppedText(
  doc: CredentialDocument,
  name: string,
  isNew: boolean,
  drop: Drop | undefined,
  refusal: string | undefined,
): string {
  if (!drop)
    return isNew
      ? `${name} was dropped outside the design: nothing was added.`
      : `${name} was dropped where it cannot go: nothing moved.`;
  if (refusal !== undefined) return `${name} was not ${isNew ? "added" : "moved"}: ${refusal}.`;
  if (drop.unchanged) return `${name} was dropped where it was.`;
  const place = placeName(containerPath(doc, drop.parent));
  return isNew
    ? `${name} added at position ${drop.position + 1} in ${place}.`
    : `${name} moved to position ${drop.position + 1} in ${place}.`;
}

export function cancelledText(name: string): string {
  return `Moving ${name} was cancelled.`;
}
