import { attribute, describedBy, element } from "./elements.ts";

/**
 * Shows a field's error: a `<p id="…-e" class="cd-error">` placed by `place`, `aria-invalid` on
 * `invalid`, and `aria-describedby` (error, then help) on `described`. Returns the setter; it
 * does nothing when the error is unchanged, so calling it on every keystroke is cheap.
 */
export function errorSlot(
  doc: Document,
  id: string,
  hasHelp: boolean,
  described: Element,
  invalid: Element | undefined,
  place: (message: HTMLElement) => void,
): (error: string | undefined) => void {
  let shown: string | undefined;
  let message: HTMLElement | undefined;
  return (error) => {
    if (error === shown) return;
    shown = error;
    if (error) {
      if (!message) {
        message = element(doc, "p", "cd-error");
        message.id = `${id}-e`;
        place(message);
      }
      message.textContent = error;
    } else {
      message?.remove();
      message = undefined;
    }
    attribute(described, "aria-describedby", describedBy(id, hasHelp, error));
    if (invalid) attribute(invalid, "aria-invalid", error ? "true" : undefined);
  };
}
