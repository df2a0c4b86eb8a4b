import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { parse as parseYaml } from "yaml";
import type { JsonObject, JsonValue } from "../../../src/json/value.ts";

/**
 * The corpus of real credential windows in test/fixtures/real-world/ (SOURCES.tsv names each
 * one's repository, path, commit and licence), read here independently of the code under test:
 * JSON.parse or the `yaml` package, then the credential schema cut out of its envelope by hand.
 * The tests compare what the product reads and writes with this reading.
 */

export const CORPUS_DIR = join(
  dirname(fileURLToPath(import.meta.url)),
  "../../fixtures/real-world",
); // (a string, not a URL: happy-dom's URL is not node's)

/** Where the credential schema sits in a file. */
export type Envelope =
  /** Airbyte's spec.json / spec.yaml: `{ documentationUrl, connectionSpecification, … }`. */
  | "connectionSpecification"
  /** The protocol's SPEC message, as some connectors publish it: `{ type: "SPEC", spec: { connectionSpecification } }`. */
  | "spec.connectionSpecification"
  /** A low-code manifest.yaml (or its `spec:` part): `spec.connection_specification`. */
  | "spec.connection_specification"
  /** The file is the schema itself. */
  | "none";

export interface CorpusEntry {
  /** The path under test/fixtures/real-world/, e.g. `airbyte/source-postgres.spec.json`. */
  name: string;
  /** The absolute path. */
  path: string;
  repository: string;
  sourcePath: string;
  commit: string;
  licence: string;
  format: "json" | "yaml";
  /** The file's text, as published. */
  text: string;
  envelope: Envelope;
  /** The credential schema the file holds, as JSON.parse / yaml read it, key order kept. */
  schema: JsonObject;
}

const isObject = (value: unknown): value is JsonObject =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** The credential schema of a parsed file, and where it was. */
export function credentialSchemaOf(document: unknown): { envelope: Envelope; schema: JsonObject } {
  if (!isObject(document)) throw new Error("the file does not hold an object");
  if (document.type === "SPEC" && isObject(document.spec)) {
    const inner = document.spec.connectionSpecification;
    if (isObject(inner)) return { envelope: "spec.connectionSpecification", schema: inner };
  }
  if (isObject(document.connectionSpecification))
    return { envelope: "connectionSpecification", schema: document.connectionSpecification };
  if (isObject(document.spec) && isObject(document.spec.connection_specification))
    return {
      envelope: "spec.connection_specification",
      schema: document.spec.connection_specification,
    };
  return { envelope: "none", schema: document };
}

function readEntry(row: string[]): CorpusEntry {
  const [name, repository, sourcePath, commit, , licence] = row as [
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  const path = join(CORPUS_DIR, name);
  const text = readFileSync(path, "utf8");
  const format = /\.ya?ml$/.test(name) ? "yaml" : "json";
  const document: unknown = format === "yaml" ? parseYaml(text) : JSON.parse(text);
  return {
    name,
    path,
    repository,
    sourcePath,
    commit,
    licence,
    format,
    text,
    ...credentialSchemaOf(document),
  };
}

/** SOURCES.tsv's rows (header first). */
export function sourcesRows(): string[][] {
  return readFileSync(join(CORPUS_DIR, "SOURCES.tsv"), "utf8")
    .trimEnd()
    .split("\n")
    .map((line) => line.split("\t"));
}

/** Every file of the corpus folder but SOURCES.*, as paths relative to it. */
export function corpusFiles(): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (!entry.name.startsWith("SOURCES.")) files.push(relative(CORPUS_DIR, path));
    }
  };
  walk(CORPUS_DIR);
  return files.sort();
}

/** The corpus, in SOURCES.tsv's order. */
export const CORPUS: readonly CorpusEntry[] = sourcesRows().slice(1).map(readEntry);

/** Whether a subschema marks a secret, by either marking (writeOnly or Airbyte's airbyte_secret). */
export const isSecretSchema = (schema: JsonObject): boolean =>
  schema.writeOnly === true || schema.airbyte_secret === true;

/** Every subschema of `schema` under `properties`, `oneOf`, `anyOf`, `allOf`, `items`, with its JSON pointer. */
export function subschemas(schema: JsonObject): Array<{ pointer: string; schema: JsonObject }> {
  const found: Array<{ pointer: string; schema: JsonObject }> = [];
  const token = (key: string) => key.replaceAll("~", "~0").replaceAll("/", "~1");
  const stack: Array<[JsonValue, string]> = [[schema, ""]];
  while (stack.length > 0) {
    const [node, pointer] = stack.pop()!;
    if (!isObject(node)) continue;
    found.push({ pointer, schema: node });
    if (isObject(node.properties))
      for (const [key, child] of Object.entries(node.properties))
        stack.push([child, `${pointer}/properties/${token(key)}`]);
    for (const keyword of ["oneOf", "anyOf", "allOf"] as const) {
      const list = node[keyword];
      if (Array.isArray(list))
        for (const [i, child] of list.entries()) stack.push([child, `${pointer}/${keyword}/${i}`]);
    }
    if (isObject(node.items)) stack.push([node.items, `${pointer}/items`]);
  }
  return found.reverse();
}

/**
 * The keys of `properties` in display order, as the issue defines Airbyte's `order`: fields with a
 * numeric `order` first, by it (equal numbers keep the JSON's order), then the others in the
 * JSON's order. Written here again, on purpose, so that the tests do not take the product's word.
 */
export function expectedDisplayOrder(properties: JsonObject): string[] {
  const orderOf = (key: string): number | undefined => {
    const child = properties[key];
    const order = isObject(child) ? child.order : undefined;
    return typeof order === "number" && Number.isFinite(order) ? order : undefined;
  };
  const keys = Object.keys(properties);
  const ordered = keys
    .filter((key) => orderOf(key) !== undefined)
    .map((key, index) => ({ key, index }))
    .sort((a, b) => orderOf(a.key)! - orderOf(b.key)! || a.index - b.index)
    .map((entry) => entry.key);
  return [...ordered, ...keys.filter((key) => orderOf(key) === undefined)];
}
