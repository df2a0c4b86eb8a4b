import fc from "fast-check";
import {
  cloneJson,
  defineOwn,
  isJsonObject,
  type JsonObject,
  type JsonValue,
} from "../../../../src/json/value.ts";
import { isSecret } from "../../../../src/model/secret-values.ts";
import { resolveRef } from "../../../../src/schema/refs.ts";

/**
 * Values for the C# differential tests, as JSON *texts* (so that `30.0`, `1e2` and the like reach
 * both sides exactly as written): valid credentials with recognisable secrets, mutations of them
 * that change exactly one thing, and the hand-made traps of issue 16.
 */

/** Every secret (`writeOnly` or `airbyte_secret`) value the generators make contains this; no output may. */
export const SECRET_MARKER = "Zq9SeCrEt";

/** JSON text written as is inside a value (a number spelled `30.0`, say). */
export class RawJson {
  constructor(readonly text: string) {}
}

export type Draft = JsonValue | RawJson | Draft[] | { [key: string]: Draft };

/** The JSON text of a draft: RawJson parts as written, every own key (`__proto__` too) kept. */
export function jsonText(value: Draft): string {
  if (value instanceof RawJson) return value.text;
  if (Array.isArray(value)) return `[${value.map(jsonText).join(",")}]`;
  if (value !== null && typeof value === "object")
    return `{${Object.keys(value)
      .map((key) => `${JSON.stringify(key)}:${jsonText((value as Record<string, Draft>)[key]!)}`)
      .join(",")}}`;
  return JSON.stringify(value);
}

/** One value of a batch: what it is (for reports) and its JSON text. */
export interface Sample {
  label: string;
  text: string;
}

/** The schema at `schema`, `$ref`s followed (local ones only; a cycle stops after 20 steps). */
export function resolved(root: JsonObject, schema: JsonValue | undefined): JsonValue | undefined {
  let current = schema;
  for (
    let steps = 0;
    steps < 20 && isJsonObject(current) && typeof current.$ref === "string";
    steps++
  ) {
    const target = resolveRef(root, current.$ref);
    if (target.kind !== "local") return undefined;
    current = target.value;
  }
  return current;
}

/** A place in a value: its path from the root, the schema that applies there and the value. */
export interface Site {
  path: string[];
  schema: JsonObject;
  value: JsonValue;
  /** The object that holds it and the key, when it is a property (for removal). */
  parent?: { schema: JsonObject; key: string };
  /** Set on the object sites of a oneOf branch: the discriminator key and the branch's value. */
  discriminator?: { key: string; value: string; siblings: string[] };
}

/** The discriminator of a oneOf: the property every branch gives a string `const`. */
export function discriminatorOf(
  root: JsonObject,
  oneOf: JsonValue[],
): { key: string; values: string[] } | undefined {
  const branches = oneOf.map((branch) => resolved(root, branch));
  if (!branches.every(isJsonObject)) return undefined;
  const first = branches[0] as JsonObject;
  const keys = isJsonObject(first.properties) ? Object.keys(first.properties) : [];
  for (const key of keys) {
    const values = branches.map((branch) => {
      const properties = (branch as JsonObject).properties;
      const property = isJsonObject(properties) ? resolved(root, properties[key]) : undefined;
      return isJsonObject(property) && typeof property.const === "string"
        ? property.const
        : undefined;
    });
    if (values.every((value) => value !== undefined)) return { key, values: values as string[] };
  }
  return undefined;
}

/** The branch of a oneOf a value takes: the one whose discriminator const it carries. */
function branchOf(root: JsonObject, schema: JsonObject, value: JsonValue): JsonObject | undefined {
  if (!Array.isArray(schema.oneOf) || !isJsonObject(value)) return undefined;
  const found = discriminatorOf(root, schema.oneOf);
  if (!found) return undefined;
  const index = found.values.indexOf(value[found.key] as string);
  if (index < 0 || !Object.hasOwn(value, found.key)) return undefined;
  const branch = resolved(root, schema.oneOf[index]);
  return isJsonObject(branch) ? branch : undefined;
}

/** Every site of `value` under `root`, the root first, depth first. */
export function sitesOf(root: JsonObject, value: JsonValue): Site[] {
  const out: Site[] = [];
  const walk = (
    schemaIn: JsonValue | undefined,
    at: JsonValue,
    path: string[],
    parent?: Site["parent"],
  ) => {
    const schema0 = resolved(root, schemaIn);
    if (!isJsonObject(schema0)) return;
    let schema = schema0;
    let discriminator: Site["discriminator"];
    if (Array.isArray(schema0.oneOf)) {
      const branch = branchOf(root, schema0, at);
      const found = discriminatorOf(root, schema0.oneOf);
      if (!branch || !found) {
        out.push({ path, schema: schema0, value: at, ...(parent ? { parent } : {}) });
        return;
      }
      schema = branch;
      discriminator = {
        key: found.key,
        value: (at as JsonObject)[found.key] as string,
        siblings: found.values,
      };
    }
    out.push({
      path,
      schema,
      value: at,
      ...(parent ? { parent } : {}),
      ...(discriminator ? { discriminator } : {}),
    });
    if (isJsonObject(at) && isJsonObject(schema.properties)) {
      for (const key of Object.keys(at)) {
        if (!Object.hasOwn(schema.properties, key)) continue;
        walk(schema.properties[key], at[key]!, [...path, key], { schema, key });
      }
    }
    if (Array.isArray(at) && schema.items !== undefined)
      at.forEach((item, i) => {
        walk(schema.items, item, [...path, String(i)]);
      });
  };
  walk(root, value, []);
  return out;
}

/** A copy of `value` (as a draft) with the value at `path` replaced (or removed, for undefined). */
export function replaceAt(value: JsonValue, path: string[], replacement: Draft | undefined): Draft {
  if (path.length === 0) return replacement === undefined ? null : replacement;
  const copy = cloneJson(value) as unknown as Draft;
  let holder = copy as Record<string, Draft> | Draft[];
  for (const key of path.slice(0, -1))
    holder = (holder as Record<string, Draft>)[key] as typeof holder;
  const last = path[path.length - 1]!;
  if (Array.isArray(holder)) {
    if (replacement === undefined) holder.splice(Number(last), 1);
    else holder[Number(last)] = replacement;
  } else if (replacement === undefined) delete holder[last];
  else defineOwn(holder as JsonObject, last, replacement as JsonValue);
  return copy;
}

/** A copy of the object at `path` with its entries rebuilt by `edit` (key order matters here). */
function editObjectAt(
  value: JsonValue,
  path: string[],
  edit: (entries: Array<[string, Draft]>) => Array<[string, Draft]>,
): Draft {
  const target = path.reduce<JsonValue>((at, key) => (at as JsonObject)[key]!, value);
  const entries = Object.keys(target as JsonObject).map(
    (key) => [key, (target as JsonObject)[key]!] as [string, Draft],
  );
  const rebuilt: Record<string, Draft> = {};
  for (const [key, entry] of edit(entries))
    defineOwn(rebuilt as JsonObject, key, entry as JsonValue);
  return replaceAt(value, path, rebuilt);
}

const codePoints = (text: string) => [...text].length;

/** Swaps the case of the first cased character, or uppercases the whole. */
function otherCase(text: string): string[] {
  const variants = new Set([text.toUpperCase(), text.toLowerCase()]);
  const index = [...text].findIndex((c) => c.toUpperCase() !== c.toLowerCase());
  if (index >= 0) {
    const chars = [...text];
    const c = chars[index]!;
    chars[index] = c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase();
    variants.add(chars.join(""));
  }
  variants.delete(text);
  return [...variants];
}

/** A pattern that is not anchored at both ends searches: text around a valid value may still match. */
function anchoredAtStart(pattern: string): boolean {
  return pattern.startsWith("^");
}
function anchoredAtEnd(pattern: string): boolean {
  return /(?<!\\)\$$/.test(pattern);
}

/** What may be put at one site instead of its value: every change breaks (at most) one thing. */
export function changesAt(site: Site): Array<{ label: string; value: Draft | undefined }> {
  const { schema, value } = site;
  const out: Array<{ label: string; value: Draft | undefined }> = [];
  const add = (label: string, replacement: Draft | undefined) =>
    out.push({ label, value: replacement });
  add("null", null);
  if (site.parent) add("missing", undefined);
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  if (schema.const !== undefined && typeof schema.const === "string") {
    for (const variant of otherCase(schema.const))
      add(`const in another case ${JSON.stringify(variant)}`, variant);
  }
  if (Array.isArray(schema.enum)) {
    for (const option of schema.enum)
      if (typeof option === "string")
        for (const variant of otherCase(option))
          if (!schema.enum.includes(variant))
            add(`enum in another case ${JSON.stringify(variant)}`, variant);
    add("enum value with a space", `${String(value)} `);
    add("empty string for an enum", "");
  }
  if (typeof value === "string") {
    add("123 for a string", 123);
    add("true for a string", true);
    add("an object for a string", { value });
    add("an array for a string", [value]);
    add("empty string", "");
    const maxLength = typeof schema.maxLength === "number" ? schema.maxLength : undefined;
    const minLength = typeof schema.minLength === "number" ? schema.minLength : undefined;
    add("200 emoji", "🔑".repeat(200));
    if (maxLength !== undefined && maxLength <= 5000) {
      add(`maxLength (${maxLength}) emoji`, "🔑".repeat(maxLength));
      add(`maxLength + 1 (${maxLength + 1}) emoji`, "🔑".repeat(maxLength + 1));
      add(`maxLength + 1 (${maxLength + 1}) letters`, "a".repeat(maxLength + 1));
      if (codePoints(value) < maxLength)
        add(
          "valid value + emoji up to maxLength",
          value + "🔑".repeat(maxLength - codePoints(value)),
        );
    }
    if (minLength !== undefined && minLength > 1) {
      add(`minLength - 1 (${minLength - 1}) emoji`, "🔑".repeat(minLength - 1));
      add(
        `minLength / 2 emoji (${Math.ceil(minLength / 2)})`,
        "🔑".repeat(Math.ceil(minLength / 2)),
      );
    }
    add("value + lone high surrogate", `${value}\ud800`);
    add("lone low surrogate + value", `\udc00${value}`);
    add("value + \\n", `${value}\n`);
    add("value + \\r\\n", `${value}\r\n`);
    add("\\n + value", `\n${value}`);
    add("value + space", `${value} `);
    add("value with a NUL", `${value}\u0000`);
    add("value + U+2028", `${value}\u2028`);
    if (typeof schema.pattern === "string") {
      if (!anchoredAtStart(schema.pattern))
        add("text before a value (unanchored pattern)", `zz ${value}`);
      if (!anchoredAtEnd(schema.pattern))
        add("text after a value (unanchored pattern)", `${value} zz`);
      add("value inside other text", `<${value}>`);
      add(
        "value with its letters in another case",
        value.toUpperCase() === value ? value.toLowerCase() : value.toUpperCase(),
      );
    }
    if (typeof schema.format === "string") {
      add("format: text around the value", ` ${value} `);
      add("format: another case", value.toUpperCase());
      for (const tricky of FORMAT_TRAPS[schema.format] ?? [])
        add(`format ${schema.format}: ${JSON.stringify(tricky)}`, tricky);
    }
    // characters whose class differs between ECMAScript and .NET (\d, \w, \s, case folding)
    for (const [name, char] of [
      ["Arabic-Indic digit", "\u0663"],
      ["BOM", "\ufeff"],
      ["no-break space", "\u00a0"],
      ["Kelvin sign", "\u212a"],
      ["long s", "\u017f"],
      ["dotless i", "\u0131"],
      ["é", "\u00e9"],
      ["astral letter", "\u{1d49c}"],
    ] as const)
      add(`value + ${name}`, `${value}${char}`);
    const maxCombining = typeof schema.maxLength === "number" ? schema.maxLength : undefined;
    if (maxCombining !== undefined && maxCombining <= 5000)
      add(
        "maxLength + 1 code points as e + combining accent",
        "e\u0301".repeat(Math.ceil((maxCombining + 1) / 2)),
      );
  }
  if (typeof value === "number" || types.includes("integer") || types.includes("number")) {
    const n = typeof value === "number" ? value : 30;
    add(`number as a string "${n}"`, String(n));
    add('"60" for a number', "60");
    add(
      `${n}.0 (an integer in JSON Schema)`,
      new RawJson(Number.isInteger(n) ? `${n}.0` : String(n)),
    );
    add(`${n}.5`, new RawJson(Number.isInteger(n) ? `${n}.5` : `${n}5`));
    add("30.5", 30.5);
    add("30.0", new RawJson("30.0"));
    add("1e1", new RawJson("1e1"));
    add("-0", new RawJson("-0"));
    add("true for a number", true);
    add("2147483648 (past int)", new RawJson("2147483648"));
    add("-2147483649 (past int)", new RawJson("-2147483649"));
    add("9223372036854775808 (past long)", new RawJson("9223372036854775808"));
    add("1e300", new RawJson("1e300"));
    add("1e-7", new RawJson("1e-7"));
    add("1E1", new RawJson("1E1"));
    add("-0.0", new RawJson("-0.0"));
    add("5e-324", new RawJson("5e-324"));
    // number texts that a parser which is not correctly rounded reads one ulp off
    for (const text of [
      "4756.900000000001",
      "2.2250738585072011e-308",
      "9007199254740993",
      "0.30000000000000004",
      "1.7976931348623157e308",
      "123456789012345678901234567890",
      "7.038531e-26",
      "8.41e21",
      "0.1000000000000000055511151231257827",
    ])
      add(`hard to parse: ${text}`, new RawJson(text));
    // beyond double precision: JSON.parse rounds these to the integer, a decimal reader does not
    add(
      `${n} + 1e-17 written out`,
      new RawJson(`${Number.isInteger(n) ? n : 30}.00000000000000001`),
    );
    add("30.00000000000000001", new RawJson("30.00000000000000001"));
    for (const bound of ["minimum", "maximum"]) {
      const at = schema[bound];
      if (typeof at === "number" && Number.isInteger(at)) {
        add(`${bound} + 1e-17 written out`, new RawJson(`${at}.00000000000000001`));
        add(`${bound} - 1e-17 written out`, new RawJson(`${at - 1}.99999999999999999`));
      }
    }
    if (typeof schema.multipleOf === "number") {
      const step = schema.multipleOf;
      for (const k of [3, 7, 11, 1000001])
        add(`${k} × multipleOf (${step})`, new RawJson(String(k * step)));
      add(`multipleOf + a little (${step})`, step * 3 + 1e-9);
      add("0.3", new RawJson("0.3"));
      add("2.675", new RawJson("2.675"));
      add("1e21", new RawJson("1e21"));
    }
    for (const bound of ["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"]) {
      const at = schema[bound];
      if (typeof at !== "number") continue;
      for (const delta of [-1, 0, 1, -0.5, 0.5])
        add(`${bound} ${delta >= 0 ? "+" : ""}${delta}`, at + delta);
    }
  }
  if (typeof value === "boolean") {
    add('"true" for a boolean', "true");
    add("1 for a boolean", 1);
    add("0 for a boolean", 0);
    add("!value", !value);
  }
  if (Array.isArray(value)) {
    add("a string for an array", "x");
    add("empty array", []);
    add("[123]", [123]);
    add("[null]", [null]);
    if (value.length > 0) add("first item twice", [value[0]!, ...value]);
  }
  if (isJsonObject(value)) {
    add("a string for an object", "x");
    add("an array for an object", []);
    add("empty object", {});
    const firstKey = Object.keys(value)[0];
    if (firstKey !== undefined) {
      const text = jsonText(value);
      // JSON.parse keeps the last of duplicate keys
      add(
        `duplicate ${JSON.stringify(firstKey)}: null first`,
        new RawJson(`{${JSON.stringify(firstKey)}:null,${text.slice(1)}`),
      );
      add(
        `duplicate ${JSON.stringify(firstKey)}: null last`,
        new RawJson(`${text.slice(0, -1)},${JSON.stringify(firstKey)}:null}`),
      );
    }
    add("an extra key", editObjectAt(value, [], (e) => [...e, ["zzExtraKey", "x"]]) as Draft);
    add(
      "a key differing in case",
      editObjectAt(value, [], (e) => [
        ...e,
        ...(e[0]
          ? [
              [
                e[0][0].toUpperCase() === e[0][0] ? e[0][0].toLowerCase() : e[0][0].toUpperCase(),
                withoutSecrets(e[0][1]),
              ] as [string, Draft],
            ]
          : []),
      ]) as Draft,
    );
    add(
      "an extra __proto__ key",
      editObjectAt(value, [], (e) => [...e, ["__proto__", { x: 1 }]]) as Draft,
    );
    const required = Array.isArray(schema.required) ? (schema.required as string[]) : [];
    for (const key of required)
      if (Object.hasOwn(value, key))
        add(
          `required ${JSON.stringify(key)} missing`,
          editObjectAt(value, [], (e) => e.filter(([k]) => k !== key)) as Draft,
        );
    if (site.discriminator) {
      const { key, siblings } = site.discriminator;
      add(
        "unknown discriminator",
        editObjectAt(value, [], (e) =>
          e.map(([k, v]) => [k, k === key ? "zzUnknown" : v]),
        ) as Draft,
      );
      add(
        "discriminator missing",
        editObjectAt(value, [], (e) => e.filter(([k]) => k !== key)) as Draft,
      );
      add(
        "discriminator last",
        editObjectAt(value, [], (e) => [
          ...e.filter(([k]) => k !== key),
          ...e.filter(([k]) => k === key),
        ]) as Draft,
      );
      add(
        "discriminator null",
        editObjectAt(value, [], (e) => e.map(([k, v]) => [k, k === key ? null : v])) as Draft,
      );
      add(
        "discriminator 1",
        editObjectAt(value, [], (e) => e.map(([k, v]) => [k, k === key ? 1 : v])) as Draft,
      );
      for (const variant of otherCase(site.discriminator.value))
        if (!siblings.includes(variant))
          add(
            `discriminator in another case ${JSON.stringify(variant)}`,
            editObjectAt(value, [], (e) =>
              e.map(([k, v]) => [k, k === key ? variant : v]),
            ) as Draft,
          );
      for (const other of siblings)
        if (other !== site.discriminator.value)
          add(
            `discriminator of another branch ${JSON.stringify(other)}`,
            // another branch may have a field of the same key that is not a secret
            editObjectAt(value, [], (e) =>
              e.map(([k, v]) => [k, k === key ? other : withoutSecrets(v)]),
            ) as Draft,
          );
    }
  }
  return out;
}

/** The draft with the marker taken out of every string: for values moved where no secret is expected. */
function withoutSecrets(value: Draft): Draft {
  if (typeof value === "string") return value.replaceAll(SECRET_MARKER, "NoSecret");
  if (value instanceof RawJson || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map(withoutSecrets);
  const copy: Record<string, Draft> = {};
  for (const key of Object.keys(value))
    defineOwn(copy as JsonObject, key, withoutSecrets(value[key]!) as JsonValue);
  return copy;
}

/** Every change at every site of `value`, as samples. */
export function trapsOf(root: JsonObject, value: JsonValue, label: string): Sample[] {
  const text = jsonText(value);
  // texts that are not JSON although lenient readers (Newtonsoft's among them) take them
  const samples: Sample[] = [
    { label: `${label}: after a comment`, text: `/* c */${text}` },
    { label: `${label}: with a trailing comma`, text: text.replace(/\}$/, ",}") },
    { label: `${label}: then more text`, text: `${text} x` },
  ];
  if (!text.includes("'"))
    samples.push({ label: `${label}: in single quotes`, text: text.replaceAll('"', "'") });
  for (const site of sitesOf(root, value)) {
    for (const change of changesAt(site)) {
      // editObjectAt changes are whole-object replacements made relative to the site
      const draft = change.value;
      const whole =
        draft === undefined
          ? replaceAt(value, site.path, undefined)
          : replaceAt(value, site.path, draft);
      samples.push({
        label: `${label} /${site.path.join("/")}: ${change.label}`,
        text: jsonText(whole),
      });
    }
  }
  return samples;
}

/** Strings that ajv-formats' full formats judge in ways a regex or a .NET parser may not. */
const FORMAT_TRAPS: Record<string, string[]> = {
  uri: [
    "https://example.com/ä",
    "HTTPS://EXAMPLE.COM",
    "https://example.com:99999",
    "https://[::1]/",
    "mailto:a@b",
    "https:",
    "https://ex ample.com",
    "https://example.com/%zz",
    "\\\\server\\share",
  ],
  email: [
    "a@b",
    "a@b.c",
    "ä@example.com",
    "a..b@example.com",
    ".a@example.com",
    "a@example..com",
    "a@[127.0.0.1]",
    '"a b"@example.com',
    "a@-example.com",
  ],
  hostname: [
    "example.com.",
    `${"a".repeat(63)}.com`,
    `${"a".repeat(64)}.com`,
    "ex_ample.com",
    "exämple.com",
    "1.2.3.4",
    "-a.com",
    "a-.com",
    "xn--d1acufc.xn--p1ai",
  ],
  date: [
    "2024-02-30",
    "2023-02-29",
    "2000-02-29",
    "1900-02-29",
    "2024-1-01",
    "2024-01-01T00:00:00Z",
    "０２０２-01-01",
  ],
  "date-time": [
    "2016-12-31T23:59:60Z",
    "2024-01-01T23:59:60Z",
    "2024-01-01t12:00:00z",
    "2024-01-01 12:00:00Z",
    "2024-01-01T12:00:00+24:00",
    "2024-01-01T12:00:00.123456789Z",
    "2024-01-01T12:00Z",
    "2024-01-01T12:00:00+0100",
  ],
  time: ["23:59:60Z", "12:00:00+01:00", "12:00:00.5Z", "24:00:00Z"],
  ipv4: ["192.168.001.1", "0.0.0.0", "255.255.255.255", "1.2.3.4 ", "١.٢.٣.٤", "1.2.3.04"],
  ipv6: ["::ffff:1.2.3.4", "1:2:3:4:5:6:7:8:9", "fe80::1%eth0", "::"],
  uuid: [
    "123E4567-E89B-12D3-A456-426614174000",
    "{123e4567-e89b-12d3-a456-426614174000}",
    "urn:uuid:123e4567-e89b-12d3-a456-426614174000",
  ],
};

/** Texts that are not credentials at all, or hardly. */
export const ROOT_TRAPS: Sample[] = [
  "null",
  "[]",
  '"x"',
  "1",
  "true",
  "{}",
  '{"__proto__":{}}',
  "{} {}",
  "{",
  "",
  " ",
  '{"a":1,}',
  "// comment\n{}",
  "{'a':1}",
  "NaN",
].map((text) => ({ label: `root: ${JSON.stringify(text)}`, text }));

/** Puts the marker into every secret string of `value`, keeping it within the field's rules. */
export function markSecrets(root: JsonObject, value: JsonValue, seed: number): JsonValue {
  let result = value;
  let n = seed;
  for (const site of sitesOf(root, value)) {
    if (!isSecret(site.schema) || typeof site.value !== "string") continue;
    const marked = markedString(site.schema, site.value, n++);
    result = replaceAt(result, site.path, marked) as JsonValue;
  }
  return result;
}

function markedString(schema: JsonObject, value: string, n: number): string {
  const marker = `${SECRET_MARKER}${n}`;
  const fits = (text: string) => {
    const length = codePoints(text);
    if (typeof schema.minLength === "number" && length < schema.minLength) return false;
    if (typeof schema.maxLength === "number" && length > schema.maxLength) return false;
    if (typeof schema.pattern === "string" && !new RegExp(schema.pattern, "u").test(text))
      return false;
    return true;
  };
  const candidates = [
    value + marker,
    marker + value,
    marker,
    `x://${marker}`,
    `-----BEGIN RSA PRIVATE KEY-----\n${marker}\n-----END RSA PRIVATE KEY-----`,
    (marker + value).padEnd(typeof schema.minLength === "number" ? schema.minLength : 0, "x"),
  ];
  return candidates.find(fits) ?? value;
}

/**
 * `count` values of `schema` from fast-check (seeded), with secrets marked; mostly valid (the
 * caller asks the validator which are).
 */
export function sampleValues(root: JsonObject, count: number, seed: number): JsonValue[] {
  return fc
    .sample(credentialValue(root), { numRuns: count, seed })
    .map((value, i) => markSecrets(root, value, i * 100));
}

/** Each value once with one random change at one random site (seeded). */
export function mutateOnce(root: JsonObject, values: JsonValue[], seed: number): Sample[] {
  let state = seed >>> 0 || 1;
  const next = (n: number) => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state % n;
  };
  return values.flatMap((value, i) => {
    const sites = sitesOf(root, value);
    if (sites.length === 0) return [];
    const site = sites[next(sites.length)]!;
    const changes = changesAt(site);
    const change = changes[next(changes.length)]!;
    return [
      {
        label: `generated #${i} mutated at /${site.path.join("/")}: ${change.label}`,
        text: jsonText(replaceAt(value, site.path, change.value)),
      },
    ];
  });
}

/**
 * A few valid values that between them reach every site (every branch of every choice, every
 * optional field), picked greedily from the given ones.
 */
export function covering(root: JsonObject, values: JsonValue[]): JsonValue[] {
  const keyOf = (site: Site) => `${site.path.join("/")}#${site.discriminator?.value ?? ""}`;
  const uncovered = new Set(values.flatMap((value) => sitesOf(root, value).map(keyOf)));
  const chosen: JsonValue[] = [];
  while (uncovered.size > 0) {
    let best: JsonValue | undefined;
    let bestGain = 0;
    for (const value of values) {
      const gain = new Set(
        sitesOf(root, value)
          .map(keyOf)
          .filter((key) => uncovered.has(key)),
      ).size;
      if (gain > bestGain) {
        best = value;
        bestGain = gain;
      }
    }
    if (best === undefined) break;
    chosen.push(best);
    for (const site of sitesOf(root, best)) uncovered.delete(keyOf(site));
  }
  return chosen;
}

const FORMAT_SAMPLES: Record<string, string[]> = {
  email: ["ann@example.com", "ops+x@example.org", "a.b@c.io", "no-at-sign", "x@", "@x.io"],
  uri: [
    "https://example.com",
    "https://api.example.com/v1?x=1#f",
    "http://x.io",
    "urn:isbn:0451450523",
    "/relative",
    "not a uri",
    "https://exa mple.com",
  ],
  "uri-reference": ["../x?y", "https://example.com", "#frag", "a b"],
  hostname: [
    "example.com",
    "api.example.com",
    "host",
    "-bad-.example.com",
    "a_b.example.com",
    "ex..com",
  ],
  date: ["2024-01-31", "2024-02-29", "2023-02-29", "1999-12-31", "2024-13-01", "24-01-01"],
  "date-time": [
    "2024-01-31T12:00:00Z",
    "2024-02-29T23:59:59.5+01:00",
    "2023-02-29T12:00:00Z",
    "2024-01-01T12:00:00",
    "2024-01-01t12:00:00z",
  ],
  time: ["12:00:00Z", "23:59:60Z", "12:00:00", "25:00:00Z"],
  ipv4: ["10.0.0.1", "192.168.1.20", "256.0.0.1", "1.2.3"],
  ipv6: ["::1", "fe80::1", "1::2::3"],
  uuid: ["123e4567-e89b-12d3-a456-426614174000", "123e4567e89b12d3a456426614174000", "x"],
};

/**
 * Credentials for `root`, driven by its keywords (local refs followed, a discriminated oneOf by
 * branch): mostly valid, sometimes not (formats include bad samples; patterns and lengths may
 * disagree), so the caller asks the validator. Optional fields come and go.
 */
export function credentialValue(
  root: JsonObject,
  schemaIn: JsonValue = root,
  depth = 0,
): fc.Arbitrary<JsonValue> {
  const schema = resolved(root, schemaIn);
  if (!isJsonObject(schema) || depth > 6) return fc.constantFrom<JsonValue>("x", 1, null, {});
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return fc.constantFrom(...schema.enum);
  if (Array.isArray(schema.oneOf) && schema.oneOf.length > 0)
    return fc.oneof(...schema.oneOf.map((branch) => credentialValue(root, branch, depth + 1)));
  const types = Array.isArray(schema.type)
    ? (schema.type as string[])
    : typeof schema.type === "string"
      ? [schema.type]
      : isJsonObject(schema.properties)
        ? ["object"]
        : ["string", "integer", "boolean"];
  return fc.oneof(...types.map((type) => valueOfType(root, schema, type, depth)));
}

function valueOfType(
  root: JsonObject,
  schema: JsonObject,
  type: string,
  depth: number,
): fc.Arbitrary<JsonValue> {
  const number = (key: string) =>
    typeof schema[key] === "number" ? (schema[key] as number) : undefined;
  switch (type) {
    case "string": {
      const minLength = number("minLength") ?? 0;
      const maxLength = number("maxLength");
      const fits = (text: string) =>
        codePoints(text) >= minLength && (maxLength === undefined || codePoints(text) <= maxLength);
      if (typeof schema.format === "string" && FORMAT_SAMPLES[schema.format]) {
        const samples = FORMAT_SAMPLES[schema.format]!;
        if (typeof schema.pattern === "string") {
          const pattern = new RegExp(schema.pattern, "u");
          const matching = samples.filter((s) => pattern.test(s));
          return fc.constantFrom(...(matching.length > 0 ? [...matching, ...samples] : samples));
        }
        return fc.constantFrom(...samples);
      }
      if (typeof schema.pattern === "string") {
        let pattern: RegExp;
        try {
          pattern = new RegExp(schema.pattern, "u");
        } catch {
          return fc.string();
        }
        // No filter (a pattern and a length may leave few strings): the validator sorts them.
        return fc
          .stringMatching(pattern)
          .map((s) =>
            fits(s) ? s : [...s].slice(0, Math.max(maxLength ?? 80, minLength)).join(""),
          );
      }
      return fc.oneof(
        {
          weight: 4,
          arbitrary: fc.string({
            minLength,
            maxLength: Math.max(minLength, Math.min(maxLength ?? 16, 16)),
          }),
        },
        {
          weight: 1,
          arbitrary: fc.string({
            unit: "grapheme",
            minLength,
            maxLength: Math.max(minLength, Math.min(maxLength ?? 8, 8)),
          }),
        },
        { weight: 1, arbitrary: fc.string({ unit: "binary", minLength: 0, maxLength: 6 }) },
      );
    }
    case "integer":
    case "number": {
      const low = number("minimum") ?? (number("exclusiveMinimum") ?? -1001) + 1;
      const high = number("maximum") ?? (number("exclusiveMaximum") ?? 1001) - 1;
      const integers = fc.integer({
        min: Math.ceil(Math.min(low, high)),
        max: Math.floor(Math.max(low, high)),
      });
      const step = number("multipleOf");
      const inRange =
        step === undefined
          ? integers
          : Number.isInteger(step)
            ? integers.map((k) => Math.round(k / step) * step)
            : fc
                .integer({
                  min: Math.ceil(low / step),
                  max: Math.max(Math.ceil(low / step), Math.floor(high / step)),
                })
                .map((k) => k * step); // 3 * 0.1 is 0.30000000000000004: the validator decides
      const edges = fc.constantFrom(low, high, low - 1, high + 1, 0);
      if (type === "integer")
        return fc.oneof({ weight: 5, arbitrary: inRange }, { weight: 1, arbitrary: edges });
      return fc.oneof(
        { weight: 4, arbitrary: inRange },
        {
          weight: 2,
          arbitrary: fc
            .double({ min: low, max: high, noNaN: true, noDefaultInfinity: true })
            .map((d) => (Object.is(d, -0) ? 0 : d)),
        },
        { weight: 1, arbitrary: edges },
      );
    }
    case "boolean":
      return fc.boolean();
    case "null":
      return fc.constant(null);
    case "array": {
      const item = credentialValue(root, schema.items ?? {}, depth + 1);
      const minLength = number("minItems") ?? 0;
      const maxLength = Math.max(minLength, number("maxItems") ?? minLength + 3);
      return schema.uniqueItems === true
        ? fc.oneof(
            {
              weight: 4,
              arbitrary: fc.uniqueArray(item, {
                minLength,
                maxLength,
                selector: (value) => JSON.stringify(value),
              }),
            },
            { weight: 1, arbitrary: fc.array(item, { minLength, maxLength }) },
          )
        : fc.array(item, { minLength, maxLength });
    }
    case "object": {
      const properties = isJsonObject(schema.properties) ? schema.properties : {};
      const required = Array.isArray(schema.required) ? (schema.required as string[]) : [];
      const entries = Object.keys(properties).map((key) => {
        const value = credentialValue(root, properties[key]!, depth + 1);
        const mayOmit = !required.includes(key);
        return (mayOmit ? fc.option(value, { nil: undefined, freq: 3 }) : value).map(
          (v) => [key, v] as const,
        );
      });
      return fc.tuple(...entries).map((pairs) => {
        const object: JsonObject = {};
        for (const [key, value] of pairs) if (value !== undefined) defineOwn(object, key, value);
        return object;
      });
    }
    default:
      return fc.constant(null);
  }
}
