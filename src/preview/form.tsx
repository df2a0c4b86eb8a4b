import { useContext, useEffect, useId, useLayoutEffect, useMemo, useRef, useSyncExternalStore, type CSSProperties, type FormEvent } from "react";
import { Ctx, Fields } from "./fields.tsx";
import { planOf } from "./plan.ts";
import { Store } from "./store.ts";
import type { CredentialFormProps, JsonSchema, ValidateFunction } from "./types.ts";

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
  const { s, p } = useContext(Ctx);
  const err = useSyncExternalStore((l) => s.on(s.el, "", l), () => s.shown(""));
  const ann = useSyncExternalStore((l) => (s.al.add(l), () => void s.al.delete(l)), () => s.ann);
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
 */
export function CredentialForm(props: CredentialFormProps) {
  const { schema, value, validate, disabled = false, onSubmit } = props;
  const uid = useId();
  const prefix = (props.idPrefix ?? "cd" + uid.replace(/[^\w-]/g, "")) + "-";
  const root = useMemo(() => planOf(schema), [schema]);
  const store = useMemo(() => new Store(schema, root, value ?? props.defaultValue, validate), [root]); // eslint-disable-line react-hooks/exhaustive-deps
  const ctx = useMemo(() => ({ s: store, d: disabled, p: prefix }), [store, disabled, prefix]);
  const latest = useRef(props);
  const seen = useRef(value);
  const form = useRef<HTMLFormElement>(null);

  useLayoutEffect(() => {
    latest.current = props;
    store.cb = props.onChange;
    if (value !== seen.current) {
      seen.current = value;
      if (value && value !== store.v) store.replace(value);
    }
  });
  useEffect(() => {
    if (validate) return store.setFn(validate);
    let live = true;
    const p = (store.pending = load(schema).then((fn) => live && store.setFn(fn)));
    void p.finally(() => store.pending === p && (store.pending = undefined));
    return () => void (live = false);
  }, [store, validate, schema]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (latest.current.disabled) return;
    if (store.pending) await store.pending;
    if (store.submit()) return latest.current.onSubmit?.(store.v);
    const at = store.first();
    const el = at === undefined ? null : form.current?.ownerDocument.getElementById(prefix + at);
    const target = el && !/^(INPUT|SELECT|TEXTAREA)$/.test(el.tagName) ? (el.querySelector("input:checked") ?? el.querySelector("input,select,textarea")) : el;
    (target as HTMLElement | null)?.focus();
  };

  return (
    <Ctx.Provider value={ctx}>
      <form ref={form} className="cd-form" noValidate onSubmit={submit}>
        <Fields fs={root.fields!} />
        <Status />
        {onSubmit && <button type="submit" className="cd-save" disabled={disabled}>Save</button>}
      </form>
    </Ctx.Provider>
  );
}
