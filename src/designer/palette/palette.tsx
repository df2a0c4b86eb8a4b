import { type FocusEvent, Fragment, type KeyboardEvent, memo, useId, useState } from "react";
import { flushSync } from "react-dom";
import { useDndShared, useDragState } from "../dnd/drag-data.ts";
import { placeAfterSelection } from "../dnd/drop-target.ts";
import { focusRow } from "../dnd/focus-row.ts";
import {
  addedAt,
  addItem,
  BLOCK_ITEMS,
  itemName,
  KIND_ITEMS,
  type PaletteItem,
} from "../items/palette-items.ts";
import type { DesignerStore } from "../store/designer-store.ts";
import type { IconComponent } from "../ui/icon.tsx";
import {
  Boxes,
  DatabaseZap,
  KeyRound,
  ShieldCheck,
  ShieldEllipsis,
  ShieldUser,
  Split,
  Ticket,
  UserRound,
} from "../ui/icons.ts";
import { KindIcon } from "../ui/kind-icon.tsx";
import "./palette.css";

/** A block's icon, by its item id; a block not listed gets the generic one. */
const BLOCK_ICONS: Readonly<Record<string, IconComponent>> = {
  "block:basic": UserRound,
  "block:api-key": KeyRound,
  "block:bearer": Ticket,
  "block:oauth1": ShieldCheck,
  "block:oauth2-client": ShieldEllipsis,
  "block:oauth2-code": ShieldUser,
  "block:connection-string": DatabaseZap,
  "block:private-key": KeyRound,
  "block:auth-choice": Split,
};

const ITEMS = [...KIND_ITEMS, ...BLOCK_ITEMS];

/**
 * The field kinds and the ready-made blocks (inside the page's Palette landmark). Each item is a
 * button: drag it onto the canvas, or press Enter (or click) to add it after the selected field;
 * the new field is then selected and focused on the canvas. The items are one tab stop, a
 * vertical toolbar (WAI-ARIA APG): Up and Down move between them, Home and End to the first and
 * last; the tab stop stays on the item last focused. Each item's tooltip (and accessible
 * description) says what it adds. `rail`: icons only (a narrow window, or the
 * palette collapsed); names stay in the accessible name and the tooltip.
 */
export function Palette({ store, rail = false }: { store: DesignerStore; rail?: boolean }) {
  const id = useId();
  const bridge = useDndShared()?.bridge;
  const dragged = useDragState().paletteDragged;
  const [stop, setStop] = useState(ITEMS[0]!.id);
  const onFocus = (event: FocusEvent<HTMLElement>) => {
    const item = itemOf(event.target);
    if (item) setStop(item);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    const at = ITEMS.findIndex((item) => item.id === itemOf(event.target));
    if (at < 0 || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const next =
      event.key === "ArrowDown"
        ? Math.min(at + 1, ITEMS.length - 1)
        : event.key === "ArrowUp"
          ? Math.max(at - 1, 0)
          : event.key === "Home"
            ? 0
            : event.key === "End"
              ? ITEMS.length - 1
              : undefined;
    if (next === undefined) return;
    event.preventDefault();
    event.currentTarget
      .querySelector<HTMLElement>(`button[data-item="${CSS.escape(ITEMS[next]!.id)}"]`)
      ?.focus();
  };
  return (
    <div
      role="toolbar"
      aria-orientation="vertical"
      aria-label="Add to the design"
      className={`cd-palette${rail ? " cd-palette-rail" : ""}`}
      {...bridge?.paletteHandlers}
      onFocus={onFocus}
      onKeyDown={onKeyDown}
    >
      {[
        { title: "Fields", items: KIND_ITEMS },
        { title: "Blocks", items: BLOCK_ITEMS },
      ].map(({ title, items }) => (
        <Fragment key={title}>
          <h2 id={`${id}-${title}`} className={rail ? "cd-visually-hidden" : undefined}>
            {title}
          </h2>
          <ul role="list" aria-labelledby={`${id}-${title}`}>
            {items.map((item) => (
              <PaletteButton
                key={item.id}
                store={store}
                item={item}
                rail={rail}
                dragged={dragged === item.id}
                tabbable={stop === item.id}
              />
            ))}
          </ul>
        </Fragment>
      ))}
    </div>
  );
}

const PaletteButton = memo(function PaletteButton({
  store,
  item,
  rail,
  dragged,
  tabbable,
}: {
  store: DesignerStore;
  item: PaletteItem;
  rail: boolean;
  dragged: boolean;
  /** The toolbar's one tab stop. */
  tabbable: boolean;
}) {
  const BlockIcon = item.type === "block" ? (BLOCK_ICONS[item.id] ?? Boxes) : undefined;
  // What it adds, as its tooltip and (the title not being its name) its accessible description;
  // in the rail, where its name is not shown, after its name.
  const tooltip = rail ? `${item.label}: ${item.description}` : item.description;
  return (
    <li>
      <button
        type="button"
        data-item={item.id}
        tabIndex={tabbable ? 0 : -1}
        className={`cd-palette-item${dragged ? " cd-dragging" : ""}`}
        aria-label={`Add ${itemName(item)}`}
        title={tooltip}
        onClick={() => add(store, item)}
      >
        {item.type === "kind" ? (
          <KindIcon kind={item.kind} />
        ) : (
          BlockIcon && <BlockIcon size={16} strokeWidth={1.75} />
        )}
        {!rail && <span className="cd-palette-label">{item.label}</span>}
      </button>
    </li>
  );
});

/** The palette item an event happened on, by its id. */
function itemOf(target: EventTarget | null): string | undefined {
  return target instanceof HTMLElement
    ? target.closest<HTMLElement>("[data-item]")?.dataset.item
    : undefined;
}

/** Adds the item after the selection, then selects and focuses what it added (its first field). */
function add(store: DesignerStore, item: PaletteItem): void {
  const { parent, index } = placeAfterSelection(store.doc, store.getState().selected);
  let added: string | undefined;
  // Rendered at once, so the new row takes the focus before the next key comes.
  flushSync(() => {
    const refused = store.run(
      (doc) => addItem(doc, item, parent, index),
      (doc) => addedAt(doc, parent, index),
    );
    if (refused === undefined) added = store.getState().selected;
  });
  if (added !== undefined) focusRow(added);
}
