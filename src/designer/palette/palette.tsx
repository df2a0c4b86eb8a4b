import { Fragment, memo, useId } from "react";
import { useDndShared, useDragState } from "../dnd/drag-data.ts";
import { placeAfterSelection } from "../dnd/drop-target.ts";
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

/**
 * The field kinds and the ready-made blocks (inside the page's Palette landmark). Each item is a button: drag it onto the canvas, or
 * press Enter (or click) to add it after the selected field, which then becomes selected. Its
 * tooltip (and accessible description) says what it adds.
 * `rail`: icons only (a narrow window, or the palette collapsed); names stay in the accessible
 * name and the tooltip.
 */
export function Palette({ store, rail = false }: { store: DesignerStore; rail?: boolean }) {
  const id = useId();
  const bridge = useDndShared()?.bridge;
  const dragged = useDragState().paletteDragged;
  return (
    <div className={`cd-palette${rail ? " cd-palette-rail" : ""}`} {...bridge?.paletteHandlers}>
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
}: {
  store: DesignerStore;
  item: PaletteItem;
  rail: boolean;
  dragged: boolean;
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

function add(store: DesignerStore, item: PaletteItem): void {
  const { parent, index } = placeAfterSelection(store.doc, store.getState().selected);
  store.run(
    (doc) => addItem(doc, item, parent, index),
    (doc) => addedAt(doc, parent, index),
  );
}
