import { appendPointer, parsePointer } from "../json/pointer.ts";
import {
  defineOwn,
  isJsonObject,
  type JsonObject,
  type JsonValue,
  ownValue,
} from "../json/value.ts";
import { type SecretMarking, secretMarkingsIn } from "../model/vendor-keywords.ts";
import { resolveRef } from "../schema/refs.ts";

/**
 * A subschema as validation sees it: local `$ref`s followed (`#/definitions/…`, `#/$defs/…`,
 * `#name`), with the keywords written next to a `$ref` laid over its target's (Ajv applies both;
 * for an annotation such as a title, the one next to the `$ref` is the one a form shows).
 * `true` and anything that is not a schema read as `{}`; `false` stays `false`.
 * Create views with {@link SchemaView.of}.
 */
export class SchemaView {
  constructor(
    readonly root: JsonObject,
    readonly schema: JsonObject | false,
    /** Where the node sits (the referring place, for a `$ref`). */
    readonly pointer: string,
    /** Per keyword, the pointer of the object it was read from, when that is not `pointer`. */
    private readonly origins: ReadonlyMap<string, string> | undefined,
    /** The object that identifies this node when it is reached twice (the last `$ref` target). */
    readonly identity: JsonObject | undefined,
    /** The schema as written at `pointer`, before any `$ref` is followed. */
    readonly written: JsonValue | undefined,
  ) {}

  static of(root: JsonObject, value: JsonValue | undefined, pointer: string): SchemaView {
    if (value === false) return new SchemaView(root, false, pointer, undefined, undefined, value);
    if (!isJsonObject(value)) return new SchemaView(root, {}, pointer, undefined, undefined, value);
    if (typeof ownValue(value, "$ref") !== "string")
      return new SchemaView(root, value, pointer, undefined, value, value);
    return followRefs(root, value, pointer);
  }

  /** The keyword's value, read as an own property. */
  get(keyword: string): JsonValue | undefined {
    return this.schema === false ? undefined : ownValue(this.schema, keyword);
  }

  has(keyword: string): boolean {
    return this.get(keyword) !== undefined;
  }

  keywords(): string[] {
    return this.schema === false ? [] : Object.keys(this.schema);
  }

  /** Pointer to something inside the node, e.g. `at("properties", "token")`, in the object the keyword came from. */
  at(keyword: string, ...tokens: Array<string | number>): string {
    return appendPointer(this.origins?.get(keyword) ?? this.pointer, keyword, ...tokens);
  }

  /** The view of a subschema inside this node, e.g. `child("properties", "token")`. */
  child(keyword: string, ...tokens: Array<string | number>): SchemaView {
    let value: JsonValue | undefined = this.get(keyword);
    for (const token of tokens) {
      value = Array.isArray(value)
        ? typeof token === "number"
          ? value[token]
          : undefined
        : isJsonObject(value)
          ? ownValue(value, String(token))
          : undefined;
    }
    return SchemaView.of(this.root, value, this.at(keyword, ...tokens));
  }

  /**
   * The default Ajv fills in when the property is missing: only one written on the property's own
   * schema counts, not one inside the target of its `$ref`.
   */
  get filledDefault(): JsonValue | undefined {
    return isJsonObject(this.written) ? ownValue(this.written, "default") : undefined;
  }

  /** Whether the field is a secret: `"writeOnly": true` or `"airbyte_secret": true`. */
  get isSecret(): boolean {
    return this.secretMarkings.length > 0;
  }

  /** The keywords that make the field a secret (src/model/vendor-keywords.ts), `$ref`s followed. */
  get secretMarkings(): SecretMarking[] {
    return secretMarkingsIn((keyword) => this.get(keyword));
  }

  get title(): string | undefined {
    const title = this.get("title");
    return typeof title === "string" && title.trim() !== "" ? title.trim() : undefined;
  }
}

/** Follows a chain of `$ref`s; a missing, remote or looping one is left as written. */
function followRefs(root: JsonObject, start: JsonObject, pointer: string): SchemaView {
  const seen = new Set<JsonObject>([start]);
  const layers: Array<{ schema: JsonObject; pointer: string }> = [{ schema: start, pointer }];
  let current = start;
  for (;;) {
    const ref = ownValue(current, "$ref");
    if (typeof ref !== "string") break;
    const target = resolveRef(root, ref);
    if (target.kind !== "local") break;
    if (target.value === false)
      return new SchemaView(root, false, pointer, undefined, undefined, start);
    const next = isJsonObject(target.value) ? target.value : {};
    if (seen.has(next)) break;
    seen.add(next);
    layers.push({ schema: next, pointer: refPointer(ref) ?? pointer });
    current = next;
  }
  const merged: JsonObject = {};
  const origins = new Map<string, string>();
  // Innermost first, so that the keywords written further out win.
  for (let i = layers.length - 1; i >= 0; i--) {
    const layer = layers[i]!;
    for (const keyword of Object.keys(layer.schema)) {
      // A followed `$ref` has done its work; an unfollowable one (in the innermost layer) stays.
      if (keyword === "$ref" && i < layers.length - 1) continue;
      defineOwn(merged, keyword, layer.schema[keyword]!);
      origins.set(keyword, layer.pointer);
    }
  }
  return new SchemaView(root, merged, pointer, origins, layers[layers.length - 1]!.schema, start);
}

function refPointer(ref: string): string | undefined {
  if (!ref.startsWith("#/")) return undefined;
  try {
    const pointer = decodeURIComponent(ref.slice(1));
    parsePointer(pointer);
    return pointer;
  } catch {
    return undefined;
  }
}
