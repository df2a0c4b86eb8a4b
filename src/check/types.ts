import { appendPointer, escapePointerToken } from "../schema/json-pointer.ts";
import type { JsonObject } from "../schema/json.ts";

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
}

export type Report = (finding: Omit<Finding, "rule">) => void;

export interface Rule {
  id: string;
  /** One line for documentation and the designer's rule list. */
  description: string;
  check(node: SchemaNode, report: Report): void;
}

/**
 * A schema object reached by the walker, with how it was reached. Pointers are built only
 * when a rule asks for one, so walking a large schema stays linear.
 */
export class SchemaNode {
  private cachedPointer: string | undefined;

  constructor(
    readonly schema: JsonObject,
    readonly parent: SchemaNode | undefined,
    /** Pointer tokens from the parent to this node, e.g. ["properties", "password"]. */
    readonly tokens: ReadonlyArray<string | number>,
    /** The root schema, for resolving local `$ref`s. */
    readonly root: JsonObject,
  ) {}

  /** The keyword that led here from the parent: "properties", "oneOf", "items", … ("" at the root). */
  get via(): string {
    const first = this.tokens[0];
    return typeof first === "string" ? first : "";
  }

  /** The property key when this node is the schema of a property (`properties/<key>`). */
  get key(): string | undefined {
    return this.via === "properties" && typeof this.tokens[1] === "string" ? this.tokens[1] : undefined;
  }

  /** Index of this node in the parent's `oneOf`/`anyOf`/`allOf`, if it is a branch. */
  get branchIndex(): number | undefined {
    return (this.via === "oneOf" || this.via === "anyOf" || this.via === "allOf") && typeof this.tokens[1] === "number"
      ? this.tokens[1]
      : undefined;
  }

  get title(): string | undefined {
    const title = Object.prototype.hasOwnProperty.call(this.schema, "title") ? this.schema.title : undefined;
    return typeof title === "string" && title.trim() !== "" ? title.trim() : undefined;
  }

  get pointer(): string {
    if (this.cachedPointer !== undefined) return this.cachedPointer;
    // Iterative, so a schema nested thousands of levels deep cannot overflow the stack.
    const chain: SchemaNode[] = [];
    let base = "";
    for (let node: SchemaNode | undefined = this; node; node = node.parent) {
      if (node.cachedPointer !== undefined) {
        base = node.cachedPointer;
        break;
      }
      chain.push(node);
    }
    for (let i = chain.length - 1; i >= 0; i--) {
      const node = chain[i]!;
      base += node.tokens.map((token) => "/" + escapePointerToken(token)).join("");
      node.cachedPointer = base;
    }
    return base;
  }

  /** Pointer to something inside this node, e.g. `node.at("required", 2)`. */
  at(...tokens: Array<string | number>): string {
    return appendPointer(this.pointer, ...tokens);
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
    return `${title ? `option "${title}"` : `option ${index + 1}`} of ${this.parent.ownName()}`;
  }

  private ownName(): string {
    const key = this.key;
    const title = this.title;
    if (key !== undefined) return `field "${key}"${title && title !== key ? ` (${title})` : ""}`;
    if (title) return `schema "${title}"`;
    if (this.parent === undefined) return "root schema";
    return `schema at ${this.pointer}`;
  }
}
