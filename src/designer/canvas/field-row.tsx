import { type FocusEvent, memo, type ReactNode, useMemo, useState } from "react";
import { type FieldNode, kindLabel, kindOf, schemaObject } from "../../model/index.ts";
import { isHidden, isSecretByAnyMarking } from "../../model/vendor-keywords.ts";
import { useDndShared } from "../dnd/drag-data.ts";
import { useDropLine, useIsDragged } from "../dnd/drop-indicator.ts";
import { useHandleAttributes } from "../dnd/handle-attributes.ts";
import type { DesignerStore } from "../store/designer-store.ts";
import { useDesigner } from "../store/use-designer.ts";
import {
  Asterisk,
  ChevronDown,
  ChevronRight,
  CircleAlert,
  Copy,
  EyeOff,
  GripVertical,
  Lock,
  Regex,
  Trash2,
  TriangleAlert,
} from "../ui/icons.ts";
import { KindIcon } from "../ui/kind-icon.tsx";
import { removeKeepingFocus } from "./canvas-keys.ts";
import { duplicateRow } from "./row-commands.ts";
import { type ProblemCount, useRowProblemCount } from "./row-problems.tsx";
import { tabStop } from "./tab-stop.ts";

/*
 * The rows' icons, made once: an element React has seen before is not rendered again, and every
 * row re-renders its handle when a drag starts (500 rows: that must stay cheap). Decorative: the
 * buttons' names say what they do, the row's name says the badges.
 */
const ACTION = { size: 16, strokeWidth: 1.75 } as const;
const BADGE = { size: 14, strokeWidth: 2 } as const;
const GRIP_ICON = <GripVertical {...ACTION} />;
const EXPAND_ICON = <ChevronRight {...ACTION} strokeWidth={2} />;
const COLLAPSE_ICON = <ChevronDown {...ACTION} strokeWidth={2} />;
const COPY_ICON = <Copy {...ACTION} />;
const DELETE_ICON = <Trash2 {...ACTION} />;
const REQUIRED_ICON = <Asterisk {...BADGE} />;
const SECRET_ICON = <Lock {...BADGE} />;
const PATTERN_ICON = <Regex {...BADGE} />;
const HIDDEN_ICON = <EyeOff {...BADGE} />;
const ERROR_ICON = <CircleAlert {...BADGE} />;
const WARNING_ICON = <TriangleAlert {...BADGE} />;

/**
 * A row's content apart from its handle and fold button: memoised on its own, because every row
 * re-renders when a drag starts or moves (dnd-kit's context changes), and at 500 rows that must
 * stay cheap. One line: kind icon, title, key, badges, then the actions. The row's name (its tree
 * item's) says all of it in words (title, key, kind, badges), and so does its tooltip, since
 * title and key may end in an ellipsis.
 */
export const FieldRowBody = memo(function FieldRowBody({
  store,
  node,
  name,
  required,
  iconsShown,
}: {
  store: DesignerStore;
  node: FieldNode;
  name: string;
  /** Whether the field's container lists it as required. */
  required: boolean;
  /** Whether the actions' icons are drawn (see {@link useRow}). */
  iconsShown: boolean;
}) {
  const kind = kindOf(node);
  const schema = schemaObject(node);
  const problems = useRowProblemCount(node.id);
  const badges: Badges = {
    required,
    secret: kind === "secret" || isSecretByAnyMarking(schema),
    pattern: typeof schema.pattern === "string",
    hidden: isHidden(schema),
    problems,
  };
  return (
    <>
      <RowSummary
        id={node.id}
        label={label(name, node.key, kindLabel(kind), badges)}
        tooltip={tooltip(name, node.key, kindLabel(kind), badges)}
      >
        <KindIcon kind={kind} />
        <RowText name={name} detail={node.key} />
        <RowBadges badges={badges} />
      </RowSummary>
      <span className="cd-row-actions">
        <button
          type="button"
          className="cd-icon"
          // Not a tab stop: the row is one (Ctrl+D duplicates it); a pointer or a voice command presses it.
          tabIndex={-1}
          aria-label={`Duplicate ${name}`}
          title="Duplicate (Ctrl+D)"
          onClick={() => duplicateRow(store, node.id)}
        >
          {iconsShown && COPY_ICON}
        </button>
        <DeleteButton
          name={name}
          iconShown={iconsShown}
          onClick={() => removeKeepingFocus(store, node.id)}
        />
      </span>
    </>
  );
});

/** A branch's row: its title and the value its choice's discriminator takes in it. */
export const BranchRowBody = memo(function BranchRowBody({
  store,
  node,
  name,
  value,
  iconsShown,
}: {
  store: DesignerStore;
  node: FieldNode;
  name: string;
  /** The discriminator's value in this branch, as text ("" when it has none). */
  value: string;
  /** Whether the actions' icons are drawn (see {@link useRow}). */
  iconsShown: boolean;
}) {
  const problems = useRowProblemCount(node.id);
  const badges: Badges = { required: false, secret: false, pattern: false, problems };
  return (
    <>
      <RowSummary
        id={node.id}
        label={label(name, value, "Branch", badges)}
        tooltip={tooltip(name, value, "Branch", badges)}
      >
        <KindIcon kind="branch" />
        <RowText name={name} detail={value} />
        <RowBadges badges={badges} />
      </RowSummary>
      <span className="cd-row-actions">
        <DeleteButton
          name={name}
          iconShown={iconsShown}
          onClick={() => removeKeepingFocus(store, node.id)}
        />
      </span>
    </>
  );
});

interface Badges {
  readonly required: boolean;
  readonly secret: boolean;
  /** Airbyte's airbyte_hidden: the form does not show it. */
  readonly hidden?: boolean;
  readonly pattern: boolean;
  /** How many errors and warnings the design check reports on the node. */
  readonly problems: ProblemCount;
}

const count = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** The badges in words, for the accessible name and the tooltip: "required, secret, 1 error, 2 warnings". */
function badgeWords({ required, secret, pattern, hidden, problems }: Badges): string[] {
  const words: string[] = [];
  if (required) words.push("required");
  if (secret) words.push("secret");
  if (pattern) words.push("pattern");
  if (hidden) words.push("hidden from the form");
  words.push(...problemWords(problems));
  return words;
}

/**
 * The row's name, all in words: "Password, password, Secret, required, secret". It starts with
 * the row's visible text (title, then key or value) as spoken-label matching needs (WCAG 2.5.3,
 * "Label in Name"), then says what the icons show.
 */
function label(name: string, detail: string, kind: string, badges: Badges): string {
  const parts = [name, ...(detail === "" ? [] : [detail]), kind];
  return [...parts, ...badgeWords(badges)].join(", ");
}

/** The tooltip: the full title and key (either may end in an ellipsis on the row), kind and badges. */
function tooltip(name: string, detail: string, kind: string, badges: Badges): string {
  return [`${name}${detail === "" ? "" : ` (${detail})`}`, kind, ...badgeWords(badges)].join(" · ");
}

/** Title and key (or a branch's value), each ending in an ellipsis when the row is too narrow. */
function RowText({ name, detail }: { name: string; detail: string }) {
  return (
    <>
      <span className="cd-row-title">{name}</span>
      {/* A space between the two, for text read from the row (a flex gap draws it, none is read). */}
      {detail !== "" && " "}
      {detail !== "" && <span className="cd-row-key">{detail}</span>}
    </>
  );
}

/** Required, secret, pattern and problem badges: icons (the row's name says them in words). */
function RowBadges({ badges }: { badges: Badges }) {
  if (badgeWords(badges).length === 0) return null;
  return (
    <span className="cd-row-badges" aria-hidden="true">
      {badges.required && <span className="cd-badge cd-badge-required">{REQUIRED_ICON}</span>}
      {badges.secret && <span className="cd-badge cd-badge-secret">{SECRET_ICON}</span>}
      {badges.pattern && <span className="cd-badge cd-badge-pattern">{PATTERN_ICON}</span>}
      {badges.hidden && <span className="cd-badge cd-badge-hidden">{HIDDEN_ICON}</span>}
      <ProblemIcons problems={badges.problems} />
    </span>
  );
}

/** A problem count in words, for a name or a tooltip: ["1 error", "2 warnings"] (none: []). */
export function problemWords({ errors, warnings }: ProblemCount): string[] {
  const words: string[] = [];
  if (errors > 0) words.push(count(errors, "error"));
  if (warnings > 0) words.push(count(warnings, "warning"));
  return words;
}

/**
 * The problem badges: errors and warnings each with their own icon and colour, with their number
 * when more than one (drawn by CSS from `data-count`: text in a button would have to be in its
 * name, in the order shown, as WCAG 2.5.3 asks, and the name says "2 errors" instead). Decorative:
 * the name of what holds them says {@link problemWords}.
 */
export function ProblemIcons({ problems: { errors, warnings } }: { problems: ProblemCount }) {
  return (
    <>
      {errors > 0 && (
        <span
          className="cd-badge cd-badge-problem cd-badge-error"
          data-count={errors > 1 ? errors : undefined}
        >
          {ERROR_ICON}
        </span>
      )}
      {warnings > 0 && (
        <span
          className="cd-badge cd-badge-problem cd-badge-warning"
          data-count={warnings > 1 ? warnings : undefined}
        >
          {WARNING_ICON}
        </span>
      )}
    </>
  );
}

function DeleteButton({
  name,
  iconShown,
  onClick,
}: {
  name: string;
  iconShown: boolean;
  onClick: () => void;
}) {
  return (
    <button
      type="button"
      className="cd-icon"
      tabIndex={-1}
      aria-label={`Delete ${name}`}
      title="Delete (Del)"
      onClick={onClick}
    >
      {iconShown && DELETE_ICON}
    </button>
  );
}

/** The id of the hidden text that names the row of node `id` (its tree item's `aria-labelledby`). */
export const rowLabelId = (id: string) => `cd-row-label-${id}`;

/**
 * What the row shows of the field: icon, title, key, badges, with the full text in the tooltip.
 * Not a button: the row itself (its tree item) is selected by a click or the keyboard, and is
 * named by the hidden text here.
 */
function RowSummary({
  id,
  label,
  tooltip,
  children,
}: {
  id: string;
  label: string;
  tooltip: string;
  children: ReactNode;
}) {
  return (
    <span className="cd-row-select" title={tooltip}>
      <span id={rowLabelId(id)} hidden>
        {label}
      </span>
      {children}
    </span>
  );
}

/**
 * The fold button of a group, choice or branch ("Collapse Account" / "Expand Account"); a leaf
 * has a blank of the same width, so that icons line up.
 */
export const CollapseToggle = memo(function CollapseToggle({
  store,
  id,
  name,
  collapsed,
}: {
  store: DesignerStore;
  id: string;
  name: string;
  collapsed: boolean;
}) {
  return (
    <button
      type="button"
      className="cd-row-toggle"
      // Not a tab stop: on the row, the right and left arrows expand and collapse.
      tabIndex={-1}
      aria-expanded={!collapsed}
      aria-label={`${collapsed ? "Expand" : "Collapse"} ${name}`}
      title={collapsed ? "Expand" : "Collapse"}
      onClick={() => store.toggleCollapsed(id)}
    >
      {collapsed ? EXPAND_ICON : COLLAPSE_ICON}
    </button>
  );
});

export function ToggleSpacer() {
  return <span className="cd-row-toggle" aria-hidden="true" />;
}

/**
 * Where nothing hovers (touch screens), a row's grip and actions always show: an action nobody can
 * see must not be there to be tapped.
 */
const ALWAYS_SHOWN = typeof matchMedia === "function" && matchMedia("(hover: none)").matches;

/**
 * What field and branch rows share: the tree item (selection, the tab stop, folding, level), the
 * drop line, the handle. The tree item is the row's line (`.cd-row`), not its `li`: the `li`
 * also holds the nested rows, which are no part of the row's name or content (the nested list is
 * a group of the tree beside it; levels say the nesting). The handle has no listeners of its
 * own: the canvas's one row draggable (dnd/row-drag.ts) listens for presses on handles and for
 * Space on rows, and finds the row by its `data-node`. The tree's keys are the canvas's
 * (canvas-keys.ts).
 */
export function useRow(
  store: DesignerStore,
  node: FieldNode,
  name: string,
  depth: number,
  position: number,
  count: number,
) {
  const selected = useDesigner(store, (state) => state.selected === node.id);
  const tabbable = useDesigner(store, (state) => tabStop(state) === node.id);
  const collapsed = useDesigner(store, (state) => state.collapsed.has(node.id));
  const shared = useDndShared();
  const line = useDropLine(shared?.indicator, node.id);
  const dragged = useIsDragged(shared?.indicator, node.id);
  const attributes = useHandleAttributes();
  const [active, setActive] = useState(false);
  const handlers = useMemo(
    () => ({
      onPointerEnter: () => setActive(true),
      onPointerLeave: () => setActive(false),
      onFocus: () => setActive(true),
      onBlur: (event: FocusEvent<HTMLElement>) => {
        if (!event.currentTarget.contains(event.relatedTarget)) setActive(false);
      },
    }),
    [],
  );
  const iconsShown = ALWAYS_SHOWN || active || selected || dragged;
  const folds = node.fields !== undefined || node.branches !== undefined;
  return {
    collapsed,
    iconsShown,
    itemProps: {
      role: "none",
      className: `cd-item${selected ? " cd-selected" : ""}${dragged ? " cd-dragging" : ""}`,
      // The line above the row. (The end of a group's own fields is its end zone's: not this row's.)
      "data-drop": line === "before" ? line : undefined,
      "data-node": node.id,
    },
    rowProps: {
      className: "cd-row",
      role: "treeitem",
      tabIndex: tabbable ? 0 : -1,
      "aria-labelledby": rowLabelId(node.id),
      "aria-level": depth + 1,
      // Said outright: in a windowed canvas (row-window.ts) not every row of the list is there.
      "aria-posinset": position,
      "aria-setsize": count,
      "aria-selected": selected ? ("true" as const) : undefined,
      "aria-expanded": folds ? !collapsed : undefined,
      ...handlers,
    },
    handle: (
      <button
        type="button"
        className="cd-handle"
        // Not a tab stop: Space on the row picks it up just the same.
        tabIndex={-1}
        {...attributes}
        aria-label={`Move ${name}`}
        title="Drag to move, or press Space and use the arrow keys"
      >
        {iconsShown && GRIP_ICON}
      </button>
    ),
  };
}
