import { isJsonObject, type JsonObject, type JsonValue } from "../../json/value.ts";
import {
  type AddableKind,
  discriminatorKey,
  type FieldNode,
  newFieldNode,
} from "../../model/index.ts";

/**
 * What each palette item adds, in words: its tooltip and its accessible description, and what
 * docs/designer.md lists. The words about a block's or a choice's contents are read from what the
 * item really inserts (a template's JSON, the core's new choice), so they cannot drift from it.
 */

/** A field as its description names it: its title, and a choice's branches with their fields. */
export interface Contents {
  readonly title: string;
  readonly branches?: readonly { readonly title: string; readonly fields: readonly string[] }[];
}

/** "a", "a and b", "a, b and c" (or "or"). */
export function listText(items: readonly string[], conjunction: "and" | "or" = "and"): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} ${conjunction} ${items.at(-1)}`;
}

/**
 * A choice's branches in words: with their fields when every branch has at most three
 * ("None (no fields), Basic (Username, Password)"), else by title only ("…, each with its fields").
 */
function branchesText(branches: NonNullable<Contents["branches"]>): string {
  const detailed = branches.every((branch) => branch.fields.length <= 3);
  const each = branches.map((branch) =>
    !detailed
      ? branch.title
      : `${branch.title} (${branch.fields.length === 0 ? "no fields" : branch.fields.join(", ")})`,
  );
  return `${each.join(", ")}${detailed ? "" : ", each with its fields"}`;
}

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? "" : "s"}`;

/**
 * What the fields are, after "Adds ": "2 fields: Username, Password", or for one choice "an
 * Authentication choice of 2 methods: None (no fields), Basic (Username, Password)".
 */
export function contentsText(fields: readonly Contents[]): string {
  const [only] = fields;
  if (fields.length === 1 && only?.branches)
    return `${article(only.title)} ${only.title} choice of ${count(only.branches.length, "method")}: ${branchesText(only.branches)}`;
  const titles = fields.map((field) =>
    field.branches
      ? `${field.title} (a choice of ${listText(
          field.branches.map((branch) => branch.title),
          "or",
        )})`
      : field.title,
  );
  return `${count(fields.length, "field")}: ${titles.join(", ")}`;
}

const article = (word: string) => (/^[aeiou]/i.test(word) ? "an" : "a");

// ---------------------------------------------------------------- contents from nodes or JSON

const titleOf = (schema: JsonValue | undefined): string | undefined =>
  isJsonObject(schema) && typeof schema.title === "string" ? schema.title : undefined;

/** A node's contents: its title (else its key); a choice's branches without their discriminator. */
export function nodeContents(node: FieldNode): Contents {
  const title = titleOf(node.schema) ?? node.key;
  if (!node.branches) return { title };
  const discriminator = discriminatorKey(node);
  return {
    title,
    branches: node.branches.map((branch, index) => ({
      title: titleOf(branch.schema) ?? `Option ${index + 1}`,
      fields: (branch.fields ?? [])
        .filter((field) => field.key !== discriminator)
        .map((field) => titleOf(field.schema) ?? field.key),
    })),
  };
}

/**
 * The contents of a template's properties, read from its JSON as it is (cheaply: the page shows
 * every block's description at its start, long before a block's template is imported). A
 * branch's discriminator (a property with a `const`) is not a field the user sees.
 */
export function jsonContents(properties: JsonObject): Contents[] {
  return Object.entries(properties)
    .filter(([, schema]) => !(isJsonObject(schema) && "const" in schema))
    .map(([key, schema]) => {
      const title = titleOf(schema) ?? key;
      const oneOf = isJsonObject(schema) ? schema.oneOf : undefined;
      if (!Array.isArray(oneOf)) return { title };
      return {
        title,
        branches: oneOf.map((branch, index) => ({
          title: titleOf(branch) ?? `Option ${index + 1}`,
          fields: jsonContents(
            isJsonObject(branch) && isJsonObject(branch.properties) ? branch.properties : {},
          ).map((field) => field.title),
        })),
      };
    });
}

// ---------------------------------------------------------------- the field kinds

/** What a new field of each kind is, after "Adds ". The choice's is read from the core's new choice. */
const KIND_WORDS: Readonly<Record<Exclude<AddableKind, "choice">, string>> = {
  text: "a one-line text box",
  secret: "a masked, write-only text box, for a password or a token",
  url: "a text box for a URL",
  email: "a text box for an email address",
  hostname: "a text box for a host name",
  number: "a box for a number",
  integer: "a box for a whole number",
  boolean: "a checkbox, for yes or no",
  select: "a drop-down list of options (it starts with two)",
  multiline: "a text area of several lines",
  pem: "a masked text area for a private key in PEM format",
  "connection-string": "a masked text box for a connection string, credentials included",
  "string-list": "a list of text values, as long as needed",
  group: "a titled group that holds fields of its own",
};

/** What adding a field of `kind` adds, as a sentence. */
export function kindDescription(kind: AddableKind): string {
  if (kind !== "choice") return `Adds ${KIND_WORDS[kind]}.`;
  return `Adds ${contentsText([nodeContents(newFieldNode("choice", "auth"))])}. Add more methods in the inspector.`;
}
