import { memo, useMemo } from "react";
import { discriminatorKey, type FieldNode } from "../../model/index.ts";
import { useDndShared } from "../dnd/drag-data.ts";
import { useDropLine } from "../dnd/drop-indicator.ts";
import { shownFields } from "../dnd/drop-target.ts";
import { joinPath, nodeName, placeName } from "../dnd/names.ts";
import type { DesignerStore } from "../store/designer-store.ts";
import { BranchRowBody, FieldRowBody, useRow } from "./field-row.tsx";

interface FieldListProps {
  store: DesignerStore;
  container: FieldNode;
  path: string;
  /** For a branch's fields: its choice's discriminator key, whose field (with a `const`) is not shown. */
  discriminator?: string | undefined;
}

/**
 * The fields of the window, a group or a branch, as a list with a drop zone at its end (marked
 * for dnd/canvas-geometry.ts: `.cd-list`, rows `li[data-node]`, the end `[data-end]`). Rows stay
 * where they are while dragging: the drop line shows where the drop goes. A branch's
 * discriminator is not a row: the inspector edits the branch's value.
 */
export const FieldList = memo(function FieldList({
  store,
  container,
  path,
  discriminator,
}: FieldListProps) {
  const all = container.fields;
  const fields = useMemo(() => shownFields(all ?? [], discriminator), [all, discriminator]);
  return (
    <div className="cd-list">
      {fields.length > 0 && (
        <ul role="list" aria-label={`Fields of ${placeName(path)}`} className="cd-rows">
          {fields.map((field) => (
            <FieldRow key={field.id} store={store} node={field} path={path} />
          ))}
        </ul>
      )}
      <EndZone parent={container.id} empty={fields.length === 0} path={path} />
    </div>
  );
});

/** The branches of a choice, reordered among themselves (their list has no end zone for fields). */
export const BranchList = memo(function BranchList({
  store,
  choice,
  path,
}: {
  store: DesignerStore;
  choice: FieldNode;
  path: string;
}) {
  const branches = choice.branches ?? [];
  const discriminator = discriminatorKey(choice);
  const line = useDropLine(useDndShared()?.indicator, choice.id);
  return (
    <div className="cd-list">
      <ul role="list" aria-label={`Branches of ${placeName(path)}`} className="cd-rows">
        {branches.map((branch) => (
          <BranchRow
            key={branch.id}
            store={store}
            node={branch}
            path={path}
            discriminator={discriminator}
          />
        ))}
      </ul>
      <div className="cd-end" data-drop={line === "end" ? "end" : undefined} aria-hidden="true" />
    </div>
  );
});

/** Where a drop lands at the end of a container: a "Drop fields here" box when it is empty. */
function EndZone({ parent, empty, path }: { parent: string; empty: boolean; path: string }) {
  const line = useDropLine(useDndShared()?.indicator, parent);
  if (empty) {
    return (
      <ul role="list" aria-label={`Fields of ${placeName(path)}`} className="cd-rows">
        <li className="cd-empty" data-end={parent} data-drop={line === "end" ? "into" : undefined}>
          Drop fields here
        </li>
      </ul>
    );
  }
  return (
    <div
      className="cd-end"
      data-end={parent}
      data-drop={line === "end" ? "end" : undefined}
      aria-hidden="true"
    />
  );
}

interface RowProps {
  store: DesignerStore;
  node: FieldNode;
  /** The path of the container the row is in ("" for the window). */
  path: string;
}

/** A field's row: drag handle, what it is, duplicate and delete; a group or choice nests its children. */
export const FieldRow = memo(function FieldRow({ store, node, path }: RowProps) {
  const name = nodeName(node);
  const row = useRow(store, node, name);
  const own = joinPath(path, name);
  return (
    <li {...row.itemProps}>
      <div className="cd-row">
        {row.handle}
        <FieldRowBody store={store} node={node} name={name} />
      </div>
      {node.fields && <FieldList store={store} container={node} path={own} />}
      {node.branches && <BranchList store={store} choice={node} path={own} />}
    </li>
  );
});

/**
 * A branch of a choice: reordered among its choice's branches, deleted (not the last one: the core
 * refuses, and the canvas shows why); its fields nested under it, without its discriminator.
 */
export const BranchRow = memo(function BranchRow({
  store,
  node,
  path,
  discriminator,
}: RowProps & { discriminator: string }) {
  const name = nodeName(node);
  const row = useRow(store, node, name);
  return (
    <li {...row.itemProps}>
      <div className="cd-row cd-branch">
        {row.handle}
        <BranchRowBody store={store} node={node} name={name} />
      </div>
      <FieldList
        store={store}
        container={node}
        path={joinPath(path, name)}
        discriminator={discriminator}
      />
    </li>
  );
});
