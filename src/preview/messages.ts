import { branchByValue, type Field, isObj, own, planOf, pointer, tokensOf } from "./plan.ts";
import type { FieldError, Json, JsonSchema, ValidationError } from "./types.ts";

/**
 * Ajv errors in words a person reads, one per field, named by the field's title.
 * Pure: `toFieldErrors(errors, schema, value)`. Messages never contain a value of the data (only
 * the schema's own words and numbers) and never Ajv's raw text.
 */

/** Format → [what it must be, a generic example, a check that an `examples[0]` is one]. Other formats: "is not in the expected format". */
const FORMATS: Record<string, [string, string?, RegExp?]> = {
  uri: ["a URL", "https://api.example.com", /^[a-z][a-z\d+.-]*:[^\s]+$/i],
  email: ["an email address", "name@example.com", /^[^\s@]+@[^\s@]+\.[^\s@]+$/],
  hostname: [
    "a host name",
    "api.example.com",
    /^(?=.{1,253}$)[a-z\d]([a-z\d-]{0,61}[a-z\d])?(\.[a-z\d]([a-z\d-]{0,61}[a-z\d])?)*$/i,
  ],
  ipv4: ["an IPv4 address", "192.0.2.1"],
  ipv6: ["an IPv6 address", "2001:db8::1"],
  date: ["a date", "2024-01-31"],
  time: ["a time", "09:30:00Z"],
  "date-time": ["a date and time", "2024-01-31T09:30:00Z"],
  uuid: ["a UUID", "123e4567-e89b-12d3-a456-426614174000"],
};
FORMATS.url = FORMATS["uri-reference"] = FORMATS.iri = FORMATS["iri-reference"] = FORMATS.uri!;
FORMATS["idn-email"] = FORMATS.email!;
FORMATS["idn-hostname"] = FORMATS.hostname!;

const TYPES: Record<string, string> = {
  string: "text",
  number: "a number",
  integer: "a whole number",
  boolean: "yes or no",
  array: "a list",
  object: "a group of fields",
  null: "empty",
};

/** Which error a field shows when it has several: the most basic first. */
const RANK: Record<string, number> = {
  required: 0,
  type: 1,
  format: 2,
  enum: 3,
  const: 3,
  pattern: 5,
};
const rank = (k: string) => RANK[k] ?? 4;

const plural = (n: unknown, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** The values a schema's `enum` lists. */
export const enumOf = (s: { [k: string]: Json }): Json[] => (Array.isArray(s.enum) ? s.enum : []);

/** The label of the enum value `v`, at `i` in the enum: its `x-enumNames` entry, else the value. */
export function label(s: { [k: string]: Json }, i: number, v: unknown): string {
  const names = s["x-enumNames"];
  const name = Array.isArray(names) ? names[i] : undefined;
  return typeof name === "string" ? name : typeof v === "string" ? v : JSON.stringify(v);
}

function fits(s: { [k: string]: Json }, x: string): boolean {
  try {
    return (
      (typeof s.pattern !== "string" || new RegExp(s.pattern, "u").test(x)) &&
      (typeof s.maxLength !== "number" || x.length <= s.maxLength)
    );
  } catch {
    return false;
  }
}

/** The sentence for one error at one field. */
function say(f: Field, e: ValidationError): string {
  const t = f.title,
    s = f.schema,
    p = e.params,
    n = p.limit;
  switch (e.keyword) {
    case "required":
      return `${t} is required`;
    case "type":
      return `${t} must be ${TYPES[String(p.type).split(",")[0]!] ?? "of another kind"}`;
    case "format": {
      const [what, generic, check] = FORMATS[String(p.format)] ?? [];
      if (!what) return `${t} is not in the expected format`;
      const ex = Array.isArray(s.examples) ? s.examples[0] : undefined;
      const like =
        !f.secret && typeof ex === "string" && (!check || check.test(ex)) && fits(s, ex)
          ? ex
          : generic;
      return `${t} must be ${what}${like ? `, like ${like}` : ""}`;
    }
    case "minLength":
      return n === 1 ? `${t} must not be empty` : `${t} must be at least ${plural(n, "character")}`;
    case "maxLength":
      return `${t} must be at most ${plural(n, "character")}`;
    case "minimum":
      return `${t} must be at least ${n}`;
    case "maximum":
      return `${t} must be at most ${n}`;
    case "exclusiveMinimum":
      return `${t} must be greater than ${n}`;
    case "exclusiveMaximum":
      return `${t} must be less than ${n}`;
    case "multipleOf":
      return `${t} must be a multiple of ${p.multipleOf}`;
    case "enum":
      return `${t} must be one of ${enumOf(s)
        .map((v) => label(s, enumOf(s).indexOf(v), v))
        .join(", ")}`;
    case "const":
      return `${t} must be ${label(s, enumOf(s).indexOf(p.allowedValue as Json), p.allowedValue)}`;
    case "pattern":
      return `${t} is not in the expected format${f.help ? `. ${f.help}` : ""}`;
    case "minItems":
      return `${t} must have at least ${plural(n, "item")}`;
    case "maxItems":
      return `${t} must have at most ${plural(n, "item")}`;
    case "uniqueItems":
      return `${t} must not list the same item twice (items ${Math.min(Number(p.i), Number(p.j)) + 1} and ${Math.max(Number(p.i), Number(p.j)) + 1})`;
    case "additionalProperties":
      return `${t} has a field it does not allow: ${String(p.additionalProperty)}`;
    default:
      return `${t} is not valid`;
  }
}

function cached(f: Field, e: ValidationError): string {
  const p = e.params;
  const key = `${e.keyword}\u0000${String(p.limit ?? p.format ?? p.type ?? p.allowedValue ?? p.additionalProperty ?? p.multipleOf ?? `${p.i},${p.j}`)}`;
  const mc = (f.messages ??= new Map());
  let m = mc.get(key);
  if (m === undefined) mc.set(key, (m = say(f, e)));
  return m;
}

/** A string-list item as a field of its own: "Scopes item 2". */
function item(f: Field, i: number): Field {
  const items = (f.items ??= []);
  const s = isObj(f.schema.items) ? f.schema.items : {};
  return (items[i] ??= {
    index: -1,
    key: String(i),
    path: pointer(f.path, i),
    tokens: [...f.tokens, String(i)],
    kind: "text",
    schema: s,
    required: false,
    schemaPath: "",
    secret: f.secret,
    title: `${f.title} item ${i + 1}`,
    ...(typeof s.description === "string" ? { help: s.description } : {}),
  });
}

/** Which branch of a choice is picked, by the store (choices without a discriminator) or the value. */
export type BranchOf = (choicePath: string) => number | undefined;

type Obj = { [key: string]: Json };
const LIMITS = new Set([
  "minLength",
  "maxLength",
  "minimum",
  "maximum",
  "exclusiveMinimum",
  "exclusiveMaximum",
  "minItems",
  "maxItems",
]);

/** Whether schema `s` can have raised error `e` (its keyword is there, with the same limit…). */
function fitsSchema(s: Obj, e: ValidationError): boolean {
  const k = e.keyword,
    p = e.params,
    x = own(s, k);
  if (x === undefined) return false;
  if (LIMITS.has(k)) return x === p.limit;
  if (k === "pattern" || k === "format" || k === "multipleOf") return x === p[k];
  if (k === "type") return String(x) === String(p.type);
  if (k === "const") return JSON.stringify(x) === JSON.stringify(p.allowedValue);
  if (k === "required") return Array.isArray(x) && x.includes(p.missingProperty as string);
  if (k === "additionalProperties")
    return own(s.properties, String(p.additionalProperty)) === undefined;
  return true;
}

const under = (sp: string, pre: string[]) => pre.some((p) => sp === p || sp.startsWith(`${p}/`));

/** Where an error lands: the field's path, how basic the error is (lower shows first), the sentence. */
export type Landing = [path: string, rank: number, message: string];

/** Keywords whose message follows from where they failed (not from the data): their landing is cached. */
const CACHED = new Set([
  "required",
  "type",
  "format",
  "enum",
  "const",
  "pattern",
  "multipleOf",
  ...LIMITS,
]);

function land(
  root: Field,
  e: ValidationError,
  value: unknown,
  failed: Map<string, [Field, number, boolean]>,
  branchOf?: BranchOf,
): Landing | undefined {
  const p = e.params,
    sp = e.schemaPath;
  const key = CACHED.has(e.keyword)
    ? `${sp}\n${e.instancePath}\n${String(p.limit ?? p.missingProperty ?? p.format ?? p.type ?? p.pattern ?? p.multipleOf ?? p.allowedValue)}`
    : undefined;
  const cache = (root.landings ??= new Map());
  const hit = key === undefined ? undefined : cache.get(key);
  if (hit) return hit;
  const toks = tokensOf(e.instancePath),
    depth = toks.length;
  const missing = e.keyword === "required" ? p.missingProperty : undefined;
  if (typeof missing === "string") toks.push(missing);
  // f: the field the error lands on; at: the schema whose keyword failed; check: whether the
  // error came from the chosen branch is not known from its schemaPath (Ajv reports errors of a
  // separately compiled $ref relative to it), so it must fit the chosen branch's keywords.
  let f = root,
    v = value as Json | undefined,
    i = 0,
    check = false,
    choice = false,
    at: Obj | undefined;
  for (;;) {
    let s = f.schema,
      next: Field | undefined;
    const tok = toks[i];
    if (f.kind === "choice") {
      choice = true;
      const c = branchOf?.(f.path) ?? branchByValue(f, v);
      const bs = f.branches!,
        b = bs[c];
      const mine = !!b && under(sp, b.errorPrefixes);
      if (!mine && bs.some((x) => under(sp, x.errorPrefixes))) return undefined;
      if (e.keyword === "oneOf" && i === toks.length) {
        failed.set(f.path, [f, c, Array.isArray(p.passingSchemas)]);
        return undefined;
      }
      check ||= !mine;
      s = b?.schema ?? s;
      next = tok === undefined ? undefined : b?.byKey.get(tok);
    } else next = tok === undefined ? undefined : f.byKey?.get(tok);
    if (i === depth) at = s;
    if (!next) {
      if (f.kind === "string-list" && tok !== undefined && /^\d+$/.test(tok)) {
        f = item(f, Number(tok));
        if (i + 1 === depth) at = f.schema;
      }
      break;
    }
    f = next;
    v = own(v, toks[i++]!);
  }
  if (check && at && !fitsSchema(at, e)) return undefined;
  const landing: Landing = [
    f.path,
    rank(e.keyword),
    cached(f.path ? f : { ...f, title: f.title || "The form" }, e),
  ];
  if (key !== undefined && !choice) cache.set(key, landing);
  return landing;
}

/**
 * Ajv errors → the error of each field (the most basic one when a field has several), by path.
 * In a choice only the chosen branch's errors count; required errors land on the missing field.
 * Where an error lands and its sentence are cached per schema, so that mapping the same errors
 * again (a keystroke) costs little more than reading them.
 */
export function errorMap(
  errors: readonly ValidationError[] | null | undefined,
  schema: JsonSchema,
  value: unknown,
  branchOf?: BranchOf,
): Map<string, Landing> {
  const root = planOf(schema);
  const failed = new Map<string, [Field, number, boolean]>();
  const best = new Map<string, Landing>();
  for (const e of errors ?? []) {
    const l = land(root, e, value, failed, branchOf);
    if (!l) continue;
    const had = best.get(l[0]);
    if (!had || l[1] < had[1]) best.set(l[0], l);
  }
  // A choice that failed with no error of its chosen branch left: an unknown method, or one
  // that several branches accept.
  for (const [path, [f, c, several]] of failed) {
    if ([...best.keys()].some((k) => k === path || k.startsWith(`${path}/`))) continue;
    best.set(path, [
      path,
      0,
      c < 0 || !several
        ? `${f.title} must be one of ${f.branches!.map((b) => b.title).join(", ")}`
        : `${f.title} is not valid`,
    ]);
  }
  return best;
}

/** Ajv errors → one FieldError per field, in words (see errorMap). */
export function toFieldErrors(
  errors: readonly ValidationError[] | null | undefined,
  schema: JsonSchema,
  value: unknown,
  branchOf?: BranchOf,
): FieldError[] {
  return [...errorMap(errors, schema, value, branchOf).values()].map(([path, , message]) => ({
    path,
    message,
  }));
}

/**
 * The `required` errors Ajv would report, for use before Ajv has loaded: missing required fields
 * of the groups present in the value and of each choice's chosen branch.
 */
export function requiredErrors(
  schema: JsonSchema,
  value: unknown,
  branchOf?: BranchOf,
): ValidationError[] {
  const out: ValidationError[] = [];
  const walk = (f: Field, v: Json | undefined) => {
    if (!isObj(v)) return;
    let fields = f.fields,
      sp = f.schemaPath;
    if (f.kind === "choice") {
      const b = f.branches![branchOf?.(f.path) ?? branchByValue(f, v)];
      fields = b?.fields;
      sp = b?.schemaPath ?? "";
    }
    for (const c of fields ?? []) {
      const cv = own(v, c.key);
      if (cv !== undefined) walk(c, cv);
      else if (c.required)
        out.push({
          keyword: "required",
          instancePath: f.path,
          schemaPath: `${sp}/required`,
          params: { missingProperty: c.key },
        });
    }
  };
  walk(planOf(schema), value as Json);
  return out;
}
