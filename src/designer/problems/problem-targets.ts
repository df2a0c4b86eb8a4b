import type { Finding } from "../../check/types.ts";
import {
  type CredentialDocument,
  discriminatorKey,
  type FieldNode,
  nodeAtPointer,
} from "../../model/index.ts";
import { shownFields } from "../dnd/drop-target.ts";
import { joinPath, nodeName } from "../dnd/names.ts";

/** A finding with the design node it is about, as the problems list shows it. */
export interface Problem {
  readonly finding: Finding;
  /** The field, group, choice or branch whose canvas row shows it; undefined for the window itself. */
  readonly nodeId: string | undefined;
  /** How the canvas names that node, under the groups it is in ("Authentication › Basic › Password"); "Window" for the window. */
  readonly place: string;
}

/** What the list calls the design's root, which has no canvas row. */
export const WINDOW_PLACE = "Window";

interface Row {
  /** The node whose row shows this node: itself, or for a branch's discriminator (not a row) its branch. */
  readonly rowId: string;
  readonly place: string;
}

/**
 * The node a finding's JSON pointer falls in (a pointer into a field's keywords, such as
 * `/properties/a/pattern`, is field a's), or the branch of a discriminator (which has no row of
 * its own); undefined when the pointer is the window's own (`/required/0`, `/patternProperties/…`).
 */
export function nodeIdAtPointer(doc: CredentialDocument, pointer: string): string | undefined {
  return rowAt(doc, pointer, rowsOf(doc))?.rowId;
}

/** Where a JSON pointer into `doc`'s schema shows on the canvas (see {@link targetsAtPointers}). */
export interface PointerTarget {
  /** The field, group, choice or branch whose canvas row shows it; undefined for the window itself. */
  readonly nodeId: string | undefined;
  /** How the canvas names that node; "Window" for the window. */
  readonly place: string;
}

/**
 * For each JSON pointer into `doc`'s schema, the node whose row shows it and the canvas's name for
 * that node (as {@link nodeIdAtPointer} finds it), with one walk of the design for all of them.
 */
export function targetsAtPointers(
  doc: CredentialDocument,
  pointers: readonly string[],
): PointerTarget[] {
  let rows: Map<string, Row> | undefined;
  return pointers.map((pointer) => {
    rows ??= rowsOf(doc);
    const row = rowAt(doc, pointer, rows);
    return { nodeId: row?.rowId, place: row?.place ?? WINDOW_PLACE };
  });
}

/** The findings of `doc`'s schema, each with the node whose row shows it and the canvas's name for that node. */
export function problemsOf(doc: CredentialDocument, findings: readonly Finding[]): Problem[] {
  const targets = targetsAtPointers(
    doc,
    findings.map((finding) => finding.pointer),
  );
  return findings.map((finding, index) => ({ finding, ...targets[index]! }));
}

function rowAt(
  doc: CredentialDocument,
  pointer: string,
  rows: ReadonlyMap<string, Row>,
): Row | undefined {
  const node = nodeAtPointer(doc, pointer);
  return node === doc.root ? undefined : rows.get(node.id);
}

/** Every node's row and canvas path, in one walk (a design may have a finding on each of 1,000 fields). */
function rowsOf(doc: CredentialDocument): Map<string, Row> {
  const rows = new Map<string, Row>();
  const stack: Array<{ node: FieldNode; place: string; discriminator: string | undefined }> = [
    { node: doc.root, place: "", discriminator: undefined },
  ];
  while (stack.length > 0) {
    const { node, place, discriminator } = stack.pop()!;
    const fields = node.fields ?? [];
    const shown = new Set(shownFields(fields, discriminator));
    for (const field of fields) {
      if (!shown.has(field)) {
        rows.set(field.id, { rowId: node.id, place });
        continue;
      }
      const own = joinPath(place, nodeName(field));
      rows.set(field.id, { rowId: field.id, place: own });
      stack.push({ node: field, place: own, discriminator: undefined });
    }
    if (!node.branches) continue;
    const branchDiscriminator = discriminatorKey(node);
    for (const branch of node.branches) {
      const own = joinPath(place, nodeName(branch));
      rows.set(branch.id, { rowId: branch.id, place: own });
      stack.push({ node: branch, place: own, discriminator: branchDiscriminator });
    }
  }
  return rows;
}
