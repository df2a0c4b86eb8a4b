import { attribute, describedBy, h } from "./elements.ts";

/**
 * Shows a field's error: a `<p id="…-e" class="cd-error">` appended to `anchor` (or put right
 * after it), `aria-invalid` on `invalid`, and `aria-describedby` (error, then help) on
 * `described`, whose id the others' ids start with (read when shown: a kept field's box may be
 * renumbered). `show` does nothing when the error is unchanged, so calling it often is cheap.
 */
export class ErrorSlot {
  private shown: string | undefined;
  private message: HTMLElement | undefined;

  constructor(
    private readonly hasHelp: boolean,
    private readonly described: Element,
    private readonly invalid: Element | undefined,
    private readonly anchor: Element,
    private readonly where: "append" | "after",
  ) {}

  show(error: string | undefined): void {
    if (error === this.shown) return;
    this.shown = error;
    if (error) {
      if (!this.message) {
        this.message = h(this.anchor.ownerDocument, "p", {
          id: `${this.described.id}-e`,
          className: "cd-error",
        });
        this.anchor[this.where](this.message);
      }
      this.message.textContent = error;
    } else {
      this.message?.remove();
      this.message = undefined;
    }
    attribute(
      this.described,
      "aria-describedby",
      describedBy(this.described.id, this.hasHelp, error),
    );
    if (this.invalid) attribute(this.invalid, "aria-invalid", error ? "true" : undefined);
  }
}
