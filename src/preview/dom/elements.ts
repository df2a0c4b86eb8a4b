/** Small helpers for building the form's DOM by hand (the form is plain DOM; React only hosts it). */

export type Control = HTMLInputElement & HTMLTextAreaElement & HTMLSelectElement;

type Props = { [name: string]: string | number | boolean | undefined | ((event: Event) => void) };

/** Names set as attributes rather than properties (besides every name with a dash: aria-*). */
const ATTRIBUTES = /-|^(role|inputmode|autocapitalize|spellcheck)$/;

/**
 * A new element of `doc` with `props` and `children` (nodes, or strings as text, never HTML).
 * A prop named on<event> is a listener; aria-*, role, inputmode, autocapitalize and spellcheck
 * are attributes; every other is a property (id, className, htmlFor, type, textContent…);
 * undefined is left out.
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  props?: Props | null,
  ...children: Array<Node | string>
): HTMLElementTagNameMap[K] {
  const el = doc.createElement(tag);
  for (const name in props) {
    const value = props[name];
    if (value === undefined) continue;
    if (typeof value === "function") el.addEventListener(name.slice(2), value);
    else if (ATTRIBUTES.test(name)) el.setAttribute(name, String(value));
    else (el as unknown as Record<string, unknown>)[name] = value;
  }
  el.append(...children);
  return el;
}

/** Sets an attribute, or removes it for `undefined`. */
export function attribute(el: Element, name: string, value: string | undefined): void {
  if (value === undefined) el.removeAttribute(name);
  else el.setAttribute(name, value);
}

/** A button (type=button, never a submit) with a text and an accessible name. */
export const button = (
  doc: Document,
  textContent: string,
  label: string | undefined,
  onclick: () => void,
  props?: Props,
) => h(doc, "button", { type: "button", textContent, "aria-label": label, onclick, ...props });

/** A select's option: its value and its text. */
export const option = (doc: Document, value: string | number, textContent: string) =>
  h(doc, "option", { value: String(value), textContent });

/** The ids a control's aria-describedby lists: its error first, then its help. */
export const describedBy = (
  id: string,
  hasHelp: boolean,
  error: string | undefined,
): string | undefined =>
  error ? (hasHelp ? `${id}-e ${id}-h` : `${id}-e`) : hasHelp ? `${id}-h` : undefined;
