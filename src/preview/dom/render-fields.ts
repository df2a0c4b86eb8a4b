import type { Field } from "../plan.ts";
import { choice, group, list } from "./containers.ts";
import type { Cleanup, RenderContext, Rendered } from "./context.ts";
import { h } from "./elements.ts";
import { leafRenderer } from "./leaves.ts";

/**
 * More than BLOCK fields go in blocks of BLOCK (div.cd-fields): typing then re-lays out one block
 * and the list of blocks, not a list of every field (at 1,000 fields, a third of the layout time of
 * a flat list).
 */
export const BLOCK = 32;

/** Renders a field's box (a leaf, or a container with its fields). */
export function renderField(f: Field, cx: RenderContext, cleanup: Cleanup): Rendered {
  const rendered = (
    leafRenderer(f.kind) ?? (f.kind === "group" ? group : f.kind === "choice" ? choice : list)
  )(f, cx, cleanup);
  cx.rendered.set(rendered.box, rendered);
  return rendered;
}

/** Renders fields at the end of `into`; gives the nodes put into it (the boxes, or their blocks). */
export function renderFields(
  cx: RenderContext,
  fields: readonly Field[],
  into: Node,
  cleanup: Cleanup,
): ChildNode[] {
  const nodes: ChildNode[] = [];
  let block: Node = into;
  fields.forEach((f, i) => {
    if (fields.length > BLOCK && i % BLOCK === 0)
      nodes.push((block = into.appendChild(h(cx.doc, "div", { className: "cd-fields" }))));
    const { box } = renderField(f, cx, cleanup);
    block.appendChild(box);
    if (block === into) nodes.push(box);
  });
  forgetLeaves(cx, fields, cleanup);
  return nodes;
}

/** On cleanup, the store stops telling the leaves of `fields` (containers clean up their own). */
export function forgetLeaves(cx: RenderContext, fields: readonly Field[], cleanup: Cleanup) {
  const { store, leaves } = cx;
  cleanup.push(() => {
    for (const f of fields)
      if (store.leafViews.get(f.path) === leaves[f.index]) store.leafViews.delete(f.path);
  });
}
