import { excerptPointer } from "./excerpt.ts";
import { appendPointer } from "./pointer.ts";
import { SchemaProblem } from "./problem.ts";

/**
 * The deepest nesting of JSON values (objects and arrays, the outermost counting as level 1) that
 * import, check, export and diff take, in a schema file and in a file of saved values. Every walk
 * of the core below it stays within the call stack (some, such as Ajv's compiler and
 * json-schema-to-typescript, recurse per level); past it a file is refused before any walk, with
 * this message, rather than failing somewhere inside. Real credential windows nest a few dozen
 * levels at most. A subschema is at least one level deeper than the one holding it, so a file
 * within this limit is also within export's (export-refusals.ts MAX_EXPORT_DEPTH, the same number).
 */
export const MAX_NESTING_DEPTH = 420;

/** How many pointer tokens a refusal quotes: enough to find the place, never a kilobyte line. */
const QUOTED_TOKENS = 6;

/**
 * The refusal of a value nested deeper than `limit` levels, or undefined. Iterative (an explicit
 * stack), so any depth is measured without recursion; it looks inside every object and array,
 * unknown keywords and values included, and stops at the first place past the limit.
 */
export function nestingDepthProblem(
  value: unknown,
  limit: number = MAX_NESTING_DEPTH,
): SchemaProblem | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  // Each entry: a container and its depth; tokens are kept only for the first levels, to quote.
  const stack: Array<{ node: object; depth: number; tokens: readonly string[] }> = [
    { node: value, depth: 1, tokens: [] },
  ];
  while (stack.length) {
    const { node, depth, tokens } = stack.pop() as (typeof stack)[number];
    if (depth > limit) return tooDeep(tokens, depth, node, limit);
    const keys = Array.isArray(node) ? node.keys() : Object.keys(node);
    for (const key of keys) {
      const child = (node as Record<string, unknown>)[key];
      if (typeof child !== "object" || child === null) continue;
      const childTokens = tokens.length < QUOTED_TOKENS ? [...tokens, String(key)] : tokens;
      stack.push({ node: child, depth: depth + 1, tokens: childTokens });
    }
  }
  return undefined;
}

function tooDeep(
  tokens: readonly string[],
  depth: number,
  node: object,
  limit: number,
): SchemaProblem {
  // How much deeper it goes, measured (iteratively) from here, for the message.
  const deepest = depth - 1 + (deepestBelow(node) ?? 1);
  // Quoted tokens may be kilobyte keys: cut as every message cuts a place.
  const where = excerptPointer(appendPointer("", ...tokens));
  return new SchemaProblem(
    "",
    `the file is nested too deeply: ${deepest.toLocaleString("en-US")} levels of objects and arrays (under ${where || "/"}${tokens.length >= QUOTED_TOKENS ? "/…" : ""}), more than the ${limit} this tool takes`,
    `flatten it: use fewer levels of objects and arrays inside each other (at most ${limit})`,
  );
}

/** The depth of the deepest value in `root`, counting `root` as 1; iterative. */
function deepestBelow(root: object): number {
  let deepest = 1;
  const stack: Array<[object, number]> = [[root, 1]];
  while (stack.length) {
    const [node, depth] = stack.pop() as [object, number];
    if (depth > deepest) deepest = depth;
    for (const child of Object.values(node)) {
      if (typeof child === "object" && child !== null) stack.push([child, depth + 1]);
    }
  }
  return deepest;
}
