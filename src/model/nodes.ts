import type { JsonObject } from "../json/value.ts";

/**
 * One node of the credential window: the root, a field, a group, a choice or a choice branch.
 *
 * `schema` holds the node's own JSON Schema keywords, in their order, kept verbatim (unknown
 * keywords and `x-` extensions included). Children are not in `schema`: an object-like node
 * (root, group, branch) keeps its properties in `fields`, a choice keeps its `oneOf` branches in
 * `branches`. The bag still holds an empty `properties` / `oneOf` entry to remember where the
 * keyword stands, so export gives back the same key order.
 *
 * Nodes are immutable: commands build new nodes and share the untouched ones.
 */
export interface FieldNode {
  /** Stable identity across moves and renames; never exported. */
  readonly id: string;
  /** The property name in the parent object; "" for the root and for choice branches. */
  readonly key: string;
  /** A boolean schema (`true` / `false`) is kept as such: a leaf the designer shows as custom JSON. */
  readonly schema: JsonObject | boolean;
  /**
   * The key still follows the title (key-from-title.ts): true for a field added from the palette
   * until its key is edited by hand; absent for every other key (imported, from a template, typed).
   * Designer state like `id`: never exported, kept by undo and redo (steps carry it) and by
   * autosave beside the schema.
   */
  readonly autoKey?: true;
  readonly fields?: readonly FieldNode[];
  readonly branches?: readonly FieldNode[];
}

export interface CredentialDocument {
  readonly root: FieldNode;
}

export type ChildList = "fields" | "branches";

export function schemaObject(node: FieldNode): JsonObject {
  return typeof node.schema === "object" ? node.schema : {};
}

/** The `required` list of an object-like node, verbatim. */
export function requiredKeys(node: FieldNode): readonly string[] {
  const required = schemaObject(node).required;
  return Array.isArray(required)
    ? (required.filter((key) => typeof key === "string") as string[])
    : [];
}
