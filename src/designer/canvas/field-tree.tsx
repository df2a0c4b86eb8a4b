import { type CSSProperties, memo, type ReactNode, useMemo } from "react";
import { branchValue, discriminatorKey, type FieldNode, requiredKeys } from "../../model/index.ts";
import { useDndShared } from "../dnd/drag-data.ts";
import { useDropLine } from "../dnd/drop-indicator.ts";
import { shownFields } from "../dnd/drop-target.ts";
import { joinPath, nodeName, placeName } from "../dnd/names.ts";
import type { DesignerStore } from "../store/designer-store.ts";
import { BranchRowBody, CollapseToggle, FieldRowBody, ToggleSpacer, useRow } from "./field-row.tsx";
import { ROW_HEIGHT, type RowWindow, useRowWindow } from "./row-window.ts";

interface FieldListProps {
  store: DesignerStore;
  container: FieldNode;
  path: string;
  /** How deep the list's rows are: 0 for the window's fields. Rows indent by it (CSS `--cd-depth`). */
  depth: number;
  /** For a branch's fields: its choice's discriminator key, whose field (with a `const`) is not shown. */
  discriminator?: string | undefined;
  /** Where the list starts, px below the top of the window's list (row-window.ts; 0 for it). */
  offset: number;
}

/**
 * The rows of a list, each rendered, or, in a windowed canvas (row-window.ts), only those near
 * the band shown or pinned, with a spacer as high as each run of the others. `row(node, i, top)`
 * renders the row of `nodes[i]`, whose top is `top`.
 */
function windowedRows(
  nodes: readonly FieldNode[],
  window: RowWindow | undefined,
  offset: number,
  height: (node: FieldNode) => number,
  row: (node: FieldNode, index: number, top: number) => ReactNode,
): ReactNode[] {
  if (!window) return nodes.map((node, index) => row(node, index, 0));
  const items: ReactNode[] = [];
  let top = offset;
  let gap = 0;
  let gapKey = "";
  const flush = () => {
    if (gap > 0) items.push(<Spacer key={`gap-${gapKey}`} height={gap} />);
    gap = 0;
  };
  nodes.forEach((node, index) => {
    const h = height(node);
    if ((top < window.bottom && top + h > window.top) || window.pinned.has(node.id)) {
      flush();
      items.push(row(node, index, top));
    } else {
      if (gap === 0) gapKey = node.id;
      gap += h;
    }
    top += h;
  });
  flush();
  return items;
}

/** Where rows are not rendered (row-window.ts): as high as they would be, and nothing to read. */
function Spacer({ height }: { height: number }) {
  return <li role="none" aria-hidden="true" className="cd-spacer" style={{ height }} />;
}

/** The depth of a list's rows, for the canvas's CSS (rows span the canvas's width; their content indents). */
const depthStyle = (depth: number) => ({ "--cd-depth": depth }) as CSSProperties;

/** The id of the canvas's hidden text that says how its keys work (the tree's description). */
export const TREE_KEYS_ID = "cd-canvas-keys";

/**
 * The fields of the window, a group or a branch, as a list with a drop zone at its end (marked
 * for dnd/canvas-geometry.ts: `.cd-list`, rows `li[data-node]`, the end `[data-end]`). Rows stay
 * where they are while dragging: the drop line shows where the drop goes. A branch's
 * discriminator is not a row: the inspector edits the branch's value. The window's rows are a
 * tree (WAI-ARIA APG tree view), each nested list a group of it.
 */
export const FieldList = memo(function FieldList({
  store,
  container,
  path,
  depth,
  discriminator,
  offset,
}: FieldListProps) {
  const all = container.fields;
  const fields = useMemo(() => shownFields(all ?? [], discriminator), [all, discriminator]);
  const required = useMemo(() => new Set(requiredKeys(container)), [container]);
  const window = useRowWindow();
  return (
    <div className="cd-list" style={depthStyle(depth)}>
      {fields.length > 0 && (
        <ul
          role={depth === 0 ? "tree" : "group"}
          aria-label={`Fields of ${placeName(path)}`}
          aria-describedby={depth === 0 ? TREE_KEYS_ID : undefined}
          className="cd-rows"
        >
          {windowedRows(
            fields,
            window,
            offset,
            (field) => window?.heights.row(field) ?? 0,
            (field, index, top) => (
              <FieldRow
                key={field.id}
                store={store}
                node={field}
                path={path}
                depth={depth}
                required={required.has(field.key)}
                position={index + 1}
                count={fields.length}
                offset={top + ROW_HEIGHT}
              />
            ),
          )}
        </ul>
      )}
      <EndZone
        parent={container.id}
        empty={fields.length === 0}
        path={path}
        depth={depth}
        place={discriminator !== undefined ? "branch" : depth === 0 ? "window" : "group"}
      />
    </div>
  );
});

/** The branches of a choice, reordered among themselves (their list has no end zone for fields). */
export const BranchList = memo(function BranchList({
  store,
  choice,
  path,
  depth,
  offset,
}: {
  store: DesignerStore;
  choice: FieldNode;
  path: string;
  depth: number;
  offset: number;
}) {
  const branches = choice.branches ?? [];
  const discriminator = discriminatorKey(choice);
  const line = useDropLine(useDndShared()?.indicator, choice.id);
  const window = useRowWindow();
  return (
    <div className="cd-list" style={depthStyle(depth)}>
      <ul role="group" aria-label={`Branches of ${placeName(path)}`} className="cd-rows">
        {windowedRows(
          branches,
          window,
          offset,
          (branch) => window?.heights.branchRow(branch, discriminator) ?? 0,
          (branch, index, top) => (
            <BranchRow
              key={branch.id}
              store={store}
              node={branch}
              path={path}
              depth={depth}
              discriminator={discriminator}
              value={valueText(branchValue(choice, branch))}
              position={index + 1}
              count={branches.length}
              offset={top + ROW_HEIGHT}
            />
          ),
        )}
      </ul>
      <div className="cd-end" data-drop={line === "end" ? "end" : undefined} aria-hidden="true" />
    </div>
  );
});

function valueText(value: unknown): string {
  if (value === undefined) return "";
  return typeof value === "string" ? value : JSON.stringify(value);
}

/**
 * What an empty container's drop box says: the window how to add a field; a branch that its method
 * asks for nothing (a choice's "None" is complete as it is); a group where to drop.
 */
const EMPTY_TEXT = {
  window: "No fields yet: drag one here from the palette, or press Enter on a palette item.",
  branch: "This method needs no fields. Drop fields here if it should ask for some.",
  group: "Drop fields here",
} as const;

/**
 * Where a drop lands at the end of a container: a box that says so when it is empty. Inside the
 * tree (a group or branch with no field) it is an empty group of it, and the box no row.
 */
function EndZone({
  parent,
  empty,
  path,
  depth,
  place,
}: {
  parent: string;
  empty: boolean;
  path: string;
  depth: number;
  place: keyof typeof EMPTY_TEXT;
}) {
  const line = useDropLine(useDndShared()?.indicator, parent);
  if (empty) {
    const inTree = depth > 0;
    return (
      <ul
        role={inTree ? "group" : "list"}
        aria-label={`Fields of ${placeName(path)}`}
        className="cd-rows"
      >
        <li
          role={inTree ? "none" : undefined}
          className="cd-empty"
          data-place={place}
          data-end={parent}
          data-drop={line === "end" ? "into" : undefined}
        >
          {EMPTY_TEXT[place]}
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
  /** The depth of the row (0: a field of the window). */
  depth: number;
  /** Its place among its list's rows (from 1) and how many there are: aria-posinset and aria-setsize. */
  position: number;
  count: number;
  /** Where its nested list starts (row-window.ts). */
  offset: number;
}

/**
 * A field's row: drag handle, fold button (a group or choice) or its blank, what it is, duplicate
 * and delete; a group or choice nests its children, unless folded (then they are not rendered, so
 * nothing can be dropped among them).
 */
export const FieldRow = memo(function FieldRow({
  store,
  node,
  path,
  depth,
  required,
  position,
  count,
  offset,
}: RowProps & { required: boolean }) {
  const name = nodeName(node);
  const row = useRow(store, node, name, depth, position, count);
  const own = joinPath(path, name);
  const folds = node.fields !== undefined || node.branches !== undefined;
  return (
    <li {...row.itemProps}>
      <div {...row.rowProps}>
        {row.handle}
        {folds ? (
          <CollapseToggle store={store} id={node.id} name={name} collapsed={row.collapsed} />
        ) : (
          <ToggleSpacer />
        )}
        <FieldRowBody
          store={store}
          node={node}
          name={name}
          required={required}
          iconsShown={row.iconsShown}
        />
      </div>
      {!row.collapsed && node.fields && (
        <FieldList store={store} container={node} path={own} depth={depth + 1} offset={offset} />
      )}
      {!row.collapsed && node.branches && (
        <BranchList store={store} choice={node} path={own} depth={depth + 1} offset={offset} />
      )}
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
  depth,
  discriminator,
  value,
  position,
  count,
  offset,
}: RowProps & { discriminator: string; value: string }) {
  const name = nodeName(node);
  const row = useRow(store, node, name, depth, position, count);
  return (
    <li {...row.itemProps}>
      <div {...row.rowProps} className="cd-row cd-branch">
        {row.handle}
        <CollapseToggle store={store} id={node.id} name={name} collapsed={row.collapsed} />
        <BranchRowBody
          store={store}
          node={node}
          name={name}
          value={value}
          iconsShown={row.iconsShown}
        />
      </div>
      {!row.collapsed && (
        <FieldList
          store={store}
          container={node}
          path={joinPath(path, name)}
          depth={depth + 1}
          discriminator={discriminator}
          offset={offset}
        />
      )}
    </li>
  );
});
