import { requiredErrors, toFieldErrors } from "./messages.ts";
import { branchByValue, isObj, own, put, withDefaults, type Field } from "./plan.ts";
import type { CredentialValue, FieldError, Json, JsonSchema, ValidateFunction } from "./types.ts";

type L = () => void;
type Obj = { [key: string]: Json };
export type Listeners = Map<string, Set<L>>;

const on = (m: Listeners, path: string, l: L) => {
  let set = m.get(path);
  if (!set) m.set(path, (set = new Set()));
  set.add(l);
  return () => void set.delete(l);
};
const emit = (m: Listeners, path: string) => m.get(path)?.forEach((l) => l());

/** A copy of `o` with the value at `t[i…]` replaced (undefined removes it); untouched parts are shared. */
function setIn(o: Json | undefined, t: string[], i: number, v: Json | undefined): Json | undefined {
  if (i === t.length) return v;
  const c: Obj = isObj(o) ? { ...o } : {};
  const k = t[i]!, nv = setIn(own(c, k), t, i + 1, v);
  if (nv === undefined) delete c[k];
  else put(c, k, nv);
  return c;
}

/**
 * The form's state, outside React: the value, errors, touched fields, and listeners per JSON
 * pointer. A change notifies the changed field's listeners and those whose error text changed,
 * nothing else, so a keystroke re-renders at most those fields.
 */
export class Store {
  v: Obj;
  fn: ValidateFunction | undefined;
  /** Shown-or-not errors by path, and as the list onChange reports. */
  errs = new Map<string, string>();
  list: FieldError[] = [];
  touched = new Set<string>();
  all = false;
  /** Value and error listeners by path; announcement listeners. */
  vl: Listeners = new Map();
  el: Listeners = new Map();
  al = new Set<L>();
  ann = "";
  /** Values of the branches not chosen, by choice path, so that switching back restores them. */
  mem = new Map<string, Json[]>();
  /** Chosen branch of choices without a discriminator. */
  bi = new Map<string, number>();
  cb: ((value: CredentialValue, errors: FieldError[]) => void) | undefined;
  pending: Promise<unknown> | undefined;

  constructor(readonly schema: JsonSchema, readonly root: Field, v: CredentialValue | undefined, fn: ValidateFunction | undefined) {
    this.v = withDefaults(root, v as Obj | undefined) as Obj;
    this.fn = fn;
    this.check();
  }

  on = on;
  get(t: string[]): Json | undefined {
    let v: Json | undefined = this.v;
    for (const k of t) v = own(v, k);
    return v;
  }
  /** The error a field shows: once touched, or after a submit. */
  shown(path: string): string | undefined {
    return this.all || this.touched.has(path) ? this.errs.get(path) : undefined;
  }
  branchOf = (path: string) => this.bi.get(path);
  branch(f: Field): number {
    return f.disc === undefined ? (this.bi.get(f.path) ?? 0) : branchByValue(f, this.get(f.tokens));
  }

  set(f: Field, v: Json | undefined) {
    this.v = setIn(this.v, f.tokens, 0, v) as Obj;
    emit(this.vl, f.path);
    this.check();
    this.cb?.(this.v, this.list);
  }
  /** Picks branch j of a choice, keeping the branch left behind for later. */
  choose(f: Field, j: number) {
    const i = this.branch(f);
    if (i === j) return;
    let mem = this.mem.get(f.path);
    if (!mem) this.mem.set(f.path, (mem = []));
    const cur = this.get(f.tokens);
    if (i >= 0 && cur !== undefined) mem[i] = cur;
    if (f.disc === undefined) this.bi.set(f.path, j);
    for (const t of this.touched) if (t.startsWith(f.path + "/")) this.touched.delete(t);
    this.set(f, mem[j] ?? withDefaults(f, undefined, j));
  }
  touch(path: string) {
    if (this.touched.has(path)) return;
    this.touched.add(path);
    const e = this.errs.get(path);
    if (e !== undefined && !this.all) {
      emit(this.el, path);
      this.say(e);
    }
  }
  say(text: string) {
    this.ann = text;
    this.al.forEach((l) => l());
  }
  /** A value from outside (controlled mode): every field re-reads its value. */
  replace(v: CredentialValue) {
    this.v = withDefaults(this.root, v as Obj) as Obj;
    for (const path of this.vl.keys()) emit(this.vl, path);
    this.check();
  }
  setFn(fn: ValidateFunction | undefined) {
    if (!fn || fn === this.fn) return;
    this.fn = fn;
    this.check();
  }
  /** Validates and tells the fields whose error text changed. */
  check() {
    const { fn, v } = this;
    const raw = fn ? (fn(v) ? [] : (fn.errors ?? [])) : requiredErrors(this.schema, v, this.branchOf);
    this.list = toFieldErrors(raw, this.schema, v, this.branchOf);
    const old = this.errs, now = new Map<string, string>();
    for (const e of this.list) now.set(e.path, e.message);
    this.errs = now;
    for (const [path, m] of now) if (old.get(path) !== m) emit(this.el, path);
    for (const path of old.keys()) if (!now.has(path)) emit(this.el, path);
  }
  /** Shows every error; returns whether the value is valid. */
  submit(): boolean {
    if (!this.all) {
      this.all = true;
      for (const path of this.errs.keys()) emit(this.el, path);
    }
    const n = this.errs.size;
    this.say(n ? (n === 1 ? "1 field needs attention" : `${n} fields need attention`) : "");
    return !n;
  }
  /** Element id suffix of the first field with an error, in the order the form shows them. */
  first(): string | undefined {
    const walk = (fs: Field[]): string | undefined => {
      for (const f of fs) {
        if (this.errs.has(f.path)) return String(f.n);
        if (f.kind === "string-list") {
          const items = this.get(f.tokens);
          const i = Array.isArray(items) ? items.findIndex((_, i) => this.errs.has(`${f.path}/${i}`)) : -1;
          if (i >= 0) return `${f.n}-${i}`;
        }
        const b = f.branches?.[this.branch(f)];
        const found = walk(f.fields ?? b?.fields ?? []);
        if (found) return found;
      }
      return undefined;
    };
    return walk(this.root.fields!);
  }
}
