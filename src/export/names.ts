/**
 * Type names for the generated bindings. Every name is ASCII letters and digits, starts with a
 * capital letter and has a capital after every digit, so json-schema-to-typescript's own
 * `toSafeString` leaves it exactly as it is; names are unique within one export.
 */

/** Names the generated files use next to the types, or that would confuse readers. */
const RESERVED = new Set([
  "ValidationError",
  "Array",
  "Object",
  "String",
  "Number",
  "Boolean",
  "Function",
  "Symbol",
  "Record",
  "Partial",
  "Readonly",
  "Required",
  "Date",
  "Error",
  "Promise",
  "Map",
  "Set",
  "RegExp",
  "JSON",
  "Math",
  "Intl",
  "Uppercase",
  "Lowercase",
  "Capitalize",
  "Uncapitalize",
  "NoInfer",
  "Exclude",
  "Extract",
  "Pick",
  "Omit",
  "NonNullable",
  "Parameters",
  "ReturnType",
  "InstanceType",
  "Awaited",
  "ThisType",
  "BigInt",
  "Proxy",
  "Reflect",
  "WeakMap",
  "WeakSet",
  "Iterable",
  "Iterator",
  "PromiseLike",
  "ArrayLike",
  "PropertyKey",
]);

const MAX_LENGTH = 48;

/**
 * "REST adapter" → "RESTAdapter", "rest-adapter" → "RestAdapter", "oauth2 client" → "Oauth2Client",
 * "Região" → "Regiao"; "" when nothing usable is left (e.g. only punctuation or CJK).
 */
export function pascalCase(text: string): string {
  const ascii = text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
  const words = ascii.match(/[A-Za-z0-9]+/g);
  if (!words) return "";
  let name = "";
  for (const word of words) {
    if (name && name.length + word.length > MAX_LENGTH) break; // long titles: the first words
    name += word.charAt(0).toUpperCase() + word.slice(1);
  }
  name = name.slice(0, MAX_LENGTH);
  name = name.replace(
    /(\d)([a-z])/g,
    (_, digit: string, letter: string) => digit + letter.toUpperCase(),
  );
  if (/^\d/.test(name)) name = `N${name}`;
  return name;
}

export class NameRegistry {
  private readonly used = new Set<string>();

  /** A new unique name from the first candidate that yields one (or `fallback`). */
  claim(candidates: ReadonlyArray<string | undefined>, fallback: string): string {
    let base = "";
    for (const candidate of candidates) {
      if (candidate === undefined) continue;
      base = pascalCase(candidate);
      if (base) break;
    }
    if (!base) base = pascalCase(fallback) || "Type";
    if (RESERVED.has(base)) base += "Type";
    let name = base;
    // "Foo" taken → "Foo2", "Foo3"… A digit suffix keeps the name stable under toSafeString.
    for (let counter = 2; this.used.has(name); counter++) name = base + counter;
    this.used.add(name);
    return name;
  }
}
