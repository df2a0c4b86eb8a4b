import { memo, type ReactNode } from "react";
import {
  type CommandResult,
  type CredentialDocument,
  duplicateField,
  type FieldNode,
  kindLabel,
  kindOf,
  locate,
  removeBranch,
  removeField,
} from "../../model/index.ts";
import { useDndShared } from "../dnd/drag-data.ts";
import { useDropLine, useIsDragged } from "../dnd/drop-indicator.ts";
import { shownList } from "../dnd/drop-target.ts";
import { useHandleAttributes } from "../dnd/row-drag.ts";
import type { DesignerStore } from "../store/designer-store.ts";
import { useDesigner } from "../store/use-designer.ts";

/**
 * A row's content apart from its handle: memoised on its own, because every row re-renders when a
 * drag starts or moves (dnd-kit's context changes), and at 500 rows that must stay cheap.
 */
export const FieldRowBody = memo(function FieldRowBody({
  store,
  node,
  name,
}: {
  store: DesignerStore;
  node: FieldNode;
  name: string;
}) {
  return (
    <>
      <SelectButton store={store} id={node.id}>
        <span className="cd-row-title">{name}</span>
        <span className="cd-row-key">{node.key}</span>
        <span className="cd-row-kind">{kindLabel(kindOf(node))}</span>
      </SelectButton>
      <button
        type="button"
        className="cd-icon-button"
        aria-label={`Duplicate ${name}`}
        title="Duplicate"
        onClick={() => duplicate(store, node.id)}
      >
        <DuplicateIcon />
      </button>
      <button
        type="button"
        className="cd-icon-button"
        aria-label={`Delete ${name}`}
        title="Delete"
        onClick={() => remove(store, node.id, removeField)}
      >
        ✕
      </button>
    </>
  );
});

export const BranchRowBody = memo(function BranchRowBody({
  store,
  node,
  name,
}: {
  store: DesignerStore;
  node: FieldNode;
  name: string;
}) {
  return (
    <>
      <SelectButton store={store} id={node.id}>
        <span className="cd-row-title">{name}</span>
        <span className="cd-row-kind">Branch</span>
      </SelectButton>
      <button
        type="button"
        className="cd-icon-button"
        aria-label={`Delete ${name}`}
        title="Delete"
        onClick={() => remove(store, node.id, removeBranch)}
      >
        ✕
      </button>
    </>
  );
});

/** Two overlapping squares, drawn (a font may lack the ⧉ character). */
function DuplicateIcon() {
  return (
    <svg
      aria-hidden="true"
      focusable="false"
      width="14"
      height="14"
      viewBox="0 0 14 14"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.5"
    >
      <rect x="1" y="4" width="9" height="9" rx="1" />
      <path d="M4 4V2a1 1 0 0 1 1-1h7a1 1 0 0 1 1 1v7a1 1 0 0 1-1 1h-2" />
    </svg>
  );
}

function SelectButton({
  store,
  id,
  children,
}: {
  store: DesignerStore;
  id: string;
  children: ReactNode;
}) {
  return (
    <button type="button" className="cd-row-select" onClick={() => store.select(id)}>
      {children}
    </button>
  );
}

/**
 * What field and branch rows share: selection, the drop line, the handle. The handle has no
 * listeners of its own: the canvas's one row draggable (dnd/row-drag.ts) listens for presses on
 * handles, and finds the row by its `data-node`.
 */
export function useRow(store: DesignerStore, node: FieldNode, name: string) {
  const selected = useDesigner(store, (state) => state.selected === node.id);
  const shared = useDndShared();
  const line = useDropLine(shared?.indicator, node.id);
  const dragged = useIsDragged(shared?.indicator, node.id);
  const attributes = useHandleAttributes();
  return {
    itemProps: {
      role: "listitem",
      className: `cd-item${selected ? " cd-selected" : ""}${dragged ? " cd-dragging" : ""}`,
      "aria-current": selected ? ("true" as const) : undefined,
      "data-drop": line,
      "data-node": node.id,
    },
    handle: (
      <button
        type="button"
        className="cd-handle"
        {...attributes}
        aria-label={`Move ${name}`}
        title="Drag to move, or press Space and use the arrow keys"
      >
        ⠿
      </button>
    ),
  };
}

function duplicate(store: DesignerStore, id: string): void {
  store.run(
    (doc) => duplicateField(doc, id),
    (doc) => {
      const at = locate(doc, id)?.path.at(-1);
      return at ? at.parent[at.list]?.[at.index + 1]?.id : undefined;
    },
  );
}

/**
 * Removes the field (or branch) and moves focus to a neighbouring row shown (or the container's),
 * so focus is not lost.
 */
function remove(
  store: DesignerStore,
  id: string,
  command: (doc: CredentialDocument, id: string) => CommandResult,
): void {
  const at = locate(store.doc, id)?.path.at(-1);
  const siblings = at ? shownList(store.doc, at.parent, at.list, id) : [];
  const index = siblings.findIndex((sibling) => sibling.id === id);
  const neighbour = at ? (siblings[index + 1] ?? siblings[index - 1] ?? at.parent) : undefined;
  const refused = store.run((doc) => command(doc, id));
  if (refused !== undefined || !neighbour || typeof document === "undefined") return;
  requestAnimationFrame(() => {
    const target = document.querySelector<HTMLElement>(
      `[data-node="${CSS.escape(neighbour.id)}"] .cd-row-select`,
    );
    target?.focus();
  });
}
