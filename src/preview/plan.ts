import { isJsonObject, ownValue } from "../json/value.ts";
import {
  displayGroupOf,
  isHidden,
  isMultiline,
  isSecretByAnyMarking,
  keysInDisplayOrder,
} from "../model/vendor-keywords.ts";
import type { Json, JsonSchema } from "./types.ts";

/**
 * The render plan: a schema read once into a tree of field descriptors (kind, title, path…),
 * cached per schema object. Pure; the kind rules agree with src/model/kinds.ts `kindOf`.
 */

export type Kind =
  | "text"
  | "secret"
  | "url"
  | "email"
  | "hostname"
  | "number"
  | "integer"
  | "boolean"
  | "select"
  | "multiline"
  | "pem"
  | "connection-string"
  | "string-list"
  | "group"
  | "choice"
  | "custom"
  /** Not a field: a named section of a container's fields (Airbyte's `group`), shown as a fieldset. */
  | "section";

type Obj = { [key: string]: Json };

export interface Field {
  /** Index in document order: the id of the field's element is the form's prefix + index. */
  index: number;
  key: string;
  /** JSON pointer into the value. */
  path: string;
  tokens: string[];
  kind: Kind;
  /** The schema, with a local $ref resolved. */
  schema: Obj;
  title: string;
  required: boolean;
  help?: string;
  /** Secret kinds: masked, no default, no placeholder. */
  secret: boolean;
  /** Where Ajv reports this schema's keywords (its `schemaPath`, without the keyword). */
  schemaPath: string;
  /** group (and the root): the fields. */
  fields?: Field[];
  byKey?: Map<string, Field>;
  /**
   * group, the root and a section: what is shown, in display order (see {@link shownOf}): the
   * fields not hidden, by `order`, those with a `group` in sections. `fields` keeps them all.
   */
  shown?: Field[];
  /** Airbyte's `airbyte_hidden`: kept in the value (with its default), not shown. */
  hidden?: boolean;
  /** choice: the branches and the property that tells them apart. */
  branches?: Branch[];
  disc?: string;
  /** The sentences of its errors, cached (see messages.ts). */
  messages?: Map<string, string>;
  /** Root only: where errors land, by error (see messages.ts). */
  landings?: Map<string, [string, number, string]>;
  /** string-list: descriptors of items, made on demand. */
  items?: Field[];
}

export interface Branch {
  title: string;
  /** The discriminator's value (undefined without a discriminator). */
  tag: Json | undefined;
  fields: Field[];
  byKey: Map<string, Field>;
  /** What is shown of the fields, as {@link Field.shown}. */
  shown: Field[];
  schema: Obj;
  /** Where Ajv reports the branch's own keywords. */
  schemaPath: string;
  /** schemaPath prefixes of errors that come from this branch. */
  errorPrefixes: string[];
}

// (The core's own: the vendor keywords' reading brings them into the bundle anyway.)
export const isObj = isJsonObject as (v: unknown) => v is Obj;
export const own = (o: unknown, k: string): Json | undefined =>
  isObj(o) ? ownValue(o, k) : undefined;

/** Sets an own property (also for the key "__proto__"). */
export const put = (o: Obj, k: string, v: Json) =>
  Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });

const esc = (k: string) => (/[~/]/.test(k) ? k.replace(/~/g, "~0").replace(/\//g, "~1") : k);
export const pointer = (path: string, key: string | number) => `${path}/${esc(String(key))}`;
export const tokensOf = (path: string) =>
  path
    ? path
        .slice(1)
        .split("/")
        .map((t) => t.replace(/~1/g, "/").replace(/~0/g, "~"))
    : [];

/** "baseUrl" → "Base url", "client_id" → "Client id". */
export const humanise = (key: string) => {
  const words = key
    .replace(/([a-z\d])([A-Z])/g, "$1 $2")
    .replace(/[_-]+/g, " ")
    .trim()
    .toLowerCase();
  return words ? words[0]!.toUpperCase() + words.slice(1) : key;
};

const str = (s: Obj) =>
  s.type === "string" ||
  (s.type === undefined &&
    (typeof s.format === "string" || typeof s.pattern === "string" || isSecretByAnyMarking(s)));

/** Kind of a (resolved) property schema; `resolve` follows the $refs of choice branches. */
export function kindOf(s: Json, resolve: (branch: Json) => Json = same): Kind {
  if (!isObj(s)) return "custom";
  if (isChoice(s, resolve)) return "choice";
  if (isObj(s.properties) || s.type === "object") return "group";
  const w = s["x-widget"],
    string = str(s),
    f = s.format;
  if (string) {
    if (w === "pem" || s.contentMediaType === "application/x-pem-file") return "pem";
    if (w === "connection-string") return w;
    if (w === "multiline" || isMultiline(s)) return "multiline";
    if (isSecretByAnyMarking(s)) return "secret";
  }
  if (Array.isArray(s.enum) && (s.type === undefined || s.type === "string")) return "select";
  if (string)
    return f === "uri" || f === "url" ? "url" : f === "email" || f === "hostname" ? f : "text";
  if (s.type === "array" && isObj(s.items) && s.items.type === "string") return "string-list";
  return s.type === "number" || s.type === "integer" || s.type === "boolean" ? s.type : "custom";
}

const same = (b: Json) => b;

const listOf = (v: Json | undefined): Json[] => (Array.isArray(v) ? v : []);

/** As the importer reads an auth-method choice: a `oneOf` of object branches on a non-group schema. */
function isChoice(s: Obj, resolve: (branch: Json) => Json): boolean {
  const b = s.oneOf;
  return (
    Array.isArray(b) &&
    b.length > 0 &&
    !("properties" in s) &&
    (s.type === undefined || s.type === "object") &&
    b
      .map(resolve)
      .every(
        (x) =>
          isObj(x) &&
          (isObj(x.properties) || x.type === "object") &&
          !(Array.isArray(x.oneOf) && !isObj(x.properties)),
      )
  );
}

const SECRET: ReadonlySet<Kind> = new Set(["secret", "pem", "connection-string"]);

/** Follows local `$ref`s (`#/…` JSON pointers) not in `seen`; siblings of the $ref (a title, say) win. */
function deref(root: Obj, s: Json, seen: ReadonlySet<string>): { schema: Json; refs: string[] } {
  if (!isObj(s) || typeof s.$ref !== "string") return { schema: s, refs: NONE };
  const refs: string[] = [];
  while (
    isObj(s) &&
    typeof s.$ref === "string" &&
    s.$ref.startsWith("#") &&
    !seen.has(s.$ref) &&
    !refs.includes(s.$ref)
  ) {
    const ref: string = s.$ref;
    let frag: string = ref.slice(1);
    try {
      frag = decodeURIComponent(frag);
    } catch {
      /* kept as written */
    }
    let t: Json | undefined = root;
    for (const tok of tokensOf(frag) as string[])
      t = Array.isArray(t) ? t[Number(tok)] : own(t, tok);
    if (t === undefined) break;
    refs.push(ref);
    const { $ref: _, ...rest } = s;
    s = isObj(t) ? { ...t, ...rest } : t;
  }
  return { schema: s, refs };
}

const NONE: string[] = [];
const cache = new WeakMap<object, Field>();

/** The plan of a schema, made once per schema object. */
export function planOf(schema: JsonSchema): Field {
  let plan = cache.get(schema);
  if (!plan) cache.set(schema, (plan = build(schema as Obj)));
  return plan;
}

function build(root: Obj): Field {
  let count = 0;
  /** Collectors of the refs met inside each choice branch being built (Ajv reports errors there by the ref's target). */
  const cols: string[][] = [];
  const group = (o: Obj, at: string, tokens: string[], path: string, seen: ReadonlySet<string>) => {
    const props = isObj(o.properties) ? o.properties : {};
    const required = new Set(Array.isArray(o.required) ? o.required : []);
    const fields = keysInDisplayOrder(props).map((k) =>
      field(
        props[k]!,
        k,
        [...tokens, k],
        pointer(path, k),
        required.has(k),
        `${at}/properties/${encodeURIComponent(esc(k))}`,
        seen,
      ),
    );
    return { fields, byKey: new Map(fields.map((x) => [x.key, x])) };
  };
  /**
   * The fields shown: those not hidden, in display order, then one section per `group` id met
   * (in the order of the `groups` listed on the root, then here, then as met), titled by them.
   */
  const shownOf = (fields: Field[], o: Obj, path: string): Field[] => {
    const titles = new Map<Json | undefined, Json | undefined>();
    for (const g of [...listOf(root.groups), ...listOf(o.groups)])
      titles.set(own(g, "id"), own(g, "title"));
    const sections = new Map<string, Field[]>();
    for (const id of titles.keys()) if (typeof id === "string") sections.set(id, []);
    const shown: Field[] = [];
    for (const x of fields) {
      const id = x.hidden ? null : displayGroupOf(x.schema);
      if (id === undefined) shown.push(x);
      else if (id !== null) (sections.get(id) ?? sections.set(id, []).get(id)!).push(x);
    }
    for (const [id, inside] of sections) {
      const title = titles.get(id);
      if (inside.length)
        shown.push({
          index: count++,
          // Not a pointer (those start with "/" or are ""): a section has no value of its own.
          path: `\u00a7${path}\u00a7${id}`,
          kind: "section",
          schema: {},
          title: typeof title === "string" && title.trim() ? title : humanise(id),
          shown: inside,
        } as Field);
    }
    return shown;
  };
  const field = (
    raw: Json,
    key: string,
    tokens: string[],
    path: string,
    req: boolean,
    sp: string,
    seen: ReadonlySet<string>,
    top?: boolean,
  ): Field => {
    const d = deref(root, raw, seen);
    if (d.refs.length) {
      sp = d.refs[d.refs.length - 1]!;
      seen = new Set([...seen, ...d.refs]);
      for (const c of cols) c.push(...d.refs);
    }
    const s = isObj(d.schema) ? d.schema : {};
    const kind: Kind = top
      ? "group"
      : seen.size > 50
        ? "custom"
        : kindOf(d.schema, s.oneOf ? (b) => deref(root, b, seen).schema : same);
    const f: Field = {
      index: count++,
      key,
      path,
      tokens,
      kind,
      schema: s,
      required: req,
      schemaPath: sp,
      secret: SECRET.has(kind) || isSecretByAnyMarking(s),
      title: typeof s.title === "string" && s.title.trim() ? s.title : top ? "" : humanise(key),
    };
    if (typeof s.description === "string" && s.description) f.help = s.description;
    if (!top && isHidden(s)) f.hidden = true;
    if (kind === "group") {
      Object.assign(f, group(s, sp, tokens, path, seen));
      f.shown = shownOf(f.fields!, s, path);
    }
    if (kind === "choice") {
      const raws = s.oneOf as Json[];
      const resolved = raws.map((b) => deref(root, b, seen));
      const props = resolved.map((b) =>
        isObj(b.schema) && isObj(b.schema.properties) ? b.schema.properties : {},
      );
      const keys = Object.keys(props[0]!).filter((k) =>
        props.every((p) => own(own(p, k), "const") !== undefined),
      );
      const disc = keys.includes("type") ? "type" : keys[0];
      if (disc !== undefined) f.disc = disc;
      f.branches = resolved.map((b, i) => {
        const at = `${sp}/oneOf/${i}`;
        const bs = isObj(b.schema) ? b.schema : {};
        for (const c of cols) c.push(...b.refs);
        const col = [at, ...b.refs];
        cols.push(col);
        const bsp = b.refs[b.refs.length - 1] ?? at;
        const outer = seen;
        if (b.refs.length) seen = new Set([...seen, ...b.refs]);
        const g = group(bs, bsp, tokens, path, seen);
        seen = outer;
        cols.pop();
        const tag = disc === undefined ? undefined : own(own(props[i], disc), "const");
        const fields = g.fields.filter((x) => x.key !== disc);
        return {
          ...g,
          fields,
          shown: shownOf(fields, bs, path),
          schema: bs,
          tag,
          schemaPath: bsp,
          errorPrefixes: [...new Set(col)],
          title:
            typeof bs.title === "string" && bs.title
              ? bs.title
              : typeof tag === "string"
                ? humanise(tag)
                : `Option ${i + 1}`,
        };
      });
    }
    return f;
  };
  return field(root, "", [], "", true, "#", new Set(), true);
}

/** The branch a choice value picks by its discriminator: an index, or -1. */
export const branchByValue = (f: Field, v: Json | undefined): number =>
  f.disc === undefined ? -1 : f.branches!.findIndex((b) => own(v, f.disc!) === b.tag);

const clone = (v: Json): Json =>
  v === null || typeof v !== "object" ? v : JSON.parse(JSON.stringify(v));

/** `v` with the schema's defaults filled in where nothing is set (never for secrets). */
export function withDefaults(f: Field, v: Json | undefined, pick?: number): Json | undefined {
  if (f.kind === "group") {
    const o: Obj = isObj(v) ? { ...v } : {};
    for (const c of f.fields!) fill(o, c);
    return o;
  }
  if (f.kind === "choice") {
    let i = pick ?? (f.disc === undefined ? 0 : branchByValue(f, v));
    if (i < 0 && v === undefined) {
      const d = f.schema.default;
      i = Math.max(
        0,
        branchByValue(f, d),
        f.branches!.findIndex((b) => b.tag !== undefined && b.tag === d),
      );
      v = isObj(d) && branchByValue(f, d) === i ? clone(d) : undefined;
    }
    const b = f.branches![i];
    if (!b) return v;
    const o: Obj = {};
    if (f.disc !== undefined) put(o, f.disc, b.tag!);
    if (isObj(v)) for (const k of Object.keys(v)) put(o, k, v[k]!);
    for (const c of b.fields) fill(o, c);
    return o;
  }
  if (v !== undefined || f.secret) return v;
  const d = f.schema.default;
  return d !== undefined ? clone(d) : f.kind === "boolean" && f.required ? false : undefined;
}

function fill(o: Obj, c: Field) {
  const v = withDefaults(c, own(o, c.key));
  if (v !== undefined) put(o, c.key, v);
}
