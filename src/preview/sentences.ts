import { patternDescriptorOf } from "../model/vendor-keywords.ts";
import {
  type BranchOf,
  enumOf,
  errorMap,
  label,
  requiredSentence,
  type Sentence,
} from "./messages.ts";
import type { FieldError, Json, JsonSchema, ValidationError } from "./types.ts";

/**
 * What an error says, in words a person reads, named by the field's title: the `sentence` that
 * messages.ts `errorMap` puts at the field an error lands on. The form loads this module with its
 * validator (form-host.ts, a chunk of its own), since nothing but a validator's errors needs it,
 * and so its first paint waits for none of it. Pure: `toFieldErrors(errors, schema, value)`.
 */

/** Format → [what it must be, a generic example, a check that an `examples[0]` is one]. Other formats: "is not in the expected format". */
const FORMATS: Record<string, [string, string?, RegExp?]> = {
  uri: ["a URL", "https://api.example.com", /^[a-z][a-z\d+.-]*:[^\s]+$/i],
  email: ["an email address", "name@example.com", /^[^\s@]+@[^\s@]+\.[^\s@]+$/],
  hostname: [
    "a host name",
    "api.example.com",
    /^(?=.{1,253}$)[a-z\d]([a-z\d-]{0,61}[a-z\d])?(\.[a-z\d]([a-z\d-]{0,61}[a-z\d])?)*$/i,
  ],
  ipv4: ["an IPv4 address", "192.0.2.1"],
  ipv6: ["an IPv6 address", "2001:db8::1"],
  date: ["a date", "2024-01-31"],
  time: ["a time", "09:30:00Z"],
  "date-time": ["a date and time", "2024-01-31T09:30:00Z"],
  uuid: ["a UUID", "123e4567-e89b-12d3-a456-426614174000"],
};
FORMATS.url = FORMATS["uri-reference"] = FORMATS.iri = FORMATS["iri-reference"] = FORMATS.uri!;
FORMATS["idn-email"] = FORMATS.email!;
FORMATS["idn-hostname"] = FORMATS.hostname!;

const TYPES: Record<string, string> = {
  string: "text",
  number: "a number",
  integer: "a whole number",
  boolean: "yes or no",
  array: "a list",
  object: "a group of fields",
  null: "empty",
};

const plural = (n: unknown, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

function fits(s: { [k: string]: Json }, x: string): boolean {
  try {
    return (
      (typeof s.pattern !== "string" || new RegExp(s.pattern, "u").test(x)) &&
      (typeof s.maxLength !== "number" || x.length <= s.maxLength)
    );
  } catch {
    return false;
  }
}

/** The sentence for one error at one field. */
export const sentence: Sentence = (f, e) => {
  const t = f.title,
    s = f.schema,
    p = e.params,
    n = p.limit;
  switch (e.keyword) {
    case "required":
      return requiredSentence(f, e);
    case "type":
      return `${t} must be ${TYPES[String(p.type).split(",")[0]!] ?? "of another kind"}`;
    case "format": {
      const [what, generic, check] = FORMATS[String(p.format)] ?? [];
      if (!what) return `${t} is not in the expected format`;
      const ex = Array.isArray(s.examples) ? s.examples[0] : undefined;
      const like =
        !f.secret && typeof ex === "string" && (!check || check.test(ex)) && fits(s, ex)
          ? ex
          : generic;
      return `${t} must be ${what}${like ? `, like ${like}` : ""}`;
    }
    case "minLength":
      return n === 1 ? `${t} must not be empty` : `${t} must be at least ${plural(n, "character")}`;
    case "maxLength":
      return `${t} must be at most ${plural(n, "character")}`;
    case "minimum":
      return `${t} must be at least ${n}`;
    case "maximum":
      return `${t} must be at most ${n}`;
    case "exclusiveMinimum":
      return `${t} must be greater than ${n}`;
    case "exclusiveMaximum":
      return `${t} must be less than ${n}`;
    case "multipleOf":
      return `${t} must be a multiple of ${p.multipleOf}`;
    case "enum":
      return `${t} must be one of ${enumOf(s)
        .map((v) => label(s, enumOf(s).indexOf(v), v))
        .join(", ")}`;
    case "const":
      return `${t} must be ${label(s, enumOf(s).indexOf(p.allowedValue as Json), p.allowedValue)}`;
    case "pattern": {
      // Airbyte's pattern_descriptor says what the pattern wants in words ("YYYY-MM-DD").
      const like = patternDescriptorOf(s);
      if (like) return `${t} must look like ${like}`;
      return `${t} is not in the expected format${f.help ? `. ${f.help}` : ""}`;
    }
    case "minItems":
      return `${t} must have at least ${plural(n, "item")}`;
    case "maxItems":
      return `${t} must have at most ${plural(n, "item")}`;
    case "uniqueItems":
      return `${t} must not list the same item twice (items ${Math.min(Number(p.i), Number(p.j)) + 1} and ${Math.max(Number(p.i), Number(p.j)) + 1})`;
    case "additionalProperties":
      return `${t} has a field it does not allow: ${String(p.additionalProperty)}`;
    default:
      return `${t} is not valid`;
  }
};

/** Ajv errors → one FieldError per field, in words (see errorMap). */
export function toFieldErrors(
  errors: readonly ValidationError[] | null | undefined,
  schema: JsonSchema,
  value: unknown,
  branchOf?: BranchOf,
): FieldError[] {
  return [...errorMap(errors, schema, value, sentence, branchOf).values()].map(
    ([path, , message]) => ({
      path,
      message,
    }),
  );
}
