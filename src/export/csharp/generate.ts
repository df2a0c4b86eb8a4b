import type { JsonObject } from "../../json/value.ts";

/** How the C# model is written. */
export interface CSharpOptions {
  /** The namespace of every emitted type (a dotted C# name). */
  namespace?: string;
}

/**
 * The C# credential model of a draft-07 credential window, as the text of one `.cs` file: the
 * root class named after the window's title, a class per group, an abstract base with one sealed
 * subclass per branch of each auth-method choice, strict Newtonsoft.Json converters, `FromJson`,
 * `ToJson`, `Validate()` equal in verdict to the exported validator, and a `ToString()` that masks
 * secrets. Compiles with Mono's `mcs` (C# 6 plus `is T x`) and any .NET compiler with
 * `-warnaserror+`; needs only Newtonsoft.Json (6.0 and later) and
 * System.ComponentModel.DataAnnotations.
 *
 * Pure. Refuses with a SchemaProblem (pointer, what, how to fix) what C# cannot express exactly.
 */
export function generateCSharp(schema: JsonObject, options: CSharpOptions = {}): string {
  void schema;
  void options;
  // Being built (issue 16): the generator lands in this file.
  throw new Error("the C# export is not built yet");
}
