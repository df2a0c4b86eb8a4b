import type { Field } from "../plan.ts";
import { arrange } from "./arrange.ts";
import type { Cleanup, RenderContext, Rendered } from "./context.ts";
import type * as renderFieldsModule from "./render-fields.ts";
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

/** Renders `fields` into `host` before `end`, in place of the fields there; `cleanup` is the form's. */
export function reconcile(
  cx: RenderContext,
  fields: readonly Field[],
  host: Element,
  end: Node | null,
  cleanup: Cleanup,
  // (Given by the form, so that this chunk holds only its own code.)
  renderers: Pick<typeof renderFieldsModule, "renderField" | "forgetLeaves" | "BLOCK">,
): void {
  const { renderField, forgetLeaves, BLOCK } = renderers;
  const focused = cx.doc.activeElement as HTMLElement | null;
  const reusable = new Map<string, Rendered>();
  for (const box of host.querySelectorAll(".cd-field")) {
    const rendered = cx.rendered.get(box);
    if (rendered) reusable.set(keyOf(rendered.field), rendered);
  }
  const render = (fields: readonly Field[], into: Node, cleanup: Cleanup, end: Node | null) => {
    const boxes = fields.map((f) => {
      const key = keyOf(f),
        kept = reusable.get(key);
      if (!kept) return renderField(f, cx, cleanup).box;
      reusable.delete(key);
      renumber(kept.box, cx.prefix + kept.field.index, cx.prefix + f.index);
      cx.rendered.set(kept.box, kept.rebind(f, cleanup));
      return kept.box;
    });
    forgetLeaves(cx, fields, cleanup);
    return arrange(into, boxes, end, BLOCK);
  };
  // Containers (kept or new) render their fields with it too, while this runs.
  const renderFields = cx.renderFields;
  cx.renderFields = (fields, into, cleanup) => render(fields, into, cleanup, null);
  try {
    render(fields, host, cleanup, end);
  } finally {
    cx.renderFields = renderFields;
  }
  for (const rendered of reusable.values()) rendered.box.remove();
  // A field that had to move (across a block, into a new group) gets the focus back.
  if (focused !== cx.doc.activeElement && host.contains(focused)) focused!.focus();
}
