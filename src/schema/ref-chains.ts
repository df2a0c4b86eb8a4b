import { quoteExcerpt } from "../json/excerpt.ts";
import { appendPointer, parsePointer } from "../json/pointer.ts";
import { SchemaProblem } from "../json/problem.ts";
import { isJsonObject, type JsonObject, type JsonValue, ownValue } from "../json/value.ts";

/** A `$ref` of the schema, as the walk of runnable-schema.ts found it. */
export interface RefSite {
  /** The schema that holds the `$ref`. */
  pointer: string;
  ref: string;
  /** The field a message names: the nearest property or definition key. */
  label: string;
  /**
   * The `$ref` has siblings that shape the value's type (see `shapesType`): it is more than an
   * alias, so a chain of references stops at it.
   */
  wrapper: boolean;
}

/** What the walk found that references are checked against. */
export interface RefGraph {
  /** Every subschema (object or boolean) by pointer, in document order. */
  schemas: Set<string>;
  /** Every `$ref`, in document order. */
  sites: RefSite[];
  /** Subschemas that apply to the same value as their parent (allOf, not, if…): for loop checks. */
  sameValue: Map<string, string[]>;
  /** Some `properties` or `patternProperties` has a `__proto__` key. */
  hasProtoKeys: boolean;
}

/** Where one `$ref` leads. */
export interface ResolvedRef {
  /** The subschema its chain of plain references (no wrappers) ends at. */
  target: string;
  /** Whether the `$ref` has siblings that shape the type (see RefSite.wrapper). */
  wrapper: boolean;
}

/** Keywords whose subschemas apply to the very value their parent applies to. */
export const SAME_VALUE_KEYWORDS = new Set([
  "allOf",
  "anyOf",
  "oneOf",
  "not",
  "if",
  "then",
  "else",
]);

/**
 * Whether a schema holding a `$ref` also has keywords that shape its value's type: a `type`
 * (names), `properties` or `patternProperties` (a map), `items`, `allOf`, `anyOf`, `oneOf` or
 * `enum` (a list), or `const`.
 */
export function shapesType(node: JsonObject): boolean {
  for (const keyword of Object.keys(node)) {
    const value = node[keyword] as JsonValue;
    switch (keyword) {
      case "type":
        if (
          typeof value === "string" ||
          (Array.isArray(value) && value.every((t) => typeof t === "string"))
        )
          return true;
        break;
      case "properties":
      case "patternProperties":
        if (isJsonObject(value)) return true;
        break;
      case "items":
      case "allOf":
      case "anyOf":
      case "oneOf":
      case "enum":
        if (Array.isArray(value)) return true;
        break;
      case "const":
        return true;
      default:
        break;
    }
  }
  return false;
}

/**
 * Resolves every `$ref` to the subschema its chain of references ends at, refusing one that
 * leads nowhere, to the schema of a `__proto__` key, or around a loop that never reaches a
 * property or an item. Returns where each leads, by the pointer of the schema that holds it.
 * Throws the first refusal; given `report`, gives it every refusal instead (one per `$ref`, and
 * the first loop) and leaves the refused references out of the map.
 */
export function resolveRefs(
  schema: JsonObject,
  graph: RefGraph,
  report?: (problem: SchemaProblem) => void,
): Map<string, ResolvedRef> {
  const each = (work: () => void) => {
    if (!report) return work();
    try {
      work();
    } catch (error) {
      if (!(error instanceof SchemaProblem)) throw error;
      report(error);
    }
  };
  const { schemas, sites } = graph;
  const refAt = new Map<string, RefSite>();
  for (const site of sites) refAt.set(site.pointer, site);
  const targetPointer = (site: RefSite): string => {
    let pointer: string;
    try {
      pointer =
        site.ref === "#"
          ? ""
          : appendPointer("", ...parsePointer(decodeURIComponent(site.ref.slice(1))));
    } catch {
      throw refProblem(site, "which is not a valid JSON pointer");
    }
    if (!schemas.has(pointer)) {
      throw refProblem(
        site,
        hasValueAt(schema, pointer)
          ? "which is not a schema (it is not under a schema keyword)"
          : "which does not exist",
      );
    }
    return pointer;
  };
  const final = new Map<RefSite, string>();
  const resolve = (start: RefSite): string => {
    const seen = new Set<RefSite>();
    let site = start;
    for (;;) {
      const known = final.get(site);
      if (known !== undefined) return known;
      if (seen.has(site)) throw loopProblem(start);
      seen.add(site);
      const pointer = targetPointer(site);
      const next = refAt.get(pointer);
      if (!next || next.wrapper) {
        for (const s of seen) final.set(s, pointer);
        return pointer;
      }
      site = next;
    }
  };
  const resolved = new Map<string, ResolvedRef>();
  const refEdges = new Map<string, string>();
  for (const site of sites) {
    each(() => {
      const target = targetPointer(site);
      refEdges.set(site.pointer, target);
      if (
        graph.hasProtoKeys &&
        /\/(?:properties|patternProperties)\/__proto__(?:\/|$)/.test(target)
      ) {
        throw refProblem(
          site,
          'which is the schema of a "__proto__" key: the validator keeps such schemas elsewhere, so nothing can refer to them',
          "move that schema to a definition and refer to the definition from both places",
        );
      }
      resolved.set(site.pointer, { target: resolve(site), wrapper: site.wrapper });
    });
  }
  if (sites.length) each(() => checkReferenceLoops(schemas, graph.sameValue, refEdges, refAt));
  return resolved;
}

function refProblem(
  site: RefSite,
  what: string,
  fix = 'refer to a schema in this document, e.g. a definition under "#/definitions/"',
): SchemaProblem {
  return new SchemaProblem(
    appendPointer(site.pointer, "$ref"),
    `field ${quoteExcerpt(site.label)} refers to ${quoteExcerpt(site.ref)}, ${what}`,
    fix,
  );
}

function loopProblem(site: RefSite): SchemaProblem {
  return new SchemaProblem(
    appendPointer(site.pointer, "$ref"),
    `field ${quoteExcerpt(site.label)} refers to ${quoteExcerpt(site.ref)}, which leads back to itself without going into a property or an item, so validation would never end`,
    "let the recursion pass through a property or an array item",
  );
}

function hasValueAt(schema: JsonObject, pointer: string): boolean {
  let node: JsonValue | undefined = schema;
  for (const token of parsePointer(pointer)) {
    if (Array.isArray(node)) node = /^(0|[1-9]\d*)$/.test(token) ? node[Number(token)] : undefined;
    else if (isJsonObject(node)) node = ownValue(node, token);
    else return false;
    if (node === undefined) return false;
  }
  return true;
}

/**
 * A reference cycle that comes back to the same value (through allOf/anyOf/oneOf/not/if/then/
 * else and `$ref` only) never ends: Ajv's validator would recurse until the stack runs out and
 * TypeScript would reject the type. Such a cycle needs a `$ref`, so this runs only when there
 * are some: an iterative depth-first search over pointers.
 */
function checkReferenceLoops(
  schemas: Set<string>,
  sameValue: Map<string, string[]>,
  refEdges: Map<string, string>,
  refAt: Map<string, RefSite>,
): void {
  const edges = (pointer: string): string[] => {
    const list = sameValue.get(pointer) ?? [];
    const target = refEdges.get(pointer);
    return target === undefined ? list : [...list, target];
  };
  const state = new Map<string, 1 | 2>(); // 1: on the current path, 2: done
  for (const start of schemas) {
    if (state.has(start)) continue;
    const path: Array<{ pointer: string; next: string[]; i: number }> = [
      { pointer: start, next: edges(start), i: 0 },
    ];
    state.set(start, 1);
    while (path.length) {
      const top = path[path.length - 1] as { pointer: string; next: string[]; i: number };
      if (top.i >= top.next.length) {
        state.set(top.pointer, 2);
        path.pop();
        continue;
      }
      const next = top.next[top.i++] as string;
      const seen = state.get(next);
      if (seen === 1) {
        const onLoop = path.slice(path.findIndex((p) => p.pointer === next));
        const site = onLoop.map((p) => refAt.get(p.pointer)).find((s) => s !== undefined);
        if (site) throw loopProblem(site);
      } else if (seen === undefined) {
        state.set(next, 1);
        path.push({ pointer: next, next: edges(next), i: 0 });
      }
    }
  }
}
