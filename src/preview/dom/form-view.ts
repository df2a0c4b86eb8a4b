import type { Field } from "../plan.ts";
import type { Store } from "../store.ts";
import type { CredentialValue } from "../types.ts";
import { type Cleanup, type RenderContext, runCleanup } from "./context.ts";
import { button, type Control, h } from "./elements.ts";
import type { reconcile } from "./reconcile.ts";
import { BLOCK, renderFields } from "./render-fields.ts";

export interface FormViewOptions {
  store: Store;
  root: Field;
  /** Prefix of every element id, e.g. "cd1-". */
  prefix: string;
  disabled: boolean;
  /** Renders the submit button; read at the time of a submit. */
  onSubmit: ((value: CredentialValue) => void) | undefined;
  /** The submit button's text. */
  submitLabel: string;
}

export interface FormView {
  /** Takes new `disabled`, `onSubmit` and `submitLabel`. */
  update(options: Pick<FormViewOptions, "disabled" | "onSubmit" | "submitLabel">): void;
  /**
   * Shows a new plan and its store, keeping the boxes of the fields whose look is unchanged (see
   * reconcile.ts). False when it cannot (another prefix, or the reconciler is not loaded yet, which
   * this starts): then mount a new view.
   */
  replan(options: Pick<FormViewOptions, "store" | "root" | "prefix">): boolean;
  /** Removes the form's elements and listeners. */
  remove(): void;
}

/** The reconciler, in a chunk of its own: loaded when a form first gets a new plan (most never do). */
let reconciler: typeof reconcile | undefined;

/** Visually hidden, still read by screen readers. */
const HIDDEN =
  "position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap";

/**
 * The credential form, built as plain DOM into `host` (a `div.cd-form`): the fields, the errors
 * about the value as a whole, a polite live region, and the submit button ("Save" unless
 * `submitLabel` says otherwise) when there is an `onSubmit`.
 *
 * Why plain DOM and not React elements: at 1,000 fields React's render and commit alone took
 * longer than a frame; built by hand the form shows in the same frame as a plain list of inputs.
 * Events are delegated: one `input`/`change`/`focusout`/`keydown` listener on the host finds the
 * leaf by its control's id. The host is a `<div>`, not a `<form>`: Chromium looks a form's named
 * controls up on many operations, which costs on every keystroke at 1,000 fields; so there is
 * no browser validation either, and Enter in a one-line field submits, as in a form.
 */
export function mountForm(host: HTMLElement, options: FormViewOptions): FormView {
  const doc = host.ownerDocument;
  const { prefix } = options;
  let { onSubmit, submitLabel } = options;
  const cleanup: Cleanup = [];
  const cx: RenderContext = {
    doc,
    store: options.store,
    prefix,
    disabled: options.disabled,
    disabledAlways: new WeakSet(),
    leaves: [],
    prototypes: new Map(),
    rendered: new WeakMap(),
    renderFields: (fields, into, cleanupOf) => renderFields(cx, fields, into, cleanupOf),
  };

  const content = doc.createDocumentFragment();
  cx.renderFields(options.root.shown!, content, cleanup);

  // Errors about the value as a whole, then the live region that announces what changed.
  // (A string given to `style` sets its cssText.)
  const live = h(doc, "p", { className: "cd-live", "aria-live": "polite", style: HIDDEN });
  let formError: HTMLElement | undefined;
  // A value that cannot be checked at all (the schema does not compile): said at once, first, as an
  // alert; any other error about the whole value: after the fields, once shown.
  const showFormError = () => {
    const error = cx.store.shown("");
    const alert = error !== undefined && cx.store.problem !== undefined;
    if (error && formError && formError.hasAttribute("role") !== alert)
      formError = void formError.remove();
    if (error)
      (formError ??= alert
        ? host.insertBefore(
            h(doc, "p", { id: `${prefix}e`, className: "cd-error cd-form-problem", role: "alert" }),
            host.firstChild,
          )
        : live.parentNode!.insertBefore(
            h(doc, "p", { id: `${prefix}e`, className: "cd-error" }),
            live,
          )).textContent = error;
    else formError = void formError?.remove();
  };
  content.append(live);
  host.replaceChildren(content);
  const announce = () => void (live.textContent = cx.store.announcement);
  /** The form's own listeners on the store. */
  const listen = () => {
    const { store } = cx;
    cleanup.push(store.on("", showFormError));
    store.announcers.add(announce);
    cleanup.push(() => void store.announcers.delete(announce));
    showFormError();
  };
  listen();

  let save: HTMLButtonElement | undefined;
  const showSave = () => {
    if (onSubmit && !save)
      host.append(
        (save = button(doc, submitLabel, undefined, () => void submit(), {
          className: "cd-save",
          disabled: cx.disabled,
        })),
      );
    else if (!onSubmit && save) save = void save.remove();
    else if (save && save.textContent !== submitLabel) save.textContent = submitLabel;
  };

  const submit = async () => {
    if (cx.disabled) return;
    const { store } = cx;
    if (store.pending !== undefined) await store.pending;
    if (store.submit()) {
      store.shared = true;
      onSubmit?.(store.value);
      return;
    }
    // Focus the field of the first error shown, in page order (a group or choice: its checked
    // radio or first control). An error's id is its field's element id and "-e".
    const id = [...host.querySelectorAll(".cd-error")]
      .find((message) => message.id !== `${prefix}e`)
      ?.id.slice(0, -2);
    const el =
      id === undefined
        ? null
        : ((host.getRootNode() as Document | ShadowRoot).getElementById?.(
            id,
          ) as HTMLElement | null);
    const target =
      el && !/^(INPUT|SELECT|TEXTAREA)$/.test(el.tagName)
        ? (el.querySelector("input:checked") ?? el.querySelector("input,select,textarea"))
        : el;
    (target as HTMLElement | null)?.focus();
  };

  /** The leaf whose control an element is: its id is the prefix and the field's number. */
  const leafOf = (target: EventTarget | null) => {
    const id = (target as Element | null)?.id;
    if (!id?.startsWith(prefix)) return undefined;
    const rest = id.slice(prefix.length);
    return /^\d+$/.test(rest) ? cx.leaves[Number(rest)] : undefined;
  };
  const onInput = (event: Event) => {
    const target = event.target as HTMLElement;
    const typing =
      event.type === "input" &&
      (target.tagName === "TEXTAREA" ||
        (target.tagName === "INPUT" &&
          !/^(checkbox|radio)$/.test((target as HTMLInputElement).type)));
    leafOf(target)?.input(typing);
  };
  // (While a new plan is shown, a field that had to move lost the focus: that is no visit to it.)
  const onFocusOut = (event: Event) => {
    const leaf = leafOf(event.target);
    if (leaf && !cx.replanning) cx.store.touch(leaf.field.path);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const t = event.target as HTMLInputElement;
    if (
      onSubmit &&
      event.key === "Enter" &&
      t.tagName === "INPUT" &&
      !/^(button|checkbox|radio)$/.test(t.type) &&
      !event.isComposing
    ) {
      event.preventDefault();
      void submit();
    }
  };
  // A secret's show/hide button follows its control.
  const onClick = (event: Event) => {
    const target = event.target as Element;
    if (target.classList?.contains("cd-toggle"))
      leafOf(target.previousElementSibling)?.toggle(target as HTMLButtonElement);
  };
  const listening = new AbortController(),
    until = { signal: listening.signal };
  host.addEventListener("input", onInput, until);
  host.addEventListener("change", onInput, until);
  host.addEventListener("focusout", onFocusOut, until);
  host.addEventListener("keydown", onKeyDown, until);
  host.addEventListener("click", onClick, until);

  showSave();

  return {
    update(next) {
      onSubmit = next.onSubmit;
      submitLabel = next.submitLabel;
      showSave();
      if (next.disabled === cx.disabled) return;
      cx.disabled = next.disabled;
      for (const el of host.querySelectorAll<Control | HTMLButtonElement>(
        "input,select,textarea,button",
      )) {
        el.disabled = next.disabled || cx.disabledAlways.has(el);
      }
    },
    replan(next) {
      if (next.prefix !== prefix) return false;
      if (!reconciler) {
        void import("./reconcile.ts").then(
          (module) => void (reconciler = module.reconcile),
          () => {},
        );
        return false;
      }
      runCleanup(cleanup);
      reconciler(cx, next, host, live, cleanup, BLOCK);
      listen();
      return true;
    },
    remove() {
      listening.abort();
      runCleanup(cleanup);
      host.replaceChildren();
    },
  };
}
