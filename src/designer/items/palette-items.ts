import apiKey from "../../../schemas/api-key.json";
import basic from "../../../schemas/basic-auth.json";
import bearer from "../../../schemas/bearer-token.json";
import connectionString from "../../../schemas/database-connection-string.json";
import oauth1 from "../../../schemas/oauth1.json";
import oauth2Code from "../../../schemas/oauth2-authorization-code.json";
import oauth2Client from "../../../schemas/oauth2-client-credentials.json";
import restAdapter from "../../../schemas/rest-adapter.json";
import sftp from "../../../schemas/sftp.json";
import { isJsonObject, type JsonObject } from "../../json/value.ts";
import {
  type AddableKind,
  addField,
  applyTransaction,
  type CommandResult,
  type CredentialDocument,
  type FieldNode,
  insertNodes,
  isRefusal,
  KIND_DEFINITIONS,
  locate,
  moveFieldInDisplayOrder,
  requiredKeys,
  type Step,
} from "../../model/index.ts";
import { fieldsInDisplayOrder, usesDisplayOrder } from "../../model/vendor-keywords.ts";
import { importSchema } from "../../schema/import.ts";
import { contentsText, jsonContents, kindDescription } from "./item-descriptions.ts";

/**
 * One thing the palette offers: a field of a kind, or a ready-made block of fields from a template.
 * `description` says what it adds (its tooltip and accessible description).
 */
export type PaletteItem =
  | {
      readonly type: "kind";
      readonly id: string;
      readonly label: string;
      readonly description: string;
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
  description: kindDescription(definition.kind as AddableKind),
  kind: definition.kind as AddableKind,
}));

/** Which part of a template a block adds: the window's fields, one field, or one branch's fields. */
type Part =
  | { readonly of: "window" }
  | { readonly of: "field"; readonly key: string }
  | { readonly of: "branch"; readonly key: string; readonly title: string };

/**
 * The fields of a template's window (or of the part `part` names), with its required keys. Read
 * from the template when first used (an add or a drag), not when the page starts: importing the
 * nine templates took the page's start several milliseconds before anything was drawn. The
 * description is read from the template's JSON as it is, which costs nothing.
 */
function block(
  id: string,
  label: string,
  schema: unknown,
  part: Part = { of: "window" },
): PaletteItem {
  const template = schema as JsonObject;
  const title = typeof template.title === "string" ? template.title : label;
  let contents: { nodes: readonly FieldNode[]; required: readonly string[] } | undefined;
  const read = () => {
    if (contents) return contents;
    const from = pickNode(importSchema(template).root, part);
    contents = {
      nodes: (from.fields ?? []).filter((node) => node.key !== "type" || part.of !== "branch"),
      required: requiredKeys(from),
    };
    return contents;
  };
  return {
    type: "block",
    id: `block:${id}`,
    label,
    description: `Adds ${contentsText(jsonContents(pickJson(template, part)))}. From the ${title} template.`,
    get nodes() {
      return read().nodes;
    },
    get required() {
      return read().required;
    },
  };
}

const field = (root: FieldNode, key: string): FieldNode => {
  const node = root.fields?.find((candidate) => candidate.key === key);
  if (!node) throw new Error(`template has no field "${key}"`);
  return node;
};

/** The node whose fields the block adds (for a single field: the window holding only it). */
function pickNode(root: FieldNode, part: Part): FieldNode {
  switch (part.of) {
    case "window":
      return root;
    case "field":
      return {
        ...root,
        fields: [field(root, part.key)],
        schema: {
          ...(typeof root.schema === "object" ? root.schema : {}),
          required: requiredKeys(root).filter((name) => name === part.key),
        },
      };
    case "branch": {
      const node = field(root, part.key).branches?.find(
        (candidate) =>
          typeof candidate.schema === "object" && candidate.schema.title === part.title,
      );
      if (!node) throw new Error(`template has no branch "${part.title}"`);
      return node;
    }
  }
}

/** The same part in the template's JSON: the properties the block adds. */
function pickJson(template: JsonObject, part: Part): JsonObject {
  const properties = isJsonObject(template.properties) ? template.properties : {};
  if (part.of === "window") return properties;
  const own = properties[part.key];
  if (part.of === "field") return own === undefined ? {} : { [part.key]: own };
  const branch = (isJsonObject(own) && Array.isArray(own.oneOf) ? own.oneOf : []).find(
    (candidate) => isJsonObject(candidate) && candidate.title === part.title,
  );
  return isJsonObject(branch) && isJsonObject(branch.properties) ? branch.properties : {};
}

/**
 * The blocks: their names say what they add in a few words (a 200 px palette shows them whole);
 * their descriptions list it. "Auth-method choice" is the field kind's name only: the block with
 * the REST API template's whole choice is "REST auth methods".
 */
export const BLOCK_ITEMS: readonly PaletteItem[] = [
  block("basic", "Basic auth", basic),
  block("api-key", "API key", apiKey),
  block("bearer", "Bearer token", bearer),
  block("oauth1", "OAuth 1.0a", oauth1),
  block("oauth2-client", "OAuth 2.0 client", oauth2Client),
  block("oauth2-code", "OAuth 2.0 code", oauth2Code),
  block("connection-string", "DB connection", connectionString),
  block("private-key", "SSH private key", sftp, {
    of: "branch",
    key: "auth",
    title: "Private key",
  }),
  block("auth-choice", "REST auth methods", restAdapter, { of: "field", key: "auth" }),
];

/** How many nodes an item adds (for "position 2 of 5"). */
export function itemSize(item: PaletteItem): number {
  return item.type === "block" ? item.nodes.length : 1;
}

/** Its name in buttons and announcements: "Text field", "Basic auth block". */
export function itemName(item: PaletteItem): string {
  return item.type === "block" ? `${item.label} block` : `${item.label} field`;
}

/**
 * The core command that adds the item at `index` of `parent`. Where the fields there show in
 * display order (Airbyte's `order`), the new fields also take the place they were dropped at
 * among the rows shown (before the row now at `index`): the `order`s are renumbered, in the same
 * transaction (one undo step).
 */
export function addItem(
  doc: CredentialDocument,
  item: PaletteItem,
  parent: string,
  index: number,
): CommandResult {
  const added =
    item.type === "kind"
      ? addField(doc, { parent, index, kind: item.kind })
      : insertNodes(doc, {
          parent,
          index,
          nodes: item.nodes,
          required: item.required,
          label: `Add the ${item.label} block`,
        });
  const fields = locate(doc, parent)?.node.fields;
  if (isRefusal(added) || !fields || !usesDisplayOrder(fields)) return added;
  const before = fields[index];
  const steps: Step[] = [...added.steps];
  let now = applyTransaction(doc, added);
  const count = itemSize(item);
  for (let k = 0; k < count && now.ok; k++) {
    const node = locate(now.doc, parent)?.node.fields?.[index + k];
    if (!node) break;
    const shown = fieldsInDisplayOrder(fields);
    const position = (before ? shown.indexOf(before) : shown.length) + k;
    const move = moveFieldInDisplayOrder(now.doc, node.id, { parent, position });
    if (isRefusal(move)) return move;
    steps.push(...move.steps);
    now = applyTransaction(now.doc, move);
  }
  return { label: added.label, steps };
}

/** The id of the node an add put at `index` of `parent`, to select it. */
export function addedAt(
  doc: CredentialDocument,
  parent: string,
  index: number,
): string | undefined {
  return locate(doc, parent)?.node.fields?.[index]?.id;
}
