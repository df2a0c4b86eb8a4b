import { useContext, useEffect, useId, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore, type CSSProperties, type KeyboardEvent } from "react";
import { Ctx, Fields, READ, WRITE } from "./fields.tsx";
import { planOf } from "./plan.ts";
import { Store } from "./store.ts";
import type { CredentialFormProps, JsonSchema, ValidateFunction } from "./types.ts";

type El = HTMLInputElement & HTMLTextAreaElement & HTMLSelectElement;

const compiled = new WeakMap<JsonSchema, Promise<ValidateFunction | undefined>>();

/** Ajv and the schema compiled with it, loaded once per schema, in a chunk of its own. */
function load(schema: JsonSchema) {
  let p = compiled.get(schema);
  if (!p) compiled.set(schema, (p = import("./ajv.ts").then((m) => m.compile(schema), () => undefined)));
  return p;
}

const HIDDEN: CSSProperties = { position: "absolute", width: 1, height: 1, overflow: "hidden", clipPath: "inset(50%)", whiteSpace: "nowrap" };

/** Errors about the value as a whole, and a polite live region for what changed. */
function Status() {
  const { store: s, idPrefix: p } = useContext(Ctx);
  const [subs] = useState(() => [(l: () => void) => s.on("", l), (l: () => void) => (s.announcers.add(l), () => void s.announcers.delete(l))] as const);
  const err = useSyncExternalStore(subs[0], () => s.shown(""));
  const ann = useSyncExternalStore(subs[1], () => s.announcement);
  return (
    <>
      {err && <p id={p + "e"} className="cd-error">{err}</p>}
      <p className="cd-live" aria-live="polite" style={HIDDEN}>{ann}</p>
    </>
  );
}

/**
 * The credential window of a connector as a form: one control per field of a draft-07 object
 * schema, errors in words, secrets kept out of the DOM's attributes and text.
 *
 * It is a <div>, not a <form>: Chromium looks a form's named controls up on every property read
 * of the form element, and React reads its own properties of every element an event passes
 * (0.2 ms per keystroke at 1,000 fields). So no browser validation either; Enter in a one-line
 * field submits, as in a form.
 */
export function CredentialForm(props: CredentialFormProps) {
  const { schema, value, validate, disabled = false, onSubmit } = props;
  const uid = useId();
  const prefix = (props.idPrefix ?? "cd" + uid.replace(/[^\w-]/g, "")) + "-";
  const root = useMemo(() => planOf(schema), [schema]);
  const store = useMemo(() => new Store(schema, root, value ?? props.defaultValue, validate), [root]); // eslint-disable-line react-hooks/exhaustive-deps
  const ctx = useMemo(() => ({ store, disabled, idPrefix: prefix }), [store, disabled, prefix]);
  const latest = useRef(props);
  const seen = useRef(value);
  const form = useRef<HTMLDivElement>(null);
  /** An element of this form by id (also inside a shadow root). */
  const byId = (id: string) => (form.current?.getRootNode() as Document | ShadowRoot | undefined)?.getElementById?.(prefix + id) as El | null | undefined;
  /** The leaf field an element is the control of: its id is the prefix and the field's n. */
  const leafOf = (el: EventTarget) => {
    const rest = (el as Element).id?.startsWith(prefix) ? (el as Element).id.slice(prefix.length) : "";
    const f = /^\d+$/.test(rest) ? root.all![Number(rest)] : undefined;
    return f && READ[f.kind] ? f : undefined;
  };

  useLayoutEffect(() => {
    latest.current = props;
    store.onChange = props.onChange;
    if (value !== seen.current) {
      seen.current = value;
      if (value && value !== store.value) {
        store.replace(value);
        // the value of every leaf element shown, where it differs
        for (const f of root.all!) {
          const el = WRITE[f.kind] && byId(String(f.n)), v = store.get(f.tokens);
          if (el && (READ[f.kind] ? READ[f.kind]!(el, f) : undefined) !== v) WRITE[f.kind]!(el, v, f);
        }
      }
    }
  });
  // A native listener, not React's onChange: React would then restore every typed-in uncontrolled
  // input's attributes after each event (a style invalidation per keystroke). "input" and "change"
  // both, for the controls that fire only one; a value the store already has is not set again.
  useLayoutEffect(() => {
    const el = form.current!;
    const on = (e: Event) => {
      const f = leafOf(e.target!);
      if (!f) return;
      const v = READ[f.kind]!(e.target as El, f);
      if (v !== store.get(f.tokens)) store.set(f, v);
    };
    el.addEventListener("input", on);
    el.addEventListener("change", on);
    return () => {
      el.removeEventListener("input", on);
      el.removeEventListener("change", on);
    };
  }, [store, root, prefix]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => {
    store.setFn(validate);
    if (validate) return;
    let live = true;
    const p = (store.pending = load(schema).then((fn) => live && store.setFn(fn)));
    void p.finally(() => store.pending === p && (store.pending = undefined));
    return () => void (live = false);
  }, [store, validate, schema]);

  const submit = async () => {
    if (latest.current.disabled) return;
    if (store.pending) await store.pending;
    if (store.submit()) {
      store.shared = true;
      latest.current.onSubmit?.(store.value);
      return;
    }
    const at = store.first();
    const el = at === undefined ? null : byId(at);
    const target = el && !/^(INPUT|SELECT|TEXTAREA)$/.test(el.tagName) ? (el.querySelector("input:checked") ?? el.querySelector("input,select,textarea")) : el;
    (target as HTMLElement | null)?.focus();
  };

  const enter = (e: KeyboardEvent) => {
    const t = e.target as HTMLInputElement;
    if (e.key === "Enter" && t.tagName === "INPUT" && !/^(button|checkbox|radio)$/.test(t.type) && !e.nativeEvent.isComposing) {
      e.preventDefault();
      void submit();
    }
  };
  return (
    <Ctx.Provider value={ctx}>
      <div ref={form} className="cd-form" onKeyDown={onSubmit && enter}
        onBlur={(e) => {
          const f = leafOf(e.target);
          if (f) store.touch(f.path);
        }}>
        <Fields key={store.id} fs={root.fields!} />
        <Status />
        {onSubmit && <button type="button" className="cd-save" disabled={disabled} onClick={submit}>Save</button>}
      </div>
    </Ctx.Provider>
  );
}
