import { type FormView, mountForm } from "./dom/form-view.ts";
import { requiredSentence, type Sentence } from "./messages.ts";
import { planOf } from "./plan.ts";
import { Store } from "./store.ts";
import type { CredentialValue, FieldError, JsonSchema, ValidateFunction } from "./types.ts";

/**
 * The validator of a schema that cannot be checked: it checks nothing, and says why. A `validate`
 * given to the form may carry `notChecked` too (the designer's incremental validator sets it when
 * the schema does not compile): the form then shows that reason as an alert.
 */
type NotChecked = ValidateFunction & { notChecked: string };

const notChecked = (reason: string): NotChecked =>
  Object.assign(() => false, { notChecked: reason });

const compiled = new WeakMap<JsonSchema, Promise<ValidateFunction>>();

/**
 * Ajv and the schema compiled with it, loaded once per schema, in a chunk of its own. When Ajv
 * refuses the schema (say a pattern that is no regular expression), the validator is a
 * NotChecked that says so; rejects when the chunk does not load.
 */
function compileLazily(schema: JsonSchema): Promise<ValidateFunction> {
  let validator = compiled.get(schema);
  if (!validator) {
    validator = import("./ajv.ts").then((ajv) => {
      try {
        return ajv.compile(schema);
      } catch (error) {
        return notChecked(
          `This window's schema could not be compiled: ${ajv.compileFailureReason(schema, error)}`,
        );
      }
    });
    compiled.set(schema, validator);
  }
  return validator;
}

/** What errors say, once sentences.ts has loaded (one chunk for every form of the page). */
let loadedSentence: Sentence | undefined;
let sentences: Promise<Sentence> | undefined;

/**
 * The validator and the sentences of its errors, once both are there: `validate`, else Ajv's.
 * Never rejects: when a chunk does not load, the validator is a NotChecked that says so.
 */
function validatorOf(
  schema: JsonSchema,
  validate: ValidateFunction | undefined,
): Promise<[ValidateFunction, Sentence]> {
  sentences ??= import("./sentences.ts").then((module) => (loadedSentence = module.sentence));
  return Promise.all([validate ?? compileLazily(schema), sentences]).catch(() => [
    // (The error would name the chunk's address, which says nothing to the person filling in.)
    notChecked(
      "The values were not checked: the validator did not load. Reload the page to try again.",
    ),
    requiredSentence,
  ]);
}

/**
 * The store of a form. With a NotChecked validator the values cannot be checked, and the form says
 * so in an error about the value as a whole (shown after a submit, announced, reported to
 * onChange): it never calls values valid that nothing has checked, so the submit button does not hand them on.
 */
class FormStore extends Store {
  declare validate: (ValidateFunction & Partial<NotChecked>) | undefined;

  /** A NotChecked validator's reason (set on a deferred validator once it has tried to compile). */
  override get problem(): string | undefined {
    return this.validate?.notChecked;
  }

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

/** What a host shows: CredentialForm's props (see types.ts), with the id prefix decided. */
export interface HostedFormProps {
  schema: JsonSchema;
  value?: CredentialValue | undefined;
  defaultValue?: CredentialValue | undefined;
  validate?: ValidateFunction | undefined;
  disabled: boolean;
  onSubmit?: ((value: CredentialValue) => void) | undefined;
  /** The submit button's text (default "Save"). */
  submitLabel?: string | undefined;
  onChange?: ((value: CredentialValue, errors: FieldError[]) => void) | undefined;
  /** Prefix of every element id, e.g. "cd1-". */
  prefix: string;
}

/** The submit button's text when none is given. */
const DEFAULT_SUBMIT_LABEL = "Save";

/** The credential form in an element of the page, with no framework (see hostForm). */
export interface FormHost {
  /**
   * Shows the form with these props: the first call builds it, later ones change what changed. A
   * new schema object starts a new store (from `value`, else `defaultValue`), shown in place of
   * the last one, keeping the fields it can (a designer makes a new schema on every edit).
   */
  render(props: HostedFormProps): void;
  /** Shows a value from outside, unless the form holds it already (a controlled value). */
  show(value: CredentialValue | undefined): void;
  /** The value the form holds; from now on a change copies it rather than changing it. */
  readonly value: CredentialValue | undefined;
  /** Takes the form's elements, listeners and timers away; its state stays for the next render. */
  remove(): void;
}

/**
 * What CredentialForm (React) and <credential-form> share: the form built into `host` (a
 * `div.cd-form`) as plain DOM (dom/form-view.ts), from a store outside any framework (store.ts),
 * validated with the `validate` given or else with Ajv, loaded lazily.
 */
export function hostForm(host: HTMLElement): FormHost {
  let store: FormStore | undefined,
    view: FormView | undefined,
    prefix: string | undefined,
    /** The last value from outside (see show). */
    seen: CredentialValue | undefined,
    /** The validator the store was last given, and what stops validateLater (none while removed). */
    validatedWith: ValidateFunction | undefined,
    stopValidating: (() => void) | undefined;

  const show = (value: CredentialValue | undefined) => {
    seen = value;
    if (value && store && value !== store.value) store.replace(value);
  };

  return {
    render(props) {
      const { schema, value, validate, disabled, onSubmit } = props;
      const submitLabel = props.submitLabel || DEFAULT_SUBMIT_LABEL;
      const root = planOf(schema);
      const fresh = root !== store?.root;
      if (fresh) {
        store = new FormStore(schema, root, value ?? props.defaultValue, undefined);
        seen = value;
      }
      if (fresh || !view || props.prefix !== prefix) {
        const options = {
          store: store!,
          root,
          prefix: props.prefix,
          disabled,
          onSubmit,
          submitLabel,
        };
        if (!view?.replan(options)) {
          view?.remove();
          view = mountForm(host, options);
        }
        prefix = props.prefix;
      }
      view.update({ disabled, onSubmit, submitLabel });
      store!.onChange = props.onChange;
      if (value !== seen) show(value);
      if (fresh || !stopValidating || validate !== validatedWith) {
        stopValidating?.();
        stopValidating = validateLater(store!, validate);
        validatedWith = validate;
      }
    },
    show,
    get value() {
      if (store) store.shared = true;
      return store?.value;
    },
    remove() {
      stopValidating?.();
      stopValidating = undefined;
      view?.remove();
      view = undefined;
    },
  };
}

/**
 * Gives the store its validator (without `validate`: Ajv's) and the sentences of its errors,
 * once loaded (and, for a validator with `ready`, once that resolves), and validates the value
 * first once the form has been painted; returns what stops both. Until then the store checks
 * `required` only, and a submit waits (see store.pending).
 */
function validateLater(
  store: FormStore,
  validate: (ValidateFunction & { ready?: Promise<unknown> }) | undefined,
): () => void {
  let live = true;
  // A validator still compiling (the designer's, compiled in parts) is given once it is done.
  const ready = validate?.ready?.catch(() => undefined);
  if (validate && loadedSentence && !ready) {
    store.sentence = loadedSentence;
    store.setFn(validate);
  } else {
    // validatorOf never rejects (a schema Ajv refuses gives a NotChecked validator).
    const pending = (store.pending = Promise.all([validatorOf(store.schema, validate), ready]).then(
      ([[fn, sentence]]) => {
        if (store.pending === pending) store.pending = undefined;
        if (!live) return;
        store.sentence = sentence;
        store.setFn(fn);
      },
    ));
  }
  // The first validation is the slowest (nothing is warm yet: a few ms per 100 fields), so it
  // waits until the page is idle after painting, out of the way of the page's first input (a
  // click on a page that just opened); it runs sooner if something needs it (a blur, a submit).
  const cancel = whenIdle(() => live && (store.validated || store.check()));
  return () => {
    live = false;
    cancel();
  };
}

/**
 * Runs `work` once the page is idle (requestIdleCallback, at most FIRST_CHECK_WAIT ms away), or,
 * where there is no such thing (Safari), after the next frame; returns what cancels it.
 */
function whenIdle(work: () => void): () => void {
  if (typeof requestIdleCallback === "function") {
    const id = requestIdleCallback(work, { timeout: FIRST_CHECK_WAIT });
    return () => cancelIdleCallback(id);
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => (timer = setTimeout(work)));
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}

/** The longest the first validation waits for an idle moment (a busy page still gets it soon). */
const FIRST_CHECK_WAIT = 500;
