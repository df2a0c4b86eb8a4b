import { type Change, REDACTED } from "../../diff/types.ts";
import { appendPointer, parsePointer } from "../../json/pointer.ts";
import type { JsonValue } from "../../json/value.ts";
import type { CredentialDocument, FieldNode } from "../../model/index.ts";
import { sentence } from "../../schema/problem-message.ts";
import type { targetsAtPointers } from "../problems/problem-targets.ts";

/** One change as the compare view lists it. */
export interface ChangeRow {
  readonly change: Change;
  /** The change's sentence, ending with a period (as the CLI's table prints it). */
  readonly text: string;
  /**
   * The canvas row that shows the changed field in the current design; undefined when the
   * change is about something the design no longer has (a removed field or option) or about
   * the window itself.
   */
  readonly nodeId: string | undefined;
  /** How the canvas names that node ("Authentication › OAuth 1.0a › Access token"); undefined without one. */
  readonly place: string | undefined;
  /** "old → new" as JSON, when both are short; undefined when there is nothing to show or it is too long. */
  readonly values: string | undefined;
  /** For half of a likely rename, what it may have been renamed from or to, as a sentence. */
  readonly hint: string | undefined;
}

/** The longest value shown beside a change, as JSON text. */
const MAX_VALUE_LENGTH = 40;

/**
 * The changes from some schema to `doc`'s (`diffSchemas(old, toSchema(doc))`), in their order,
 * each with the canvas row of its field in `doc`. A change's pointer into the new schema finds
 * the row as a problem's does (`targetsAt`: problem-targets.ts's `targetsAtPointers`, passed in by
 * the caller, see CompareViewProps); a pointer into a `required` list stands for the field it
 * names, and one into the window's own keywords (`/definitions/…`, reached through a `$ref`)
 * falls back to the field's place in saved values. A change whose pointer is into the old schema
 * (the thing is gone) has no row.
 */
export function changeRows(
  doc: CredentialDocument,
  changes: readonly Change[],
  targetsAt: typeof targetsAtPointers,
): ChangeRow[] {
  const pointers = changes.map((change) => {
    if (change.pointerIn === "old") return undefined;
    const pointer = rowPointer(change);
    const [first] = parsePointer(pointer);
    // Into the window's own keywords (`/title`, `/definitions/…`): the changed field's, or the window's.
    return first === "properties" || first === "oneOf" ? pointer : fieldPointer(doc, change.field);
  });
  const targets = targetsAt(
    doc,
    pointers.map((pointer) => pointer ?? ""),
  );
  return changes.map((change, index) => {
    const target = pointers[index] === undefined ? undefined : targets[index];
    return {
      change,
      text: sentence(change.message),
      nodeId: target?.nodeId,
      place: target?.nodeId === undefined ? undefined : target.place,
      values: shortValues(change),
      hint: change.hint === undefined ? undefined : sentence(change.hint),
    };
  });
}

/** `…/required/2` is about the field that entry names: `…/properties/<name>` (the name is the field's last token). */
function rowPointer(change: Change): string {
  const required = /^(.*)\/required\/\d+$/.exec(change.pointer);
  if (!required) return change.pointer;
  const name = parsePointer(change.field).at(-1);
  return name === undefined ? required[1]! : appendPointer(required[1]!, "properties", name);
}

/**
 * The schema pointer of the deepest node of `doc` on the way to a place in saved values
 * (`/auth/username`: the field "username" of the first option of "auth" that has one); "" when
 * not even its first step is a field.
 */
function fieldPointer(doc: CredentialDocument, field: string): string {
  let node: FieldNode = doc.root;
  let pointer = "";
  for (const key of parsePointer(field)) {
    const own = node.fields?.find((child) => child.key === key);
    if (own) {
      node = own;
      pointer = appendPointer(pointer, "properties", key);
      continue;
    }
    const branch =
      node.branches?.findIndex((option) => option.fields?.some((child) => child.key === key)) ?? -1;
    if (branch < 0) break;
    node = node.branches![branch]!.fields!.find((child) => child.key === key)!;
    pointer = appendPointer(pointer, "oneOf", branch, "properties", key);
  }
  return pointer;
}

function shortValues(change: Change): string | undefined {
  if (change.old === undefined && change.new === undefined) return undefined;
  const before = shown(change.old);
  const after = shown(change.new);
  return before.length > MAX_VALUE_LENGTH || after.length > MAX_VALUE_LENGTH
    ? undefined
    : `${before} → ${after}`;
}

/** A value as JSON; the diff's stand-in for a secret's value as it is ("<secret: not shown>"). */
function shown(value: JsonValue | undefined): string {
  if (value === undefined) return "(none)";
  if (value === REDACTED) return REDACTED;
  return JSON.stringify(value);
}
