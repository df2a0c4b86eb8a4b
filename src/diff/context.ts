import { SchemaProblem } from "../json/problem.ts";
import type { JsonValue } from "../json/value.ts";
import { classOf, type RuleId } from "./catalogue.ts";
import { type Change, REDACTED } from "./types.ts";
import type { SchemaView } from "./view.ts";

/** The same place in the old and the new schema, and what the comparison knows about it. */
export interface Pair {
  readonly old: SchemaView;
  readonly new: SchemaView;
  /** Where the value sits in saved credentials (see Change.field). */
  readonly field: string;
  /** How messages name it, without an article: `field "token" (API token)`, `option "Basic" of field "auth"`. */
  readonly name: string;
  readonly requiredOld: boolean;
  readonly requiredNew: boolean;
  /**
   * Whether a missing property in here is given its default: the saved-values check fills defaults
   * in as Ajv does (useDefaults), which is not inside the options of a `oneOf`.
   */
  readonly fillsDefaults: boolean;
}

export interface ChangeInput {
  rule: RuleId;
  message: string;
  keyword?: string;
  old?: JsonValue | undefined;
  new?: JsonValue | undefined;
  /** Defaults to the pair's field. */
  field?: string;
  /** Defaults to the keyword in the new schema, or the pair's node in the new schema. */
  pointer?: string;
  pointerIn?: "new" | "old";
}

export type Report = (input: ChangeInput) => Change;

/** Comparing two nodes is linear; a schema that reuses definitions in a deep lattice could make it explode. */
const MAX_STEPS = 2_000_000;

/** The state of one comparison: the changes so far, and the pairs being compared (for recursive `$ref`s). */
export class Comparison {
  readonly changes: Change[] = [];
  private readonly active = new Map<object, Set<object>>();
  private steps = 0;

  /** Marks a pair as being compared; false when it already is (a recursive `$ref` came back to it). */
  enter(pair: Pair): boolean {
    if (++this.steps > MAX_STEPS) {
      throw new SchemaProblem(
        "",
        "the schemas refer to the same definitions so many times over that comparing them would not end in reasonable time",
        "use fewer levels of definitions that refer to several other definitions",
      );
    }
    const [a, b] = identities(pair);
    const partners = this.active.get(a);
    if (partners?.has(b)) return false;
    if (partners) partners.add(b);
    else this.active.set(a, new Set([b]));
    return true;
  }

  leave(pair: Pair): void {
    const [a, b] = identities(pair);
    this.active.get(a)?.delete(b);
  }
}

function identities(pair: Pair): [object, object] {
  return [pair.old.identity ?? pair.old, pair.new.identity ?? pair.new];
}

/** Builds a change for `pair`, filling in its class, field and pointer. */
export function changeAt(pair: Pair, input: ChangeInput): Change {
  const pointer =
    input.pointer ??
    (input.keyword !== undefined && pair.new.has(input.keyword)
      ? pair.new.at(input.keyword)
      : pair.new.pointer);
  const pointerIn = input.pointer === undefined ? "new" : (input.pointerIn ?? "new");
  return {
    rule: input.rule,
    class: classOf(input.rule),
    pointer,
    pointerIn,
    field: input.field ?? pair.field,
    ...(input.keyword !== undefined ? { keyword: input.keyword } : {}),
    ...(input.old !== undefined ? { old: input.old } : {}),
    ...(input.new !== undefined ? { new: input.new } : {}),
    message: input.message,
  };
}

/** The default a missing property of this pair gets in one version, if any (see Pair.fillsDefaults). */
export function filledDefault(pair: Pair, side: "old" | "new"): JsonValue | undefined {
  return pair.fillsDefaults ? pair[side].filledDefault : undefined;
}

/** Whether the field holds a secret in either version: then its values are never shown. */
export function isSecretPair(pair: Pair): boolean {
  return pair.old.isSecret || pair.new.isSecret;
}

/** A value from the schema as a change may show it: redacted for a secret field. */
export function shown(pair: Pair, value: JsonValue | undefined): JsonValue | undefined {
  return value === undefined ? undefined : isSecretPair(pair) ? REDACTED : value;
}

/** A value for a message: short JSON, or the redaction for a secret field. */
export function quoted(pair: Pair, value: JsonValue | undefined): string {
  return quote(isSecretPair(pair), value);
}

/** {@link quoted}, for a field that is only in one version. */
export function quotedIn(view: SchemaView, value: JsonValue | undefined): string {
  return quote(view.isSecret, value);
}

function quote(secret: boolean, value: JsonValue | undefined): string {
  if (value === undefined) return "(none)";
  if (secret) return REDACTED;
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
