import { appendPointer, escapePointerToken } from "../json/pointer.ts";
import { isJsonObject, type JsonObject, type JsonValue, ownValue } from "../json/value.ts";
import { SCHEMA_ARRAY_KEYWORDS, SCHEMA_KEYWORDS, SCHEMA_MAP_KEYWORDS } from "./keywords.ts";

/**
 * A schema object reached by `walkSubschemas`, with how it was reached. Its JSON pointer is
 * built only when asked for, so walking a large schema stays linear.
 */
export class SubschemaNode {
  private cachedPointer: string | undefined;

  constructor(
    readonly schema: JsonObject,
    readonly parent: SubschemaNode | undefined,
    /** Pointer tokens from the parent to this node, e.g. ["properties", "password"]. */
    readonly tokens: ReadonlyArray<string | number>,
  ) {}

  get pointer(): string {
    if (this.cachedPointer !== undefined) return this.cachedPointer;
    // Iterative, so a schema nested thousands of levels deep cannot overflow the stack.
    const chain: SubschemaNode[] = [];
    let base = "";
    for (let node: SubschemaNode | undefined = this; node; node = node.parent) {
      if (node.cachedPointer !== undefined) {
        base = node.cachedPointer;
        break;
      }
      chain.push(node);
    }
    for (let i = chain.length - 1; i >= 0; i--) {
      const node = chain[i]!;
      base += node.tokens.map((token) => `/${escapePointerToken(token)}`).join("");
      node.cachedPointer = base;
    }
    return base;
  }

  /** Pointer to something inside this node, e.g. `node.at("required", 2)`. */
  at(...tokens: Array<string | number>): string {
    return appendPointer(this.pointer, ...tokens);
  }
}

const ONE_SCHEMA = new Set<string>(SCHEMA_KEYWORDS);
const SCHEMA_LISTS = new Set<string>([...SCHEMA_ARRAY_KEYWORDS, "items"]);
/** `$defs` is draft 2019's `definitions`: walked too, so findings inside it are not missed. */
const SCHEMA_MAPS = new Set<string>([...SCHEMA_MAP_KEYWORDS, "dependencies", "$defs"]);

/**
 * Every subschema object of `root` (boolean schemas hold nothing to visit), parents before
 * children, keywords in their document order. Iterative, so a 400-level schema cannot exhaust
 * the call stack; each object is visited once, even if an in-memory schema reaches it twice.
 * Values of unknown keywords are data, not schemas, and are not entered. `create` builds the
 * node type the caller wants (the lint rules' nodes carry names for messages).
 */
export function* walkSubschemas<Node extends SubschemaNode = SubschemaNode>(
  root: JsonObject,
  create: (schema: JsonObject, parent: Node | undefined, tokens: Array<string | number>) => Node = (
    schema,
    parent,
    tokens,
  ) => new SubschemaNode(schema, parent, tokens) as Node,
): Generator<Node> {
  const seen = new Set<JsonObject>();
  const stack: Node[] = [create(root, undefined, [])];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (seen.has(node.schema)) continue;
    seen.add(node.schema);
    yield node;
    const children: Node[] = [];
    const add = (value: JsonValue | undefined, tokens: Array<string | number>) => {
      if (isJsonObject(value)) children.push(create(value, node, tokens));
    };
    for (const keyword of Object.keys(node.schema)) {
      const value = ownValue(node.schema, keyword);
      if (Array.isArray(value) && SCHEMA_LISTS.has(keyword))
        value.forEach((item, index) => {
          add(item, [keyword, index]);
        });
      else if (ONE_SCHEMA.has(keyword) || keyword === "items") add(value, [keyword]);
      else if (SCHEMA_MAPS.has(keyword) && isJsonObject(value))
        for (const name of Object.keys(value)) add(ownValue(value, name), [keyword, name]);
    }
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
}
