import { attribute, describedBy, h } from "./elements.ts";

/** Shows an error, or none (undefined); does nothing when the error is unchanged, so calling it often is cheap. */
export type ErrorSlot = (error: string | undefined) => void;

/**
 * A field's error slot: a `<p id="…-e" class="cd-error">` appended to `anchor` (or put right
 * after it), `aria-invalid` on `invalid`, and `aria-describedby` (error, then help) on
 * `described`, whose id the others' ids start with (read when shown: a kept field's box may be
 * renumbered).
 */
export function errorSlot(
  hasHelp: boolean,
  described: Element,
  invalid: Element | undefined,
  anchor: Element,
  where: "append" | "after",
): ErrorSlot {
  let shown: string | undefined, message: HTMLElement | undefined;
  return (error) => {
    if (error === shown) return;
    shown = error;
    if (error) {
      if (!message) {
        message = h(anchor.ownerDocument, "p", { id: `${described.id}-e`, className: "cd-error" });
        anchor[where](message);
      }
      message.textContent = error;
    } else message = void message?.remove();
    attribute(described, "aria-describedby", describedBy(described.id, hasHelp, error));
    if (invalid) attribute(invalid, "aria-invalid", error ? "true" : undefined);
  };
}
