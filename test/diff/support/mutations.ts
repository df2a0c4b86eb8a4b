import fc from "fast-check";
import {
  cloneJson,
  isJsonObject,
  type JsonObject,
  type JsonValue,
} from "../../../src/json/value.ts";
import { FORMATS, PATTERNS } from "./schemas.ts";

/** What a connector author may do to a credential window between two versions. */
export const OPERATIONS = [
  "retitle",
  "describe",
  "add-optional",
  "add-required",
  "remove",
  "toggle-required",
  "set-type",
  "widen-type",
  "enum-add",
  "enum-remove",
  "pattern",
  "pattern-remove",
  "format",
  "format-remove",
  "min-up",
  "min-down",
  "max-up",
  "max-down",
  "close",
  "open",
  "secret-on",
  "secret-off",
  "default-set",
  "default-remove",
  "branch-add",
  "branch-remove",
  "branch-rename",
  "branch-reorder",
  "discriminator-rename",
  "reorder",
  "rename",
  "to-ref",
  "multiple-of",
  "unique",
  "items",
] as const;

const CONSTRAINT_EDITS = new Set<string>([
  "set-type",
  "enum-add",
  "enum-remove",
  "pattern",
  "format",
  "min-up",
  "min-down",
  "max-up",
  "max-down",
  "multiple-of",
  "unique",
  "items",
]);

export type Mutation = { op: (typeof OPERATIONS)[number]; at: number; n: number };

export const mutation: fc.Arbitrary<Mutation> = fc.record({
  op: fc.constantFrom(...OPERATIONS),
  at: fc.nat(),
  n: fc.nat(20),
});

interface FieldSite {
  owner: JsonObject;
  key: string;
  schema: JsonObject;
}

/** A copy of `schema` with the mutations applied in turn; one that does not apply to the schema does nothing. */
export function mutate(schema: JsonObject, mutations: readonly Mutation[]): JsonObject {
  const copy = cloneJson(schema);
  for (const step of mutations) apply(copy, step);
  return copy;
}

function apply(root: JsonObject, { op, at, n }: Mutation): void {
  const { groups, fields, choices } = sites(root);
  const pick = <T>(list: readonly T[]): T | undefined =>
    list.length > 0 ? list[at % list.length] : undefined;
  const field = pick(fields);
  const group = pick(groups);
  const choice = pick(choices);
  const s = field?.schema;
  // A default must stay a value its field accepts (see withValidDefault): edits to the field's rules drop it.
  if (s && CONSTRAINT_EDITS.has(op)) delete s.default;
  switch (op) {
    case "retitle":
      if (s) s.title = `Title ${n}`;
      return;
    case "describe":
      if (s) s.description = `Help ${n}`;
      return;
    case "add-optional":
      if (group) properties(group)[`extra${n}`] = { type: "string" };
      return;
    case "add-required":
      if (group) {
        properties(group)[`extra${n}`] =
          n % 2 === 0 ? { type: "string", default: "filled" } : { type: "string" };
        group.required = [...new Set([...required(group), `extra${n}`])];
      }
      return;
    case "remove":
      if (field) {
        delete properties(field.owner)[field.key];
        setRequired(
          field.owner,
          required(field.owner).filter((key) => key !== field.key),
        );
      }
      return;
    case "toggle-required":
      if (field) {
        const list = required(field.owner);
        setRequired(
          field.owner,
          list.includes(field.key) ? list.filter((key) => key !== field.key) : [...list, field.key],
        );
      }
      return;
    case "set-type":
      if (s && !s.properties && !s.oneOf && !s.$ref)
        s.type = ["string", "integer", "number", "boolean"][n % 4]!;
      return;
    case "widen-type":
      if (s && typeof s.type === "string") s.type = [s.type, "null"];
      return;
    case "enum-add":
      if (s && !s.properties && !s.oneOf)
        s.enum = Array.isArray(s.enum) ? [...s.enum, `new${n}`] : ["eu", "us"];
      return;
    case "enum-remove":
      if (s && Array.isArray(s.enum) && s.enum.length > 1)
        s.enum = s.enum.filter((_, i) => i !== n % (s.enum as JsonValue[]).length);
      return;
    case "pattern":
      if (s && s.type === "string") {
        delete s.format;
        s.pattern = PATTERNS[n % PATTERNS.length]!;
      }
      return;
    case "pattern-remove":
      if (s) delete s.pattern;
      return;
    case "format":
      if (s && s.type === "string") {
        delete s.pattern;
        s.format = FORMATS[n % FORMATS.length]!;
      }
      return;
    case "format-remove":
      if (s) delete s.format;
      return;
    case "min-up":
    case "min-down":
    case "max-up":
    case "max-down": {
      if (!s) return;
      const keyword = ["minLength", "minimum", "minItems", "maxLength", "maximum", "maxItems"].find(
        (name) => name.startsWith(op.slice(0, 3)) && typeof s[name] === "number",
      );
      const delta = op.endsWith("up") ? 1 + (n % 3) : -(1 + (n % 3));
      if (keyword) {
        const value = (s[keyword] as number) + delta;
        if (value < 0 && keyword !== "minimum" && keyword !== "maximum") delete s[keyword];
        else s[keyword] = value;
      } else if (s.type === "string") {
        s[op.startsWith("min") ? "minLength" : "maxLength"] = op.startsWith("min") ? 2 : 30;
      }
      return;
    }
    case "close":
      if (group) group.additionalProperties = false;
      return;
    case "open":
      if (group) delete group.additionalProperties;
      return;
    case "secret-on":
      if (s && s.type === "string") s.writeOnly = true;
      return;
    case "secret-off":
      if (s) delete s.writeOnly;
      return;
    case "default-set": {
      // Only a default the field accepts (see withValidDefault in schemas.ts).
      const value = s ? validDefault(s) : undefined;
      if (s && value !== undefined) s.default = value;
      return;
    }
    case "default-remove":
      if (s) delete s.default;
      return;
    case "branch-add":
      if (choice)
        (choice.oneOf as JsonValue[]).push({
          title: `NEW${n}`,
          type: "object",
          properties: { type: { const: `new${n}` } },
          required: ["type"],
        });
      return;
    case "branch-remove":
      if (choice && (choice.oneOf as JsonValue[]).length > 1)
        (choice.oneOf as JsonValue[]).splice(n % (choice.oneOf as JsonValue[]).length, 1);
      return;
    case "branch-rename": {
      const branch = choice
        ? ((choice.oneOf as JsonObject[])[n % (choice.oneOf as JsonValue[]).length] as JsonObject)
        : undefined;
      const tag = branch && isJsonObject(branch.properties) ? branch.properties.type : undefined;
      if (isJsonObject(tag)) tag.const = `renamed${n}`;
      return;
    }
    case "branch-reorder":
      if (choice) (choice.oneOf as JsonValue[]).reverse();
      return;
    case "discriminator-rename":
      if (choice) {
        for (const branch of choice.oneOf as JsonObject[]) {
          const props = properties(branch);
          if (!props.type) continue;
          branch.properties = Object.fromEntries(
            Object.entries(props).map(([key, value]) => [key === "type" ? "kind" : key, value]),
          );
          setRequired(
            branch,
            required(branch).map((key) => (key === "type" ? "kind" : key)),
          );
        }
      }
      return;
    case "reorder":
      if (group) group.properties = Object.fromEntries(Object.entries(properties(group)).reverse());
      return;
    case "rename":
      if (field && field.key !== "type") {
        const renamed = `${field.key}Renamed`;
        field.owner.properties = Object.fromEntries(
          Object.entries(properties(field.owner)).map(([key, value]) => [
            key === field.key ? renamed : key,
            value,
          ]),
        );
        setRequired(
          field.owner,
          required(field.owner).map((key) => (key === field.key ? renamed : key)),
        );
      }
      return;
    case "to-ref":
      if (field && !field.schema.$ref) {
        (root.definitions as JsonObject)[`moved${n}`] = field.schema;
        properties(field.owner)[field.key] = { $ref: `#/definitions/moved${n}` };
      }
      return;
    case "multiple-of":
      if (s && (s.type === "integer" || s.type === "number")) s.multipleOf = [1, 2, 3, 5][n % 4]!;
      return;
    case "unique":
      if (s && s.type === "array") s.uniqueItems = s.uniqueItems !== true;
      return;
    case "items":
      if (s && s.type === "array")
        s.items = n % 2 === 0 ? { type: "string", maxLength: 3 } : { type: "string" };
      return;
  }
}

/** A value the field surely accepts, when one is easy to name. */
function validDefault(s: JsonObject): JsonValue | undefined {
  if (s.properties || s.oneOf || s.$ref || s.const !== undefined) return undefined;
  if (Array.isArray(s.enum)) return s.enum[0];
  if (s.type === "boolean") return true;
  if (
    s.type === "string" &&
    s.pattern === undefined &&
    s.format === undefined &&
    s.minLength === undefined &&
    s.maxLength === undefined
  )
    return "abc";
  if (
    (s.type === "integer" || s.type === "number") &&
    s.minimum === undefined &&
    s.maximum === undefined &&
    s.multipleOf === undefined
  )
    return 0;
  return undefined;
}

function properties(owner: JsonObject): JsonObject {
  if (!isJsonObject(owner.properties)) owner.properties = {};
  return owner.properties as JsonObject;
}

function required(owner: JsonObject): string[] {
  return Array.isArray(owner.required) ? (owner.required as string[]) : [];
}

function setRequired(owner: JsonObject, keys: string[]): void {
  if (keys.length > 0) owner.required = keys;
  else delete owner.required;
}

/** The objects that hold fields (root, groups, options), the fields, and the choices, in document order. */
function sites(root: JsonObject): {
  groups: JsonObject[];
  fields: FieldSite[];
  choices: JsonObject[];
} {
  const groups: JsonObject[] = [];
  const fields: FieldSite[] = [];
  const choices: JsonObject[] = [];
  const visit = (owner: JsonObject) => {
    groups.push(owner);
    const props = owner.properties;
    if (!isJsonObject(props)) return;
    for (const key of Object.keys(props)) {
      const schema = props[key];
      if (!isJsonObject(schema)) continue;
      if (
        !(owner.oneOf === undefined && key === "type" && isJsonObject(schema) && "const" in schema)
      )
        fields.push({ owner, key, schema });
      if (isJsonObject(schema.properties)) visit(schema);
      if (Array.isArray(schema.oneOf)) {
        choices.push(schema);
        for (const branch of schema.oneOf) if (isJsonObject(branch)) visit(branch);
      }
    }
  };
  visit(root);
  return { groups, fields, choices };
}
