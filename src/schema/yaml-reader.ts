import type { Alias, Document, Node, YAMLError } from "yaml";
import { MAX_NESTING_DEPTH } from "../json/depth.ts";
import { JsonSyntaxProblem } from "../json/problem.ts";
import type { JsonValue } from "../json/value.ts";
import { lineColumnAt } from "./parse-json.ts";

/**
 * The `yaml` package's functions this reader uses. The reader takes them as an argument, so that
 * each side loads the package its own way: the page and the tests with an import
 * (./parse-yaml.ts), the typed API only when a YAML text comes (src/api/yaml.ts), so that
 * `import "credential-designer"` loads no package.
 */
export type YamlModule = Pick<
  typeof import("yaml"),
  "parseDocument" | "isAlias" | "isMap" | "isPair" | "isScalar" | "isSeq"
>;

/**
 * Larger YAML texts are refused before they are parsed. A credential window is a few kB; an
 * Airbyte low-code manifest with all its streams is at most a few hundred kB. (The JSON path
 * reads up to its callers' limits, 64 MB in the CLI and 512 KB in the page: YAML costs more to
 * parse, so its own limit is lower.)
 */
export const MAX_YAML_CHARS = 8 * 1024 * 1024;

/**
 * Deeper nesting of mappings and sequences is refused at the first one too deep, at its
 * line:column: the same limit as for JSON (src/json/depth.ts), counted the same way (the
 * outermost collection is level 1; scalars add none). Real windows nest a dozen levels.
 */
export const MAX_YAML_DEPTH = MAX_NESTING_DEPTH;

/**
 * How many alias expansions one document may make (the yaml package's `maxAliasCount`): enough
 * for a manifest that reuses a few definitions, too few for a "billion laughs" document whose
 * aliases of aliases grow exponentially.
 */
export const MAX_YAML_ALIASES = 100;

/**
 * Reads a YAML text as a JSON value with the `yaml` package's functions, safely, with the JSON reader's kind of diagnosis: a
 * {@link JsonSyntaxProblem} at the 1-based line:column of the YAML text, what is wrong and how
 * to fix it.
 *
 * Only YAML 1.2's core schema: strings, numbers, booleans, null, mappings and sequences. A tag
 * outside it (`!!js/function`, `!!binary`, `!custom`) is refused, not read as a string; so is a
 * `%YAML 1.1` document's timestamp or merge key (read as the core schema reads them: text and an
 * ordinary `<<` key). A text with several documents, a key that occurs twice (also `1` and
 * `"1"`, which JSON would merge), a key that is a mapping or sequence, an alias to an anchor not
 * defined, `.inf` or `.nan` (no JSON number), nesting deeper than {@link MAX_YAML_DEPTH} and
 * aliases that expand more than {@link MAX_YAML_ALIASES} times are refused.
 *
 * Messages never quote the text's values (they may be secrets).
 */
export function readYaml(yaml: YamlModule, text: string): JsonValue {
  const { parseDocument } = yaml;
  if (text.length > MAX_YAML_CHARS) {
    throw new JsonSyntaxProblem(
      1,
      1,
      0,
      `the YAML text is too large (${(text.length / 1024 / 1024).toFixed(1)} M characters; the limit is ${MAX_YAML_CHARS / 1024 / 1024} M)`,
      "give the credential window alone, or convert it to JSON",
    );
  }
  const doc = parseDocument(text, {
    version: "1.2",
    schema: "core",
    merge: false,
    // Duplicate keys are found by checkTree, which names the key and where it first occurs.
    uniqueKeys: false,
    strict: true,
    prettyErrors: false,
    keepSourceTokens: false,
    stringKeys: false,
    // !!binary, !!set, !!omap, !!timestamp…: outside the core schema, so unresolved and refused.
    resolveKnownTags: false,
  });
  const first = doc.errors[0] ?? doc.warnings[0];
  if (first) throw yamlProblem(text, first);
  if (doc.contents === null) {
    throw problemAt(
      text,
      0,
      text.trim() === "" ? "the file is empty" : "the YAML text holds no value (only comments)",
      "put the credential schema in it, e.g. type: object",
    );
  }
  checkTree(yaml, text, doc);
  try {
    return doc.toJS({ maxAliasCount: MAX_YAML_ALIASES }) as JsonValue;
  } catch (error) {
    if (error instanceof ReferenceError || error instanceof TypeError) {
      const alias = firstAlias(yaml, doc);
      throw problemAt(
        text,
        alias?.range?.[0] ?? 0,
        `the aliases expand too much (more than ${MAX_YAML_ALIASES} times): a document that grows when read is refused`,
        "write the repeated parts out, or use fewer aliases",
      );
    }
    throw error;
  }
}

/**
 * Whether a text without a file name to go by (the JSON view's, a pasted one) is YAML: it is when
 * it does not start like JSON. A text that starts with `{` or `[` is read as JSON, so a JSON
 * text's mistakes are named in JSON's terms (a YAML flow mapping `{a: 1}` is therefore refused:
 * write it in block style).
 */
export function looksLikeYaml(text: string): boolean {
  const first = /\S/.exec(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text)?.[0];
  return first !== undefined && first !== "{" && first !== "[";
}

/** One walk over the tree, by hand with a stack (no recursion), before any value is built. */
function checkTree(yaml: YamlModule, text: string, doc: Document.Parsed): void {
  const { isAlias, isMap, isPair, isScalar, isSeq } = yaml;
  const stack: Array<{ node: unknown; depth: number }> = [{ node: doc.contents, depth: 1 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop() as { node: unknown; depth: number };
    const offset = (node as Node | null)?.range?.[0] ?? 0;
    if (depth > MAX_YAML_DEPTH && (isMap(node) || isSeq(node))) {
      throw problemAt(
        text,
        offset,
        `the YAML text nests deeper than ${MAX_YAML_DEPTH} levels`,
        "flatten the schema: a credential window nests a few levels",
      );
    }
    if (isAlias(node)) {
      if (node.resolve(doc) === undefined) {
        throw problemAt(
          text,
          offset,
          `the alias *${showName(node.source)} names no anchor defined before it`,
          `define &${showName(node.source)} earlier, or write the value out`,
        );
      }
    } else if (isScalar(node)) {
      const value = node.value;
      if (typeof value === "number" && !Number.isFinite(value)) {
        throw problemAt(
          text,
          offset,
          Number.isNaN(value)
            ? "'.nan' is not a number JSON can hold"
            : "'.inf' (infinity) is not a number JSON can hold",
          "write a finite number, null, or a string in quotes",
        );
      }
      if (typeof value === "bigint") {
        throw problemAt(text, offset, "the number is too large", "put it in quotes");
      }
    } else if (isMap(node)) {
      const keys = new Map<string, number>();
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const key = pair.key as Node | null;
        const keyOffset = key?.range?.[0] ?? offset;
        if (!isScalar(key)) {
          throw problemAt(
            text,
            keyOffset,
            key === null
              ? "a mapping entry without a key"
              : "a key that is a mapping, a sequence or an alias: JSON property names are text",
            "write the property name as plain text before the ':'",
          );
        }
        const name = key.value === null ? "" : String(key.value);
        const earlier = keys.get(name);
        if (earlier !== undefined) {
          const at = lineColumnAt(text, earlier);
          throw problemAt(
            text,
            keyOffset,
            `duplicate key ${showKey(name)} (first at ${at.line}:${at.column}); the later one would silently win`,
            "remove one of the two, or rename one",
          );
        }
        keys.set(name, keyOffset);
        if (pair.value !== null) stack.push({ node: pair.value, depth: depth + 1 });
      }
    } else if (isSeq(node)) {
      for (const item of node.items) stack.push({ node: item, depth: depth + 1 });
    }
  }
}

/** The alias written first in the text: where an alias expansion that is too large is reported. */
function firstAlias(yaml: YamlModule, doc: Document.Parsed): Alias | undefined {
  const { isAlias, isMap, isSeq } = yaml;
  let first: Alias | undefined;
  const stack: unknown[] = [doc.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isAlias(node)) {
      if (first === undefined || (node.range?.[0] ?? 0) < (first.range?.[0] ?? 0)) first = node;
    } else if (isMap(node))
      for (const pair of node.items) stack.push((pair as { value: unknown }).value);
    else if (isSeq(node)) stack.push(...node.items);
  }
  return first;
}

/** The package's diagnosis in this project's words; its own messages may quote the text. */
function yamlProblem(text: string, error: YAMLError): JsonSyntaxProblem {
  const offset = error.pos[0];
  switch (error.code) {
    case "MULTIPLE_DOCS":
      return problemAt(
        text,
        offset,
        "the YAML text holds several documents (a second one starts here)",
        "keep only the document with the credential schema, or remove the '---' line",
      );
    case "DUPLICATE_KEY":
      return problemAt(
        text,
        offset,
        "a duplicate key; the later one would silently win",
        "remove one of the two, or rename one",
      );
    case "TAG_RESOLVE_FAILED":
    case "BAD_COLLECTION_TYPE":
      return problemAt(
        text,
        offset,
        "a YAML tag outside the core schema (such as !!js/function, !!binary or a custom !tag): only text, numbers, true/false, null, mappings and sequences are read",
        "remove the tag",
      );
    case "TAB_AS_INDENT":
      return problemAt(
        text,
        offset,
        "a tab used for indentation: YAML indents with spaces",
        "indent with spaces",
      );
    case "BAD_INDENT":
      return /end with a/.test(error.message)
        ? problemAt(
            text,
            offset,
            "a '[' or '{' is not closed here, or the lines inside it are not indented enough",
            "close it with ']' or '}', and indent its lines further than the key it belongs to",
          )
        : problemAt(
            text,
            offset,
            "wrong indentation",
            "indent this line as the entries it belongs with",
          );
    case "MISSING_CHAR":
      return problemAt(
        text,
        offset,
        "a quote or bracket is not closed",
        "close it, or remove the one that opened it",
      );
    case "RESOURCE_EXHAUSTION":
      return /alias/i.test(error.message)
        ? problemAt(
            text,
            offset,
            "the aliases expand too much",
            "write the repeated parts out, or use fewer aliases",
          )
        : problemAt(
            text,
            offset,
            `the YAML text nests too deeply to read (more than ${MAX_YAML_DEPTH} levels are refused)`,
            "flatten the schema: a credential window nests a few levels",
          );
    case "KEY_OVER_1024_CHARS":
      return problemAt(
        text,
        offset,
        "a key longer than 1024 characters",
        "shorten the key, or write it as a quoted string",
      );
    case "MULTILINE_IMPLICIT_KEY":
      return problemAt(
        text,
        offset,
        "a key that spans several lines",
        "write the key on one line, or check for a missing ':' on the line before",
      );
    default:
      return problemAt(
        text,
        offset,
        `the text is not valid YAML (${withoutQuotes(error.message)})`,
        "check the indentation, the quotes and the ':' after each key",
      );
  }
}

function problemAt(text: string, offset: number, problem: string, fix: string): JsonSyntaxProblem {
  const at = Math.max(0, Math.min(offset, text.length));
  const { line, column } = lineColumnAt(text, at);
  return new JsonSyntaxProblem(line, column, at, problem, fix);
}

/** The package's message without anything it quotes from the text, and without a final period. */
function withoutQuotes(message: string): string {
  return message
    .replace(/"[^"]*"|'[^']*'/g, "…")
    .replace(/\s+at line \d+, column \d+.*$/s, "")
    .replace(/[.:]\s*$/, "");
}

function showKey(key: string): string {
  const quoted = JSON.stringify(key.length > 60 ? key.slice(0, 57) : key);
  return key.length > 60 ? `${quoted.slice(0, -1)}…"` : quoted;
}

function showName(name: string): string {
  return name.length > 40 ? `${name.slice(0, 37)}…` : name;
}

/** A stretch of the text: [from, to). */
export interface TextSpan {
  readonly from: number;
  readonly to: number;
}

/**
 * Where a JSON pointer's value (and its key, in a mapping) is written in a YAML text, for marking
 * a schema problem in the text; undefined when the text does not parse or has no such place.
 */
export function locateYamlPointerWith(
  yaml: YamlModule,
  text: string,
  pointer: string,
): { key?: TextSpan; value: TextSpan } | undefined {
  const { parseDocument, isAlias, isMap, isScalar, isSeq } = yaml;
  if (text.length > MAX_YAML_CHARS) return undefined;
  const doc = parseDocument(text, { version: "1.2", schema: "core", prettyErrors: false });
  if (doc.errors.length > 0) return undefined;
  let node: unknown = doc.contents;
  let key: TextSpan | undefined;
  const tokens =
    pointer === ""
      ? []
      : pointer
          .split("/")
          .slice(1)
          .map((token) => token.replaceAll("~1", "/").replaceAll("~0", "~"));
  for (const token of tokens) {
    if (isAlias(node)) node = node.resolve(doc);
    if (isMap(node)) {
      const pair = node.items.find(
        (item) => isScalar(item.key) && String(item.key.value ?? "") === token,
      );
      if (!pair) return undefined;
      const range = (pair.key as Node).range;
      key = range ? { from: range[0], to: range[1] } : undefined;
      node = pair.value;
    } else if (isSeq(node)) {
      node = node.items[Number(token)];
      key = undefined;
    } else return undefined;
  }
  const range = (node as Node | null)?.range;
  if (!range) return undefined;
  return { ...(key && { key }), value: { from: range[0], to: Math.max(range[0] + 1, range[1]) } };
}
