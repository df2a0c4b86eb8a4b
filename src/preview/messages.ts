import { branchByValue, type Field, isObj, own, planOf, pointer, tokensOf } from "./plan.ts";
import type { Json, JsonSchema, ValidationError } from "./types.ts";

/**
 * Where Ajv errors land: the one error each field shows (the most basic one), by path, in words a
 * person reads. The words themselves are in sentences.ts, a chunk the form loads with its
 * validator: until then only `required` errors come up (requiredErrors), and requiredSentence
 * says those. Messages never contain a value of the data (only the schema's own words and
 * numbers) and never Ajv's raw text.
 */

/** The sentence for one error at one field (sentences.ts `sentence`). */
export type Sentence = (f: Field, e: ValidationError) => string;

/** The sentence of a `required` error, all that is said before sentences.ts has loaded. */
export const requiredSentence: Sentence = (f) => `${f.title} is required`;

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

/** The values a schema's `enum` lists. */
export const enumOf = (s: { [k: string]: Json }): Json[] => (Array.isArray(s.enum) ? s.enum : []);

/** The label of the enum value `v`, at `i` in the enum: its `x-enumNames` entry, else the value. */
export function label(s: { [k: string]: Json }, i: number, v: unknown): string {
  const names = s["x-enumNames"];
  const name = Array.isArray(names) ? names[i] : undefined;
  return typeof name === "string" ? name : typeof v === "string" ? v : JSON.stringify(v);
}

function cached(f: Field, e: ValidationError, sentence: Sentence): string {
  const p = e.params;
  const key = `${e.keyword}\u0000${String(p.limit ?? p.format ?? p.type ?? p.allowedValue ?? p.additionalProperty ?? p.multipleOf ?? `${p.i},${p.j}`)}`;
  const mc = (f.messages ??= new Map());
  let m = mc.get(key);
  if (m === undefined) mc.set(key, (m = sentence(f, e)));
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
  sentence: Sentence,
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
    shown = "",
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
    // A hidden field (airbyte_hidden) has no box: its error shows on the nearest shown one.
    if (!next.hidden) shown = next.path;
    f = next;
    v = own(v, toks[i++]!);
  }
  if (check && at && !fitsSchema(at, e)) return undefined;
  const landing: Landing = [
    f.hidden ? shown : f.path,
    rank(e.keyword),
    cached(f.path ? f : { ...f, title: f.title || "The form" }, e, sentence),
  ];
  if (key !== undefined && !choice) cache.set(key, landing);
  return landing;
}

/**
 * Ajv errors → the error of each field (the most basic one when a field has several), by path.
 * In a choice only the chosen branch's errors count; required errors land on the missing field.
 * Where an error lands and its sentence are cached per schema, so that mapping the same errors
 * again (a keystroke) costs little more than reading them: so `sentence` is always sentences.ts
 * `sentence`, or requiredSentence for nothing but `required` errors, which it says alike.
 */
export function errorMap(
  errors: readonly ValidationError[] | null | undefined,
  schema: JsonSchema,
  value: unknown,
  sentence: Sentence,
  branchOf?: BranchOf,
): Map<string, Landing> {
  const root = planOf(schema);
  const failed = new Map<string, [Field, number, boolean]>();
  const best = new Map<string, Landing>();
  for (const e of errors ?? []) {
    const l = land(root, e, value, failed, sentence, branchOf);
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
