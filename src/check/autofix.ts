import { parsePointer } from "../json/pointer.ts";
import { isJsonObject, type JsonObject, type JsonValue, ownValue } from "../json/value.ts";
import {
  type CommandResult,
  type CredentialDocument,
  describe,
  isRefusal,
  locate,
  nodeAtPointer,
  pointerOf,
  refusal,
  schemaObject,
  updateField,
  withKeywords,
} from "../model/index.ts";
import { isSecret, secretValues } from "../model/secret-values.ts";
import { anchorPattern, httpsUrl } from "./fixes.ts";
import type { AutofixKind, Finding } from "./types.ts";

/** Said when the design no longer has what the finding was about (it changed since the check). */
export const FIX_STALE = "the design changed since this problem was found: it is no longer there";
/** Said when what the fix would do is done already. */
export const FIX_DONE = "this problem is fixed already";

/**
 * The design command that applies a finding's mechanical fix (`finding.autofix`): one field
 * update, so one undo step. Pure. The finding's pointer is read in `doc` as it is now, and the
 * fix is worked out from the current values (the check may be a moment behind the design): a
 * value that is no longer there or no longer wrong gives a refusal that says so, never a change
 * to something else. The core still has the last word (`updateField`).
 */
export function autofixCommand(
  doc: CredentialDocument,
  finding: Pick<Finding, "pointer" | "autofix">,
): CommandResult {
  const { autofix } = finding;
  if (!autofix) return refusal("this problem has no automatic fix: follow its advice instead");
  let tokens: string[];
  try {
    tokens = parsePointer(finding.pointer);
  } catch {
    return refusal(FIX_STALE);
  }
  const node = nodeAtPointer(doc, finding.pointer);
  const located = locate(doc, node.id)!;
  // The tokens inside the node's own keywords (its children are nodes of their own).
  const inNode = tokens.slice(parsePointer(pointerOf(located)).length);
  const own = schemaObject(node);

  let path: string[];
  let change: (schema: JsonObject) => Change;
  switch (autofix.kind) {
    case "make-secret":
      path = inNode;
      change = makeSecret;
      break;
    case "remove-secret-value": {
      path = inNode.slice(0, -1);
      const keyword = inNode.at(-1);
      change = (schema) => removeSecretValue(schema, keyword);
      break;
    }
    case "use-https": {
      // `…/default`, or `…/examples/<index>`.
      const example = inNode.at(-2) === "examples" && /^\d+$/.test(inNode.at(-1) ?? "");
      path = inNode.slice(0, example ? -2 : -1);
      const index = example ? Number(inNode.at(-1)) : undefined;
      const keyword = example ? "examples" : inNode.at(-1);
      change = (schema) => useHttps(schema, keyword, index);
      break;
    }
    case "anchor-pattern":
      path = inNode.slice(0, -1);
      change = inNode.at(-1) === "pattern" ? anchor : () => FIX_STALE;
      break;
  }

  const subschema = valueAt(own, path);
  if (!isJsonObject(subschema) || typeof node.schema === "boolean") return refusal(FIX_STALE);
  const changes = change(subschema);
  if (typeof changes === "string") return refusal(changes);
  const set =
    path.length === 0
      ? changes
      : { [path[0]!]: replaced(own[path[0]!]!, path.slice(1), withKeywords(subschema, changes)) };
  const result = updateField(doc, node.id, { set });
  if (isRefusal(result)) return result;
  return {
    ...result,
    label: labelFor(autofix.kind, node === doc.root ? "the window" : describe(node)),
  };
}

/** The keywords to set on the subschema (`undefined` removes one), or why not. */
type Change = Record<string, JsonValue | undefined> | string;

function makeSecret(schema: JsonObject): Change {
  if (isSecret(schema)) return FIX_DONE;
  const changes: Record<string, JsonValue | undefined> = { writeOnly: true };
  for (const { keyword } of secretValues({ ...schema, writeOnly: true }))
    changes[keyword] = undefined;
  return changes;
}

function removeSecretValue(schema: JsonObject, keyword: string | undefined): Change {
  if (!isSecret(schema)) return FIX_STALE;
  return secretValues(schema).some((value) => value.keyword === keyword)
    ? { [keyword!]: undefined }
    : FIX_DONE;
}

function useHttps(
  schema: JsonObject,
  keyword: string | undefined,
  index: number | undefined,
): Change {
  if (keyword !== "default" && keyword !== "examples") return FIX_STALE;
  const current = ownValue(schema, keyword);
  if (index === undefined) {
    if (typeof current !== "string") return FIX_STALE;
    const https = httpsUrl(current);
    return https === undefined ? FIX_DONE : { default: https };
  }
  if (!Array.isArray(current) || typeof current[index] !== "string") return FIX_STALE;
  const https = httpsUrl(current[index] as string);
  if (https === undefined) return FIX_DONE;
  return { examples: current.map((example, i) => (i === index ? https : example)) };
}

function anchor(schema: JsonObject): Change {
  const pattern = ownValue(schema, "pattern");
  if (typeof pattern !== "string") return FIX_STALE;
  const anchored = anchorPattern(pattern);
  return anchored === pattern ? FIX_DONE : { pattern: anchored };
}

/** The value at `path` inside `value` (own properties and array indexes only). */
function valueAt(value: JsonValue, path: readonly string[]): JsonValue | undefined {
  let current: JsonValue | undefined = value;
  for (const token of path) {
    if (Array.isArray(current)) current = /^\d+$/.test(token) ? current[Number(token)] : undefined;
    else if (isJsonObject(current)) current = ownValue(current, token);
    else return undefined;
    if (current === undefined) return undefined;
  }
  return current;
}

/** A copy of `value` with `replacement` at `path` (which exists); what is not on the path is shared. */
function replaced(value: JsonValue, path: readonly string[], replacement: JsonValue): JsonValue {
  if (path.length === 0) return replacement;
  const [token, ...rest] = path as [string, ...string[]];
  if (Array.isArray(value)) {
    const index = Number(token);
    return value.map((item, i) => (i === index ? replaced(item, rest, replacement) : item));
  }
  const object = value as JsonObject;
  return withKeywords(object, { [token]: replaced(object[token]!, rest, replacement) });
}

/** The history's name for the fix: "Make "API token" (apiToken) secret". */
function labelFor(kind: AutofixKind, name: string): string {
  switch (kind) {
    case "make-secret":
      return `Make ${name} secret`;
    case "remove-secret-value":
      return `Remove the value of secret ${name}`;
    case "use-https":
      return `Use https in ${name}`;
    case "anchor-pattern":
      return `Anchor the pattern of ${name}`;
  }
}
