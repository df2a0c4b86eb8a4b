import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import type { JsonValue } from "../../../src/json/value.ts";
import {
  applyMutations,
  applyTextMutation,
  describeMutation,
  describeTextMutation,
  type Mutation,
  mutation,
  type TextMutation,
  textMutation,
} from "./mutations.ts";
import { bounded, buildValue, describeValue, stringifyDeep, type ValueSpec } from "./values.ts";

const REPO = fileURLToPath(new URL("../../../", import.meta.url));

/** A window to mutate: its name and its file's text, as written. */
export interface Template {
  name: string;
  text: string;
}

/**
 * The shipped templates (schemas/*.json) and a few real windows of the corpus, chosen for their
 * shapes: oneOf groups of auth methods, envelopes, `order`, secrets, many fields.
 */
const REAL_WORLD = [
  "airbyte/destination-elasticsearch.spec.json",
  "airbyte/source-mailchimp.spec.json",
  "airbyte/source-mixpanel.spec.json",
  "airbyte/source-okta.spec.json",
  "airbyte/source-postgres.current.spec.json",
  "faros/jira-source.spec.json",
];

export const TEMPLATES: readonly Template[] = [
  ...readdirSync(path.join(REPO, "schemas"))
    .filter((name) => name.endsWith(".json"))
    .sort()
    .map((name) => ({
      name: `schemas/${name}`,
      text: readFileSync(path.join(REPO, "schemas", name), "utf8"),
    })),
  ...REAL_WORLD.map((name) => ({
    name: `real-world/${name}`,
    text: readFileSync(path.join(REPO, "test/fixtures/real-world", name), "utf8"),
  })),
];

/** Past this, the mutant is written without indentation (deep nesting would make it megabytes). */
const PRETTY_LIMIT = 100_000;
/** What a failure prints of the mutant's text. */
const SHOWN = 300;

/**
 * A mutated window, with what `diff --values` reads: the template it came from, the mutations
 * (as data: they shrink and print), and the file's bytes, built once.
 */
export class Mutant {
  private cached: Uint8Array | undefined;
  private cachedValues: string | undefined;

  constructor(
    readonly template: Template,
    readonly mutations: readonly Mutation[],
    readonly text: TextMutation | undefined,
    readonly pretty: boolean,
    readonly values: ValueSpec,
  ) {}

  /** The mutant file's bytes. */
  get bytes(): Uint8Array {
    if (this.cached) return this.cached;
    const document = applyMutations(JSON.parse(this.template.text) as JsonValue, this.mutations);
    const compact = stringifyDeep(document);
    let json = compact;
    if (this.pretty && compact.length < PRETTY_LIMIT) {
      try {
        json = JSON.stringify(document, null, 2);
      } catch {
        // Too deep for JSON.stringify's recursion: written compact.
      }
    }
    this.cached = applyTextMutation(`${json}\n`, this.text);
    return this.cached;
  }

  /** The saved values for `diff --values`. */
  get valuesText(): string {
    this.cachedValues ??= stringifyDeep(buildValue(this.values));
    return this.cachedValues;
  }

  /** What a failing case prints: the template, each mutation in a few words, the file's start. */
  toString(): string {
    const lines = [
      `template ${this.template.name}${this.pretty ? "" : " (compact)"}`,
      ...this.mutations.map((m) => `  ${describeMutation(m)}`),
      ...(this.text ? [`  text: ${describeTextMutation(this.text)}`] : []),
      `  values: ${describeValue(this.values)}`,
      `  file (${this.bytes.length.toLocaleString("en-US")} bytes): ${bounded(
        new TextDecoder().decode(this.bytes),
        SHOWN,
      )}`,
    ];
    return lines.join("\n");
  }

  [fc.toStringMethod](): string {
    return this.toString();
  }
}

const savedValues: fc.Arbitrary<ValueSpec> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .dictionary(
        fc.constantFrom("baseUrl", "username", "password", "apiKey", "host", "port", "a", ""),
        fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<JsonValue>,
        { maxKeys: 4 },
      )
      .map((json) => ({ json })),
  },
  {
    weight: 1,
    arbitrary: fc.jsonValue({ maxDepth: 2 }).map((json) => ({ json: json as JsonValue })),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      nest: fc.constantFrom("object" as const, "array" as const),
      levels: fc.constantFrom(10, 418, 419, 420, 421, 2_000),
      leaf: fc.constant<JsonValue>(1),
    }),
  },
);

/** A mutant of one of the templates: one to four mutations, sometimes a change to the text. */
export const mutant: fc.Arbitrary<Mutant> = fc
  .record({
    template: fc.constantFrom(...TEMPLATES),
    mutations: fc.array(mutation, { minLength: 1, maxLength: 4 }),
    text: fc.option(textMutation, { freq: 8, nil: undefined }),
    pretty: fc.boolean(),
    values: savedValues,
  })
  .map(
    ({ template, mutations, text, pretty, values }) =>
      new Mutant(template, mutations, text, pretty, values),
  );
