import { createContext, createElement, memo, useCallback, useContext, useLayoutEffect, useRef, useState, useSyncExternalStore, type ComponentType, type CSSProperties, type ReactNode } from "react";
import { own, pointer, type Field, type Kind } from "./plan.ts";
import type { Store } from "./store.ts";
import type { Json } from "./types.ts";

/**
 * One renderer per field kind, picked from REGISTRY. Inputs are uncontrolled: the DOM holds what
 * the person types and the store is told on each input, so typing re-renders nothing; a value
 * that comes from elsewhere (controlled mode, a switched branch) is written to the element by a
 * listener. Secrets therefore never reach a `value` attribute. A field re-renders only when the
 * error it shows changes. All schema text is rendered as React text.
 */

export interface FormContext { s: Store; d: boolean; p: string }
export const Ctx = createContext<FormContext>(null!);

type Props = { f: Field };
type El = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

/** Subscribes to one path of one listener map. */
function useSlice<T>(m: "vl" | "el", path: string, get: () => T): T {
  const { s } = useContext(Ctx);
  const sub = useCallback((l: () => void) => s.on(s[m], path, l), [s, m, path]);
  return useSyncExternalStore(sub, get, get);
}

const useError = (path: string) => {
  const { s } = useContext(Ctx);
  return useSlice("el", path, () => s.shown(path));
};

/** What every field needs: its id, the error it shows, and the aria and event props of its control. */
function useBits(f: Field) {
  const c = useContext(Ctx);
  const id = c.p + f.n;
  const err = useError(f.path);
  const by = [err && id + "-e", f.help && id + "-h"].filter(Boolean).join(" ") || undefined;
  return {
    c, id, err, by,
    aria: { id, "aria-invalid": err ? true : undefined, "aria-required": f.req || undefined, "aria-describedby": by, disabled: c.d, onBlur: () => c.s.touch(f.path) },
  };
}
type Bits = ReturnType<typeof useBits>;

/**
 * An uncontrolled element bound to the field's value: `write` puts a value into the element
 * (on mount and when the value changes elsewhere); the returned `set` stores what was typed.
 */
function useBound<E extends El>(f: Field, s: Store, write: (el: E, v: Json | undefined) => void) {
  const ref = useRef<E>(null);
  const last = useRef<{ v?: Json | undefined }>({});
  useLayoutEffect(() => {
    const el = ref.current!;
    const sync = () => {
      const v = s.get(f.tokens);
      if ("v" in last.current && last.current.v === v) return;
      last.current = { v };
      write(el, v);
    };
    sync();
    return s.on(s.vl, f.path, sync);
  }, [s, f]); // eslint-disable-line react-hooks/exhaustive-deps
  const set = (v: Json | undefined) => {
    last.current = { v };
    s.set(f, v);
  };
  return [ref, set] as const;
}

const writeText = (el: El, v: Json | undefined) => {
  el.value = v === undefined || v === null ? "" : typeof v === "string" ? v : String(v);
};

const Req = ({ f }: Props) => (f.req ? <span className="cd-req" aria-hidden="true"> *</span> : null);
const Help = ({ f, id }: Props & { id: string }) => (f.help ? <p id={id + "-h"} className="cd-help">{f.help}</p> : null);
const Err = ({ id, err }: { id: string; err: string | undefined }) => (err ? <p id={id + "-e"} className="cd-error">{err}</p> : null);

/** Label, control, help and error of one field. */
function Shell({ f, b, children, after }: Props & { b: Bits; children: ReactNode; after?: boolean }) {
  const label = <><label htmlFor={b.id}>{f.title}</label><Req f={f} /></>;
  return (
    <div className={`cd-field cd-${f.kind}`}>
      {after ? <>{children} {label}</> : <>{label} {children}</>}
      <Help f={f} id={b.id} />
      <Err id={b.id} err={b.err} />
    </div>
  );
}

const placeholder = (f: Field) => {
  const x = own(f.s, "examples"), e = Array.isArray(x) ? x[0] : undefined;
  return !f.secret && (typeof e === "string" || typeof e === "number") ? String(e) : undefined;
};

const TYPES: Partial<Record<Kind, [string, ("url" | "email")?]>> = { url: ["url"], email: ["email"], hostname: ["text", "url"] };
const PLAIN = { autoCapitalize: "off", autoCorrect: "off", spellCheck: false } as const;

function Text({ f }: Props) {
  const b = useBits(f);
  const [ref, set] = useBound<HTMLInputElement>(f, b.c.s, writeText);
  const [type, mode] = TYPES[f.kind] ?? ["text"];
  return (
    <Shell f={f} b={b}>
      <input ref={ref} type={type} inputMode={mode} placeholder={placeholder(f)} {...(mode || type !== "text" ? PLAIN : null)} {...b.aria} onChange={(e) => set(e.target.value || undefined)} />
    </Shell>
  );
}

/** A textarea has no password mode: its text is shown as discs (and `cd-mask` lets a stylesheet do more). */
const MASK = { style: { WebkitTextSecurity: "disc" } as CSSProperties, className: "cd-secret cd-mono cd-mask" };

/** secret, connection-string and pem: masked, with a show/hide toggle; nothing remembered or corrected. */
function Secret({ f }: Props) {
  const b = useBits(f);
  const [shown, show] = useState(false);
  const pem = f.kind === "pem";
  const [ref, set] = useBound<HTMLInputElement & HTMLTextAreaElement>(f, b.c.s, writeText);
  const props = {
    ref, ...PLAIN, ...b.aria, autoComplete: "new-password", "data-1p-ignore": true, "data-lpignore": "true",
    className: f.kind === "secret" ? "cd-secret" : "cd-secret cd-mono",
    onChange: (e: { target: { value: string } }) => set(e.target.value || undefined),
  };
  return (
    <Shell f={f} b={b}>
      <span className="cd-masked">
        {pem ? <textarea rows={6} {...props} {...(shown ? null : MASK)} /> : <input type={shown ? "text" : "password"} {...props} />}
        {" "}
        <button type="button" className="cd-toggle" aria-pressed={shown} aria-label={`${shown ? "Hide" : "Show"} ${f.title}`} disabled={b.c.d} onClick={() => show(!shown)}>
          {shown ? "Hide" : "Show"}
        </button>
      </span>
    </Shell>
  );
}

function Multiline({ f }: Props) {
  const b = useBits(f);
  const [ref, set] = useBound<HTMLTextAreaElement>(f, b.c.s, writeText);
  return (
    <Shell f={f} b={b}>
      <textarea ref={ref} rows={4} placeholder={placeholder(f)} {...b.aria} onChange={(e) => set(e.target.value || undefined)} />
    </Shell>
  );
}

const num = (x: Json | undefined) => (typeof x === "number" ? x : undefined);

function NumberField({ f }: Props) {
  const b = useBits(f);
  const [ref, set] = useBound<HTMLInputElement>(f, b.c.s, writeText);
  const int = f.kind === "integer";
  return (
    <Shell f={f} b={b}>
      <input ref={ref} type="number" step={int ? 1 : "any"} inputMode={int ? "numeric" : "decimal"} min={num(f.s.minimum)} max={num(f.s.maximum)} placeholder={placeholder(f)} {...b.aria}
        onChange={(e) => set(e.target.value === "" ? undefined : Number(e.target.value))} />
    </Shell>
  );
}

function Checkbox({ f }: Props) {
  const b = useBits(f);
  const [ref, set] = useBound<HTMLInputElement>(f, b.c.s, (el, v) => void (el.checked = v === true));
  return (
    <Shell f={f} b={b} after>
      <input ref={ref} type="checkbox" {...b.aria} onChange={(e) => set(e.target.checked)} />
    </Shell>
  );
}

function Select({ f }: Props) {
  const b = useBits(f);
  const values = Array.isArray(f.s.enum) ? f.s.enum : [];
  const names = f.s["x-enumNames"];
  const [ref, set] = useBound<HTMLSelectElement>(f, b.c.s, (el, v) => {
    const i = v === undefined ? -1 : values.indexOf(v);
    el.value = i < 0 ? "" : String(i);
  });
  return (
    <Shell f={f} b={b}>
      <select ref={ref} {...b.aria} onChange={(e) => set(e.target.value === "" ? undefined : values[Number(e.target.value)])}>
        <option value="">—</option>
        {values.map((v, i) => {
          const name = Array.isArray(names) ? names[i] : undefined;
          return <option key={i} value={i}>{typeof name === "string" ? name : typeof v === "string" ? v : JSON.stringify(v)}</option>;
        })}
      </select>
    </Shell>
  );
}

/** Anything else: its JSON, edited as text. */
function Custom({ f }: Props) {
  const b = useBits(f);
  const [bad, setBad] = useState(false);
  const [ref, set] = useBound<HTMLTextAreaElement>(f, b.c.s, (el, v) => void (el.value = v === undefined ? "" : JSON.stringify(v, null, 2)));
  const err = bad ? `${f.title} must be valid JSON` : b.err;
  const by = [err && b.id + "-e", f.help && b.id + "-h"].filter(Boolean).join(" ") || undefined;
  return (
    <Shell f={f} b={{ ...b, err }}>
      <textarea ref={ref} rows={4} className="cd-mono" {...PLAIN} {...b.aria} aria-invalid={err ? true : undefined} aria-describedby={by}
        onChange={(e) => {
          const t = e.target.value.trim();
          try {
            set(t ? (JSON.parse(t) as Json) : undefined);
            setBad(false);
          } catch {
            setBad(true);
          }
        }} />
    </Shell>
  );
}

/** A list of strings: items with move up / move down / remove, and add. */
function List({ f }: Props) {
  const b = useBits(f);
  const { c, id } = b, s = c.s;
  const raw = useSlice("vl", f.path, () => s.get(f.tokens));
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
  const ops = {
    edit: (i: number, v: string) => s.set(f, items.map((x, j) => (j === i ? v : x))),
    remove: (i: number) => update(without(items, i), without(keys.current, i), items.length > 1 ? `${id}-${Math.min(i, items.length - 2)}` : `${id}-add`),
    move: (i: number, d: number) => {
      const j = i + d, edge = j === 0 || j === items.length - 1;
      update(swap(items, i, j), swap(keys.current, i, j), `${id}-${j}${edge ? "" : d < 0 ? "-up" : "-down"}`);
    },
  };
  const name = f.title;
  return (
    <fieldset className="cd-field cd-string-list" id={id} aria-describedby={b.by}>
      <legend>{name}<Req f={f} /></legend>
      <Help f={f} id={id} />
      <ol className="cd-items">
        {items.map((v, i) => <Item key={keys.current[i]} f={f} i={i} v={v} n={items.length} id={`${id}-${i}`} ops={ops} />)}
      </ol>
      <button type="button" id={`${id}-add`} aria-label={`Add ${name} item`} disabled={c.d} onClick={() => update([...items, ""], [...keys.current, seq.current++], `${id}-${items.length}`)}>
        Add
      </button>
      <Err id={id} err={b.err} />
    </fieldset>
  );
}

interface ItemProps { f: Field; i: number; v: Json; n: number; id: string; ops: { edit(i: number, v: string): void; remove(i: number): void; move(i: number, d: number): void } }

function Item({ f, i, v, n, id, ops }: ItemProps) {
  const c = useContext(Ctx);
  const path = pointer(f.path, i);
  const err = useError(path);
  const name = `${f.title} item ${i + 1}`;
  return (
    <li>
      <input id={id} type={f.secret ? "password" : "text"} aria-label={name} value={typeof v === "string" ? v : ""} disabled={c.d} aria-invalid={err ? true : undefined} aria-describedby={err ? id + "-e" : undefined}
        {...PLAIN} onChange={(e) => ops.edit(i, e.target.value)} onBlur={() => (c.s.touch(path), c.s.touch(f.path))} />
      {" "}
      <button type="button" id={id + "-up"} aria-label={`Move ${name} up`} disabled={c.d || i === 0} onClick={() => ops.move(i, -1)}>↑</button>
      <button type="button" id={id + "-down"} aria-label={`Move ${name} down`} disabled={c.d || i === n - 1} onClick={() => ops.move(i, 1)}>↓</button>
      <button type="button" aria-label={`Remove ${name}`} disabled={c.d} onClick={() => ops.remove(i)}>Remove</button>
      <Err id={id} err={err} />
    </li>
  );
}

function Group({ f }: Props) {
  const b = useBits(f);
  return (
    <fieldset className="cd-field cd-group" id={b.id} aria-describedby={b.by}>
      <legend>{f.title}<Req f={f} /></legend>
      <Help f={f} id={b.id} />
      <Err id={b.id} err={b.err} />
      <Fields fs={f.fields!} />
    </fieldset>
  );
}

/** An auth-method choice: radios (up to five methods) or a select, then the chosen method's fields. */
function Choice({ f }: Props) {
  const b = useBits(f);
  const { c, id } = b, s = c.s;
  const i = useSlice("vl", f.path, () => s.branch(f));
  const branches = f.branches!, cur = branches[i], lid = id + "-l";
  const common = { "aria-labelledby": lid, "aria-required": f.req || undefined, "aria-invalid": b.err ? true : undefined } as const;
  return (
    <fieldset className="cd-field cd-choice" id={id} aria-describedby={b.by}>
      <legend id={lid}>{f.title}<Req f={f} /></legend>
      <Help f={f} id={id} />
      {branches.length <= 5 ? (
        <div role="radiogroup" className="cd-options" {...common}>
          {branches.map((x, j) => (
            <label key={j}>
              <input type="radio" name={id} id={`${id}-${j}`} checked={j === i} disabled={c.d} onChange={() => s.choose(f, j)} onBlur={() => s.touch(f.path)} /> {x.title}
            </label>
          ))}
        </div>
      ) : (
        <select id={`${id}-s`} value={i} disabled={c.d} {...common} onChange={(e) => s.choose(f, Number(e.target.value))} onBlur={() => s.touch(f.path)}>
          {i < 0 && <option value={-1}>—</option>}
          {branches.map((x, j) => <option key={j} value={j}>{x.title}</option>)}
        </select>
      )}
      <Err id={id} err={b.err} />
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

const FieldView = memo(({ f }: Props) => createElement(REGISTRY[f.kind], { f }));

/** The fields of a group, a branch or the form. Re-renders only when the list itself changes. */
export const Fields = memo(({ fs }: { fs: Field[] }) => <>{fs.map((f) => <FieldView key={f.n} f={f} />)}</>);
