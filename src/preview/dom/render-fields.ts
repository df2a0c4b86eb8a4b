import type { Field } from "../plan.ts";
import { choice, group, list, section } from "./containers.ts";
import type { Cleanup, RenderContext } from "./context.ts";
import { h } from "./elements.ts";
import { leaf } from "./leaves.ts";

/**
 * More than BLOCK fields go in blocks of BLOCK (div.cd-fields): typing then re-lays out one block
 * and the list of blocks, not a list of every field (at 1,000 fields, a third of the layout time of
 * a flat list).
 */
export const BLOCK = 32;

/**
 * Renders fields at the end of `into` (a leaf, or a container with its fields); gives the nodes put
 * into it (the boxes, or their blocks).
 */
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
    const rendered = (
      f.kind === "group"
        ? group
        : f.kind === "choice"
          ? choice
          : f.kind === "string-list"
            ? list
            : f.kind === "section"
              ? section
              : leaf
    )(f, cx, cleanup);
    cx.rendered.set(rendered.box, rendered);
    block.appendChild(rendered.box);
    if (block === into) nodes.push(rendered.box);
  });
  // On cleanup, the store stops telling the leaves rendered here (containers clean up their own).
  const { store, leaves } = cx;
  cleanup.push(() => {
    for (const f of fields)
      if (store.leafViews.get(f.path) === leaves[f.index]) store.leafViews.delete(f.path);
  });
  return nodes;
}
