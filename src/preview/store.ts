import {
  errorMap,
  type Landing,
  requiredErrors,
  requiredSentence,
  type Sentence,
} from "./messages.ts";
import { branchByValue, type Field, isObj, own, put, withDefaults } from "./plan.ts";
import type { CredentialValue, FieldError, Json, JsonSchema, ValidateFunction } from "./types.ts";

type Listener = () => void;
type Obj = { [key: string]: Json };

/** A copy of `o` with the value at `t[i…]` replaced (undefined removes it); untouched parts are shared. */
function setIn(o: Json | undefined, t: string[], i: number, v: Json | undefined): Json | undefined {
  if (i === t.length) return v;
  const c: Obj = isObj(o) ? { ...o } : {};
  const k = t[i]!,
    nv = setIn(own(c, k), t, i + 1, v);
  if (nv === undefined) delete c[k];
  else put(c, k, nv);
  return c;
}

/** Sets the value at `t` in place (undefined removes it), making the objects on the way. */
function putIn(o: Obj, t: string[], v: Json | undefined): void {
  for (let i = 0; i < t.length - 1; i++) {
    const next = own(o, t[i]!);
    if (isObj(next)) o = next;
    else put(o, t[i]!, (o = {}));
  }
  const k = t[t.length - 1]!;
  if (v === undefined) delete o[k];
  else put(o, k, v);
}

/**
 * The form's state, outside React: the value, the errors by path, the touched paths, and
 * listeners by path. A change calls the listeners of the changed path and of the paths whose
 * error text changed, nothing else, so a keystroke re-renders at most those fields.
 */
export class Store {
  value: Obj;
  validate: ValidateFunction | undefined;
  /** What errors say (sentences.ts, once loaded): set it before a validator that reports more than `required`. */
  sentence: Sentence = requiredSentence;
  /** Every error by path (shown or not yet). */
  errors = new Map<string, Landing>();
  touched = new Set<string>();
  showAll = false;
  listeners = new Map<string, Set<Listener>>();
  /** The leaf field shown at each path: told like a listener (one entry per leaf, no closure). */
  leafViews = new Map<string, { refresh(): void }>();
  /** Announcements (a polite live region). */
  announcers = new Set<Listener>();
  announcement = "";
  /** Values of the branches not chosen, by choice path, so that switching back restores them. */
  leftBranches = new Map<string, Json[]>();
  /** Chosen branch of choices without a discriminator. */
  chosenBranch = new Map<string, number>();
  onChange: ((value: CredentialValue, errors: FieldError[]) => void) | undefined;
  pending: Promise<unknown> | undefined;
  /**
   * Whether the value object has been handed out (onChange, onSubmit): from then on a change
   * copies the objects on its path instead of changing them (untouched parts are shared).
   */
  shared = false;
  /** Whether the value was validated since it last changed. */
  validated = false;

  constructor(
    readonly schema: JsonSchema,
    readonly root: Field,
    v: CredentialValue | undefined,
    fn: ValidateFunction | undefined,
  ) {
    this.value = withDefaults(root, v as Obj | undefined) as Obj;
    this.validate = fn;
  }

  on(path: string, listener: Listener): () => void {
    let set = this.listeners.get(path);
    if (!set) this.listeners.set(path, (set = new Set()));
    set.add(listener);
    return () => void set.delete(listener);
  }
  /** Tells the listeners and the leaf of a path that its value or shown error may have changed. */
  emit(path: string) {
    for (const listener of this.listeners.get(path) ?? []) listener();
    this.leafViews.get(path)?.refresh();
  }
  get(t: string[]): Json | undefined {
    let v: Json | undefined = this.value;
    for (const k of t) v = own(v, k);
    return v;
  }
  /**
   * Why the values cannot be checked at all (the schema does not compile, the validator did not
   * load), or undefined: shown at once, as an alert, and the values are never called valid.
   */
  get problem(): string | undefined {
    return undefined;
  }
  /** The error a field shows: once touched, or after a submit (the whole value's `problem`: at once). */
  shown(path: string): string | undefined {
    if (path === "" && this.validated && this.problem !== undefined)
      return this.errors.get("")?.[2];
    return this.showAll || this.touched.has(path) ? this.errors.get(path)?.[2] : undefined;
  }
  branchOf = (path: string) => this.chosenBranch.get(path);
  branch(f: Field): number {
    return f.disc === undefined
      ? (this.chosenBranch.get(f.path) ?? 0)
      : branchByValue(f, this.get(f.tokens));
  }
  /** Every error as a list (what onChange reports). */
  list(): FieldError[] {
    return [...this.errors.values()].map(([path, , message]) => ({ path, message }));
  }

  /**
   * Stores a field's value (what its element shows, or a container's new value). `typing`: the
   * person is typing into the field (an `input` event of a text entry).
   *
   * Validated at once when something would show the result: an onChange, or errors shown (a
   * field was touched, or a submit). But typing into a field that shows no error is validated
   * when the field is left (or on submit), not on every keystroke: a new error does not
   * interrupt someone still typing ("reward early, punish late"), while a field that shows an
   * error is validated on every keystroke, so its error goes as soon as the value is right.
   */
  set(f: Field, v: Json | undefined, typing = false) {
    if (this.onChange) this.shared = true;
    if (this.shared) this.value = setIn(this.value, f.tokens, 0, v) as Obj;
    else putIn(this.value, f.tokens, v);
    this.emit(f.path);
    const shows = this.showAll || this.touched.size > 0;
    if (this.onChange || (shows && !(typing && this.shown(f.path) === undefined))) this.check();
    else this.validated = false;
    this.onChange?.(this.value, this.list());
  }
  /** Picks branch j of a choice, keeping the branch left behind for later. */
  choose(f: Field, j: number) {
    const i = this.branch(f);
    if (i === j) return;
    let mem = this.leftBranches.get(f.path);
    if (!mem) this.leftBranches.set(f.path, (mem = []));
    const cur = this.get(f.tokens);
    if (i >= 0 && cur !== undefined) mem[i] = cur;
    if (f.disc === undefined) this.chosenBranch.set(f.path, j);
    for (const t of this.touched) if (t.startsWith(`${f.path}/`)) this.touched.delete(t);
    this.set(f, mem[j] ?? withDefaults(f, undefined, j));
  }
  /** A field was left: it shows its errors from now on (validated first, if it is not). */
  touch(path: string) {
    if (!this.validated) this.check();
    if (this.touched.has(path)) return;
    this.touched.add(path);
    const e = this.errors.get(path)?.[2];
    if (e !== undefined && !this.showAll) {
      this.emit(path);
      this.say(e);
    }
  }
  say(text: string) {
    this.announcement = text;
    for (const announce of this.announcers) announce();
  }
  /** A value from outside (controlled mode): containers re-read it; the form writes the leaves' elements. */
  replace(v: CredentialValue) {
    this.value = withDefaults(this.root, v as Obj) as Obj;
    for (const set of this.listeners.values()) for (const listener of set) listener();
    for (const view of this.leafViews.values()) view.refresh();
    this.check();
  }
  /** Sets the validator; validates again at once if the value was validated with another one. */
  setFn(fn: ValidateFunction | undefined) {
    if (!fn || fn === this.validate) return;
    this.validate = fn;
    if (this.validated) this.check();
  }
  /** Validates and tells the fields whose error text changed. */
  check() {
    this.validated = true;
    const { validate: fn, value: v } = this;
    const old = this.errors;
    const raw = fn
      ? fn(v)
        ? []
        : (fn.errors ?? [])
      : requiredErrors(this.schema, v, this.branchOf);
    const now = (this.errors = errorMap(raw, this.schema, v, this.sentence, this.branchOf));
    for (const [path, m] of now) if (old.get(path)?.[2] !== m[2]) this.emit(path);
    for (const path of old.keys()) if (!now.has(path)) this.emit(path);
  }
  /** Shows every error; returns whether the value is valid. */
  submit(): boolean {
    if (!this.validated) this.check();
    if (!this.showAll) {
      this.showAll = true;
      for (const path of this.errors.keys()) this.emit(path);
    }
    const n = this.errors.size;
    this.say(n ? (n === 1 ? "1 field needs attention" : `${n} fields need attention`) : "");
    return !n;
  }
}
