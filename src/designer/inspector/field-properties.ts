import type { Result } from "../../json/result.ts";
import { isJsonObject, type JsonObject, type JsonValue, ownValue } from "../../json/value.ts";
import {
  branchValue,
  type CredentialDocument,
  discriminatorKey,
  type FieldKind,
  type FieldNode,
  type FieldUpdate,
  foundDiscriminatorKey,
  keyForTitle,
  kindOf,
  locate,
  requiredKeys,
  schemaObject,
  withKeywords,
} from "../../model/index.ts";
import {
  AIRBYTE_SECRET,
  isSecretByAnyMarking,
  targetsAirbyte,
} from "../../model/vendor-keywords.ts";
import type { PatternVerdict } from "../../schema/pattern-safety/index.ts";

/**
 * What the inspector shows for a selected node and how typed text becomes a core command's
 * input. Pure: the components render what this decides and pass the result to `updateField`
 * (or `renameBranch`, `renameDiscriminator`); the core still has the last word (key uniqueness,
 * secrets, shapes).
 */

/** One editable property of a node; each has one editor in the inspector's registry. */
export type PropertyName =
  | "key"
  | "title"
  | "help"
  | "required"
  | "secret"
  | "airbyte-secret"
  | "placeholder"
  | "default"
  | "format"
  | "pattern"
  | "length"
  | "range"
  | "list-count"
  | "options"
  | "branch"
  | "discriminator"
  | "branches"
  | "list-items"
  | "list-unique"
  | "list-default";

export interface PropertySection {
  /** The section's heading. */
  readonly title: string;
  readonly properties: readonly PropertyName[];
}

/** What is selected, as the inspector needs to know it. */
export interface Selection {
  readonly node: FieldNode;
  readonly kind: FieldKind;
  /** "field": a property of the window, a group or a branch; "branch": a branch of a choice. */
  readonly place: "field" | "branch";
  /** The choice a branch belongs to. */
  readonly choice?: FieldNode;
  /** Whether the field is in its object's `required` list. */
  readonly required: boolean;
  /**
   * Only for a field whose key follows its title: the key a title gives it (`keyForTitle`, what
   * the core will do when that title is applied).
   */
  readonly keyForTitle?: (title: string | undefined) => string | undefined;
  readonly sections: readonly PropertySection[];
}

/** Kinds holding a string value (a secret, a URL, a PEM key…). */
const STRING_KINDS: ReadonlySet<FieldKind> = new Set([
  "text",
  "secret",
  "url",
  "email",
  "hostname",
  "multiline",
  "pem",
  "connection-string",
]);
/** String kinds whose value a `format` describes. */
const FORMAT_KINDS: ReadonlySet<FieldKind> = new Set([
  "text",
  "secret",
  "url",
  "email",
  "hostname",
]);
const NUMBER_KINDS: ReadonlySet<FieldKind> = new Set(["number", "integer"]);

/** The selected node, where it sits and which properties apply; undefined for none or the window. */
export function selectionOf(
  doc: CredentialDocument,
  id: string | undefined,
): Selection | undefined {
  if (id === undefined) return undefined;
  const located = locate(doc, id);
  const position = located?.path.at(-1);
  if (!located || !position) return undefined;
  const node = located.node;
  const kind = kindOf(node);
  if (position.list === "branches") {
    return {
      node,
      kind,
      place: "branch",
      choice: position.parent,
      required: false,
      sections: [{ title: "Branch", properties: ["branch", "help"] }],
    };
  }
  const required = requiredKeys(position.parent).includes(node.key);
  const keyFor = (title: string | undefined) => keyForTitle(doc, node.id, title);
  return {
    node,
    kind,
    place: "field",
    required,
    sections: sectionsFor(node, kind, targetsAirbyte(doc.root)),
    ...(keyFor(titleOf(node)) !== undefined && { keyForTitle: keyFor }),
  };
}

function titleOf(node: FieldNode): string | undefined {
  const title = ownValue(schemaObject(node), "title");
  return typeof title === "string" ? title : undefined;
}

/**
 * The properties of a field (not a branch), grouped under headings, in the order shown. In a
 * window written for Airbyte (`airbyte`: vendor-keywords.ts `targetsAirbyte`) a text field also
 * offers to mark its secret for Airbyte.
 */
export function sectionsFor(
  node: FieldNode,
  kind: FieldKind = kindOf(node),
  airbyte = false,
): PropertySection[] {
  if (typeof node.schema === "boolean")
    return [{ title: "Field", properties: ["key", "required"] }];
  const schema = node.schema;
  const secret = isSecretByAnyMarking(schema);
  const field: PropertyName[] = ["key", "title", "help", "required"];
  const value: PropertyName[] = [];
  const validation: PropertyName[] = [];
  const sections: PropertySection[] = [{ title: "Field", properties: field }];
  if (STRING_KINDS.has(kind)) {
    field.push("secret");
    if (airbyte) field.push("airbyte-secret");
    // A secret carries no value: its placeholder and default show only when it has one anyway
    // (imported or stored that way), for the check's finding and its fix to sit next to.
    if (!secret || ownValue(schema, "examples") !== undefined) value.push("placeholder");
    if (!secret || ownValue(schema, "default") !== undefined) value.push("default");
    if (FORMAT_KINDS.has(kind)) validation.push("format");
    validation.push("pattern", "length");
  } else if (NUMBER_KINDS.has(kind)) {
    value.push("placeholder", "default");
    validation.push("range");
  } else if (kind === "boolean" || kind === "select") {
    value.push("default");
  } else if (kind === "string-list") {
    value.push("list-default");
    validation.push("list-count", "list-unique");
  }
  if (value.length > 0) sections.push({ title: "Value", properties: value });
  if (validation.length > 0) sections.push({ title: "Validation", properties: validation });
  if (kind === "select") sections.push({ title: "Options", properties: ["options"] });
  if (kind === "string-list") sections.push({ title: "Items", properties: ["list-items"] });
  if (kind === "choice")
    sections.push({ title: "Branches", properties: ["discriminator", "branches"] });
  return sections;
}

// ---------------------------------------------------------------- reading values as text

/** A keyword's value as the text a control shows ("" when absent). */
export function keywordText(node: FieldNode, keyword: string): string {
  return valueText(ownValue(schemaObject(node), keyword));
}

export function valueText(value: JsonValue | undefined): string {
  if (value === undefined) return "";
  return typeof value === "string" ? value : JSON.stringify(value);
}

/** The placeholder: the first example. */
export function placeholderText(node: FieldNode): string {
  const examples = ownValue(schemaObject(node), "examples");
  return Array.isArray(examples) ? valueText(examples[0]) : "";
}

/** The discriminator value of a branch, as text. */
export function branchValueText(choice: FieldNode, branch: FieldNode): string {
  return valueText(branchValue(choice, branch));
}

export { discriminatorKey };

/** A choice's discriminator key as text: "" when its branches have none (nothing tells them apart). */
export function discriminatorKeyText(choice: FieldNode): string {
  return foundDiscriminatorKey(choice) ?? "";
}

// ---------------------------------------------------------------- typed text to edits

/** What a control's committed text becomes: a field update for the core, or why not. */
export type Edit = Result<{ update: FieldUpdate }>;

const edit = (set: Record<string, JsonValue | undefined>): Edit => ({ ok: true, update: { set } });
const refuse = (reason: string): Edit => ({ ok: false, reason });

/** Title or help: an empty text removes the keyword. */
export function textEdit(keyword: "title" | "description", text: string): Edit {
  return edit({ [keyword]: text === "" ? undefined : text });
}

// ---------------------------------------------------------------- the key and the title

const KEY_HINT = "The property name the connector receives; unique within its group.";

/** What the Key box says: whether the key still follows the title (`keyForTitle` answers). */
export function keyHint(followsTitle: boolean): string {
  return followsTitle ? `Follows the title until you edit it. ${KEY_HINT}` : KEY_HINT;
}

/**
 * What the Title box says while `text` is typed over the title: for a field whose key follows its
 * title, the key that title will give, when that is not the key the field has.
 */
export function titleHint(selection: Selection, text: string): string | undefined {
  if (!selection.keyForTitle || text === keywordText(selection.node, "title")) return undefined;
  const next = selection.keyForTitle(text === "" ? undefined : text);
  return next !== undefined && next !== selection.node.key
    ? `The key becomes "${next}".`
    : undefined;
}

/** A key change; the core checks it is not empty and not taken. */
export function keyEdit(text: string): Edit {
  return { ok: true, update: { key: text } };
}

export function requiredEdit(required: boolean): Edit {
  return { ok: true, update: { required } };
}

/**
 * Secret on or off. Off removes every marking (`writeOnly` and Airbyte's `airbyte_secret`): a
 * field left marked by one is still a secret. The core refuses to make a field with a default or
 * an example secret.
 */
export function secretEdit(secret: boolean, node?: FieldNode): Edit {
  if (secret) return edit({ writeOnly: true });
  const schema = node ? schemaObject(node) : {};
  return edit({
    writeOnly: undefined,
    ...(Object.hasOwn(schema, AIRBYTE_SECRET) && { [AIRBYTE_SECRET]: undefined }),
  });
}

/** "Mark secret for Airbyte too": `airbyte_secret: true` beside `writeOnly: true`; off removes Airbyte's marking only. */
export function airbyteSecretEdit(on: boolean): Edit {
  return edit(on ? { writeOnly: true, [AIRBYTE_SECRET]: true } : { [AIRBYTE_SECRET]: undefined });
}

const NUMBER_TEXT = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;

/** A number typed as text, or why it is not one. */
export function parseNumber(text: string, integer = false): Result<{ value: number }> {
  const trimmed = text.trim();
  const value = Number(trimmed);
  if (!NUMBER_TEXT.test(trimmed) || !Number.isFinite(value)) {
    return { ok: false, reason: `"${text}" is not a number: type digits, e.g. 42 or 2.5` };
  }
  if (integer && !Number.isInteger(value))
    return { ok: false, reason: `"${text}" is not a whole number: type e.g. 42` };
  return { ok: true, value };
}

/** Text typed for a value of `kind` (a default or a placeholder) as the JSON value it stands for. */
export function parseValue(kind: FieldKind, text: string): Result<{ value: JsonValue }> {
  if (NUMBER_KINDS.has(kind)) return parseNumber(text, kind === "integer");
  return { ok: true, value: text };
}

/** The default typed as text (text and number kinds); an empty text removes it. */
export function defaultEdit(kind: FieldKind, text: string): Edit {
  if (text === "") return edit({ default: undefined });
  const parsed = parseValue(kind, text);
  return parsed.ok
    ? edit({ default: parsed.value })
    : refuse(`The default ${parsed.reason.replace(/^"[^"]*" /, "")}`);
}

/** A yes / no field's default: on or none. */
export function booleanDefaultEdit(on: boolean): Edit {
  return edit({ default: on ? true : undefined });
}

/** A select's default, chosen by the option's position ("" for none). */
export function selectDefaultEdit(node: FieldNode, choice: string): Edit {
  if (choice === "") return edit({ default: undefined });
  const values = ownValue(schemaObject(node), "enum");
  const value = Array.isArray(values) ? values[Number(choice)] : undefined;
  return value === undefined
    ? refuse("that option is no longer there: choose another")
    : edit({ default: value });
}

/** The placeholder is the first example; an empty text removes it (keeping further examples). */
export function placeholderEdit(node: FieldNode, kind: FieldKind, text: string): Edit {
  const examples = ownValue(schemaObject(node), "examples");
  const rest = Array.isArray(examples) ? examples.slice(1) : [];
  if (text === "") return edit({ examples: rest.length > 0 ? rest : undefined });
  const parsed = parseValue(kind, text);
  if (!parsed.ok) return refuse(`The placeholder ${parsed.reason.replace(/^"[^"]*" /, "")}`);
  return edit({ examples: [parsed.value, ...rest] });
}

/**
 * The pattern-safety analysis, passed in: the page loads it on demand (it is most of the page's
 * script; see src/schema/pattern-safety-lazy.ts), tests and Node pass `checkPattern` itself.
 */
export type PatternChecker = (pattern: string) => PatternVerdict;

/** Why a typed pattern cannot be used (invalid or unsafe), checked as the user types. */
export function patternProblem(
  text: string,
  checkPattern: PatternChecker,
): { kind: "invalid" | "unsafe"; message: string } | undefined {
  if (text === "") return undefined;
  const verdict = checkPattern(text);
  if (verdict.ok) return undefined;
  if (verdict.problem === "invalid")
    return { kind: "invalid", message: `This pattern ${verdict.message}.` };
  return {
    kind: "unsafe",
    message: `Unsafe pattern: it ${verdict.message}. To fix it, ${verdict.fix}.`,
  };
}

export function patternEdit(text: string, checkPattern: PatternChecker): Edit {
  const problem = patternProblem(text, checkPattern);
  return problem ? refuse(problem.message) : edit({ pattern: text === "" ? undefined : text });
}

export type BoundKeyword =
  | "minLength"
  | "maxLength"
  | "minItems"
  | "maxItems"
  | "minimum"
  | "exclusiveMinimum"
  | "maximum"
  | "exclusiveMaximum";

interface Bound {
  /** A lower bound (the value is at least, or above, it) or an upper one. */
  readonly isMin: boolean;
  /** An exclusive bound: the value can never equal it. */
  readonly exclusive: boolean;
  /** A count (a length, a number of items): a whole number, 0 or more. */
  readonly count: boolean;
  readonly name: string;
  /** The bounds on the other side, which this one must leave room below (or above). */
  readonly opposite: readonly BoundKeyword[];
}

const BOUNDS: Record<BoundKeyword, Bound> = {
  minLength: {
    isMin: true,
    exclusive: false,
    count: true,
    name: "minimum length",
    opposite: ["maxLength"],
  },
  maxLength: {
    isMin: false,
    exclusive: false,
    count: true,
    name: "maximum length",
    opposite: ["minLength"],
  },
  minItems: {
    isMin: true,
    exclusive: false,
    count: true,
    name: "minimum number of items",
    opposite: ["maxItems"],
  },
  maxItems: {
    isMin: false,
    exclusive: false,
    count: true,
    name: "maximum number of items",
    opposite: ["minItems"],
  },
  minimum: {
    isMin: true,
    exclusive: false,
    count: false,
    name: "minimum",
    opposite: ["maximum", "exclusiveMaximum"],
  },
  exclusiveMinimum: {
    isMin: true,
    exclusive: true,
    count: false,
    name: "exclusive minimum",
    opposite: ["maximum", "exclusiveMaximum"],
  },
  maximum: {
    isMin: false,
    exclusive: false,
    count: false,
    name: "maximum",
    opposite: ["minimum", "exclusiveMinimum"],
  },
  exclusiveMaximum: {
    isMin: false,
    exclusive: true,
    count: false,
    name: "exclusive maximum",
    opposite: ["minimum", "exclusiveMinimum"],
  },
};

/** Whether a bound is a count (typed as a whole number) rather than any number. */
export function isCountBound(keyword: BoundKeyword): boolean {
  return BOUNDS[keyword].count;
}

/**
 * A length, a number of items or a numeric bound typed as text: a number, and the bounds never
 * contradicting each other, so some value always fits. Two inclusive bounds may meet
 * (minimum 5, maximum 5 allows 5); an exclusive one may not meet the other side
 * (exclusive minimum 5 with maximum 5 allows nothing).
 */
export function boundEdit(node: FieldNode, keyword: BoundKeyword, text: string): Edit {
  if (text.trim() === "") return edit({ [keyword]: undefined });
  const bound = BOUNDS[keyword];
  const parsed = parseNumber(text, bound.count);
  if (!parsed.ok) return refuse(`The ${bound.name} ${parsed.reason.replace(/^"[^"]*" /, "")}`);
  const value = parsed.value;
  if (bound.count && value < 0) return refuse(`The ${bound.name} must be 0 or more`);
  for (const otherKeyword of bound.opposite) {
    const other = ownValue(schemaObject(node), otherKeyword);
    if (typeof other !== "number") continue;
    const otherBound = BOUNDS[otherKeyword];
    const [min, max] = bound.isMin ? [value, other] : [other, value];
    const strict = bound.exclusive || otherBound.exclusive;
    if (strict ? min < max : min <= max) continue;
    const relation = bound.isMin
      ? strict
        ? "be below"
        : "not exceed"
      : strict
        ? "be above"
        : "not be below";
    return refuse(
      `The ${bound.name} (${value}) must ${relation} the ${otherBound.name} (${other})`,
    );
  }
  return edit({ [keyword]: value });
}

/** Formats offered for text-like fields; a format the schema already has is offered too. */
export const FORMATS: ReadonlyArray<{ value: string; label: string }> = [
  { value: "", label: "None" },
  { value: "uri", label: "URL (uri)" },
  { value: "email", label: "Email" },
  { value: "hostname", label: "Host name" },
  { value: "ipv4", label: "IPv4 address" },
  { value: "ipv6", label: "IPv6 address" },
  { value: "uuid", label: "UUID" },
  { value: "date", label: "Date" },
  { value: "date-time", label: "Date and time" },
];

export function formatChoices(node: FieldNode): ReadonlyArray<{ value: string; label: string }> {
  const current = keywordText(node, "format");
  return current === "" || FORMATS.some((format) => format.value === current)
    ? FORMATS
    : [...FORMATS, { value: current, label: current }];
}

export function formatEdit(format: string): Edit {
  return edit({ format: format === "" ? undefined : format });
}

// ---------------------------------------------------------------- a list's items

/** The schema of a list's items ({} when it has none of its own). */
export function itemsSchema(node: FieldNode): JsonObject {
  const items = ownValue(schemaObject(node), "items");
  return isJsonObject(items) ? items : {};
}

/** A keyword of a list's items as text ("" when absent). */
export function itemText(node: FieldNode, keyword: string): string {
  return valueText(ownValue(itemsSchema(node), keyword));
}

/** The list's `items` with keywords set in place (new ones at their canonical place, `undefined` removes). */
function itemsEdit(node: FieldNode, changes: Record<string, JsonValue | undefined>): Edit {
  return edit({ items: withKeywords(itemsSchema(node), changes) });
}

/** An item's title: an empty text removes it. */
export function itemTitleEdit(node: FieldNode, text: string): Edit {
  return itemsEdit(node, { title: text === "" ? undefined : text });
}

/** An item's pattern, checked as a field's pattern is. */
export function itemPatternEdit(node: FieldNode, text: string, checkPattern: PatternChecker): Edit {
  const problem = patternProblem(text, checkPattern);
  return problem
    ? refuse(problem.message)
    : itemsEdit(node, { pattern: text === "" ? undefined : text });
}

/** An item's minimum or maximum length, checked as a field's lengths are (against the items' other bound). */
export function itemLengthEdit(
  node: FieldNode,
  keyword: "minLength" | "maxLength",
  text: string,
): Edit {
  const checked = boundEdit({ ...node, schema: itemsSchema(node) }, keyword, text);
  if (!checked.ok) return checked;
  return itemsEdit(node, { [keyword]: checked.update.set![keyword] });
}

/** Whether a list refuses the same item twice (`uniqueItems`). */
export function uniqueItemsEdit(unique: boolean): Edit {
  return edit({ uniqueItems: unique ? true : undefined });
}

/** Whether a list starts empty (`default: []`) rather than unset. */
export function emptyListDefaultEdit(on: boolean): Edit {
  return edit({ default: on ? [] : undefined });
}

/** Whether the list's default is the empty list. */
export function startsEmpty(node: FieldNode): boolean {
  const value = ownValue(schemaObject(node), "default");
  return Array.isArray(value) && value.length === 0;
}

// ---------------------------------------------------------------- a choice's branches

/** The value and title of a new branch of `choice`: the first "branchN" no branch has yet. */
export function newBranchFor(choice: FieldNode): { value: string; title: string } {
  const taken = new Set(
    (choice.branches ?? []).map((branch) => valueText(branchValue(choice, branch))),
  );
  let n = (choice.branches?.length ?? 0) + 1;
  while (taken.has(`branch${n}`)) n++;
  return { value: `branch${n}`, title: `Branch ${n}` };
}
