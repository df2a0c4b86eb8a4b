import { own, type Field, type Kind } from "../plan.ts";
import type { Json } from "../types.ts";
import type { Cleanup, RenderContext } from "./context.ts";
import { button, element, type Control } from "./elements.ts";
import { errorSlot } from "./error-slot.ts";

/**
 * Leaf fields: one control each, with its label, required mark, help and error. The control's
 * id is the form's prefix and the field's number; the form listens once for every `input`,
 * `change` and blur and hands them to the leaf by that id. The store calls `refresh` when the
 * field's value (from elsewhere) or its shown error changes. A secret's value is only ever put
 * into its element's `value` property, never an attribute or a text node. All schema text is set
 * as text (textContent, attribute values), never as HTML.
 */

/** How a leaf reads its control, and writes a value from elsewhere into it. */
interface Access {
  read(el: Control): Json | undefined;
  write(el: Control, value: Json | undefined): void;
}

const asText = (v: Json | undefined) => (v === undefined || v === null ? "" : typeof v === "string" ? v : String(v));
const TEXT: Access = { read: (el) => el.value || undefined, write: (el, v) => void (el.value = asText(v)) };
const NUMBER: Access = { read: (el) => (el.value === "" ? undefined : Number(el.value)), write: TEXT.write };
const CHECKBOX: Access = { read: (el) => el.checked, write: (el, v) => void (el.checked = v === true) };

const enumOf = (f: Field): Json[] => (Array.isArray(f.s.enum) ? f.s.enum : []);
/** A select's option value is the enum index, "" for none. */
const optionOf = (f: Field, v: Json | undefined) => {
  const i = v === undefined ? -1 : enumOf(f).indexOf(v);
  return i < 0 ? "" : String(i);
};
const selectAccess = (f: Field): Access => ({
  read: (el) => (el.value === "" ? undefined : enumOf(f)[Number(el.value)]),
  write: (el, v) => void (el.value = optionOf(f, v)),
});

/** The first example, as a placeholder (never for secrets). */
function placeholder(f: Field): string | undefined {
  const examples = own(f.s, "examples"), first = Array.isArray(examples) ? examples[0] : undefined;
  return !f.secret && (typeof first === "string" || typeof first === "number") ? String(first) : undefined;
}

/** Nothing corrected, capitalised or spell-checked (some browsers send the text to a server for that). */
function plain(el: Element) {
  el.setAttribute("autocapitalize", "off");
  el.setAttribute("spellcheck", "false");
}

const MONO = "monospace";

interface LeafOptions {
  /** How the control is read and written (custom fields bring `input` and `sync` instead). */
  access?: Access;
  /** The control goes after the label (a checkbox: before it). */
  controlFirst?: boolean;
  /** Something after the control (a secret's show/hide button). */
  extra?: HTMLElement;
  /** What an input/change of the control does (default: store what `access` reads, if it differs). */
  input?: () => void;
  /** Brings the control up to the store's value (default: write what `access` reads, if it differs). */
  sync?: () => void;
  /** The error shown (default: the store's, once touched or submitted). */
  errorOf?: () => string | undefined;
}

/** Wraps a control in its field box and wires it up; `refreshError` shows the current error. */
function leaf(f: Field, cx: RenderContext, cleanup: Cleanup, control: Control, options: LeafOptions): { box: HTMLElement; refreshError(): void } {
  const { doc, store } = cx;
  const { access } = options;
  const id = cx.prefix + f.n;
  control.id = id;
  if (cx.disabled) control.disabled = true;
  if (f.req) {
    // The label shows " *"; the accessible name is the title alone.
    control.setAttribute("aria-required", "true");
    control.setAttribute("aria-label", f.title);
  }
  const box = element(doc, "div", `cd-field cd-${f.kind}`);
  const label = element(doc, "label");
  label.htmlFor = id;
  label.textContent = options.controlFirst ? ` ${f.title}${f.req ? " *" : ""}` : `${f.title}${f.req ? " *" : ""} `;
  if (options.controlFirst) box.append(control, label);
  else box.append(label, control);
  if (options.extra) box.append(options.extra);
  if (f.help) {
    const help = element(doc, "p", "cd-help");
    help.id = `${id}-h`;
    help.textContent = f.help;
    box.append(help);
    control.setAttribute("aria-describedby", `${id}-h`);
  }
  const showError = errorSlot(doc, id, !!f.help, control, control, (message) => box.append(message));
  const refreshError = () => showError(options.errorOf ? options.errorOf() : store.shown(f.path));
  refreshError();
  const value = store.get(f.tokens);
  if (access && value !== undefined) access.write(control, value);
  const sync = options.sync ?? (() => {
    const now = store.get(f.tokens);
    if (access!.read(control) !== now) access!.write(control, now);
  });
  cleanup.push(store.on(f.path, () => {
    sync();
    refreshError();
  }));
  cx.leaves[f.n] = {
    field: f,
    input: options.input ?? (() => {
      const v = access!.read(control);
      if (v !== store.get(f.tokens)) store.set(f, v);
    }),
  };
  return { box, refreshError };
}

type LeafRenderer = (f: Field, cx: RenderContext, cleanup: Cleanup) => HTMLElement;

const INPUT_TYPES: Partial<Record<Kind, [type: string | undefined, inputMode?: string]>> = { url: ["url"], email: ["email"], hostname: [undefined, "url"] };

const text: LeafRenderer = (f, cx, cleanup) => {
  const input = element(cx.doc, "input");
  const [type, mode] = INPUT_TYPES[f.kind] ?? [];
  if (type) input.type = type;
  if (mode) input.setAttribute("inputmode", mode);
  const hint = placeholder(f);
  if (hint !== undefined) input.placeholder = hint;
  return leaf(f, cx, cleanup, input as Control, { access: TEXT }).box;
};

/** secret, connection-string and pem: masked, with a show/hide toggle; nothing remembered or corrected. */
const secret: LeafRenderer = (f, cx, cleanup) => {
  const pem = f.kind === "pem";
  const control = element(cx.doc, pem ? "textarea" : "input") as Control;
  const input = control as HTMLInputElement;
  plain(control);
  control.autocomplete = "new-password";
  if (pem) control.rows = 6;
  else input.type = "password";
  if (f.kind !== "secret") {
    control.className = "cd-mono";
    control.style.fontFamily = MONO;
  }
  let shown = false;
  // A textarea has no password mode: its text is drawn as discs (`cd-mask` lets a stylesheet do more).
  const mask = () => {
    if (!pem) return void (input.type = shown ? "text" : "password");
    control.className = shown ? "cd-mono" : "cd-mono cd-mask";
    control.style.setProperty("-webkit-text-security", shown ? null : "disc");
  };
  mask();
  const toggle = button(cx.doc, "Show", `Show ${f.title}`, () => {
    shown = !shown;
    mask();
    toggle.textContent = shown ? "Hide" : "Show";
    toggle.setAttribute("aria-label", `${shown ? "Hide" : "Show"} ${f.title}`);
    toggle.setAttribute("aria-pressed", String(shown));
  });
  toggle.setAttribute("aria-pressed", "false");
  if (cx.disabled) toggle.disabled = true;
  return leaf(f, cx, cleanup, control, { access: TEXT, extra: toggle }).box;
};

const multiline: LeafRenderer = (f, cx, cleanup) => {
  const control = element(cx.doc, "textarea") as Control;
  control.rows = 4;
  const hint = placeholder(f);
  if (hint !== undefined) control.placeholder = hint;
  return leaf(f, cx, cleanup, control, { access: TEXT }).box;
};

const number: LeafRenderer = (f, cx, cleanup) => {
  const input = element(cx.doc, "input");
  const integer = f.kind === "integer";
  input.type = "number";
  input.step = integer ? "1" : "any";
  input.setAttribute("inputmode", integer ? "numeric" : "decimal");
  if (typeof f.s.minimum === "number") input.min = String(f.s.minimum);
  if (typeof f.s.maximum === "number") input.max = String(f.s.maximum);
  const hint = placeholder(f);
  if (hint !== undefined) input.placeholder = hint;
  return leaf(f, cx, cleanup, input as Control, { access: NUMBER }).box;
};

const checkbox: LeafRenderer = (f, cx, cleanup) => {
  const input = element(cx.doc, "input");
  input.type = "checkbox";
  return leaf(f, cx, cleanup, input as Control, { access: CHECKBOX, controlFirst: true }).box;
};

const select: LeafRenderer = (f, cx, cleanup) => {
  const control = element(cx.doc, "select") as Control;
  const names = f.s["x-enumNames"];
  const none = element(cx.doc, "option");
  none.value = "";
  none.textContent = "—";
  control.append(none);
  enumOf(f).forEach((v, i) => {
    const option = element(cx.doc, "option");
    const name = Array.isArray(names) ? names[i] : undefined;
    option.value = String(i);
    option.textContent = typeof name === "string" ? name : typeof v === "string" ? v : JSON.stringify(v);
    control.append(option);
  });
  return leaf(f, cx, cleanup, control, { access: selectAccess(f) }).box;
};

/** Anything else: its JSON, edited as text; text that is not JSON is an error of its own until fixed. */
const custom: LeafRenderer = (f, cx, cleanup) => {
  const { store } = cx;
  const control = element(cx.doc, "textarea", "cd-mono") as Control;
  control.rows = 4;
  plain(control);
  let notJson = false;
  /** The value this textarea last stored: a different one in the store came from elsewhere. */
  let mine = store.get(f.tokens);
  const write = (v: Json | undefined) => void (control.value = v === undefined ? "" : JSON.stringify(v, null, 2));
  write(mine);
  let lastSource = control.value;
  const view = leaf(f, cx, cleanup, control, {
    errorOf: () => (notJson ? `${f.title} must be valid JSON` : store.shown(f.path)),
    input() {
      if (control.value === lastSource) return; // "change" after "input"
      lastSource = control.value;
      const source = control.value.trim();
      try {
        mine = source ? (JSON.parse(source) as Json) : undefined;
        notJson = false;
        store.set(f, mine);
      } catch {
        notJson = true;
      }
      view.refreshError();
    },
    sync() {
      const now = store.get(f.tokens);
      if (now === mine) return;
      mine = now;
      notJson = false;
      write(now);
      lastSource = control.value;
    },
  });
  return view.box;
};

export const LEAVES: Partial<Record<Kind, LeafRenderer>> = {
  text, url: text, email: text, hostname: text,
  secret, "connection-string": secret, pem: secret,
  number, integer: number, boolean: checkbox, select, multiline, custom,
};
