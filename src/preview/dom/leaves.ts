import { enumOf, label } from "../messages.ts";
import { type Field, type Kind, own } from "../plan.ts";
import type { Json } from "../types.ts";
import type { LeafView, RenderContext } from "./context.ts";
import { type Control, h, option } from "./elements.ts";
import { type ErrorSlot, errorSlot } from "./error-slot.ts";

/**
 * Leaf fields: one control each, with its label, required mark, help and error. The control's
 * id is the form's prefix and the field's number; the form listens once for every `input`,
 * `change`, blur and click and hands them to the leaf by that id. The store calls the leaf back
 * when its value (from elsewhere) or its shown error changes. A secret's value is only ever put
 * into its element's `value` property, never an attribute or a text node. All schema text is set
 * as text (textContent, attribute values), never as HTML.
 *
 * A field's box is cloned from a prototype per kind (and required / help), built once per form,
 * then given what is the field's own: ids, texts, placeholder, limits, options. At 1,000 fields
 * that is about half the DOM calls of building every element anew. When the form takes a new plan,
 * a box kept for a field with the same look gets a new Leaf (see reconcile.ts).
 */

/** How a leaf reads its control, and writes a value from elsewhere into it. */
interface Access {
  read(el: Control): Json | undefined;
  write(el: Control, value: Json | undefined): void;
}

const asText = (v: Json | undefined) =>
  v === undefined || v === null ? "" : typeof v === "string" ? v : String(v);
const TEXT: Access = {
  read: (el) => el.value || undefined,
  write: (el, v) => void (el.value = asText(v)),
};
const NUMBER: Access = {
  read: (el) => (el.value === "" ? undefined : Number(el.value)),
  write: TEXT.write,
};
const CHECKBOX: Access = {
  read: (el) => el.checked,
  write: (el, v) => void (el.checked = v === true),
};

/** A select's option value is the enum index, "" for none. */
const optionOf = (f: Field, v: Json | undefined) => {
  const i = v === undefined ? -1 : enumOf(f.schema).indexOf(v);
  return i < 0 ? "" : String(i);
};
const selectAccess = (f: Field): Access => ({
  read: (el) => (el.value === "" ? undefined : enumOf(f.schema)[Number(el.value)]),
  write: (el, v) => void (el.value = optionOf(f, v)),
});

/** The first example, as a placeholder (never for secrets). */
function placeholder(control: Control, f: Field) {
  const examples = own(f.schema, "examples"),
    first = Array.isArray(examples) ? examples[0] : undefined;
  if (!f.secret && (typeof first === "string" || typeof first === "number"))
    control.placeholder = String(first);
}

/** Nothing corrected, capitalised or spell-checked (some browsers send the text to a server for that). */
function plain(el: Element) {
  el.setAttribute("autocapitalize", "off");
  el.setAttribute("spellcheck", "false");
}

/** What a kind's control is: the part every field of the kind shares, then the field's own. */
interface KindSpec {
  control(doc: Document): Control;
  access?(f: Field): Access;
  /** The control goes before its label (a checkbox). */
  controlFirst?: boolean;
  /** A show/hide button after the control (secrets). */
  toggle?: boolean;
  own?(control: Control, f: Field, doc: Document): void;
}

const input = (doc: Document, type?: string) => h(doc, "input", { type }) as Control;
const textarea = (doc: Document, rows: number, className?: string) =>
  h(doc, "textarea", { rows, className }) as Control;

const textKind = (type?: string, inputMode?: string): KindSpec => ({
  control(doc) {
    const el = input(doc, type);
    if (inputMode) el.setAttribute("inputmode", inputMode);
    return el;
  },
  access: () => TEXT,
  own: placeholder,
});

/** secret, connection-string and pem: masked, with a show/hide toggle; nothing remembered or corrected. */
const secretKind = (kind: "secret" | "connection-string" | "pem"): KindSpec => ({
  control(doc) {
    const el = kind === "pem" ? textarea(doc, 6) : input(doc, "password");
    plain(el);
    el.autocomplete = "new-password";
    if (kind !== "secret") {
      el.className = "cd-mono";
      el.style.fontFamily = "monospace";
    }
    if (kind === "pem") mask(el, false);
    return el;
  },
  access: () => TEXT,
  toggle: true,
});

/** Shows or masks a secret. A textarea has no password mode: its text is drawn as discs (`cd-mask` lets a stylesheet do more). */
function mask(el: Control, shown: boolean) {
  if (el.tagName === "INPUT")
    return void ((el as HTMLInputElement).type = shown ? "text" : "password");
  el.className = shown ? "cd-mono" : "cd-mono cd-mask";
  el.style.setProperty("-webkit-text-security", shown ? null : "disc");
}

const numberKind = (integer: boolean): KindSpec => ({
  control(doc) {
    const el = input(doc, "number");
    el.step = integer ? "1" : "any";
    el.setAttribute("inputmode", integer ? "numeric" : "decimal");
    return el;
  },
  access: () => NUMBER,
  own(el, f) {
    if (typeof f.schema.minimum === "number") el.min = String(f.schema.minimum);
    if (typeof f.schema.maximum === "number") el.max = String(f.schema.maximum);
    placeholder(el, f);
  },
});

/** Every kind but a container's. */
const KINDS: Partial<Record<Kind, KindSpec>> = {
  text: textKind(),
  url: textKind("url"),
  email: textKind("email"),
  hostname: textKind(undefined, "url"),
  secret: secretKind("secret"),
  "connection-string": secretKind("connection-string"),
  pem: secretKind("pem"),
  number: numberKind(false),
  integer: numberKind(true),
  boolean: { control: (doc) => input(doc, "checkbox"), access: () => CHECKBOX, controlFirst: true },
  multiline: { control: (doc) => textarea(doc, 4), access: () => TEXT, own: placeholder },
  select: {
    control: (doc) => h(doc, "select", null, option(doc, "", "—")) as Control,
    access: selectAccess,
    own: (el, f, doc) =>
      el.append(...enumOf(f.schema).map((v, i) => option(doc, i, label(f.schema, i, v)))),
  },
  custom: {
    control(doc) {
      const el = textarea(doc, 4, "cd-mono");
      plain(el);
      return el;
    },
  },
};

/** The kind whose control a leaf has: long text that is a secret (a private key, a service account's JSON) is masked as a PEM key is. */
const controlKind = (f: Field): Kind => (f.secret && f.kind === "multiline" ? "pem" : f.kind);

/** `<div class="cd-field cd-<kind>">`: label and control (the other way round for a checkbox), show/hide, help. */
function prototypeOf(f: Field, spec: KindSpec, cx: RenderContext): HTMLElement {
  const kind = controlKind(f);
  const key = `${kind}${f.required ? "*" : ""}${f.help ? "?" : ""}`;
  let box = cx.prototypes.get(key);
  if (box) return box;
  const { doc } = cx;
  const control = spec.control(doc);
  // The label shows " *"; the accessible name is the title alone (aria-label, set per field).
  if (f.required) control.setAttribute("aria-required", "true");
  const label = h(doc, "label");
  box = h(
    doc,
    "div",
    { className: `cd-field cd-${kind}` },
    ...(spec.controlFirst ? [control, label] : [label, control]),
  );
  if (spec.toggle)
    box.append(
      h(doc, "button", {
        type: "button",
        className: "cd-toggle",
        textContent: "Show",
        "aria-pressed": "false",
      }),
    );
  if (f.help) box.append(h(doc, "p", { className: "cd-help" }));
  cx.prototypes.set(key, box);
  return box;
}

/**
 * A leaf field on the page: its control, and what it does on input, on a change in the store
 * (the value from elsewhere, the error shown) and on show/hide. One object per field, methods
 * on the prototype: no closures per field, which counts at 1,000 fields.
 */
class Leaf implements LeafView {
  constructor(
    readonly field: Field,
    protected readonly cx: RenderContext,
    protected readonly control: Control,
    readonly box: HTMLElement,
    private readonly access: Access | undefined,
    /** Made when there is an error to show; kept with the box when it is bound to a new leaf. */
    private error?: ErrorSlot,
  ) {}

  rebind(f: Field): LeafView {
    return bind(f, this.cx, this.control, this.box, this.error);
  }

  /** Brings the control up to the store's value and shows the current error. */
  refresh(): void {
    this.sync();
    this.showError(this.errorOf());
  }

  protected sync(): void {
    const now = this.cx.store.get(this.field.tokens);
    if (this.access!.read(this.control) !== now) this.access!.write(this.control, now);
  }

  protected errorOf(): string | undefined {
    return this.cx.store.shown(this.field.path);
  }

  protected showError(error: string | undefined): void {
    if (error === undefined && !this.error) return;
    this.error ??= errorSlot(!!this.field.help, this.control, this.control, this.box, "append");
    this.error(error);
  }

  input(typing: boolean): void {
    const { store } = this.cx,
      v = this.access!.read(this.control);
    if (v !== store.get(this.field.tokens)) store.set(this.field, v, typing);
  }

  toggle(button: HTMLButtonElement): void {
    // Read from the button: a secret shown stays shown when its box is kept for a new plan.
    const shown = button.getAttribute("aria-pressed") !== "true";
    mask(this.control, shown);
    button.textContent = shown ? "Hide" : "Show";
    button.setAttribute("aria-label", `${shown ? "Hide" : "Show"} ${this.field.title}`);
    button.setAttribute("aria-pressed", String(shown));
  }
}

/** Anything else: its JSON, edited as text; text that is not JSON is an error of its own until fixed. */
class CustomLeaf extends Leaf {
  private notJson = false;
  /** The value this textarea last stored: a different one in the store came from elsewhere. */
  private mine: Json | undefined;
  private lastSource = "";

  protected override sync(): void {
    const now = this.cx.store.get(this.field.tokens);
    // (The text checked too: a box kept for a new plan may show text this leaf did not store.)
    if (now === this.mine && this.control.value === this.lastSource) return;
    this.mine = now;
    this.notJson = false;
    this.control.value = now === undefined ? "" : JSON.stringify(now, null, 2);
    this.lastSource = this.control.value;
  }

  protected override errorOf(): string | undefined {
    return this.notJson ? `${this.field.title} must be valid JSON` : super.errorOf();
  }

  override input(typing: boolean): void {
    const text = this.control.value;
    if (text === this.lastSource) return; // "change" after "input"
    this.lastSource = text;
    const source = text.trim();
    try {
      this.mine = source ? (JSON.parse(source) as Json) : undefined;
      this.notJson = false;
      this.cx.store.set(this.field, this.mine, typing);
    } catch {
      this.notJson = true;
    }
    this.showError(this.errorOf());
  }
}

/**
 * Renders a leaf field (of any kind but a container's: group, choice, string-list): its box,
 * cloned from the kind's prototype, made the field's own.
 */
export function leaf(f: Field, cx: RenderContext): LeafView {
  const spec = KINDS[controlKind(f)]!;
  const id = cx.prefix + f.index;
  const box = prototypeOf(f, spec, cx).cloneNode(true) as HTMLElement;
  const first = box.firstElementChild as HTMLElement;
  const [control, label] = (
    spec.controlFirst ? [first, first.nextElementSibling] : [first.nextElementSibling, first]
  ) as [Control, HTMLLabelElement];
  control.id = id;
  label.htmlFor = id;
  label.textContent = spec.controlFirst
    ? ` ${f.title}${f.required ? " *" : ""}`
    : `${f.title}${f.required ? " *" : ""} `;
  if (f.required) control.setAttribute("aria-label", f.title);
  if (cx.disabled) control.disabled = true;
  spec.own?.(control, f, cx.doc);
  if (spec.toggle) {
    const toggle = control.nextElementSibling as HTMLButtonElement;
    toggle.setAttribute("aria-label", `Show ${f.title}`);
    if (cx.disabled) toggle.disabled = true;
  }
  if (f.help) {
    const help = box.lastElementChild!;
    help.id = `${id}-h`;
    help.textContent = f.help;
    control.setAttribute("aria-describedby", `${id}-h`);
  }
  return bind(f, cx, control, box);
}

/** The leaf of a box: shows the store's value and error, and is found by its number and path. */
function bind(
  f: Field,
  cx: RenderContext,
  control: Control,
  box: HTMLElement,
  error?: ErrorSlot,
): LeafView {
  const access = KINDS[controlKind(f)]!.access?.(f);
  const view = new (access ? Leaf : CustomLeaf)(f, cx, control, box, access, error);
  // The value (a default, or given) goes into the control's property only, never an attribute.
  view.refresh();
  cx.leaves[f.index] = view;
  cx.store.leafViews.set(f.path, view);
  return view;
}
