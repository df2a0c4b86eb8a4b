import { appendPointer } from "../json/pointer.ts";
import type { CredentialDocument, FieldNode } from "./nodes.ts";
import { withoutAutoKey } from "./steps.ts";

/**
 * Which keys follow their titles, as schema pointers: what is stored beside a design's schema
 * (the schema itself never says it), and how a loaded design gets it back. A pointer names a
 * field by its key path (`/properties/auth/oneOf/1/properties/tenantId`), so it stays right for
 * as long as the schema it was taken with.
 */

/** The pointers of the fields whose key follows their title, in document order. */
export function autoKeyPointers(doc: CredentialDocument): string[] {
  const pointers: string[] = [];
  const visit = (node: FieldNode, pointer: string) => {
    if (node.autoKey) pointers.push(pointer);
    for (const field of node.fields ?? [])
      visit(field, appendPointer(pointer, "properties", field.key));
    node.branches?.forEach((branch, index) => {
      visit(branch, appendPointer(pointer, "oneOf", index));
    });
  };
  visit(doc.root, "");
  return pointers;
}

/**
 * `doc` where exactly the fields at `pointers` follow their title. A pointer that names no field
 * (the schema changed meanwhile, a branch, the window) is skipped; a document that already
 * agrees is given back as it is.
 */
export function withAutoKeys(
  doc: CredentialDocument,
  pointers: readonly string[],
): CredentialDocument {
  const wanted = new Set(pointers);
  const mark = (node: FieldNode, pointer: string, isField: boolean): FieldNode => {
    let changed = false;
    const fields = node.fields?.map((field) => {
      const next = mark(field, appendPointer(pointer, "properties", field.key), true);
      if (next !== field) changed = true;
      return next;
    });
    const branches = node.branches?.map((branch, index) => {
      const next = mark(branch, appendPointer(pointer, "oneOf", index), false);
      if (next !== branch) changed = true;
      return next;
    });
    const auto = isField && wanted.has(pointer);
    if (!changed && (node.autoKey === true) === auto) return node;
    const base = auto ? { ...node, autoKey: true as const } : withoutAutoKey(node);
    return {
      ...base,
      ...(fields !== undefined && { fields }),
      ...(branches !== undefined && { branches }),
    };
  };
  const root = mark(doc.root, "", false);
  return root === doc.root ? doc : { root };
}
