import { createElement, useEffect, useId, useLayoutEffect, useMemo, useRef } from "react";
import { type FormView, mountForm } from "./dom/form-view.ts";
import { planOf } from "./plan.ts";
import { Store } from "./store.ts";
import type { CredentialFormProps, JsonSchema, ValidateFunction } from "./types.ts";

/** The validator of a schema that could not be compiled: it checks nothing, and says so. */
type NotChecked = ValidateFunction & { notChecked: string };

const compiled = new WeakMap<JsonSchema, Promise<ValidateFunction>>();

/**
 * Ajv and the schema compiled with it, loaded once per schema, in a chunk of its own. Never
 * rejects: when the chunk does not load, or Ajv refuses the schema (say a pattern that is no
 * regular expression), the validator is a NotChecked that gives the reason.
 */
function compileLazily(schema: JsonSchema): Promise<ValidateFunction> {
  let validator = compiled.get(schema);
  if (!validator) {
    validator = import("./ajv.ts")
      .then((m) => m.compile(schema))
      .catch(
        (error: unknown): NotChecked =>
          Object.assign(() => false, {
            notChecked: `The values were not checked: ${error}`,
          }),
      );
    compiled.set(schema, validator);
  }
  return validator;
}

/**
 * The store of a form. With a NotChecked validator the values cannot be checked, and the form says
 * so in an error about the value as a whole (shown after a submit, announced, reported to
 * onChange): it never calls values valid that nothing has checked, so "Save" does not hand them on.
 */
class FormStore extends Store {
  declare validate: (ValidateFunction & Partial<NotChecked>) | undefined;

  override check() {
    super.check();
    const reason = this.validate?.notChecked;
    if (!reason) return;
    this.errors.set("", ["", 0, reason]);
    this.emit("");
  }
  /** What a submit announces is that, too (not "1 field needs attention"). */
  override say(text: string) {
    super.say(text && (this.validate?.notChecked ?? text));
  }
}

/**
 * The credential window of a connector as a form: one control per field of a draft-07 object
 * schema, errors in words, secrets kept out of the DOM's attributes and text.
 *
 * React hosts the form; the form itself is built and updated as plain DOM (dom/form-view.ts),
 * from a store outside React (store.ts), so a keystroke re-renders nothing.
 */
export function CredentialForm(props: CredentialFormProps) {
  const { schema, value, validate, disabled = false, onSubmit, onChange } = props;
  const uid = useId();
  const prefix = `${props.idPrefix ?? `cd${uid.replace(/[^\w-]/g, "")}`}-`;
  const root = useMemo(() => planOf(schema), [schema]);
  // A new schema object (a new plan) starts a new store; the first value is read once.
  // biome-ignore lint/correctness/useExhaustiveDependencies: one store per plan; later values and validators reach it through the effects below
  const store = useMemo(
    () => new FormStore(schema, root, value ?? props.defaultValue, validate),
    [root],
  );
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<FormView>(undefined);
  const seen = useRef(value);

  // A new store shows in the form on the page, which keeps the fields it can (a designer makes a
  // new schema on every edit).
  // biome-ignore lint/correctness/useExhaustiveDependencies: disabled and onSubmit follow through update() below
  useLayoutEffect(() => {
    const options = { store, root, prefix, disabled, onSubmit };
    if (view.current?.replan(options)) return;
    view.current?.remove();
    view.current = mountForm(host.current!, options);
  }, [store, root, prefix]);
  useLayoutEffect(
    () => () => {
      view.current?.remove();
      view.current = undefined;
    },
    [],
  );
  useLayoutEffect(() => {
    view.current!.update({ disabled, onSubmit });
    store.onChange = onChange;
    // Controlled: a value from the parent that the form does not hold already is shown.
    if (value !== seen.current) {
      seen.current = value;
      if (value && value !== store.value) store.replace(value);
    }
  });
  useEffect(() => {
    let live = true,
      timer: ReturnType<typeof setTimeout> | undefined;
    store.setFn(validate);
    if (!validate) {
      // compileLazily never rejects (a schema Ajv refuses gives a NotChecked validator).
      const pending = (store.pending = compileLazily(schema).then((fn) => {
        if (store.pending === pending) store.pending = undefined;
        if (live) store.setFn(fn);
      }));
    }
    // The first validation is the slowest (nothing is warm yet: a few ms per 100 fields), so it
    // waits until the form has been painted; it runs sooner if something needs it (a blur, a submit).
    const frame = requestAnimationFrame(
      () => (timer = setTimeout(() => live && (store.validated || store.check()))),
    );
    return () => {
      live = false;
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [store, validate, schema]);

  // (createElement, not JSX: the entry then needs no react/jsx-runtime import)
  return createElement("div", { ref: host, className: "cd-form" });
}
