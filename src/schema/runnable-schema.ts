import type Ajv from "ajv";
import { loneSurrogateProblem } from "../json/unicode.ts";
import type { JsonObject } from "../json/value.ts";
import { addDraft07Spellings } from "./draft-07.ts";
import { shapeRefusals, walkForExport } from "./export-refusals.ts";
import { validateAgainstMetaSchema } from "./meta-schema.ts";
import { checkPattern } from "./pattern-safety/index.ts";
import { withoutProtoKeys } from "./proto-keys.ts";
import { type ResolvedRef, resolveRefs } from "./ref-chains.ts";

/**
 * The one step before a draft-07 schema is run by Ajv, shared by `export` (which compiles it into
 * the validator) and the saved-values check of `diff` (which runs it on saved credentials).
 *
 * Refuses, as SchemaProblems, what cannot be run safely, in this order: first, in document order,
 * what one subschema says (export-refusals.ts: a `$schema` other than draft-07, a nested `$id`,
 * `$async`, a `$ref` outside the schema, a `__proto__` dependency, an invalid or unsafe pattern,
 * an unknown format, a keyword of the wrong form); then references that lead nowhere or around a
 * loop (ref-chains.ts); then whatever else breaks the draft-07 meta-schema. `check` reports the
 * same refusals, all of them (its `not-exportable` rule).
 *
 * Pulls in the pattern analysis (pattern-safety/) statically: the page must load this module
 * only on demand (as its export worker and compare view do), never from what it loads first.
 */
export interface RunnableSchema {
  /**
   * The schema as Ajv can run it: the caller's own object when it has no `__proto__` key under
   * `properties` or `patternProperties`, else a copy where those are moved (see proto-keys.ts).
   */
  schema: JsonObject;
  /** Where each `$ref` leads, by the pointer of the schema that holds it, in document order. */
  refs: Map<string, ResolvedRef>;
}

export type { ResolvedRef } from "./ref-chains.ts";

/**
 * Validates `schema` against draft-07 with `ajv`, refuses what cannot run (see above) and returns
 * what Ajv can run. A format is unknown when `ajv` has none by that name (both callers give theirs
 * ajv-formats' `fullFormats`). `rootLabel` is the name messages give the root schema's fields.
 * The caller's schema is only read.
 */
export function runnableSchema(ajv: Ajv, schema: JsonObject, rootLabel: string): RunnableSchema {
  const unicode = loneSurrogateProblem(schema);
  if (unicode) throw unicode;
  const { graph, protoKeys } = walkForExport(
    schema,
    { formats: Object.keys(ajv.formats), checkPattern, rootLabel },
    (problem) => {
      throw problem;
    },
  );
  for (const problem of shapeRefusals(schema, [], graph.schemas, {})) throw problem;
  const refs = resolveRefs(schema, graph);
  validateAgainstMetaSchema(addDraft07Spellings(ajv), schema);
  return { schema: withoutProtoKeys(schema, protoKeys), refs };
}
