import type Ajv from "ajv";
import { quoteExcerpt } from "../json/excerpt.ts";
import { SchemaProblem } from "../json/problem.ts";
import { type JsonObject, type JsonValue, ownValue } from "../json/value.ts";

/**
 * The one list of the ways a schema says it is JSON Schema draft-07, and what every part does
 * with its `$schema`: import, check, export, the preview's validators and diff all ask here.
 *
 * Draft-07's meta-schema is `http://json-schema.org/draft-07/schema#`; the https spelling and
 * the spellings without the trailing `#` name the same meta-schema (json-schema.org serves it at
 * all four) and are common in published schemas. No `$schema` at all is draft-07 too.
 */
export const DRAFT_07_SPELLINGS: readonly string[] = [
  "http://json-schema.org/draft-07/schema#",
  "http://json-schema.org/draft-07/schema",
  "https://json-schema.org/draft-07/schema#",
  "https://json-schema.org/draft-07/schema",
];

/** The spelling fixes suggest, and the designer's new windows carry. */
export const DRAFT_07_URI = "http://json-schema.org/draft-07/schema#";

const SPELLINGS = new Set(DRAFT_07_SPELLINGS);

/** Whether a root `$schema` value (undefined: none) means draft-07. */
export function isDraft07(declared: JsonValue | undefined): boolean {
  return declared === undefined || (typeof declared === "string" && SPELLINGS.has(declared));
}

/**
 * Why a schema's root `$schema` is not draft-07, naming the draft it declares and saying what to
 * do; undefined when it is draft-07 (or says nothing).
 */
export function draftProblem(schema: JsonObject): SchemaProblem | undefined {
  const declared = ownValue(schema, "$schema");
  if (isDraft07(declared)) return undefined;
  if (typeof declared !== "string")
    return new SchemaProblem(
      "/$schema",
      `"$schema" holds ${quoteExcerpt(declared)}, not the address of a meta-schema`,
      `set "$schema" to "${DRAFT_07_URI}" or remove it`,
    );
  const draft = draftName(declared);
  const said = `"$schema": ${quoteExcerpt(declared)}`;
  return new SchemaProblem(
    "/$schema",
    draft
      ? `the schema declares JSON Schema ${draft} (${said}), but a credential window is JSON Schema draft-07`
      : `the schema declares ${said}, which is not JSON Schema draft-07, the only version a credential window can be`,
    draft
      ? rewriteFix(draft)
      : `if it is draft-07, set "$schema" to "${DRAFT_07_URI}" or remove it`,
  );
}

/** The draft a json-schema.org meta-schema address names ("2020-12", "draft-04"…), if it names one. */
function draftName(uri: string): string | undefined {
  const match =
    /^https?:\/\/json-schema\.org\/(?:(draft-0[0-9])|draft\/(\d{4}-\d{2}))\/schema#?$/.exec(
      uri.trim(),
    );
  return match ? (match[1] ?? match[2]) : undefined;
}

function rewriteFix(draft: string): string {
  const set = `set "$schema" to "${DRAFT_07_URI}" (or remove it)`;
  switch (draft) {
    case "draft-06":
      return `${set}: a draft-06 schema means the same in draft-07`;
    case "draft-04":
    case "draft-03":
      return `rewrite it for draft-07 ("id" becomes "$id"; a boolean "exclusiveMinimum" or "exclusiveMaximum" becomes the number itself) and ${set}`;
    default:
      return `rewrite it for draft-07 ("$defs" as "definitions", "prefixItems" as "items", "dependentRequired" as "dependencies") and ${set}`;
  }
}

const AJV_DRAFT_07 = "http://json-schema.org/draft-07/schema";

/**
 * Teaches an Ajv instance the https spellings of draft-07, as the same meta-schema under a second
 * address (Ajv knows only the http one, and otherwise fails with `no schema with key or ref`).
 * The schema itself is not touched: it keeps its author's `$schema`. Idempotent.
 */
export function addDraft07Spellings(ajv: Ajv): Ajv {
  const https = AJV_DRAFT_07.replace(/^http:/, "https:");
  if (ajv.schemas[https] !== undefined || ajv.refs[https] !== undefined) return ajv;
  const meta = ajv.schemas[AJV_DRAFT_07]?.schema;
  // An Ajv without the draft-07 meta-schema (`meta: false`) judges no `$schema` at all.
  if (typeof meta !== "object" || meta === null) return ajv;
  ajv.addMetaSchema({ ...meta, $id: `${https}#` }, undefined, false);
  return ajv;
}
