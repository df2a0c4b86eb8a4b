import type { JsonObject } from "../../json/value.ts";
import { refuseSecretValues } from "../../model/secret-values.ts";
import { emitModel } from "./emit.ts";
import { checkNamespace, DEFAULT_NAMESPACE } from "./names.ts";
import { nameModel } from "./naming.ts";
import { planModel } from "./plan.ts";

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
 * The steps: plan.ts (schema → classes, properties, checks; the refusals), naming.ts (C# names),
 * emit.ts (the text) with runtime.ts (the fixed part).
 */
export function generateCSharp(schema: JsonObject, options: CSharpOptions = {}): string {
  const namespace = options.namespace ?? DEFAULT_NAMESPACE;
  checkNamespace(namespace);
  // A secret's value in the schema would become an initial value in the C# source.
  refuseSecretValues(schema);
  const plan = planModel(schema);
  nameModel(plan);
  return emitModel(plan, namespace);
}
