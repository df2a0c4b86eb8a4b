import type { JsonObject } from "../json/value.ts";
import type { FieldNode } from "./nodes.ts";
import { isMultiline, isSecretByAnyMarking } from "./vendor-keywords.ts";

export const FIELD_KINDS = [
  "text",
  "secret",
  "url",
  "email",
  "hostname",
  "number",
  "integer",
  "boolean",
  "select",
  "multiline",
  "pem",
  "connection-string",
  "string-list",
  "group",
  "choice",
  "custom",
] as const;

export type FieldKind = (typeof FIELD_KINDS)[number];

/** Kinds a user adds from the palette; "custom" only comes from imported schemas. */
export type AddableKind = Exclude<FieldKind, "custom">;

interface KindDefinition {
  kind: FieldKind;
  label: string;
  /** Suggested property key for a new field of this kind. */
  defaultKey: string;
  /** Higher wins when several kinds match one schema (as JSON Forms' ranked testers). */
  rank: number;
  matches(node: FieldNode, schema: JsonObject): boolean;
  /** Keywords of a new field of this kind, in canonical order (keyword-order.ts). */
  newSchema(): JsonObject;
}

const isType = (schema: JsonObject, type: string) =>
  schema.type === type ||
  (schema.type === undefined && type === "string" && looksLikeString(schema));
const looksLikeString = (schema: JsonObject) =>
  typeof schema.format === "string" ||
  typeof schema.pattern === "string" ||
  isSecretByAnyMarking(schema);
const widget = (schema: JsonObject) => schema["x-widget"];

/** The palette, in the order the designer shows it. */
export const KIND_DEFINITIONS: readonly KindDefinition[] = [
  {
    kind: "text",
    label: "Text",
    defaultKey: "text",
    rank: 1,
    matches: (_node, s) => isType(s, "string"),
    newSchema: () => ({ title: "Text", type: "string" }),
  },
  {
    kind: "secret",
    label: "Secret",
    defaultKey: "secret",
    rank: 5,
    // Either marking (writeOnly, Airbyte's airbyte_secret): src/model/vendor-keywords.ts.
    matches: (_node, s) => isType(s, "string") && isSecretByAnyMarking(s),
    newSchema: () => ({ title: "Secret", type: "string", writeOnly: true }),
  },
  {
    kind: "url",
    label: "URL",
    defaultKey: "url",
    rank: 3,
    matches: (_node, s) => isType(s, "string") && (s.format === "uri" || s.format === "url"),
    newSchema: () => ({ title: "URL", type: "string", format: "uri" }),
  },
  {
    kind: "email",
    label: "Email",
    defaultKey: "email",
    rank: 3,
    matches: (_node, s) => isType(s, "string") && s.format === "email",
    newSchema: () => ({ title: "Email", type: "string", format: "email" }),
  },
  {
    kind: "hostname",
    label: "Host name",
    defaultKey: "host",
    rank: 3,
    matches: (_node, s) => isType(s, "string") && s.format === "hostname",
    newSchema: () => ({ title: "Host name", type: "string", format: "hostname" }),
  },
  {
    kind: "number",
    label: "Number",
    defaultKey: "number",
    rank: 1,
    matches: (_node, s) => s.type === "number",
    newSchema: () => ({ title: "Number", type: "number" }),
  },
  {
    kind: "integer",
    label: "Integer",
    defaultKey: "integer",
    rank: 1,
    matches: (_node, s) => s.type === "integer",
    newSchema: () => ({ title: "Integer", type: "integer" }),
  },
  {
    kind: "boolean",
    label: "Yes / no",
    defaultKey: "enabled",
    rank: 1,
    matches: (_node, s) => s.type === "boolean",
    newSchema: () => ({ title: "Enabled", type: "boolean" }),
  },
  {
    kind: "select",
    label: "Select",
    defaultKey: "choice",
    rank: 4,
    matches: (_node, s) => Array.isArray(s.enum) && (s.type === undefined || s.type === "string"),
    newSchema: () => ({
      title: "Select",
      type: "string",
      enum: ["first", "second"],
      "x-enumNames": ["First", "Second"],
    }),
  },
  {
    kind: "multiline",
    label: "Multi-line text",
    defaultKey: "notes",
    rank: 6,
    matches: (_node, s) => isType(s, "string") && (widget(s) === "multiline" || isMultiline(s)),
    newSchema: () => ({ title: "Multi-line text", type: "string", "x-widget": "multiline" }),
  },
  {
    kind: "pem",
    label: "PEM key",
    defaultKey: "privateKey",
    rank: 7,
    matches: (_node, s) =>
      isType(s, "string") &&
      (widget(s) === "pem" || s.contentMediaType === "application/x-pem-file"),
    newSchema: () => ({
      title: "Private key",
      type: "string",
      contentMediaType: "application/x-pem-file",
      "x-widget": "pem",
      writeOnly: true,
    }),
  },
  {
    kind: "connection-string",
    label: "Connection string",
    defaultKey: "connectionString",
    rank: 7,
    matches: (_node, s) => isType(s, "string") && widget(s) === "connection-string",
    newSchema: () => ({
      title: "Connection string",
      type: "string",
      "x-widget": "connection-string",
      writeOnly: true,
    }),
  },
  {
    kind: "string-list",
    label: "List of strings",
    defaultKey: "list",
    rank: 2,
    matches: (_node, s) =>
      s.type === "array" &&
      typeof s.items === "object" &&
      s.items !== null &&
      !Array.isArray(s.items) &&
      s.items.type === "string",
    newSchema: () => ({ title: "List", type: "array", items: { type: "string" } }),
  },
  {
    kind: "group",
    label: "Group",
    defaultKey: "group",
    rank: 10,
    matches: (node) => node.fields !== undefined,
    newSchema: () => ({ title: "Group", type: "object", properties: {} }),
  },
  {
    kind: "choice",
    label: "Auth-method choice",
    defaultKey: "auth",
    rank: 11,
    matches: (node) => node.branches !== undefined,
    newSchema: () => ({ title: "Authentication", oneOf: [] }),
  },
];

const definitionByKind = new Map(
  KIND_DEFINITIONS.map((definition) => [definition.kind, definition]),
);

/** The kind of a node, derived from its keywords: never stored, so it cannot disagree with them. */
export function kindOf(node: FieldNode): FieldKind {
  if (typeof node.schema === "boolean") return "custom";
  let best: KindDefinition | undefined;
  for (const definition of KIND_DEFINITIONS) {
    if ((!best || definition.rank > best.rank) && definition.matches(node, node.schema))
      best = definition;
  }
  return best?.kind ?? "custom";
}

export function kindDefinition(kind: AddableKind): KindDefinition {
  const definition = definitionByKind.get(kind);
  if (!definition) throw new Error(`unknown field kind "${kind}"`);
  return definition;
}

export function kindLabel(kind: FieldKind): string {
  return kind === "custom" ? "Custom (JSON)" : kindDefinition(kind).label;
}

export function isAddableKind(kind: string): kind is AddableKind {
  return kind !== "custom" && definitionByKind.has(kind as FieldKind);
}
