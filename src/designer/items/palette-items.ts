import apiKey from "../../../schemas/api-key.json";
import basic from "../../../schemas/basic-auth.json";
import bearer from "../../../schemas/bearer-token.json";
import connectionString from "../../../schemas/database-connection-string.json";
import oauth1 from "../../../schemas/oauth1.json";
import oauth2Code from "../../../schemas/oauth2-authorization-code.json";
import oauth2Client from "../../../schemas/oauth2-client-credentials.json";
import restAdapter from "../../../schemas/rest-adapter.json";
import sftp from "../../../schemas/sftp.json";
import type { JsonValue } from "../../json/value.ts";
import {
  type AddableKind,
  addField,
  type CommandResult,
  type CredentialDocument,
  type FieldNode,
  insertNodes,
  KIND_DEFINITIONS,
  locate,
  requiredKeys,
} from "../../model/index.ts";
import { importSchema } from "../../schema/import.ts";

/** One thing the palette offers: a field of a kind, or a ready-made block of fields from a template. */
export type PaletteItem =
  | {
      readonly type: "kind";
      readonly id: string;
      readonly label: string;
      readonly kind: AddableKind;
    }
  | {
      readonly type: "block";
      readonly id: string;
      readonly label: string;
      readonly description: string;
      readonly nodes: readonly FieldNode[];
      readonly required: readonly string[];
    };

export const KIND_ITEMS: readonly PaletteItem[] = KIND_DEFINITIONS.filter(
  (definition) => definition.kind !== "custom",
).map((definition) => ({
  type: "kind",
  id: `kind:${definition.kind}`,
  label: definition.label,
  kind: definition.kind as AddableKind,
}));

/**
 * The fields of a template's window (or of the node `pick` chooses in it), with its required keys.
 * Read from the template when first used (an add or a drag), not when the page starts: importing
 * the nine templates took the page's start several milliseconds before anything was drawn.
 */
function block(
  id: string,
  label: string,
  schema: unknown,
  pick?: (root: FieldNode) => FieldNode,
): PaletteItem {
  const title = (schema as { title?: unknown }).title;
  let contents: { nodes: readonly FieldNode[]; required: readonly string[] } | undefined;
  const read = () => {
    if (contents) return contents;
    const root = importSchema(schema as JsonValue).root;
    const from = pick ? pick(root) : root;
    contents = {
      nodes: (from.fields ?? []).filter((node) => node.key !== "type" || pick === undefined),
      required: requiredKeys(from),
    };
    return contents;
  };
  return {
    type: "block",
    id: `block:${id}`,
    label,
    description: `The fields of the ${typeof title === "string" ? title : label} template`,
    get nodes() {
      return read().nodes;
    },
    get required() {
      return read().required;
    },
  };
}

const field =
  (key: string) =>
  (root: FieldNode): FieldNode => {
    const node = root.fields?.find((candidate) => candidate.key === key);
    if (!node) throw new Error(`template has no field "${key}"`);
    return node;
  };
const branch =
  (key: string, title: string) =>
  (root: FieldNode): FieldNode => {
    const node = field(key)(root).branches?.find(
      (candidate) => typeof candidate.schema === "object" && candidate.schema.title === title,
    );
    if (!node) throw new Error(`template has no branch "${title}"`);
    return node;
  };
/** A block of the one node `key` itself (e.g. a whole choice). */
const single =
  (key: string) =>
  (root: FieldNode): FieldNode => ({
    ...root,
    fields: [field(key)(root)],
    schema: {
      ...(typeof root.schema === "object" ? root.schema : {}),
      required: requiredKeys(root).filter((name) => name === key),
    },
  });

export const BLOCK_ITEMS: readonly PaletteItem[] = [
  block("basic", "Basic", basic),
  block("api-key", "API key", apiKey),
  block("bearer", "Bearer token", bearer),
  block("oauth1", "OAuth 1.0", oauth1),
  block("oauth2-client", "OAuth 2.0 client credentials", oauth2Client),
  block("oauth2-code", "OAuth 2.0 authorization code", oauth2Code),
  block("connection-string", "Connection string", connectionString),
  block("private-key", "Private key", sftp, branch("auth", "Private key")),
  block("auth-choice", "Auth-method choice", restAdapter, single("auth")),
];

/** How many nodes an item adds (for "position 2 of 5"). */
export function itemSize(item: PaletteItem): number {
  return item.type === "block" ? item.nodes.length : 1;
}

/** Its name in buttons and announcements: "Text field", "Basic block". */
export function itemName(item: PaletteItem): string {
  return item.type === "block" ? `${item.label} block` : `${item.label} field`;
}

/** The core command that adds the item at `index` of `parent`. */
export function addItem(
  doc: CredentialDocument,
  item: PaletteItem,
  parent: string,
  index: number,
): CommandResult {
  if (item.type === "kind") return addField(doc, { parent, index, kind: item.kind });
  return insertNodes(doc, {
    parent,
    index,
    nodes: item.nodes,
    required: item.required,
    label: `Add the ${item.label} block`,
  });
}

/** The id of the node an add put at `index` of `parent`, to select it. */
export function addedAt(
  doc: CredentialDocument,
  parent: string,
  index: number,
): string | undefined {
  return locate(doc, parent)?.node.fields?.[index]?.id;
}
