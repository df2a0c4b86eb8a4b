import type { Finding } from "../../check/types.ts";
import { parsePointer } from "../../json/pointer.ts";
import { type CredentialDocument, locate, pointerOf } from "../../model/index.ts";
import {
  type BoundKeyword,
  discriminatorKey,
  type PropertyName,
  type Selection,
} from "./field-properties.ts";

/**
 * Where the inspector shows a finding of the selected field: next to the control it concerns, or
 * at the top of the field's properties when it concerns no single control (or one not shown).
 * Pure: the inspector renders what this decides.
 */

/**
 * A control a finding can sit next to: a property's editor, or one control inside an editor of
 * several (a bound, a list's item pattern, a branch's value); "top" is the top of the properties.
 */
export type FindingPlace = PropertyName | BoundKeyword | "item-pattern" | "branch-value" | "top";

/** A finding of the design check, with the canvas node whose row shows it (undefined: the window). */
export interface NodeFinding {
  readonly finding: Finding;
  readonly nodeId: string | undefined;
}

/** The keyword (the first token inside a field's own schema) → the property that edits it. */
const KEYWORD_PLACES: Readonly<Record<string, FindingPlace>> = {
  title: "title",
  description: "help",
  writeOnly: "secret",
  airbyte_secret: "secret",
  default: "default",
  examples: "placeholder",
  format: "format",
  pattern: "pattern",
  minLength: "minLength",
  maxLength: "maxLength",
  minimum: "minimum",
  exclusiveMinimum: "exclusiveMinimum",
  maximum: "maximum",
  exclusiveMaximum: "exclusiveMaximum",
  minItems: "minItems",
  maxItems: "maxItems",
  uniqueItems: "list-unique",
  enum: "options",
  oneOf: "discriminator",
};

/** The controls of the properties that hold several. */
const CONTROLS_OF: Partial<Record<PropertyName, readonly FindingPlace[]>> = {
  branch: ["title"],
  length: ["minLength", "maxLength"],
  range: ["minimum", "exclusiveMinimum", "maximum", "exclusiveMaximum"],
  "list-count": ["minItems", "maxItems"],
};

/** The places that the selection's inspector shows. */
function shownPlaces(selection: Selection | undefined): Set<FindingPlace> {
  const shown = new Set<FindingPlace>(["top"]);
  for (const section of selection?.sections ?? [])
    for (const property of section.properties) {
      shown.add(property);
      for (const control of CONTROLS_OF[property] ?? []) shown.add(control);
    }
  if (shown.has("list-items")) shown.add("item-pattern");
  if (shown.has("branch") && selection?.choice) shown.add("branch-value");
  return shown;
}

/**
 * The place of one finding about `selection` (undefined: the window), given the tokens of its
 * pointer inside the node's own schema.
 */
function placeOf(
  finding: Finding,
  inNode: readonly string[] | undefined,
  selection: Selection | undefined,
): FindingPlace {
  if (!selection || inNode === undefined) return "top";
  const [first, second, third] = inNode;
  if (first === undefined) return finding.rule === "secret-not-write-only" ? "secret" : "top";
  if (first === "items" && second === "pattern") return "item-pattern";
  // A branch's discriminator (a field of the branch the canvas does not show) is its value.
  if (
    first === "properties" &&
    selection.choice &&
    second === discriminatorKey(selection.choice) &&
    (third === "const" || third === "enum")
  )
    return "branch-value";
  const place = KEYWORD_PLACES[first] ?? "top";
  // A list's default is its "Starts as an empty list" box.
  return place === "default" && selection.kind === "string-list" ? "list-default" : place;
}

/**
 * The findings of the selected node (or, with `selection` undefined, the window's own), grouped
 * by the place the inspector shows each: next to the control it concerns when that control is
 * shown, else at the top. In the order given.
 */
export function placeFindings(
  doc: CredentialDocument,
  selection: Selection | undefined,
  findings: readonly NodeFinding[],
): ReadonlyMap<FindingPlace, readonly Finding[]> {
  const id = selection?.node.id;
  const located = id === undefined ? undefined : locate(doc, id);
  const base = located ? parsePointer(pointerOf(located)) : [];
  const shown = shownPlaces(selection);
  const places = new Map<FindingPlace, Finding[]>();
  for (const { finding, nodeId } of findings) {
    if (nodeId !== id) continue;
    const place = placeOf(finding, inside(finding.pointer, base), selection);
    const at = shown.has(place) ? place : "top";
    const list = places.get(at);
    if (list) list.push(finding);
    else places.set(at, [finding]);
  }
  return places;
}

/**
 * The tokens of `pointer` after the node's own pointer `base`; undefined when it is not inside it
 * (a finding of a check that ran before the field was renamed or moved).
 */
function inside(pointer: string, base: readonly string[]): string[] | undefined {
  let tokens: string[];
  try {
    tokens = parsePointer(pointer);
  } catch {
    return undefined;
  }
  if (tokens.length < base.length || base.some((token, i) => tokens[i] !== token)) return undefined;
  return tokens.slice(base.length);
}
