import type { Field } from "../plan.ts";
import type { Store } from "../store.ts";

/**
 * What every field renderer reads; `disabled` changes in place (see FormView.update), `store` and
 * `leaves` when the form takes a new plan (see FormView.replan), so handlers read them when they run.
 */
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
  /** What stands for each field box on the page, by box. */
  rendered: WeakMap<Element, Rendered>;
  /** While the form takes a new plan (see reconcile.ts). */
  replanning?: boolean;
  /** Renders fields (containers render their children with it); gives the nodes put into `into`. */
  renderFields(fields: readonly Field[], into: Node, cleanup: Cleanup): ChildNode[];
}

/** A field's box on the page, which a field of a later plan with the same look can take over (see reconcile.ts). */
export interface Rendered {
  readonly box: HTMLElement;
  readonly field: Field;
  /**
   * Binds the box to `f` (the same path and look, its ids already renumbered) and the context's
   * current store, showing its value and error; gives what stands for the box from now on.
   */
  rebind(f: Field, cleanup: Cleanup): Rendered;
}

/** A leaf field on the page (see leaves.ts). */
export interface LeafView extends Rendered {
  /** Its control fired `input`/`change`; `typing`: an `input` event of a text entry (see Store.set). */
  input(typing: boolean): void;
  /** The value or shown error at its path may have changed (called by the store). */
  refresh(): void;
  /** Secrets: shows or masks the value (`button`: its show/hide button, pressed). */
  toggle(button: HTMLButtonElement): void;
}

/** Unsubscribe functions of a rendered subtree, run when it is removed (a choice switching branch). */
export type Cleanup = Array<() => void>;

export const runCleanup = (cleanup: Cleanup) => {
  for (const undo of cleanup.splice(0)) undo();
};
