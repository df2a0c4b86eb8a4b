import type { JsonObject } from "../../json/value.ts";
import type { CredentialDocument } from "../../model/index.ts";

/**
 * The messages between the page (read-client.ts) and the reader worker (reader/read-worker.ts),
 * which parses and imports the texts the user brings in off the page's thread: a file to import, a
 * file to compare with, the Schema JSON view's text. Files travel as their bytes (transferred, not
 * copied); answers are structured clones and carry the request's id.
 */
export type ReadRequest =
  /** A file to import: `designFromBytes` (the CLI's reading, then the designer's refusals). */
  | {
      readonly id: number;
      readonly kind: "import";
      readonly name: string;
      readonly bytes: ArrayBuffer;
    }
  /** A file to compare the design with: `compareSchemaFromBytes` (as `diff` reads it). */
  | {
      readonly id: number;
      readonly kind: "compare";
      readonly name: string;
      readonly bytes: ArrayBuffer;
    }
  /** The Schema JSON view's text: `readSchemaText`. */
  | { readonly id: number; readonly kind: "text"; readonly text: string };

/**
 * A design read from a file (with the one line that says which part of a connector specification
 * was read, when it was one), or the one-line message that says why not: `FILE:PLACE: problem. Fix.`
 */
export type FileImport =
  | { readonly doc: CredentialDocument; readonly notice?: string }
  | { readonly error: string };

/** A schema read to be compared with, or the one-line message that says why it cannot be. */
export type SchemaRead = { readonly schema: JsonObject } | { readonly error: string };

/** Why a text cannot become the design, and where in the text. */
export interface TextProblem {
  /** The stretch to mark (from === to: a point, e.g. the end of the text). */
  readonly from: number;
  readonly to: number;
  /** 1-based, as the CLI reports places. */
  readonly line: number;
  readonly column: number;
  /** The importer's JSON pointer, for a schema the core refuses; undefined for a JSON syntax error. */
  readonly pointer?: string;
  readonly problem: string;
  readonly fix: string;
}

export type SchemaTextReading =
  | {
      readonly ok: true;
      readonly doc: CredentialDocument;
      /**
       * Set when the text was not the design's JSON as it is (YAML, or a connector specification
       * around the window): what was read. The view then shows the design as JSON.
       */
      readonly notice?: string;
    }
  | { readonly ok: false; readonly problem: TextProblem };

/** What each kind of request is answered with. */
export interface ReadAnswers {
  readonly import: FileImport;
  readonly compare: SchemaRead;
  readonly text: SchemaTextReading;
}

export type ReadResponse =
  | { readonly id: number; readonly ok: true; readonly answer: ReadAnswers[keyof ReadAnswers] }
  /** The worker failed on the request (a bug): the kind of error, never its message (it might quote the text). */
  | { readonly id: number; readonly ok: false; readonly error: string };
