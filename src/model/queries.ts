import { isJsonObject, type JsonValue } from "../json/value.ts";
import type { FieldNode } from "./nodes.ts";

/**
 * Read-only questions about the document's nodes: how messages name a node, which key a new field
 * can take, and what tells a choice's branches apart. They change nothing; the commands
 * (commands.ts) and the designer ask them.
 */

/** The discriminator a new choice gets, and the one assumed when the branches have none. */
export const DEFAULT_DISCRIMINATOR = "type";

// ---------------------------------------------------------------- naming

/** How messages name a node: its title and key, e.g. `"Password" (password)`. */
export function describe(node: FieldNode): string {
  const title =
    isJsonObject(node.schema) && typeof node.schema.title === "string"
      ? node.schema.title
      : undefined;
  if (node.key === "") return title ? `"${title}"` : "this branch";
  return title && title !== node.key ? `"${title}" (${node.key})` : `"${node.key}"`;
}

/** How messages name a node that holds fields: its title, else its key, else "the window". */
export function describeContainer(container: FieldNode): string {
  const title =
    isJsonObject(container.schema) && typeof container.schema.title === "string"
      ? container.schema.title
      : undefined;
  return title ? `"${title}"` : container.key ? `"${container.key}"` : "the window";
}

// ---------------------------------------------------------------- keys

/** `base`, or `base2`, `base3`… : the first that no field of `container` has as its key. */
export function uniqueKey(container: FieldNode, base: string): string {
  return uniqueKeyAmong(new Set((container.fields ?? []).map((field) => field.key)), base);
}

/** `base`, or `base2`, `base3`… : the first not in `taken`. */
export function uniqueKeyAmong(taken: ReadonlySet<string>, base: string): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}${n}`)) return `${base}${n}`;
}

// ---------------------------------------------------------------- choice branches

/** The property that tells a choice's branches apart: the first key with a `const` in every branch. */
export function discriminatorKey(choice: FieldNode): string {
  return foundDiscriminatorKey(choice) ?? DEFAULT_DISCRIMINATOR;
}

/**
 * The choice's discriminator when its branches have one (the first key with a `const` in every
 * branch), or undefined; unlike `discriminatorKey`, no default stands in for a missing one.
 */
export function foundDiscriminatorKey(choice: FieldNode): string | undefined {
  const branches = choice.branches ?? [];
  const first = branches[0]?.fields ?? [];
  for (const field of first) {
    if (constOf(field) === undefined) continue;
    if (
      branches.every((branch) =>
        branch.fields?.some((other) => other.key === field.key && constOf(other) !== undefined),
      )
    )
      return field.key;
  }
  return undefined;
}

/** The discriminator value of a branch, if it has one. */
export function branchValue(choice: FieldNode, branch: FieldNode): JsonValue | undefined {
  const key = discriminatorKey(choice);
  const field = branch.fields?.find((candidate) => candidate.key === key);
  return field ? constOf(field) : undefined;
}

/** The `const` of a field's schema, if it has one. */
function constOf(field: FieldNode): JsonValue | undefined {
  return typeof field.schema === "object" && Object.hasOwn(field.schema, "const")
    ? field.schema.const
    : undefined;
}
