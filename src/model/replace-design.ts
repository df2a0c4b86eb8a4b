import { jsonEqual } from "../json/value.ts";
import type { CommandResult } from "./commands.ts";
import type { ChildList, CredentialDocument, FieldNode } from "./nodes.ts";
import type { Step } from "./steps.ts";
import { refusal } from "./transaction.ts";

/**
 * Turns the design into `next` (a design read from JSON text or a file) as one transaction of
 * primitive steps, so it is one undo step like any other change; nothing is refused, and a `next`
 * equal to the design gives no step at all.
 *
 * The steps are kept small, so that what did not change keeps its node (React rows stay, the
 * selection survives an edit made in the JSON view): a node whose key path and shape are unchanged
 * keeps its id and gets a `set` for its own keywords when they changed; a child list whose keys
 * changed is spliced between its unchanged ends only, and the nodes it inserts take the ids of the
 * nodes they replace under the same key.
 */
export function replaceDesign(
  doc: CredentialDocument,
  next: CredentialDocument,
  label = "Replace the design",
  options: ReplaceOptions = {},
): CommandResult {
  if (!sameShape(doc.root, next.root)) return refusal("the window must stay an object of fields");
  const steps: Step[] = [];
  reconcile(doc.root, next.root, steps, options.handMadeKeys === true);
  return { label, steps };
}

export interface ReplaceOptions {
  /**
   * Every key counts as typed by hand (an imported file): no field of the design keeps following
   * its title. Otherwise (an edit in the Schema JSON view) a field whose key path is unchanged keeps
   * following its title, as it keeps its id; a field whose key changed is a new one, by hand.
   */
  readonly handMadeKeys?: boolean;
}

/** Same key and same kind of children: the node can be changed in place rather than replaced. */
function sameShape(current: FieldNode, next: FieldNode): boolean {
  return (
    current.key === next.key &&
    (current.fields === undefined) === (next.fields === undefined) &&
    (current.branches === undefined) === (next.branches === undefined)
  );
}

/** Appends the steps that turn `current` into `next` (same shape) in place. */
function reconcile(
  current: FieldNode,
  next: FieldNode,
  steps: Step[],
  handMadeKeys: boolean,
): void {
  const byHand = handMadeKeys && current.autoKey === true;
  if (byHand || !jsonEqual(current.schema, next.schema)) {
    steps.push({
      op: "set",
      node: current.id,
      before: { key: current.key, schema: current.schema, ...(byHand && { autoKey: true }) },
      after: { key: current.key, schema: next.schema, ...(byHand && { autoKey: false }) },
    });
  }
  for (const list of ["fields", "branches"] as const) {
    const currentChildren = current[list];
    const nextChildren = next[list];
    if (currentChildren && nextChildren)
      reconcileList(current.id, list, currentChildren, nextChildren, steps, handMadeKeys);
  }
}

/**
 * Children that match at both ends (same key and shape; branches match by position) are changed
 * in place; what lies between is one splice.
 */
function reconcileList(
  parent: string,
  list: ChildList,
  current: readonly FieldNode[],
  next: readonly FieldNode[],
  steps: Step[],
  handMadeKeys: boolean,
): void {
  let start = 0;
  while (start < current.length && start < next.length && sameShape(current[start]!, next[start]!))
    start++;
  let end = 0;
  while (
    end < current.length - start &&
    end < next.length - start &&
    sameShape(current[current.length - 1 - end]!, next[next.length - 1 - end]!)
  )
    end++;
  for (let i = 0; i < start; i++) reconcile(current[i]!, next[i]!, steps, handMadeKeys);
  for (let i = 1; i <= end; i++)
    reconcile(current[current.length - i]!, next[next.length - i]!, steps, handMadeKeys);
  const remove = current.slice(start, current.length - end);
  const insert = next.slice(start, next.length - end);
  if (remove.length === 0 && insert.length === 0) return;
  const removedByKey = new Map(
    remove.filter((node) => node.key !== "").map((node) => [node.key, node]),
  );
  const adopted = insert.map((node, i) => {
    // Branches have no key: one that stays at its position keeps its id.
    const before = node.key === "" ? remove[i] : removedByKey.get(node.key);
    return before && sameShape(before, node) ? adopt(before, node, handMadeKeys) : node;
  });
  if (adopted.length === remove.length && adopted.every((node, i) => node === remove[i])) return;
  steps.push({ op: "splice", parent, list, index: start, remove, insert: adopted });
}

/**
 * `next` with the ids of `before` (a node removed in the same splice, so its ids are free), down
 * its subtree where key paths match, and whether its key follows its title (unless every key is
 * now by hand); `before` itself when nothing differs, so it stays shared.
 */
function adopt(before: FieldNode, next: FieldNode, handMadeKeys: boolean): FieldNode {
  const fields = adoptChildren(before.fields, next.fields, handMadeKeys);
  const branches = adoptChildren(before.branches, next.branches, handMadeKeys);
  const autoKey = before.autoKey === true && !handMadeKeys;
  const unchanged =
    jsonEqual(before.schema, next.schema) &&
    fields === before.fields &&
    branches === before.branches &&
    (before.autoKey === true) === autoKey;
  if (unchanged) return before;
  const { autoKey: _, ...rest } = next;
  return {
    ...rest,
    id: before.id,
    ...(autoKey && { autoKey }),
    ...(fields !== undefined && { fields }),
    ...(branches !== undefined && { branches }),
  };
}

function adoptChildren(
  before: readonly FieldNode[] | undefined,
  next: readonly FieldNode[] | undefined,
  handMadeKeys: boolean,
): readonly FieldNode[] | undefined {
  if (!before || !next) return next;
  const byKey = new Map(before.filter((node) => node.key !== "").map((node) => [node.key, node]));
  const adopted = next.map((node, i) => {
    const match = node.key === "" ? before[i] : byKey.get(node.key);
    return match && sameShape(match, node) ? adopt(match, node, handMadeKeys) : node;
  });
  return adopted.length === before.length && adopted.every((node, i) => node === before[i])
    ? before
    : adopted;
}
