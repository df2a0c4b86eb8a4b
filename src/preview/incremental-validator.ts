import Ajv from "ajv";
import addFormats from "ajv-formats";
import { escapePointerToken } from "../json/pointer.ts";
import type { JsonValue } from "../json/value.ts";
import { AJV_OPTIONS } from "../schema/ajv-options.ts";
import { describeCompileFailure } from "../schema/compile-failure.ts";
import { addDraft07Spellings, isDraft07 } from "../schema/draft-07.ts";
import type { ValidateFunction, ValidationError } from "./types.ts";

/**
 * A validator for a design that changes a little at a time. An object schema is validated as its
 * "shell" (the schema with every `properties` entry replaced by `true`) plus one validator per
 * property, and so on down through nested groups; each shell and each remaining part (a field, a
 * choice, anything not split further) is compiled once and cached by its JSON text. So editing a
 * field compiles that field, adding one compiles it and its group's shell, moving one compiles
 * the shells of the groups it left and entered, and the composite reports exactly what Ajv
 * reports for the whole schema: the same errors, in the same order.
 *
 * Why the composition is exact (where `planValidation` splits):
 * - Ajv's `properties` validates `data[key]` with the key's subschema when the data is an object,
 *   `data[key] !== undefined` and (with `ownProperties`) the key is an own property; it skips a
 *   key named `__proto__` altogether (ajv/lib/vocabularies/code.ts, allSchemaProperties). The
 *   composite does the same.
 * - A subschema compiled on its own judges a value as it does nested, as long as nothing in it
 *   depends on where it sits: a `$ref`, `$id`, `$async`, nested `$schema`, `definitions`, `$defs`
 *   or any other `$` keyword but `$comment` anywhere sends the whole schema to one compile.
 * - A shell keeps every other keyword and every property key, so `required` and
 *   `additionalProperties` see the same keys. Only annotations and the object keywords that Ajv
 *   evaluates before `properties` (`SHELL_KEYWORDS`) may sit beside `properties` in a split
 *   schema; anything else (`dependencies`, `patternProperties`, `if`, `oneOf`, `enum`…) keeps that
 *   schema whole. So a shell's errors come first, as in Ajv, and the properties' errors follow
 *   in key order: the list is Ajv's, in Ajv's order. That order matters to the form:
 *   src/preview/messages.ts `errorMap` keeps the first of two errors of equal rank at one field,
 *   so the same order means the same messages.
 * - Error paths are written as Ajv writes them for a nested property: `instancePath` gets
 *   "/" + the key as a JSON pointer token, `schemaPath` "#/properties/" + the key as a URI
 *   fragment (JSON pointer token, then encodeURIComponent) before the part's own path (its "#" dropped).
 *
 * Pure TypeScript (no React, no DOM); it brings Ajv, so the designer imports it on demand.
 */

/** A JSON Schema: an object schema or a boolean one. */
export type SchemaLike = { readonly [keyword: string]: unknown } | boolean;

/** Compiles one schema, whose JSON text is `text`; throws what Ajv throws. */
export type CompileSchema = (schema: SchemaLike, text: string) => ValidateFunction;

/** A schema compiled as it is, cached by its JSON text. */
export interface PlannedSchema {
  schema: SchemaLike;
  text: string;
}

/** How a schema is validated: whole (and why not split), or as a shell plus its properties. */
export type ValidationPlan =
  | ({ kind: "whole"; reason: string } & PlannedSchema)
  | { kind: "split"; shell: PlannedSchema; properties: PlannedProperty[] };

export interface PlannedProperty {
  key: string;
  plan: ValidationPlan;
  /** What Ajv puts before a nested error's instancePath. */
  instancePrefix: string;
  /** What Ajv puts before a nested error's schemaPath (in place of its "#"). */
  schemaPathPrefix: string;
}

/**
 * The keywords a split schema may have: annotations, and object keywords that read the data's
 * keys and that Ajv evaluates before `properties` (its object rules run in the order
 * maxProperties, minProperties, required, propertyNames, additionalProperties, dependencies,
 * properties, patternProperties), so a shell's errors precede the properties' as in Ajv.
 * `additionalProperties` applies to the undeclared keys only, which the shell still knows.
 * `x-` extensions are annotations too; any other keyword keeps the schema whole.
 */
const SHELL_KEYWORDS = new Set([
  "type",
  "properties",
  "required",
  "additionalProperties",
  "propertyNames",
  "minProperties",
  "maxProperties",
  "title",
  "description",
  "default",
  "examples",
  "readOnly",
  "writeOnly",
  "$comment",
  "$schema",
]);

/**
 * An object key starting with "$" other than `$comment`, or a `definitions` key, in a JSON text.
 * Scanning the text is blunter than walking schema positions on purpose: a property or an enum
 * value named "$ref" also sends the schema to one whole compile, which is slower, never wrong.
 * (A `"` inside a JSON string is escaped, so no real key can be missed.)
 */
const POSITION_DEPENDENT_KEY = /"(?:\$(?!comment")[^"\\]*|definitions)":/;

const hasOwn = (object: object, key: string) => Object.hasOwn(object, key);
const isObject = (value: unknown): value is { readonly [key: string]: unknown } =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** Thrown inside planning when something position-dependent was met: the root must be compiled whole. */
class PositionDependent extends Error {}

/**
 * How to validate `schema` (see the module comment): split into shells and parts wherever that
 * gives exactly Ajv's result on the whole, else whole, with the reason.
 */
export function planValidation(schema: SchemaLike): ValidationPlan {
  try {
    return planPart(schema, true);
  } catch (error) {
    // Else a schema nested deeper than the stack allows to split: Ajv decides about the whole.
    const reason =
      error instanceof PositionDependent
        ? "it holds $ref, $id, definitions or another keyword whose meaning depends on where it sits"
        : "it is nested too deeply to split";
    return { kind: "whole", schema, text: JSON.stringify(schema), reason };
  }
}

/** Why `schema` is not split into a shell and its properties, or undefined when it is. */
function whyWhole(schema: SchemaLike, isRoot: boolean): string | undefined {
  if (!isObject(schema)) return "not an object schema";
  const properties = hasOwn(schema, "properties") ? schema.properties : undefined;
  if (!isObject(properties) || Object.keys(properties).length === 0) return "no properties";
  for (const keyword of Object.keys(schema)) {
    if (!SHELL_KEYWORDS.has(keyword) && !keyword.startsWith("x-"))
      return `"${keyword}" may look into the properties' values`;
  }
  if (isRoot && hasOwn(schema, "$schema") && !isDraft07(schema.$schema as JsonValue))
    return "its $schema is not draft-07";
  return undefined;
}

function planPart(schema: SchemaLike, isRoot: boolean): ValidationPlan {
  const reason = whyWhole(schema, isRoot);
  if (reason !== undefined) {
    const text = JSON.stringify(schema);
    if (!isRoot && (text === undefined || POSITION_DEPENDENT_KEY.test(text)))
      throw new PositionDependent();
    return { kind: "whole", schema, text, reason };
  }
  const object = schema as { readonly [keyword: string]: unknown };
  const properties = object.properties as { readonly [key: string]: unknown };

  // The shell: the keywords in their order, each property's schema replaced by `true`.
  const shell: { [keyword: string]: unknown } = {};
  for (const keyword of Object.keys(object)) {
    let value = object[keyword];
    if (keyword === "properties") {
      const keysOnly: { [key: string]: unknown } = {};
      for (const key of Object.keys(properties)) defineOwn(keysOnly, key, true);
      value = keysOnly;
    }
    defineOwn(shell, keyword, value);
  }
  const text = JSON.stringify(shell);
  // The root's own `$schema` is fine (whyWhole checked it); any other one is not.
  const scanned =
    isRoot && hasOwn(object, "$schema")
      ? text.replace(`"$schema":${JSON.stringify(object.$schema)}`, "")
      : text;
  if (POSITION_DEPENDENT_KEY.test(scanned)) throw new PositionDependent();

  const planned: PlannedProperty[] = [];
  for (const key of Object.keys(properties)) {
    if (key === "__proto__") continue; // as Ajv's `properties`
    const token = escapePointerToken(key);
    planned.push({
      key,
      plan: planPart(properties[key] as SchemaLike, false),
      instancePrefix: `/${token}`,
      schemaPathPrefix: `#/properties/${encodeURIComponent(token)}`,
    });
  }
  return { kind: "split", shell: { schema: shell, text }, properties: planned };
}

/** A property's validator with the prefixes its errors get. */
interface PropertyValidator {
  key: string;
  validate: ValidateFunction;
  instancePrefix: string;
  schemaPathPrefix: string;
}

/**
 * A shell and its properties' validators as one Ajv-compatible validate function. Ajv makes a
 * new errors array of new error objects on every call, and so does this function, so a part's
 * errors are taken over and re-pathed in place rather than copied.
 */
function compose(
  shell: ValidateFunction,
  properties: readonly PropertyValidator[],
): ValidateFunction {
  const validate: ValidateFunction = (data: unknown) => {
    let valid = shell(data);
    const errors = (valid ? [] : (shell.errors ?? [])) as ValidationError[];
    // As Ajv's `properties`: only for an object, only own keys whose value is not undefined.
    if (isObject(data)) {
      for (const property of properties) {
        const value = data[property.key];
        if (value === undefined || !hasOwn(data, property.key) || property.validate(value))
          continue;
        valid = false;
        for (const error of (property.validate.errors ?? []) as ValidationError[]) {
          error.instancePath = property.instancePrefix + error.instancePath;
          error.schemaPath = property.schemaPathPrefix + error.schemaPath.slice(1);
          errors.push(error);
        }
      }
    }
    validate.errors = valid ? null : errors;
    return valid;
  };
  validate.errors = null;
  return validate;
}

/** Milliseconds from a monotonic clock (performance.now in browsers and Node). */
const now = () => performance.now();

/** What a part Ajv cannot compile is checked with when a validator must not throw: nothing. */
const checksNothing: ValidateFunction = Object.assign(() => true, { errors: null });

export interface IncrementalValidatorOptions {
  /** Makes a compile function (default: `ajvCompiler`, one fresh Ajv configured as the preview's). */
  createCompiler?: () => CompileSchema;
  /**
   * A compiler keeps what it compiled for its lifetime (Ajv keeps every schema and validate
   * function in its cache and code scope), so after this much schema text has been compiled
   * the next schema starts over with a fresh compiler and an empty cache, and the old compiler
   * goes with the validators that used it.
   */
  retireAfterChars?: number;
  /** How many validators the latest schema does not use are kept (e.g. for an undo), at most… */
  spareValidators?: number;
  /** …and at most this much JSON text of them. */
  spareChars?: number;
  /**
   * How {@link IncrementalValidator.compileInParts} lets the page run between two slices of
   * compiling (default: a task of its own, `setTimeout(0)`; `scheduler.yield()` where there is one).
   */
  yieldToPage?: () => Promise<void>;
  /** How long one slice of compileInParts compiles before it yields, in ms (default 25). */
  sliceMs?: number;
}

/** Lets the page run: `scheduler.yield()` where the browser has it, else a new task. */
function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === "function") return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** The parts of a plan that are compiled on their own (shells and whole parts), in build order. */
function partsOf(plan: ValidationPlan, into: PlannedSchema[] = []): PlannedSchema[] {
  if (plan.kind === "whole") into.push(plan);
  else {
    into.push(plan.shell);
    for (const property of plan.properties) partsOf(property.plan, into);
  }
  return into;
}

/**
 * A validator compiled on its first call ({@link IncrementalValidator.deferredValidatorFor}).
 * `notChecked`: set from its first call on when part of the schema does not compile. `ready`
 * (when asked for, "in parts"): resolves once its parts are compiled, in slices that leave the
 * page responsive; a call before then compiles what is left at once.
 */
export type DeferredValidator = ValidateFunction & {
  notChecked?: string;
  ready?: Promise<void>;
};

/** A compiled validator, or what compiling threw (so that a broken part is not compiled again and again). */
type CacheEntry =
  | { validate: ValidateFunction; error?: undefined; chars: number }
  | { validate?: undefined; error: unknown; chars: number };

/**
 * Validators of the successive schemas of one design, sharing what did not change. Owns the
 * cache of compiled parts: keep one per view of a design.
 */
export class IncrementalValidator {
  /** Compiled parts by JSON text; the Map's order is recency (least recently used first). */
  private readonly cache = new Map<string, CacheEntry>();
  private readonly createCompiler: () => CompileSchema;
  private compile: CompileSchema;
  private compiledChars = 0;
  private readonly retireAfterChars: number;
  private readonly spareValidators: number;
  private readonly spareChars: number;
  private readonly yieldToPage: () => Promise<void>;
  private readonly sliceMs: number;
  /** The parts the compileInParts in progress will use: kept from eviction until it ends. */
  private pending: ReadonlySet<string> = new Set();
  /** Counts compileInParts runs: a run stops when a newer one starts. */
  private runs = 0;
  /** The latest compileInParts run. */
  private running: { schema: SchemaLike; done: Promise<void> } | undefined;

  constructor(options: IncrementalValidatorOptions = {}) {
    this.createCompiler = options.createCompiler ?? ajvCompiler;
    this.compile = this.createCompiler();
    this.retireAfterChars = options.retireAfterChars ?? 2_000_000;
    this.spareValidators = options.spareValidators ?? 64;
    this.spareChars = options.spareChars ?? 500_000;
    this.yieldToPage = options.yieldToPage ?? yieldToPage;
    this.sliceMs = options.sliceMs ?? 25;
  }

  /** How many compiled parts (and remembered compile errors) are held. */
  get size(): number {
    return this.cache.size;
  }

  /**
   * The validator of `schema`, compiled now: it judges every value as Ajv compiling the whole
   * `schema` does, with the same errors in the same order. Throws what Ajv throws when `schema`
   * does not compile.
   */
  validatorFor(schema: SchemaLike): ValidateFunction {
    const used = new Set<string>();
    try {
      const plan = planValidation(schema);
      this.retireCompilerIfFull(plan);
      let failed = false;
      const validate = this.build(plan, used, () => (failed = true));
      if (!failed) return validate!;
      // A part that does not compile: the whole does not either, and compiling the whole throws
      // Ajv's own error for it (its message names the place in the whole schema).
      used.clear();
      return this.cached({ schema, text: JSON.stringify(schema) }, used);
    } finally {
      this.evictUnused(used);
    }
  }

  /**
   * The same validator, compiled when it is first called rather than now, so that a view can
   * hand it over at once and compile after it has painted (the preview form first validates
   * after paint). It never throws: when `schema` does not compile, the parts that do are still
   * checked and the rest is not (a schema compiled whole is then not checked at all), and from its
   * first call on the validator carries `notChecked`, the reason (Ajv's error for the first part
   * that does not compile), which the preview form shows as an alert and which keeps it from calling values valid.
   */
  deferredValidatorFor(
    schema: SchemaLike,
    { inParts = false }: { inParts?: boolean } = {},
  ): DeferredValidator {
    let built: ValidateFunction | undefined;
    const validate: DeferredValidator = (data: unknown) => {
      if (!built) {
        const used = new Set<string>();
        let failure: { error: unknown } | undefined;
        try {
          const plan = planValidation(schema);
          this.retireCompilerIfFull(plan);
          built = this.build(plan, used, (error) => (failure ??= { error })) ?? checksNothing;
          if (failure) validate.notChecked = notCompiled(failure.error, schema as JsonValue);
        } finally {
          this.evictUnused(used);
        }
      }
      const valid = built(data);
      validate.errors = built.errors ?? null;
      return valid;
    };
    validate.errors = null;
    if (inParts) validate.ready = this.compileInParts(schema);
    return validate;
  }

  /**
   * Compiles the parts of `schema` that are not compiled yet a slice at a time (about `sliceMs`
   * each), letting the page run between slices, so that a large design (thousands of parts) is
   * compiled without a long task; afterwards {@link validatorFor} and a
   * {@link deferredValidatorFor}'s first call compile nothing. A part that does not compile is
   * remembered as such (those calls then report it). What is compiled stays until a later schema
   * no longer uses it. Resolves when done, or as soon as a call for another schema starts (that
   * one compiles what both need; this schema's validator then compiles what is left on its first
   * call); a call for the schema being compiled gets the same promise.
   */
  compileInParts(schema: SchemaLike): Promise<void> {
    if (this.running?.schema !== schema)
      this.running = { schema, done: this.compileSlices(schema) };
    return this.running.done;
  }

  private async compileSlices(schema: SchemaLike): Promise<void> {
    const run = ++this.runs;
    const plan = planValidation(schema);
    this.retireCompilerIfFull(plan);
    const parts = partsOf(plan);
    const texts = new Set(parts.map((part) => part.text));
    this.pending = texts;
    const used = new Set<string>();
    try {
      let sliceStart = now();
      let inSlice = 0;
      for (const part of parts) {
        if (this.cache.has(part.text)) continue;
        // Each slice compiles at least one part.
        if (inSlice > 0 && now() - sliceStart >= this.sliceMs) {
          await this.yieldToPage();
          if (run !== this.runs) return;
          sliceStart = now();
          inSlice = 0;
        }
        inSlice++;
        // The cache may have changed while the page ran.
        if (this.cache.has(part.text)) continue;
        try {
          this.cached(part, used);
        } catch {
          // Remembered in the cache: the validator reports it.
        }
      }
    } finally {
      if (run === this.runs) this.pending = new Set();
    }
  }

  /**
   * Starts over on a fresh compiler once the current one has compiled enough, but only when
   * `plan` needs a compile anyway: a schema whose parts were just compiled (in parts) keeps them.
   */
  private retireCompilerIfFull(plan: ValidationPlan): void {
    if (this.compiledChars <= this.retireAfterChars) return;
    if (partsOf(plan).every((part) => this.cache.has(part.text))) return;
    this.cache.clear();
    this.compile = this.createCompiler();
    this.compiledChars = 0;
  }

  /** The validator of a plan from cached parts, compiling what is missing; a part that does not compile is left out, and reported. */
  private build(
    plan: ValidationPlan,
    used: Set<string>,
    partFailed: (error: unknown) => void,
  ): ValidateFunction | undefined {
    if (plan.kind === "whole") return this.tryCached(plan, used, partFailed);
    const shell = this.tryCached(plan.shell, used, partFailed);
    const properties: PropertyValidator[] = [];
    for (const property of plan.properties) {
      const validate = this.build(property.plan, used, partFailed);
      if (validate)
        properties.push({
          key: property.key,
          validate,
          instancePrefix: property.instancePrefix,
          schemaPathPrefix: property.schemaPathPrefix,
        });
    }
    return compose(shell ?? checksNothing, properties);
  }

  private tryCached(
    part: PlannedSchema,
    used: Set<string>,
    partFailed: (error: unknown) => void,
  ): ValidateFunction | undefined {
    try {
      return this.cached(part, used);
    } catch (error) {
      partFailed(error);
      return undefined;
    }
  }

  /** The cached validator of a part, compiled if it is new; throws (again) what compiling it threw. */
  private cached(part: PlannedSchema, used: Set<string>): ValidateFunction {
    let entry = this.cache.get(part.text);
    if (entry) this.cache.delete(part.text);
    else {
      this.compiledChars += part.text.length;
      try {
        entry = { validate: this.compile(part.schema, part.text), chars: part.text.length };
      } catch (error) {
        entry = { error, chars: part.text.length };
      }
    }
    this.cache.set(part.text, entry); // the most recently used last
    used.add(part.text);
    if (entry.validate) return entry.validate;
    throw entry.error;
  }

  /** Keeps what the latest schema uses and a few recent others; drops the least recently used beyond that. */
  private evictUnused(used: ReadonlySet<string>): void {
    const kept = (text: string) => used.has(text) || this.pending.has(text);
    let spare = 0;
    let spareChars = 0;
    for (const [text, entry] of this.cache)
      if (!kept(text)) {
        spare++;
        spareChars += entry.chars;
      }
    for (const [text, entry] of this.cache) {
      if (spare <= this.spareValidators && spareChars <= this.spareChars) break;
      if (kept(text)) continue;
      this.cache.delete(text);
      spare--;
      spareChars -= entry.chars;
    }
  }
}

/**
 * A compile function with one fresh Ajv configured as src/preview/ajv.ts (AJV_OPTIONS and
 * ajv-formats), so the preview judges as the exported validator does.
 */
export function ajvCompiler(): CompileSchema {
  const ajv = addDraft07Spellings(new Ajv({ ...AJV_OPTIONS }));
  addFormats(ajv);
  return (schema) => ajv.compile(schema);
}

/**
 * What the preview says of a schema Ajv refuses, as the form says it when it compiles a schema
 * itself (src/preview/form-host.ts): the reason read from Ajv's error (schema/compile-failure.ts).
 */
export function notCompiled(error: unknown, schema: JsonValue = {}): string {
  return `This window's schema could not be compiled: ${describeCompileFailure(schema, error).reason}`;
}

/** Sets an own enumerable property, even `__proto__` (an assignment would set the prototype). */
function defineOwn(target: object, key: string, value: unknown): void {
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}
