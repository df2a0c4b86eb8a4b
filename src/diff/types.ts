import type { JsonValue } from "../json/value.ts";

/**
 * What a change does to credentials users already saved against the old schema:
 * - breaking: some saved values may no longer validate;
 * - exposing: a secret may now be shown or shipped;
 * - compatible: every saved value that validated still does, and no secret is exposed.
 */
export type ChangeClass = "breaking" | "exposing" | "compatible";

export const CHANGE_CLASSES: readonly ChangeClass[] = ["breaking", "exposing", "compatible"];

/** One difference between two credential schemas. */
export interface Change {
  /** Stable rule id, e.g. "required-field-added" (see RULES). */
  readonly rule: string;
  readonly class: ChangeClass;
  /** JSON pointer into the new schema when the changed place exists there, else into the old one. */
  readonly pointer: string;
  readonly pointerIn: "new" | "old";
  /**
   * Where the value of the field sits in saved credentials, as a JSON pointer ("" is the whole
   * value); a `*` token stands for any array item or any key of an open object.
   */
  readonly field: string;
  /** The schema keyword that changed, when the change is about one keyword. */
  readonly keyword?: string;
  /** The old and new values of what changed; absent when there was none. Secret values are never kept. */
  readonly old?: JsonValue | undefined;
  readonly new?: JsonValue | undefined;
  /** What changed and why it matters to saved credentials, as a sentence. */
  readonly message: string;
  /** For a removal or an addition that looks like half of a rename: what it may have been renamed from or to. */
  hint?: string;
}

/** Stands in for a secret's value (a default, an example…) in `old` / `new` and in messages. */
export const REDACTED = "<secret: not shown>";

/** Why one saved value does not validate under the new schema. Names the place, never the value. */
export interface SavedValueProblem {
  /** JSON pointer into the saved value. */
  field: string;
  /** The schema keyword that refused it. */
  keyword: string;
  message: string;
  /** Indices of the changes that explain it; empty when none does (it may have been invalid before). */
  changes: number[];
}

/** Whether one saved value still validates under the new schema, and if not, why. */
export interface SavedValueResult {
  /** Position in the saved-values file, from 0. */
  index: number;
  valid: boolean;
  problems: SavedValueProblem[];
}
