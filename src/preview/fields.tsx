import { createContext, createElement, memo, useContext, useLayoutEffect, useRef, useState, useSyncExternalStore, type ComponentType, type CSSProperties, type ReactNode } from "react";
import { own, pointer, type Field, type Kind } from "./plan.ts";
import type { Store } from "./store.ts";
import type { Json } from "./types.ts";

/**
 * One renderer per field kind, picked from REGISTRY. Leaf controls are uncontrolled and carry no
 * handlers of their own: the form listens once for every change and blur (by element id, see
 * form.tsx) and tells the store, so typing re-renders nothing. A leaf re-renders only when the
 * error it shows changes (the store calls its setter). A value from elsewhere (controlled mode)
 * is written into the elements by the form. A secret's value is only ever put into its element's
 * `value` property, never an attribute or a text node. All schema text is rendered as React text.
 */

export interface FormContext { store: Store; disabled: boolean; idPrefix: string }
export const Ctx = createContext<FormContext>(null!);

type Props = { f: Field };
type El = HTMLInputElement & HTMLTextAreaElement & HTMLSelectElement;

/** A value of the store at one path, re-read when that path changes (containers). */
function useAt<T>(s: Store, path: string, get: () => T): T {
  const [sub] = useState(() => (l: () => void) => s.on(path, l));
  return useSyncExternalStore(sub, get, get);
}

/** A leaf: the error it shows. The store calls the setter when that changes (registered here, idempotently). */
function useLeaf(f: Field) {
  const c = useContext(Ctx), s = c.store;
  const [err, setErr] = useState(() => s.shown(f.path));
  s.errorSetters.set(f.path, setErr);
  const id = c.idPrefix + f.n;
  return {
    ctx: c, store: s, err, id,
    /** The props every control has. A required field's label shows " *"; its accessible name is the title alone. */
    ctl: { id, disabled: c.disabled || undefined, "aria-invalid": err ? true : undefined, "aria-required": f.req || undefined, "aria-label": f.req ? f.title : undefined, "aria-describedby": describedBy(id, f.help, err) },
  };
}
type Leaf = ReturnType<typeof useLeaf>;

/** How the form reads a leaf's element, and writes a value from elsewhere into it. */
export const READ: Partial<Record<Kind, (el: El, f: Field) => Json | undefined>> = {};
export const WRITE: Partial<Record<Kind, (el: El, v: Json | undefined, f: Field) => void>> = {};
const text = (el: El) => el.value || undefined;
const writeText = (el: El, v: Json | undefined) => void (el.value = v === undefined || v === null ? "" : typeof v === "string" ? v : String(v));
for (const k of ["text", "url", "email", "hostname", "secret", "connection-string", "pem", "multiline"] as const) (READ[k] = text), (WRITE[k] = writeText);
READ.number = READ.integer = (el) => (el.value === "" ? undefined : Number(el.value));
WRITE.number = WRITE.integer = writeText;
READ.boolean = (el) => el.checked;
WRITE.boolean = (el, v) => void (el.checked = v === true);
const options = (f: Field) => (Array.isArray(f.s.enum) ? f.s.enum : []);
/** A select's option value: the enum index, "" for none. */
const indexOf = (f: Field, v: Json | undefined) => {
  const i = v === undefined ? -1 : options(f).indexOf(v);
  return i < 0 ? "" : String(i);
};
READ.select = (el, f) => (el.value === "" ? undefined : options(f)[Number(el.value)]);
WRITE.select = (el, v, f) => void (el.value = indexOf(f, v));

const str = (v: Json | undefined) => (v === undefined || v === null ? undefined : typeof v === "string" ? v : String(v));

const describedBy = (id: string, help: string | undefined, err: string | undefined) =>
  err ? (help ? `${id}-e ${id}-h` : `${id}-e`) : help ? `${id}-h` : undefined;

const req = (f: Field) => f.req && <span className="cd-req" aria-hidden="true"> * </span>;
const help = (f: Field, id: string) => f.help && <p id={id + "-h"} className="cd-help">{f.help}</p>;
const error = (id: string, err: string | undefined) => err && <p id={id + "-e"} className="cd-error">{err}</p>;

/** Label, required mark, control, help and error of one field (a function, not a component: no extra fiber). */
function shell(f: Field, h: Leaf, control: ReactNode, after?: boolean, extra?: ReactNode) {
  return (
    <div className={"cd-field cd-" + f.kind}>
      {after && control}
      <label htmlFor={h.id}>{(after ? " " : "") + f.title + (f.req ? " *" : "") + (after ? "" : " ")}</label>
      {!after && control}
      {extra}
      {help(f, h.id)}
      {error(h.id, h.err)}
    </div>
  );
}

const placeholder = (f: Field) => {
  const x = own(f.s, "examples"), e = Array.isArray(x) ? x[0] : undefined;
  return !f.secret && (typeof e === "string" || typeof e === "number") ? String(e) : undefined;
};

const TYPES: Partial<Record<Kind, [string, ("url" | "email")?]>> = { url: ["url"], email: ["email"], hostname: ["text", "url"] };
/** Nothing corrected, capitalised or spell-checked (sent to a server by some browsers). */
const PLAIN = { autoCapitalize: "off", spellCheck: false } as const;

function Text({ f }: Props) {
  const h = useLeaf(f);
  const [type, mode] = TYPES[f.kind] ?? ["text"];
  return shell(f, h, <input type={type === "text" ? undefined : type} inputMode={mode} placeholder={placeholder(f)} defaultValue={str(h.store.get(f.tokens))} {...h.ctl} />);
}

/** A textarea has no password mode: its text is drawn as discs (`cd-mask` lets a stylesheet do more). */
const MONO: CSSProperties = { fontFamily: "monospace" };
const MASK = { style: { ...MONO, WebkitTextSecurity: "disc" } as CSSProperties, className: "cd-mono cd-mask" };

/** secret, connection-string and pem: masked, with a show/hide toggle; nothing remembered or corrected. */
function Secret({ f }: Props) {
  const h = useLeaf(f);
  const [shown, show] = useState(false);
  // A value (given, or restored with its branch) goes into the element's property only, never an attribute.
  const [ref] = useState(() => (el: El | null) => void (el && h.store.get(f.tokens) !== undefined && writeText(el, h.store.get(f.tokens))));
  const mono = f.kind !== "secret" ? { className: "cd-mono", style: MONO } : null;
  const props = { ref, ...PLAIN, ...h.ctl, autoComplete: "new-password", ...mono };
  return shell(f, h,
    f.kind === "pem" ? <textarea rows={6} {...props} {...(shown ? null : MASK)} /> : <input type={shown ? "text" : "password"} {...props} />,
    false,
    <button type="button" aria-pressed={shown} aria-label={`${shown ? "Hide" : "Show"} ${f.title}`} disabled={h.ctx.disabled || undefined} onClick={() => show(!shown)}>
      {shown ? "Hide" : "Show"}
    </button>);
}

function Multiline({ f }: Props) {
  const h = useLeaf(f);
  return shell(f, h, <textarea rows={4} placeholder={placeholder(f)} defaultValue={str(h.store.get(f.tokens))} {...h.ctl} />);
}

const num = (x: Json | undefined) => (typeof x === "number" ? x : undefined);

function NumberField({ f }: Props) {
  const h = useLeaf(f);
  const int = f.kind === "integer";
  return shell(f, h,
    <input type="number" step={int ? 1 : "any"} inputMode={int ? "numeric" : "decimal"} min={num(f.s.minimum)} max={num(f.s.maximum)} placeholder={placeholder(f)} defaultValue={str(h.store.get(f.tokens))} {...h.ctl} />);
}

function Checkbox({ f }: Props) {
  const h = useLeaf(f);
  return shell(f, h, <input type="checkbox" defaultChecked={h.store.get(f.tokens) === true} {...h.ctl} />, true);
}

function Select({ f }: Props) {
  const h = useLeaf(f);
  const names = f.s["x-enumNames"];
  return shell(f, h,
    <select defaultValue={indexOf(f, h.store.get(f.tokens))} {...h.ctl}>
      <option value="">—</option>
      {options(f).map((v, i) => {
        const name = Array.isArray(names) ? names[i] : undefined;
        return <option key={i} value={i}>{typeof name === "string" ? name : typeof v === "string" ? v : JSON.stringify(v)}</option>;
      })}
    </select>);
}

/** Anything else: its JSON, edited as text (with its own change handler: a parse error is its own state). */
function Custom({ f }: Props) {
  const [bad, setBad] = useState(false);
  const h = useLeaf(f);
  const err = bad ? `${f.title} must be valid JSON` : h.err;
  const v = h.store.get(f.tokens);
  return shell(f, { ...h, err },
    <textarea rows={4} className="cd-mono" defaultValue={v === undefined ? "" : JSON.stringify(v, null, 2)} {...PLAIN} {...h.ctl} aria-invalid={err ? true : undefined} aria-describedby={describedBy(h.id, f.help, err)} onBlur={() => h.store.touch(f.path)}
      onChange={(e) => {
        const t = e.target.value.trim();
        try {
          h.store.set(f, t ? (JSON.parse(t) as Json) : undefined);
          setBad(false);
        } catch {
          setBad(true);
        }
      }} />);
}
WRITE.custom = (el, v) => void (el.value = v === undefined ? "" : JSON.stringify(v, null, 2));

/** The error a container shows. */
function useContainer(f: Field) {
  const c = useContext(Ctx), s = c.store, id = c.idPrefix + f.n;
  const err = useAt(s, f.path, () => s.shown(f.path));
  return { c, s, id, err, by: describedBy(id, f.help, err) };
}

/** A list of strings: items with move up / move down / remove, and add. */
function List({ f }: Props) {
  const { c, s, id, err, by } = useContainer(f);
  const raw = useAt(s, f.path, () => s.get(f.tokens));
  const items = Array.isArray(raw) ? raw : [];
  const keys = useRef<number[]>([]), seq = useRef(0), focus = useRef<string>(undefined);
  while (keys.current.length < items.length) keys.current.push(seq.current++);
  keys.current.length = items.length;
  useLayoutEffect(() => {
    if (focus.current) document.getElementById(focus.current)?.focus();
    focus.current = undefined;
  });
  const update = (next: Json[], k: number[], to: string) => {
    keys.current = k;
    focus.current = to;
    s.set(f, next);
    s.touch(f.path);
  };
  const without = <T,>(a: T[], i: number) => a.filter((_, j) => j !== i);
  const swap = <T,>(a: T[], i: number, j: number) => {
    const x = a.slice();
    [x[i], x[j]] = [x[j]!, x[i]!];
    return x;
  };
  const ops: Ops = {
    edit: (i, v) => s.set(f, items.map((x, j) => (j === i ? v : x))),
    remove: (i) => update(without(items, i), without(keys.current, i), items.length > 1 ? `${id}-${Math.min(i, items.length - 2)}` : `${id}-add`),
    move: (i, d) => {
      const j = i + d, edge = j === 0 || j === items.length - 1;
      update(swap(items, i, j), swap(keys.current, i, j), `${id}-${j}${edge ? "" : d < 0 ? "-up" : "-down"}`);
    },
  };
  return (
    <fieldset className="cd-field cd-string-list" id={id} aria-describedby={by}>
      <legend>{f.title}{req(f)}</legend>
      {help(f, id)}
      <ol className="cd-items">
        {items.map((v, i) => <Item key={keys.current[i]} f={f} i={i} v={v} n={items.length} id={`${id}-${i}`} ops={ops} />)}
      </ol>
      <button type="button" id={`${id}-add`} aria-label={`Add ${f.title} item`} disabled={c.disabled} onClick={() => update([...items, ""], [...keys.current, seq.current++], `${id}-${items.length}`)}>
        Add
      </button>
      {error(id, err)}
    </fieldset>
  );
}

interface Ops { edit(i: number, v: string): void; remove(i: number): void; move(i: number, d: number): void }

function Item({ f, i, v, n, id, ops }: { f: Field; i: number; v: Json; n: number; id: string; ops: Ops }) {
  const c = useContext(Ctx), s = c.store;
  const path = pointer(f.path, i);
  const err = useAt(s, path, () => s.shown(path));
  const name = `${f.title} item ${i + 1}`;
  return (
    <li>
      <input id={id} type={f.secret ? "password" : "text"} aria-label={name} value={typeof v === "string" ? v : ""} disabled={c.disabled} aria-invalid={err ? true : undefined} aria-describedby={err ? id + "-e" : undefined}
        {...PLAIN} onChange={(e) => ops.edit(i, e.target.value)} onBlur={() => (s.touch(path), s.touch(f.path))} />
      <button type="button" id={id + "-up"} aria-label={`Move ${name} up`} disabled={c.disabled || i === 0} onClick={() => ops.move(i, -1)}>↑</button>
      <button type="button" id={id + "-down"} aria-label={`Move ${name} down`} disabled={c.disabled || i === n - 1} onClick={() => ops.move(i, 1)}>↓</button>
      <button type="button" aria-label={`Remove ${name}`} disabled={c.disabled} onClick={() => ops.remove(i)}>Remove</button>
      {error(id, err)}
    </li>
  );
}

function Group({ f }: Props) {
  const { id, err, by } = useContainer(f);
  return (
    <fieldset className="cd-field cd-group" id={id} aria-describedby={by}>
      <legend>{f.title}{req(f)}</legend>
      {help(f, id)}
      {error(id, err)}
      <Fields fs={f.fields!} />
    </fieldset>
  );
}

/** An auth-method choice: radios (up to five methods) or a select, then the chosen method's fields. */
function Choice({ f }: Props) {
  const { c, s, id, err, by } = useContainer(f);
  const i = useAt(s, f.path, () => s.branch(f));
  const branches = f.branches!, cur = branches[i], lid = id + "-l";
  const common = { "aria-labelledby": lid, "aria-required": f.req || undefined, "aria-invalid": err ? true : undefined, disabled: c.disabled, onBlur: () => s.touch(f.path) };
  return (
    <fieldset className="cd-field cd-choice" id={id} aria-describedby={by}>
      <legend id={lid}>{f.title}{req(f)}</legend>
      {help(f, id)}
      {branches.length <= 5 ? (
        <div role="radiogroup" className="cd-options" aria-labelledby={lid} aria-required={f.req || undefined} aria-invalid={err ? true : undefined}>
          {branches.map((x, j) => (
            <label key={j}>
              <input type="radio" name={id} id={`${id}-${j}`} checked={j === i} disabled={c.disabled} onChange={() => s.choose(f, j)} onBlur={common.onBlur} />
              {" " + x.title + " "}
            </label>
          ))}
        </div>
      ) : (
        <select id={`${id}-s`} value={i} {...common} onChange={(e) => s.choose(f, Number(e.target.value))}>
          {i < 0 && <option value={-1}>—</option>}
          {branches.map((x, j) => <option key={j} value={j}>{x.title}</option>)}
        </select>
      )}
      {error(id, err)}
      {cur && <Fields key={i} fs={cur.fields} />}
    </fieldset>
  );
}

export const REGISTRY: Record<Kind, ComponentType<Props>> = {
  text: Text, url: Text, email: Text, hostname: Text,
  secret: Secret, "connection-string": Secret, pem: Secret,
  number: NumberField, integer: NumberField, boolean: Checkbox, select: Select, multiline: Multiline,
  "string-list": List, group: Group, choice: Choice, custom: Custom,
};

/** The fields of a group, a branch or the form; rendered once, each field then updates on its own. */
export const Fields = memo(({ fs }: { fs: Field[] }) => fs.map((f) => createElement(REGISTRY[f.kind], { key: f.n, f })));
