/**
 * Puts the boxes of a list of fields in their place: in `into` before `end`, in blocks of BLOCK
 * (`div.cd-fields`) when there are more than BLOCK, as render-fields.ts does. Boxes already in
 * place stay where they are: a box taken out and put back is styled and laid out anew by the
 * browser (and loses the focus), so only the boxes not in the longest run already in order move.
 */

const isBlock = (el: Element) => el.className === "cd-fields";

/** Arranges `boxes` in `into` before `end`; gives the nodes put directly into `into` (boxes or blocks). */
export function arrange(
  into: Node,
  boxes: readonly Element[],
  end: Node | null,
  BLOCK: number,
): ChildNode[] {
  if (boxes.length <= BLOCK) {
    place(into, boxes, end);
    removeBlocks(into, 0);
    return [...boxes] as ChildNode[];
  }
  const doc = into.ownerDocument!;
  const old = childBlocks(into);
  const blocks: HTMLElement[] = [];
  for (let i = 0; i * BLOCK < boxes.length; i++) {
    let block = old[i];
    if (!block) (block = doc.createElement("div")).className = "cd-fields";
    place(block, boxes.slice(i * BLOCK, (i + 1) * BLOCK), null);
    blocks.push(block);
  }
  place(into, blocks, end);
  removeBlocks(into, blocks.length);
  return blocks;
}

const childBlocks = (into: Node) =>
  [...into.childNodes].filter((n): n is HTMLElement => n.nodeType === 1 && isBlock(n as Element));

/** Blocks left over from before, from the n-th on (what they still hold is not shown any more). */
function removeBlocks(into: Node, n: number) {
  if (into.firstChild) for (const block of childBlocks(into).slice(n)) block.remove();
}

/** Puts `nodes` in this order into `parent` before `end`, moving as few of those already there as it can. */
function place(parent: Node, nodes: readonly Node[], end: Node | null) {
  let stays: boolean[] | undefined;
  if (parent.firstChild) {
    const at = new Map<Node, number>();
    let i = 0;
    for (let c: ChildNode | null = parent.firstChild; c; c = c.nextSibling) at.set(c, i++);
    stays = longestRun(nodes.map((n) => at.get(n) ?? -1));
  }
  let before = end;
  for (let k = nodes.length - 1; k >= 0; k--) {
    const node = nodes[k]!;
    if (!stays?.[k]) parent.insertBefore(node, before);
    before = node;
  }
}

/** Which entries (≥ 0) make up a longest strictly increasing subsequence of `positions`. */
function longestRun(positions: readonly number[]): boolean[] {
  const tails: number[] = []; // index into positions of the smallest tail of a run of each length
  const previous: number[] = [];
  positions.forEach((p, k) => {
    if (p < 0) return;
    let lo = 0,
      hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (positions[tails[mid]!]! < p) lo = mid + 1;
      else hi = mid;
    }
    previous[k] = lo > 0 ? tails[lo - 1]! : -1;
    tails[lo] = k;
  });
  const stays = new Array<boolean>(positions.length).fill(false);
  for (let k = tails.length ? tails[tails.length - 1]! : -1; k >= 0; k = previous[k]!)
    stays[k] = true;
  return stays;
}
