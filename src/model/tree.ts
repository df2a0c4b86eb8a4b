import { appendPointer, parsePointer } from "../json/pointer.ts";
import type { ChildList, CredentialDocument, FieldNode } from "./nodes.ts";

/** One step down the tree: which list of `parent` and where in it. */
export interface PathStep {
  readonly parent: FieldNode;
  readonly list: ChildList;
  readonly index: number;
}

export interface Located {
  readonly node: FieldNode;
  /** From the root down to the node's parent; empty for the root. */
  readonly path: readonly PathStep[];
}

/** Finds a node by id, with the path to it. Iterative, so 400-level designs do not exhaust the stack. */
export function locate(doc: CredentialDocument, id: string): Located | undefined {
  const stack: Located[] = [{ node: doc.root, path: [] }];
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (current.node.id === id) return current;
    for (const list of ["fields", "branches"] as const) {
      const children = current.node[list];
      if (!children) continue;
      for (let index = children.length - 1; index >= 0; index--) {
        stack.push({
          node: children[index]!,
          path: [...current.path, { parent: current.node, list, index }],
        });
      }
    }
  }
  return undefined;
}

/** The JSON pointer of a node in the exported schema, e.g. `/properties/auth/oneOf/1/properties/password`. */
export function pointerOf(located: Located): string {
  let pointer = "";
  for (let depth = 0; depth < located.path.length; depth++) {
    const step = located.path[depth]!;
    const child = depth + 1 < located.path.length ? located.path[depth + 1]!.parent : located.node;
    pointer =
      step.list === "fields"
        ? appendPointer(pointer, "properties", child.key)
        : appendPointer(pointer, "oneOf", step.index);
  }
  return pointer;
}

/**
 * The node a schema pointer falls in: the deepest field, branch or group whose own schema contains
 * it. The designer uses it to select the field a finding or an error points at.
 */
export function nodeAtPointer(doc: CredentialDocument, pointer: string): FieldNode {
  const tokens = parsePointer(pointer);
  let node = doc.root;
  for (let i = 0; i + 1 < tokens.length; i += 2) {
    const [keyword, name] = [tokens[i], tokens[i + 1]!];
    const next =
      keyword === "properties"
        ? node.fields?.find((field) => field.key === name)
        : keyword === "oneOf" && node.branches
          ? node.branches[Number(name)]
          : undefined;
    if (!next) break;
    node = next;
  }
  return node;
}

/** Rebuilds the ancestors along `path` so that the node at its end becomes `replacement`. */
export function replaceAlong(path: readonly PathStep[], replacement: FieldNode): FieldNode {
  let current = replacement;
  for (let depth = path.length - 1; depth >= 0; depth--) {
    const { parent, list, index } = path[depth]!;
    const children = [...parent[list]!];
    children[index] = current;
    current = { ...parent, [list]: children };
  }
  return current;
}

/** Visits every node depth-first in document order; stops early when `visit` returns false. */
export function walkNodes(
  root: FieldNode,
  visit: (node: FieldNode, depth: number) => boolean | undefined,
): void {
  const stack: Array<[FieldNode, number]> = [[root, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (visit(node, depth) === false) return;
    const children = [...(node.fields ?? []), ...(node.branches ?? [])];
    for (let index = children.length - 1; index >= 0; index--)
      stack.push([children[index]!, depth + 1]);
  }
}
