import type { Field } from "../plan.ts";
import type { Store } from "../store.ts";
import { arrange } from "./arrange.ts";
import type { Cleanup, RenderContext, Rendered } from "./context.ts";
import { renumber } from "./renumber.ts";

/**
 * Shows a new plan's fields in place of those on the page (a designer makes a new plan on every
 * edit). Rebuilding every field would make the browser style and lay out all of them again; so a
 * field whose path and look are unchanged keeps its box, where it is, renumbered if its number
 * changed and bound to the new store. Only new or changed fields are built, only boxes out of
 * order are moved, and the boxes no field took are removed. Loaded in a chunk of its own when a
 * form first gets a new plan (most never do).
 */

const keys = new WeakMap<Field, string>();

/** The path of a field and what its own box is built from: a box is kept for a field of the same key. */
function keyOf(f: Field): string {
  let key = keys.get(f);
  if (key === undefined) {
    const s = f.schema;
    const look = [f.kind, f.title, f.required, f.help, f.secret, s.examples, s.minimum, s.maximum];
    look.push(
      s.enum,
      s["x-enumNames"],
      f.branches?.map((branch) => branch.title),
    );
    keys.set(f, (key = `${f.path}\n${JSON.stringify(look)}`));
  }
  return key;
}

/**
 * Shows the plan and store of `next` in the form of `cx`, whose fields are in `host` before its
 * error about the whole value, if shown, and `live`, its live region (emptied here). The form has
 * run its cleanup (the listeners on the old store) and takes `cleanup` for the new ones; it shows
 * the new store's error about the whole value afterwards.
 */
export function reconcile(
  cx: RenderContext,
  next: { store: Store; root: Field },
  host: Element,
  live: Element,
  cleanup: Cleanup,
  // (Given by the form, so that this chunk holds only its own code: see render-fields.ts.)
  BLOCK: number,
): void {
  // A field that has to move or go loses the focus, which is no visit to it (see form-view.ts).
  cx.replanning = true;
  const renderFields = cx.renderFields;
  try {
    const focused = cx.doc.activeElement as HTMLElement | null;
    const reusable = new Map<string, Rendered>();
    for (const box of host.querySelectorAll(".cd-field")) {
      const rendered = cx.rendered.get(box);
      if (rendered) reusable.set(keyOf(rendered.field), rendered);
    }
    cx.store = next.store;
    cx.leaves = [];
    live.textContent = "";
    const made = cx.doc.createDocumentFragment();
    const render = (fields: readonly Field[], into: Node, cleanup: Cleanup, end: Node | null) => {
      const boxes = fields.map((f) => {
        const key = keyOf(f),
          kept = reusable.get(key);
        // A new box is made as the form makes it, then put in its place.
        if (!kept) return renderFields([f], made, cleanup)[0] as Element;
        reusable.delete(key);
        renumber(kept.box, cx.prefix + kept.field.index, cx.prefix + f.index);
        cx.rendered.set(kept.box, kept.rebind(f, cleanup));
        return kept.box;
      });
      // On cleanup, the store stops telling the leaves of these fields, as after renderFields.
      const { store, leaves } = cx;
      cleanup.push(() => {
        for (const f of fields)
          if (store.leafViews.get(f.path) === leaves[f.index]) store.leafViews.delete(f.path);
      });
      return arrange(into, boxes, end, BLOCK);
    };
    // Containers (kept or new) render their fields with it too, while this runs.
    cx.renderFields = (fields, into, cleanup) => render(fields, into, cleanup, null);
    const formError = live.previousElementSibling;
    render(next.root.shown!, host, cleanup, formError?.className === "cd-error" ? formError : live);
    for (const rendered of reusable.values()) rendered.box.remove();
    // A field that had to move (across a block, into a new group) gets the focus back.
    if (focused !== cx.doc.activeElement && host.contains(focused)) focused!.focus();
  } finally {
    cx.renderFields = renderFields;
    cx.replanning = false;
  }
}
