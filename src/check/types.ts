import { excerptPointer, excerptText, quoteExcerptAsWritten } from "../json/excerpt.ts";
import type { JsonObject } from "../json/value.ts";
import { SubschemaNode } from "../model/walk.ts";
import type { PatternVerdict } from "../schema/pattern-safety/index.ts";

/**
 * One problem found in a schema. The CLI and the designer show the same findings, so the
 * texts are written for people: `message` says what is wrong and names the field by its key
 * and title; `fix` says what to do. Both are sentences without a trailing period.
 */
export interface Finding {
  /** Stable rule id, e.g. "secret-not-write-only". */
  rule: string;
  severity: "error" | "warning";
  /** RFC 6901 JSON pointer into the schema ("" is the root). */
  pointer: string;
  message: string;
  fix: string;
  /**
   * The fix as data, when it takes no judgement (make a field secret, remove a secret's default,
   * http:// to https://, anchor a pattern): `autofixCommand` (./autofix.ts) turns it into the
   * design command that applies it. Absent when fixing takes a choice (rename the field, pick a
   * value). Not part of the CLI's or the API's output.
   */
  autofix?: Autofix;
}

/** What a mechanical fix does to the schema at its finding's `pointer`. */
export type AutofixKind =
  /** The pointer is a field: `"writeOnly": true`, without the values a secret must not carry. */
  | "make-secret"
  /** The pointer is a keyword of a secret (default, examples, const, a one-value enum): removed. */
  | "remove-secret-value"
  /** The pointer is an http:// URL, a default or an example: it becomes https://. */
  | "use-https"
  /** The pointer is a field's `pattern`: ^ and $ added where they are missing. */
  | "anchor-pattern";

export interface Autofix {
  readonly kind: AutofixKind;
  /** What it does, as its button says it: "Make it secret", "Remove the default", "Use https"… */
  readonly label: string;
}

export type Report = (finding: Omit<Finding, "rule">) => void;

/**
 * What rules use besides the schema: the pattern-safety analysis. It is passed in rather than
 * imported so that the designer page can load it only for a design that has a pattern (it is
 * most of the page's script); `checkSchema` passes the analysis itself, `checkDesign` loads it.
 */
export interface RuleContext {
  checkPattern(pattern: string): PatternVerdict;
}

export interface Rule {
  id: string;
  /** One line for documentation and the designer's rule list. */
  description: string;
  check(node: SchemaNode, report: Report, context: RuleContext): void;
}

/** A schema object reached by the walker, with how it was reached and how messages name it. */
export class SchemaNode extends SubschemaNode {
  constructor(
    schema: JsonObject,
    override readonly parent: SchemaNode | undefined,
    tokens: ReadonlyArray<string | number>,
    /** The root schema, for resolving local `$ref`s. */
    readonly root: JsonObject,
  ) {
    super(schema, parent, tokens);
  }

  /** The keyword that led here from the parent: "properties", "oneOf", "items", … ("" at the root). */
  get via(): string {
    const first = this.tokens[0];
    return typeof first === "string" ? first : "";
  }

  /** The property key when this node is the schema of a property (`properties/<key>`). */
  get key(): string | undefined {
    return this.via === "properties" && typeof this.tokens[1] === "string"
      ? this.tokens[1]
      : undefined;
  }

  /** Index of this node in the parent's `oneOf`/`anyOf`/`allOf`, if it is a branch. */
  get branchIndex(): number | undefined {
    return (this.via === "oneOf" || this.via === "anyOf" || this.via === "allOf") &&
      typeof this.tokens[1] === "number"
      ? this.tokens[1]
      : undefined;
  }

  get title(): string | undefined {
    const title = Object.hasOwn(this.schema, "title") ? this.schema.title : undefined;
    return typeof title === "string" && title.trim() !== "" ? title.trim() : undefined;
  }

  /**
   * How messages name this node, by key and title, without an article: `field "clientSecret"
   * (Client secret)`, `option "Basic" of field "auth" (Authentication)`, `schema "SFTP"`,
   * `root schema`. Messages say "the <name>".
   */
  get name(): string {
    const index = this.branchIndex;
    if (index === undefined || !this.parent) return this.ownName();
    const title = this.title;
    return `${title ? `option ${quoteExcerptAsWritten(title)}` : `option ${index + 1}`} of ${this.parent.ownName()}`;
  }

  private ownName(): string {
    const key = this.key;
    const title = this.title;
    if (key !== undefined)
      return `field ${quoteExcerptAsWritten(key)}${title && title !== key ? ` (${excerptText(title)})` : ""}`;
    if (title) return `schema ${quoteExcerptAsWritten(title)}`;
    if (this.parent === undefined) return "root schema";
    return `schema at ${excerptPointer(this.pointer)}`;
  }
}
