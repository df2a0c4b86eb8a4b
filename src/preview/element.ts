/**
 * `<credential-form>`: the credential form as a custom element, for pages without React. Importing
 * this module defines it (unless a bundle defined it already). It is the form CredentialForm
 * shows (form-host.ts), in the light DOM, so the page's styles and its labels' ids reach it.
 */
import { type FormHost, hostForm } from "./form-host.ts";
import type { CredentialValue, FieldError, JsonSchema, ValidateFunction } from "./types.ts";

// The types of what the element takes and gives, so that a page without React needs no import
// from the React entry (whose declarations name React's types).
export type {
  CredentialValue,
  FieldError,
  Json,
  JsonSchema,
  ValidateFunction,
  ValidationError,
} from "./types.ts";

/** The `detail` of the element's `change` event: what CredentialForm's onChange is called with. */
export interface CredentialFormChangeDetail {
  value: CredentialValue;
  /** Every error of the value (shown or not yet). */
  errors: FieldError[];
}

/** The `detail` of the element's `submit` event: a valid value, on the submit button or Enter. */
export interface CredentialFormSubmitDetail {
  value: CredentialValue;
}

let forms = 0;

/** (On a server there is no HTMLElement: importing the module there defines nothing.) */
const Base = (globalThis.HTMLElement ?? Object) as typeof HTMLElement;

/**
 * The element. Properties `schema`, `value`, `validate`, `disabled`; attributes `disabled`,
 * `id-prefix`, `submit-label` (the submit button's text, "Save" by default), `no-save` (no submit
 * button, no `submit` event) and `theme` (see credential-form.css). Events `change` and `submit`
 * (CustomEvents with the details above).
 */
// biome-ignore lint/suspicious/noUnsafeDeclarationMerging: the interface below adds only typed overloads of addEventListener and removeEventListener, which HTMLElement implements
export class CredentialFormElement extends Base {
  static observedAttributes = ["disabled", "id-prefix", "no-save", "submit-label"];

  #schema: JsonSchema | undefined;
  /** The last value set, or changed in the form: what a new form (a new schema) starts from. */
  #value: CredentialValue | undefined;
  #validate: ValidateFunction | undefined;
  #ownPrefix = `cdf${++forms}`;
  /** The `div.cd-form` the form is built in, made when the element is first connected. */
  #box: HTMLDivElement | undefined;
  #form: FormHost | undefined;

  constructor() {
    super();
    // Properties a page set before the element was defined shadow the accessors: hand them over.
    for (const key of ["schema", "value", "validate", "disabled"] as const) {
      if (Object.hasOwn(this, key)) {
        const value = this[key];
        delete this[key];
        (this as unknown as { [key: string]: unknown })[key] = value;
      }
    }
  }

  /** A draft-07 object schema; a new object shows a new form, keeping the values typed in. */
  get schema() {
    return this.#schema;
  }
  set schema(schema: JsonSchema | undefined) {
    this.#schema = schema;
    this.#render();
  }
  /** The value the form holds; set it to show another. Secrets are in it: it is no attribute. */
  get value(): CredentialValue | undefined {
    return this.#form?.value ?? this.#value;
  }
  set value(value: CredentialValue | undefined) {
    this.#value = value;
    this.#form?.show(value);
  }
  /** Validator to use, e.g. an exported `.validate.js`; without one Ajv is loaded on demand. */
  get validate() {
    return this.#validate;
  }
  set validate(validate: ValidateFunction | undefined) {
    this.#validate = validate;
    this.#render();
  }
  /** Disables every control (the `disabled` attribute). */
  get disabled() {
    return this.hasAttribute("disabled");
  }
  set disabled(disabled: boolean) {
    this.toggleAttribute("disabled", disabled);
  }

  connectedCallback() {
    if (!this.#box) {
      this.#box = this.ownerDocument.createElement("div");
      this.#box.className = "cd-form";
      // The controls' own `change` events stay inside: the element's `change` is the form's.
      this.#box.addEventListener("change", (event) => event.stopPropagation());
    }
    if (this.#box.parentNode !== this) this.replaceChildren(this.#box);
    this.#render();
  }
  disconnectedCallback() {
    this.#form?.remove();
  }
  attributeChangedCallback() {
    this.#render();
  }

  #render() {
    if (!this.#schema || !this.isConnected || !this.#box) return;
    (this.#form ??= hostForm(this.#box)).render({
      schema: this.#schema,
      value: this.#value,
      validate: this.#validate,
      disabled: this.disabled,
      prefix: `${this.getAttribute("id-prefix") ?? this.#ownPrefix}-`,
      onChange: this.#changed,
      onSubmit: this.hasAttribute("no-save") ? undefined : this.#submitted,
      submitLabel: this.getAttribute("submit-label") ?? undefined,
    });
  }
  #changed = (value: CredentialValue, errors: FieldError[]) => {
    this.#value = value;
    this.dispatchEvent(
      new CustomEvent<CredentialFormChangeDetail>("change", {
        bubbles: true,
        detail: { value, errors },
      }),
    );
  };
  // (It does not bubble, so that a <form> around the element does not take it for its own.)
  #submitted = (value: CredentialValue) =>
    this.dispatchEvent(
      new CustomEvent<CredentialFormSubmitDetail>("submit", { detail: { value } }),
    );
}

if (globalThis.customElements && !customElements.get("credential-form"))
  customElements.define("credential-form", CredentialFormElement);

/** The element's events, for typed listeners: `form.addEventListener("change", (e) => e.detail)`. */
export interface CredentialFormElementEventMap
  extends Omit<HTMLElementEventMap, "change" | "submit"> {
  change: CustomEvent<CredentialFormChangeDetail>;
  submit: CustomEvent<CredentialFormSubmitDetail>;
}

/** (Merged with the class: the typed listeners of its events.) */
export interface CredentialFormElement {
  addEventListener<K extends keyof CredentialFormElementEventMap>(
    type: K,
    listener: (this: CredentialFormElement, event: CredentialFormElementEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject,
    options?: boolean | AddEventListenerOptions,
  ): void;
  removeEventListener<K extends keyof CredentialFormElementEventMap>(
    type: K,
    listener: (this: CredentialFormElement, event: CredentialFormElementEventMap[K]) => unknown,
    options?: boolean | EventListenerOptions,
  ): void;
  removeEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject,
    options?: boolean | EventListenerOptions,
  ): void;
}

declare global {
  interface HTMLElementTagNameMap {
    "credential-form": CredentialFormElement;
  }
}
