import { type JsonObject, ownValue } from "../json/value.ts";

/**
 * What field names and titles say about a field. Keys are split into words
 * (`clientSecret` → client secret, `API_KEY` → api key, `OAuth2TokenURL` → o auth 2 token url),
 * then judged by their *head*: the last word before a preposition, ignoring trailing words
 * such as "value" or "PEM". So `tokenUrl`, `keyName`, `passwordPolicy` and "Name of the key"
 * are not secrets, while `accessKey`, "Private key (PEM)" and "Password for the account" are.
 */
export function words(text: string): string[] {
  return (text.match(/[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+|\d+/g) ?? []).map((word) =>
    word.toLowerCase(),
  );
}

const PREPOSITIONS = new Set([
  "for",
  "of",
  "to",
  "from",
  "used",
  "with",
  "in",
  "on",
  "at",
  "by",
  "that",
  "which",
  "when",
  "as",
  "or",
]);
const QUALIFIERS = new Set([
  "value",
  "string",
  "str",
  "text",
  "data",
  "pem",
  "b64",
  "base64",
  "raw",
  "plain",
  "plaintext",
  "encoded",
  "hex",
  "content",
  "contents",
  "bytes",
  "der",
  "file",
  "input",
  "json",
  "info",
  "information",
]);
const SECRET_HEADS = new Set([
  "password",
  "passwd",
  "pwd",
  "passphrase",
  "passcode",
  "secret",
  "token",
  "apikey",
  "privatekey",
  "secretkey",
  "accesskey",
  "clientsecret",
  "accesstoken",
  "refreshtoken",
  "authtoken",
  "bearertoken",
  "connectionstring",
  "connstring",
  "credential",
  "serviceaccountkey",
  "jaasconfig",
]);
/** Words before "key" that make it a lookup key rather than a credential. */
const NOT_SECRET_KEYS = new Set([
  "public",
  "partition",
  "primary",
  "sort",
  "routing",
  "cache",
  "object",
  "foreign",
  "lookup",
  "idempotency",
  "dedup",
  "deduplication",
  "hash",
  "map",
  "json",
  "field",
  "column",
  "row",
  "shard",
  "sharding",
  "group",
  "message",
  "event",
  "sequence",
  "index",
  "unique",
  "composite",
  "range",
  "sorting",
  "hotkey",
  "registry",
  // What published windows call the keys of their data, not credentials: `header_key`,
  // `message_body_key`, `tag_key`, `cursor_key`, `record_key`, `stream_key`, `join_key`…
  "header",
  "body",
  "tag",
  "label",
  "cursor",
  "record",
  "stream",
  "join",
  "grouping",
  "distribution",
  "cluster",
  "clustering",
  "natural",
  "surrogate",
  "business",
  "metadata",
  "attribute",
  "property",
  "item",
  "dictionary",
  "secondary",
  "timestamp",
  "date",
  "parent",
  "child",
  "upsert",
  "merge",
  "bucket",
]);
/** Words before "token" that make it a cursor rather than a credential. */
const NOT_SECRET_TOKENS = new Set([
  "page",
  "next",
  "continuation",
  "sync",
  "cursor",
  "pagination",
  "delimiter",
]);

/** The words that carry the meaning: up to the first preposition, without trailing qualifiers. */
function headWords(text: string): string[] {
  const all = words(text);
  const cut = all.findIndex((word) => PREPOSITIONS.has(word));
  const head = cut === -1 ? all : all.slice(0, cut);
  const last2 = head.slice(-2).join(" ");
  if (/^(connection|conn) (string|str)$/.test(last2))
    return [...head.slice(0, -2), "connectionstring"];
  while (head.length > 1 && QUALIFIERS.has(head[head.length - 1]!)) head.pop();
  // A service account's JSON key (`service_account_info`, `service_account_json`, `service_account`)
  // and a JAAS configuration (`sasl_jaas_config`), which carries a password, are secrets.
  const tail = head.slice(-2).join(" ");
  if (tail === "service account" || (tail === "account key" && head.at(-3) === "service"))
    return [...head.slice(0, tail === "service account" ? -2 : -3), "serviceaccountkey"];
  if (head.at(-1) === "jaas" || (head.at(-1) === "config" && head.at(-2) === "jaas"))
    return [...head.slice(0, head.at(-1) === "jaas" ? -1 : -2), "jaasconfig"];
  return head;
}

function singular(word: string): string {
  return word.length > 3 && word.endsWith("s") && !word.endsWith("ss") ? word.slice(0, -1) : word;
}

/** The secret term a key or title names (e.g. "password", "key"), or undefined. */
export function secretTerm(text: string): string | undefined {
  const head = headWords(text);
  const last = singular(head[head.length - 1] ?? "");
  const previous = head[head.length - 2];
  if (last === "serviceaccountkey") return "service account key";
  if (last === "jaasconfig") return "JAAS config";
  if (SECRET_HEADS.has(last)) {
    if (last === "token" && previous && NOT_SECRET_TOKENS.has(previous)) return undefined;
    return last;
  }
  if (last === "key") return previous && NOT_SECRET_KEYS.has(previous) ? undefined : "key";
  return undefined;
}

/** Whether a key or title names a URL: ends in url/uri/endpoint/href/link, in any case. */
export function namesUrl(text: string): boolean {
  return /(?:url|uri|endpoint|href|link)s?$/i.test(text.replace(/[^A-Za-z0-9]/g, ""));
}

/**
 * Whether a key or title names an authorization or token URL (`authorizationUrl`, `tokenEndpoint`,
 * "OAuth URL"). Redirect and callback URLs are not: they may legitimately be http://localhost.
 */
export function namesAuthUrl(text: string): boolean {
  const joined = words(text).join("");
  if (/redirect|callback/.test(joined)) return false;
  return (
    /auth|token|oidc|openid|login|signin|sso/.test(joined) && /url|uri|endpoint|href/.test(joined)
  );
}

const URL_FORMATS = new Set([
  "uri",
  "url",
  "iri",
  "uri-reference",
  "iri-reference",
  "uri-template",
]);

export function hasUrlFormat(schema: JsonObject): boolean {
  const format = ownValue(schema, "format");
  return typeof format === "string" && URL_FORMATS.has(format);
}

/** Whether the schema can hold a string (no `type`, or a type list including "string"). */
export function allowsString(schema: JsonObject): boolean {
  const type = ownValue(schema, "type");
  if (type === undefined) return true;
  if (typeof type === "string") return type === "string";
  return Array.isArray(type) && type.includes("string");
}
