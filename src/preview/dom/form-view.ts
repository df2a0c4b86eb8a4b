import type { Field } from "../plan.ts";
import type { Store } from "../store.ts";
import type { CredentialValue } from "../types.ts";
import { runCleanup, type Cleanup, type RenderContext } from "./context.ts";
import { choice, group, list } from "./containers.ts";
import { button, element, type Control } from "./elements.ts";
import { LEAVES } from "./leaves.ts";

export interface FormViewOptions {
  store: Store;
  root: Field;
  /** Prefix of every element id, e.g. "cd1-". */
  prefix: string;
  disabled: boolean;
  /** Renders the "Save" button; read at the time of a submit. */
  onSubmit: ((value: CredentialValue) => void) | undefined;
}

export interface FormView {
  /** Takes new `disabled` and `onSubmit` (a new store or prefix needs a new view). */
  update(options: Pick<FormViewOptions, "disabled" | "onSubmit">): void;
  /** Removes the form's elements and listeners. */
  remove(): void;
}

/** Visually hidden, still read by screen readers. */
const HIDDEN = "position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap";

/**
 * The credential form, built as plain DOM into `host` (a `div.cd-form`): the fields, the errors
 * about the value as a whole, a polite live region, and "Save" when there is an `onSubmit`.
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
  const { store, root, prefix } = options;
  let { onSubmit } = options;
  const cleanup: Cleanup = [];
  const cx: RenderContext = {
    doc, store, prefix, disabled: options.disabled, disabledAlways: new WeakSet(), leaves: [],
    renderFields(fields, into, cleanupOf) {
      for (const f of fields) {
        const render = LEAVES[f.kind] ?? (f.kind === "group" ? group : f.kind === "choice" ? choice : list);
        into.appendChild(render(f, cx, cleanupOf));
      }
    },
  };

  const content = doc.createDocumentFragment();
  cx.renderFields(root.fields!, content, cleanup);

  // Errors about the value as a whole, then the live region that announces what changed.
  const live = element(doc, "p", "cd-live");
  live.setAttribute("aria-live", "polite");
  live.style.cssText = HIDDEN;
  let formError: HTMLElement | undefined;
  const showFormError = () => {
    const error = store.shown("");
    if (error && !formError) {
      formError = element(doc, "p", "cd-error");
      formError.id = `${prefix}e`;
      live.before(formError);
    }
    if (error) formError!.textContent = error;
    else formError = void formError?.remove();
  };
  content.append(live);
  cleanup.push(store.on("", showFormError));
  const announce = () => void (live.textContent = store.announcement);
  store.announcers.add(announce);
  cleanup.push(() => void store.announcers.delete(announce));

  let save: HTMLButtonElement | undefined;
  const showSave = () => {
    if (onSubmit && !save) {
      save = button(doc, "Save", undefined, () => void submit());
      save.className = "cd-save";
      save.disabled = cx.disabled;
      host.append(save);
    } else if (!onSubmit && save) save = void save.remove();
  };

  const byId = (id: string) => (host.getRootNode() as Document | ShadowRoot).getElementById?.(prefix + id) as HTMLElement | null;
  const submit = async () => {
    if (cx.disabled) return;
    if (store.pending) await store.pending;
    if (store.submit()) {
      store.shared = true;
      onSubmit?.(store.value);
      return;
    }
    // Focus the first field with an error (of a group or choice: its checked radio or first control).
    const at = store.first();
    const el = at === undefined ? null : byId(at);
    const target = el && !/^(INPUT|SELECT|TEXTAREA)$/.test(el.tagName) ? (el.querySelector("input:checked") ?? el.querySelector("input,select,textarea")) : el;
    (target as HTMLElement | null)?.focus();
  };

  /** The leaf whose control an element is: its id is the prefix and the field's number. */
  const leafOf = (target: EventTarget | null) => {
    const id = (target as Element | null)?.id;
    if (!id || !id.startsWith(prefix)) return undefined;
    const rest = id.slice(prefix.length);
    return /^\d+$/.test(rest) ? cx.leaves[Number(rest)] : undefined;
  };
  const onInput = (event: Event) => leafOf(event.target)?.input();
  const onFocusOut = (event: Event) => {
    const leaf = leafOf(event.target);
    if (leaf) store.touch(leaf.field.path);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const t = event.target as HTMLInputElement;
    if (onSubmit && event.key === "Enter" && t.tagName === "INPUT" && !/^(button|checkbox|radio)$/.test(t.type) && !event.isComposing) {
      event.preventDefault();
      void submit();
    }
  };
  host.addEventListener("input", onInput);
  host.addEventListener("change", onInput);
  host.addEventListener("focusout", onFocusOut);
  host.addEventListener("keydown", onKeyDown);

  host.replaceChildren(content);
  showFormError();
  showSave();

  return {
    update(next) {
      onSubmit = next.onSubmit;
      showSave();
      if (next.disabled === cx.disabled) return;
      cx.disabled = next.disabled;
      for (const el of host.querySelectorAll<Control | HTMLButtonElement>("input,select,textarea,button")) {
        el.disabled = next.disabled || cx.disabledAlways.has(el);
      }
    },
    remove() {
      host.removeEventListener("input", onInput);
      host.removeEventListener("change", onInput);
      host.removeEventListener("focusout", onFocusOut);
      host.removeEventListener("keydown", onKeyDown);
      runCleanup(cleanup);
      host.replaceChildren();
    },
  };
}
