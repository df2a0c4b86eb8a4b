import { SchemaProblem } from "../../json/problem.ts";

/**
 * C# names for the generated model. Every name this module makes is ASCII letters, digits and
 * underscores, starts with a capital letter or an underscore (so it is never a C# keyword, all of
 * which are lower case), and is unique within its scope: types within the namespace, members
 * within a class (the enclosing type's own name and what it inherits included).
 */

/** C#'s reserved keywords (contextual keywords are valid identifiers). */
export const CSHARP_KEYWORDS: ReadonlySet<string> = new Set(
  (
    "abstract as base bool break byte case catch char checked class const continue decimal default " +
    "delegate do double else enum event explicit extern false finally fixed float for foreach goto " +
    "if implicit in int interface internal is lock long namespace new null object operator out " +
    "override params private protected public readonly ref return sbyte sealed short sizeof " +
    "stackalloc static string struct switch this throw true try typeof uint ulong unchecked unsafe " +
    "ushort using virtual void volatile while"
  ).split(" "),
);

/**
 * Type names the emitted file uses from the framework, Newtonsoft.Json and its own runtime: a
 * generated type of the same name in the namespace would hide them.
 */
export const RESERVED_TYPE_NAMES: ReadonlySet<string> = new Set([
  // the runtime part of the file (runtime.ts) and the format checks (dotnet-formats.ts)
  "CredentialJson",
  "CredentialJsonException",
  "CredentialPatterns",
  "CredentialFormats",
  "CredentialNumber",
  "CredentialObjectConverter",
  "ICredentialObject",
  // what the file names from System, DataAnnotations and Newtonsoft.Json
  "System",
  "Newtonsoft",
  "Microsoft",
  "Object",
  "String",
  "Math",
  "Array",
  "BitConverter",
  "Double",
  "Int64",
  "Boolean",
  "Char",
  "Type",
  "Exception",
  "ArgumentNullException",
  "InvalidOperationException",
  "FormatException",
  "OverflowException",
  "NotSupportedException",
  "IList",
  "List",
  "IDictionary",
  "Dictionary",
  "KeyValuePair",
  "HashSet",
  "IEnumerable",
  "StringComparer",
  "StringComparison",
  "StringBuilder",
  "StringReader",
  "CultureInfo",
  "NumberStyles",
  "Regex",
  "RegexOptions",
  "Uri",
  "UriKind",
  "IPAddress",
  "ValidationResult",
  "JsonException",
  "JsonConverter",
  "JsonConverterAttribute",
  "JsonProperty",
  "JsonPropertyAttribute",
  "JsonExtensionData",
  "JsonExtensionDataAttribute",
  "JsonIgnore",
  "JsonIgnoreAttribute",
  "JsonReader",
  "JsonWriter",
  "JsonSerializer",
  "JsonToken",
  "JToken",
  "JTokenType",
  "JObject",
  "JArray",
  "JValue",
  "JProperty",
  "Formatting",
  "NullValueHandling",
]);

/**
 * Member names no property may take: the generated methods, what every class inherits from
 * `object`, and the runtime classes the generated code calls by simple name (a property of that
 * name would hide them).
 */
export const RESERVED_MEMBER_NAMES: ReadonlySet<string> = new Set([
  "FromJson",
  "ToJson",
  "Validate",
  "ToString",
  "Equals",
  "GetHashCode",
  "GetType",
  "MemberwiseClone",
  "Finalize",
  "ReferenceEquals",
  "CredentialJson",
  "CredentialJsonException",
  "CredentialPatterns",
  "CredentialFormats",
  "CredentialNumber",
]);

/**
 * Words of a text, for PascalCase: split at everything that is not an ASCII letter or digit, at
 * lower-to-upper changes (`baseUrl`), before the last capital of a run followed by a lower-case
 * letter (`OAuthToken` → `O`, `Auth`, `Token`; `HTTPServer` → `HTTP`, `Server`) and between
 * letters and digits.
 */
export function words(text: string): string[] {
  return text
    .replace(/[^A-Za-z0-9]+/g, " ")
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .replace(/([A-Z])([A-Z][a-z])/g, "$1 $2")
    .replace(/([A-Za-z])([0-9])/g, "$1 $2")
    .replace(/([0-9])([A-Za-z])/g, "$1 $2")
    .split(" ")
    .filter(Boolean);
}

/**
 * .NET's casing of a text: each word capitalised; an all-capitals word of three letters or more
 * becomes a capital and lower case (`REST API` → `RestApi`, `HTTPServer` → `HttpServer`), a
 * two-letter one stays (`IO`); a word of mixed case keeps its inner capitals after splitting
 * (`OAuth` → `OAuth`). Empty when the text has no ASCII letter or digit.
 */
export function pascalCase(text: string): string {
  const parts = words(text);
  let out = "";
  for (let i = 0; i < parts.length; i++) {
    const word = parts[i] as string;
    if (/^[0-9]+$/.test(word)) {
      // Digits next to digits would run together ("2.0" → "20"): keep an underscore between.
      if (/[0-9]$/.test(out)) out += "_";
      out += word;
      continue;
    }
    const allCaps = /^[A-Z]+$/.test(word);
    // `O` + `Auth` from `OAuth`: a lone capital joins the next word unchanged.
    if (allCaps && word.length === 1) {
      out += word;
      continue;
    }
    if (allCaps && word.length >= 3) out += word[0] + word.slice(1).toLowerCase();
    else out += (word[0] as string).toUpperCase() + word.slice(1);
  }
  return out;
}

/**
 * A C# identifier from `text`: its PascalCase, `fallback` when it has none, and an underscore in
 * front when it would start with a digit.
 */
export function identifierFrom(text: string, fallback: string): string {
  const name = pascalCase(text) || fallback;
  return /^[0-9]/.test(name) ? `_${name}` : name;
}

/** Names handed out within one scope: each `claim` returns a name no other claim got. */
export class NameScope {
  private readonly taken = new Set<string>();

  constructor(reserved: Iterable<string> = []) {
    for (const name of reserved) this.taken.add(name);
  }

  /** `base`, or `base2`, `base3`…: the first one not taken yet, now taken. */
  claim(base: string): string {
    let name = base;
    for (let n = 2; this.taken.has(name); n++) name = `${base}${n}`;
    this.taken.add(name);
    return name;
  }

  has(name: string): boolean {
    return this.taken.has(name);
  }
}

/** The namespace used when none is given. */
export const DEFAULT_NAMESPACE = "Connector.Credentials";

/**
 * Checks a namespace option: dotted C# identifiers (ASCII letters, digits and underscores, not
 * starting with a digit, no keyword), e.g. `Contoso.Connectors.Rest`.
 */
export function checkNamespace(namespace: string): void {
  const parts = namespace.split(".");
  const bad = parts.find(
    (part) => !/^[A-Za-z_][A-Za-z0-9_]*$/.test(part) || CSHARP_KEYWORDS.has(part),
  );
  if (bad === undefined && namespace.length <= 512) return;
  const why =
    bad === undefined
      ? "it is longer than 512 characters"
      : bad === ""
        ? "it has an empty part (a leading, trailing or doubled dot)"
        : CSHARP_KEYWORDS.has(bad)
          ? `${JSON.stringify(bad)} is a C# keyword`
          : `${JSON.stringify(bad)} is not a C# identifier`;
  throw new SchemaProblem(
    "",
    `${JSON.stringify(namespace)} cannot be the C# namespace: ${why}`,
    'give dotted identifiers of ASCII letters, digits and "_" that do not start with a digit, e.g. "Contoso.Connectors.Rest"',
  );
}
