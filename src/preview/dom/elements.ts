/** Small helpers for building the form's DOM by hand (the form is plain DOM; React only hosts it). */

export type Control = HTMLInputElement & HTMLTextAreaElement & HTMLSelectElement;

/** A new element of the host's document, with a class when given. */
export function element<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, className?: string): HTMLElementTagNameMap[K] {
  const el = doc.createElement(tag);
  if (className) el.className = className;
  return el;
}

/** Sets an attribute, or removes it for `undefined` (and for `false`, as React does for aria booleans given as undefined). */
export function attribute(el: Element, name: string, value: string | undefined): void {
  if (value === undefined) el.removeAttribute(name);
  else el.setAttribute(name, value);
}

/** A button (type=button, never a submit) with a text and an accessible name. */
export function button(doc: Document, text: string, label: string | undefined, onClick: () => void): HTMLButtonElement {
  const b = element(doc, "button");
  b.type = "button";
  b.textContent = text;
  if (label !== undefined) b.setAttribute("aria-label", label);
  b.addEventListener("click", onClick);
  return b;
}

/** The ids a control's aria-describedby lists: its error first, then its help. */
export const describedBy = (id: string, hasHelp: boolean, error: string | undefined): string | undefined =>
  error ? (hasHelp ? `${id}-e ${id}-h` : `${id}-e`) : hasHelp ? `${id}-h` : undefined;
