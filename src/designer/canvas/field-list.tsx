import { useDroppable } from "@dnd-kit/core";
import { SortableContext, type SortingStrategy } from "@dnd-kit/sortable";
import { memo, useMemo } from "react";
import { discriminatorKey, type FieldNode } from "../../model/index.ts";
import type { DesignerStore } from "../designer-store.ts";
import { endZoneId, useDndShared, type DragData } from "../dnd/drag-data.ts";
import { useDropLine } from "../dnd/drop-indicator.ts";
import { shownFields } from "../dnd/drop-target.ts";
import { placeName } from "../dnd/names.ts";
import { BranchRow, FieldRow } from "./field-row.tsx";

/** Rows stay where they are while dragging: the drop line shows where the drop goes. */
const stayInPlace: SortingStrategy = () => null;

interface FieldListProps {
  store: DesignerStore;
  container: FieldNode;
  path: string;
  /** For a branch's fields: its choice's discriminator key, whose field (with a `const`) is not shown. */
  discriminator?: string | undefined;
}

/**
 * The fields of the window, a group or a branch, as a sortable list with a drop zone at its end.
 * A branch's discriminator is not a row: the inspector edits the branch's value.
 */
export const FieldList = memo(function FieldList({ store, container, path, discriminator }: FieldListProps) {
  const all = container.fields;
  const fields = useMemo(() => shownFields(all ?? [], discriminator), [all, discriminator]);
  const ids = useMemo(() => fields.map((field) => field.id), [fields]);
  return (
    <div className="cd-list">
      <SortableContext id={`fields:${container.id}`} items={ids} strategy={stayInPlace}>
        {fields.length > 0 && (
          <ul role="list" aria-label={`Fields of ${placeName(path)}`} className="cd-rows">
            {fields.map((field) => (
              <FieldRow key={field.id} store={store} node={field} path={path} />
            ))}
          </ul>
        )}
      </SortableContext>
      <EndZone parent={container.id} empty={fields.length === 0} path={path} />
    </div>
  );
});

/** The branches of a choice, sortable among themselves. */
export const BranchList = memo(function BranchList({ store, choice, path }: { store: DesignerStore; choice: FieldNode; path: string }) {
  const branches = choice.branches ?? [];
  const ids = useMemo(() => branches.map((branch) => branch.id), [branches]);
  const discriminator = discriminatorKey(choice);
  const line = useDropLine(useDndShared()?.indicator, choice.id);
  return (
    <div className="cd-list">
      <SortableContext id={`branches:${choice.id}`} items={ids} strategy={stayInPlace}>
        <ul role="list" aria-label={`Branches of ${placeName(path)}`} className="cd-rows">
          {branches.map((branch) => (
            <BranchRow key={branch.id} store={store} node={branch} path={path} discriminator={discriminator} />
          ))}
        </ul>
      </SortableContext>
      <div className="cd-end" data-drop={line === "end" ? "end" : undefined} aria-hidden="true" />
    </div>
  );
});

/** Where a drop lands at the end of a container: a "Drop fields here" box when it is empty. */
function EndZone({ parent, empty, path }: { parent: string; empty: boolean; path: string }) {
  const data = useMemo<DragData>(() => ({ type: "end", parent }), [parent]);
  const { setNodeRef } = useDroppable({ id: endZoneId(parent), data });
  const line = useDropLine(useDndShared()?.indicator, parent);
  if (empty) {
    return (
      <ul role="list" aria-label={`Fields of ${placeName(path)}`} className="cd-rows">
        <li className="cd-empty" ref={setNodeRef} data-drop={line === "end" ? "into" : undefined}>
          Drop fields here
        </li>
      </ul>
    );
  }
  return <div className="cd-end" ref={setNodeRef} data-drop={line === "end" ? "end" : undefined} aria-hidden="true" />;
}
