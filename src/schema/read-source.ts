import { nestingDepthProblem } from "../json/depth.ts";
import { SchemaProblem } from "../json/problem.ts";
import { isJsonObject, type JsonValue } from "../json/value.ts";
import { parseJsonText } from "./parse-json.ts";
import { looksLikeYaml } from "./yaml-reader.ts";

/** How a schema text was written. */
export type SourceFormat = "json" | "yaml";

/** The part of a connector's specification that holds its credential window (the schema). */
export interface Envelope {
  /** JSON pointer of the credential schema in the file, e.g. `/connectionSpecification`. */
  readonly pointer: string;
  /** What was read, for the one line that says so: `connectionSpecification of spec.json`. */
  readonly part: string;
  /** Which kind of file: Airbyte's `spec.json` (or `spec.yaml`), a low-code `manifest.yaml`, a SPEC message. */
  readonly kind: "airbyte-spec" | "airbyte-manifest" | "airbyte-spec-message";
}

/**
 * What the caller knows of a text: the core knows no files, so a shell that has a file name
 * turns it into these (the CLI and API: src/api/source-of-file.ts; the page:
 * src/designer/import/source-of-file.ts).
 */
export interface SourceDescription {
  /** How the text is written; when not given, a text that starts with `{` or `[` is JSON, any other YAML. */
  readonly format?: SourceFormat;
  /** What the one line saying which part was read calls the source: `connectionSpecification of <label>`. */
  readonly label?: string;
}

export interface SourceReading {
  /** The credential schema: the whole value, or the part an envelope holds. */
  readonly schema: JsonValue;
  readonly format: SourceFormat;
  /** Set when the value was an envelope: which part was read. */
  readonly envelope?: Envelope;
}

/**
 * Reads a schema file's (or a pasted) text: JSON or YAML, and the credential window inside a
 * connector specification's envelope.
 *
 * The format is the caller's (from a file name); without one (the JSON view, a text given to the
 * API) a text that starts with `{` or `[` is JSON and any other YAML ({@link looksLikeYaml}). Syntax errors are JsonSyntaxProblems at the text's own
 * line:column, whichever the format. `parseYamlText` is the YAML reader (./parse-yaml.ts, or the
 * API's, which loads the package only when a YAML text comes).
 *
 * Envelopes recognised ({@link findEnvelope}): Airbyte's `spec.json`/`spec.yaml`
 * (`connectionSpecification`), a low-code `manifest.yaml` (`spec.connection_specification`), and
 * a connector's SPEC message (`spec.connectionSpecification`).
 */
export function readSchemaSource(
  text: string,
  source: SourceDescription,
  parseYamlText: (text: string) => JsonValue,
): SourceReading {
  const format: SourceFormat = source.format ?? (looksLikeYaml(text) ? "yaml" : "json");
  const value = format === "yaml" ? parseYamlText(text) : parseJsonText(text);
  // Before any walk: every walk downstream is safe up to MAX_NESTING_DEPTH, none beyond.
  const tooDeep = nestingDepthProblem(value);
  if (tooDeep) throw tooDeep;
  const envelope = findEnvelope(value, source.label);
  if (!envelope) return { schema: value, format };
  return { schema: valueAt(value, envelope.pointer), format, envelope };
}

/**
 * The credential window inside a connector specification, or undefined when the value is a
 * schema itself. A value with `properties` or a JSON Schema `type` (`object`, an array of
 * types…) at its top is a schema, whatever else it holds, and so is one with `$schema` unless it
 * also holds a `connectionSpecification` object: an envelope is recognised only then (a
 * manifest's `type: DeclarativeSource` is no schema type).
 *
 * - `{"documentationUrl": …, "connectionSpecification": {…}}`: Airbyte's spec.json (spec.yaml);
 * - `{"type": "SPEC", "spec": {"connectionSpecification": {…}}}`: what a connector's `spec`
 *   command prints;
 * - `{"version": …, "type": "DeclarativeSource", "spec": {"type": "Spec",
 *   "connection_specification": {…}}, …}`: a low-code manifest.yaml.
 *
 * A manifest (a top-level `spec` mapping, or `streams`/`definitions` beside a `version`) without
 * a credential window is refused with what to add, rather than imported as a schema it is not.
 */
export function findEnvelope(value: JsonValue, label?: string): Envelope | undefined {
  if (!isJsonObject(value)) return undefined;
  if ("properties" in value || isSchemaType(value.type)) return undefined;
  // Some spec.json files carry a `$schema` of their own beside connectionSpecification
  // (destination-gcs): that one names the envelope's format, not the credential window's schema.
  if ("$schema" in value && !isJsonObject(value.connectionSpecification)) return undefined;
  // The source as the caller names it (the CLI: the path as the user wrote it).
  const of = (what: string, fallback: string) => `${what} of ${label ?? fallback}`;
  if (isJsonObject(value.connectionSpecification)) {
    return {
      pointer: "/connectionSpecification",
      part: of("connectionSpecification", "the Airbyte spec"),
      kind: "airbyte-spec",
    };
  }
  const spec = value.spec;
  if (isJsonObject(spec)) {
    if (isJsonObject(spec.connection_specification)) {
      return {
        pointer: "/spec/connection_specification",
        part: of("spec.connection_specification", "the low-code manifest"),
        kind: "airbyte-manifest",
      };
    }
    if (isJsonObject(spec.connectionSpecification)) {
      return {
        pointer: "/spec/connectionSpecification",
        part: of("spec.connectionSpecification", "the SPEC message"),
        kind: "airbyte-spec-message",
      };
    }
    throw new SchemaProblem(
      "/spec",
      "this looks like a connector manifest, but its spec has no connection_specification (the credential window)",
      "add spec.connection_specification with the credential schema, or import the schema itself",
    );
  }
  if ("version" in value && ("streams" in value || "definitions" in value)) {
    throw new SchemaProblem(
      "",
      "this looks like a low-code connector manifest without a spec: there is no credential window to read",
      "add spec.connection_specification with the credential schema, or import the schema itself",
    );
  }
  return undefined;
}

const SCHEMA_TYPES = new Set(["object", "array", "string", "number", "integer", "boolean", "null"]);

function isSchemaType(type: JsonValue | undefined): boolean {
  return Array.isArray(type) || (typeof type === "string" && SCHEMA_TYPES.has(type));
}

/** The pointer from the file's top to what `pointer` names inside the credential schema. */
export function pointerInFile(envelope: Envelope | undefined, pointer: string): string {
  return envelope === undefined ? pointer : `${envelope.pointer}${pointer}`;
}

/** The value at an envelope's pointer (its tokens are plain keys). */
export function valueAt(value: JsonValue, pointer: string): JsonValue {
  let current: JsonValue = value;
  for (const token of pointer.split("/").slice(1)) {
    if (!isJsonObject(current)) break;
    current = current[token] as JsonValue;
  }
  return current;
}

/**
 * Runs `work` on the schema an envelope held: a SchemaProblem it throws names its place in the
 * file as written (`/connectionSpecification/properties/port`), where the user finds it.
 */
export function inEnvelope<T>(envelope: Envelope | undefined, work: () => T): T {
  if (envelope === undefined) return work();
  try {
    return work();
  } catch (error) {
    if (error instanceof SchemaProblem)
      throw new SchemaProblem(pointerInFile(envelope, error.pointer), error.problem, error.fix);
    throw error;
  }
}
