import type { Field } from "../plan.ts";
import type { Store } from "../store.ts";

/** What every field renderer reads; `disabled` changes in place (see FormView.update). */
export interface RenderContext {
  doc: Document;
  store: Store;
  /** Prefix of every element id: the control of field n is `${prefix}${n}`. */
  prefix: string;
  disabled: boolean;
  /** Elements disabled for a reason of their own (a first item's "Move up"), kept so when the form is enabled again. */
  disabledAlways: WeakSet<Element>;
  /** The leaf views by field number, for the form's delegated input, blur and click listeners. */
  leaves: Array<LeafView | undefined>;
  /** Field boxes to clone, by kind, required and help (see leaves.ts). */
  prototypes: Map<string, HTMLElement>;
  /** Renders fields (containers render their children with it). */
  renderFields(fields: readonly Field[], into: Node, cleanup: Cleanup): void;
}

/** A leaf field on the page (see leaves.ts). */
export interface LeafView {
  field: Field;
  /** Its control fired `input`/`change`; `typing`: an `input` event of a text entry (see Store.set). */
  input(typing: boolean): void;
  /** The value or shown error at its path may have changed (called by the store). */
  refresh(): void;
  /** Secrets: shows or masks the value (the show/hide button). */
  toggle(): void;
}

/** Unsubscribe functions of a rendered subtree, run when it is removed (a choice switching branch). */
export type Cleanup = Array<() => void>;

export const runCleanup = (cleanup: Cleanup) => {
  for (const undo of cleanup.splice(0)) undo();
};
