import { appendPointer } from "../../json/pointer.ts";
import { SchemaProblem } from "../../json/problem.ts";
import { isJsonObject, type JsonObject, type JsonValue, ownValue } from "../../json/value.ts";
import { isSecret } from "../../model/secret-values.ts";
import { type SecretMarking, secretMarkingsOf } from "../../model/vendor-keywords.ts";
import { type FormatCheck, formatCheck } from "./dotnet-formats.ts";
import { dotNetPattern } from "./dotnet-pattern.ts";

/**
 * The C# model of a credential window, planned from its draft-07 schema before any text is
 * written: which classes, which properties of which C# types, which checks. Everything the model
 * cannot express exactly, so that `FromJson` + `Validate()` would judge some value differently
 * from the exported validator, is refused here with a SchemaProblem at the keyword that causes it.
 * Annotations (`title`, `description`, `examples`, `$comment`, `readOnly`, `x-…`…) never block.
 *
 * Names are not chosen here (naming.ts does that, over the whole plan).
 */

export interface StringRules {
  minLength?: number;
  maxLength?: number;
  /** Indices into the plan's `patterns`. */
  patterns: number[];
  format?: FormatCheck;
  /** The `format` as the schema names it. */
  formatName?: string;
  /** The allowed strings (`enum` and `const`, the strings among them; both must hold). */
  allowed?: string[][];
}

export interface NumberRules {
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  multipleOf?: number;
  allowed?: number[][];
  /** ajv-formats' number formats: `int32` (an integer within 32 bits), `int64` (an integer). */
  numberFormat?: "int32" | "int64";
}

/** ajv-formats' formats of numbers: they never apply to strings, and only these to numbers. */
const NUMBER_FORMATS = new Set(["int32", "int64", "float", "double"]);

export type ValueType =
  | { kind: "string"; rules: StringRules }
  /**
   * `wide`: the schema's bounds let the value pass a C# long's range, so the property is a
   * `double` holding exactly what the validator sees (a JavaScript number that is an integer).
   */
  | { kind: "integer"; rules: NumberRules; wide: boolean }
  | { kind: "number"; rules: NumberRules }
  | { kind: "boolean"; allowed?: boolean[][] }
  | {
      kind: "list";
      items: StringRules;
      minItems?: number;
      maxItems?: number;
      uniqueItems: boolean;
    }
  | { kind: "object"; plan: ClassPlan }
  | { kind: "choice"; plan: ChoicePlan };

export interface PropertyPlan {
  key: string;
  /** The schema pointer of the property's subschema. */
  pointer: string;
  type: ValueType;
  required: boolean;
  /** The keywords that make it a secret (`writeOnly`, `airbyte_secret`); empty when it is not one. */
  secretMarkings: SecretMarking[];
  /** Whether it is a secret: masked in ToString(), never given an initial value. */
  secret: boolean;
  /** The schema's `default` when the C# type can hold it (else none: it stays an annotation). */
  initial?: JsonValue;
  title?: string;
  description?: string;
  /** Filled in by naming.ts. */
  name: string;
}

export interface ClassPlan {
  /** The schema pointer of the object schema. */
  pointer: string;
  /** Where the name comes from: the title (root), the key (group) or the discriminator (branch). */
  nameSource: string;
  nameFallback: string;
  title?: string;
  description?: string;
  properties: PropertyPlan[];
  /** `additionalProperties: false`. */
  closed: boolean;
  /** For a branch: its choice and discriminator value. */
  branchOf?: { choice: ChoicePlan; value: string };
  /** Filled in by naming.ts. */
  name: string;
  extensionName: string;
}

export interface ChoicePlan {
  pointer: string;
  key: string;
  title?: string;
  description?: string;
  discriminator: string;
  branches: ClassPlan[];
  /** Filled in by naming.ts. */
  name: string;
  converterName: string;
  discriminatorName: string;
}

export interface ModelPlan {
  root: ClassPlan;
  /** Every class and choice, in document order (the root first). */
  classes: ClassPlan[];
  choices: ChoicePlan[];
  /** The distinct format checks the model uses. */
  formats: FormatCheck[];
  /** The distinct .NET patterns, in order of first use. */
  patterns: string[];
}

/** Keywords Ajv (draft-07, as the exporter configures it) validates with; every other is an annotation. */
const VALIDATION_KEYWORDS = new Set([
  "type",
  "enum",
  "const",
  "multipleOf",
  "maximum",
  "exclusiveMaximum",
  "minimum",
  "exclusiveMinimum",
  "maxLength",
  "minLength",
  "pattern",
  "format",
  "items",
  "additionalItems",
  "maxItems",
  "minItems",
  "uniqueItems",
  "contains",
  "maxProperties",
  "minProperties",
  "required",
  "properties",
  "patternProperties",
  "additionalProperties",
  "dependencies",
  "propertyNames",
  "if",
  "then",
  "else",
  "allOf",
  "anyOf",
  "oneOf",
  "not",
  "$ref",
  "nullable",
]);

const STRING_KEYWORDS = ["minLength", "maxLength", "pattern", "format"];
const NUMBER_KEYWORDS = [
  "minimum",
  "maximum",
  "exclusiveMinimum",
  "exclusiveMaximum",
  "multipleOf",
];
const ARRAY_KEYWORDS = [
  "items",
  "additionalItems",
  "minItems",
  "maxItems",
  "uniqueItems",
  "contains",
];
const OBJECT_KEYWORDS = [
  "properties",
  "required",
  "additionalProperties",
  "patternProperties",
  "minProperties",
  "maxProperties",
  "dependencies",
  "propertyNames",
];

/** Every validation keyword but those that combine or refer to schemas (and `oneOf`, a choice's). */
const COMBINATOR_ALLOWED = new Set(
  [...VALIDATION_KEYWORDS].filter(
    (k) => !["allOf", "anyOf", "not", "if", "then", "else", "$ref", "nullable"].includes(k),
  ),
);

const FIX = "change the schema, or export without --csharp";

/**
 * The validation keywords a value of `kind` may carry: those the model checks, and those that
 * never apply to a value of that type (Ajv skips `minLength` on a number, `minimum` on a string…).
 */
function handled(
  kind: "string" | "number" | "boolean" | "array" | "object" | "choice",
): Set<string> {
  const other = (own: string[]) =>
    [STRING_KEYWORDS, NUMBER_KEYWORDS, ARRAY_KEYWORDS, OBJECT_KEYWORDS]
      .filter((list) => list !== own)
      .flat();
  switch (kind) {
    case "string":
      return new Set(["type", "enum", "const", ...STRING_KEYWORDS, ...other(STRING_KEYWORDS)]);
    case "number":
      return new Set(["type", "enum", "const", ...NUMBER_KEYWORDS, ...other(NUMBER_KEYWORDS)]);
    case "boolean":
      return new Set(["type", "enum", "const", ...other([])]);
    case "array":
      return new Set([
        "type",
        "items",
        "additionalItems", // ignored when "items" is one schema, as here
        "minItems",
        "maxItems",
        "uniqueItems",
        ...other(ARRAY_KEYWORDS),
      ]);
    case "object":
      return new Set([
        "type",
        "properties",
        "required",
        "additionalProperties",
        ...other(OBJECT_KEYWORDS),
      ]);
    case "choice":
      // A value that is not an object fails every branch, so keywords of other types never apply.
      return new Set(["type", "oneOf", ...other(OBJECT_KEYWORDS)]);
  }
}

/** What each unhandled keyword is, in words, for the refusal. */
function unsupported(keyword: string, value: JsonValue): string {
  switch (keyword) {
    case "$ref":
      return "a $ref, which the C# model does not resolve";
    case "allOf":
    case "anyOf":
    case "not":
    case "if":
    case "then":
    case "else":
    case "patternProperties":
    case "propertyNames":
    case "dependencies":
    case "minProperties":
    case "maxProperties":
      return `"${keyword}", which C# classes cannot express`;
    case "oneOf":
      return '"oneOf" that is not an auth-method choice (object branches told apart by a constant)';
    case "nullable":
      return value === false ? "" : '"nullable", which the C# model does not map';
    case "contains":
      return '"contains", which the C# model does not check';
    case "enum":
    case "const":
      return `"${keyword}" on an object, which the C# model does not check`;
    default:
      return `"${keyword}", which the C# model does not support here`;
  }
}

function refuseOthers(
  node: JsonObject,
  pointer: string,
  allowed: Set<string>,
  field: string,
): void {
  for (const keyword of Object.keys(node)) {
    if (!VALIDATION_KEYWORDS.has(keyword) || allowed.has(keyword)) continue;
    const what = unsupported(keyword, node[keyword] as JsonValue);
    if (!what) continue;
    throw new SchemaProblem(appendPointer(pointer, keyword), `${field} uses ${what}`, FIX);
  }
}

function fieldLabel(key: string, pointer: string): string {
  return pointer === "" ? "the window" : key ? `field ${JSON.stringify(key)}` : "this schema";
}

/** The one type a `type` keyword names, or undefined when absent; refuses a union of types. */
function singleType(node: JsonObject, pointer: string, field: string): string | undefined {
  const type = ownValue(node, "type");
  if (type === undefined) return undefined;
  if (typeof type === "string") return type;
  if (Array.isArray(type) && type.length === 1 && typeof type[0] === "string") return type[0];
  throw new SchemaProblem(
    appendPointer(pointer, "type"),
    `${field} allows several types (${JSON.stringify(type)}), which one C# property cannot hold`,
    `give it one type, or ${FIX.split(", or ")[1]}`,
  );
}

export function planModel(schema: JsonObject): ModelPlan {
  const classes: ClassPlan[] = [];
  const choices: ChoicePlan[] = [];
  const formats = new Map<string, FormatCheck>();
  const patterns: string[] = [];
  const translated = new Map<string, string>();
  const checks = new Map<string, FormatCheck>();

  const stringRules = (node: JsonObject, pointer: string): StringRules => {
    const rules: StringRules = { patterns: [] };
    const min = ownValue(node, "minLength");
    const max = ownValue(node, "maxLength");
    if (typeof min === "number") rules.minLength = min;
    if (typeof max === "number") rules.maxLength = max;
    const pattern = ownValue(node, "pattern");
    if (typeof pattern === "string") {
      // The same pattern translates the same wherever it stands (only a refusal names the place).
      let source = translated.get(pattern);
      if (source === undefined) {
        source = dotNetPattern(pattern, appendPointer(pointer, "pattern"));
        translated.set(pattern, source);
      }
      if (!patterns.includes(source)) patterns.push(source);
      rules.patterns.push(patterns.indexOf(source));
    }
    const format = ownValue(node, "format");
    if (typeof format === "string" && !NUMBER_FORMATS.has(format)) {
      const check = checks.get(format) ?? formatCheck(format, appendPointer(pointer, "format"));
      checks.set(format, check);
      formats.set(check.method, check);
      rules.format = check;
      rules.formatName = format;
    }
    const allowed = allowedValues(node, (v): v is string => typeof v === "string");
    if (allowed) rules.allowed = allowed;
    return rules;
  };

  const numberRules = (node: JsonObject, integer: boolean): NumberRules => {
    const rules: NumberRules = {};
    for (const keyword of NUMBER_KEYWORDS) {
      const value = ownValue(node, keyword);
      if (typeof value === "number") rules[keyword as "minimum"] = value;
    }
    const allowed = allowedValues(
      node,
      (v): v is number => typeof v === "number" && (!integer || Number.isInteger(v)),
    );
    if (allowed) rules.allowed = allowed;
    // float and double accept every number.
    const format = ownValue(node, "format");
    if (format === "int32" || format === "int64") rules.numberFormat = format;
    return rules;
  };

  const planClass = (
    node: JsonObject,
    pointer: string,
    key: string,
    nameSource: string,
    nameFallback: string,
    branchOf?: { choice: ChoicePlan; value: string },
  ): ClassPlan => {
    const field = fieldLabel(key, pointer);
    refuseOthers(node, pointer, handled("object"), field);
    if (singleType(node, pointer, field) !== "object") {
      throw new SchemaProblem(
        pointer,
        `${field} has no "type": "object", so the schema also accepts values that are not objects, which a C# class cannot hold`,
        'add "type": "object"',
      );
    }
    const plan: ClassPlan = {
      pointer,
      nameSource,
      nameFallback,
      properties: [],
      closed: false,
      name: "",
      extensionName: "",
    };
    const title = ownValue(node, "title");
    const description = ownValue(node, "description");
    if (typeof title === "string") plan.title = title;
    if (typeof description === "string") plan.description = description;
    if (branchOf) plan.branchOf = branchOf;
    classes.push(plan);

    const additional = ownValue(node, "additionalProperties");
    if (additional === false) plan.closed = true;
    else if (
      !(
        additional === undefined ||
        additional === true ||
        (isJsonObject(additional) &&
          Object.keys(additional).every((k) => !VALIDATION_KEYWORDS.has(k)))
      )
    ) {
      throw new SchemaProblem(
        appendPointer(pointer, "additionalProperties"),
        `${field} gives other keys a schema, which C# classes cannot express`,
        `set "additionalProperties" to false or true, or ${FIX.split(", or ")[1]}`,
      );
    }
    const properties = ownValue(node, "properties");
    const propertyMap = isJsonObject(properties) ? properties : {};
    const requiredList = ownValue(node, "required");
    const required = new Set(Array.isArray(requiredList) ? (requiredList as string[]) : []);
    for (const name of required) {
      if (!Object.hasOwn(propertyMap, name)) {
        throw new SchemaProblem(
          appendPointer(pointer, "required"),
          `${field} requires the key ${JSON.stringify(name)}, which it does not describe under "properties"`,
          `describe ${JSON.stringify(name)} under "properties", or remove it from "required"`,
        );
      }
    }
    for (const propertyKey of Object.keys(propertyMap)) {
      if (branchOf && propertyKey === branchOf.choice.discriminator) continue;
      const propertyPointer = appendPointer(pointer, "properties", propertyKey);
      const sub = propertyMap[propertyKey] as JsonValue;
      if (!isJsonObject(sub)) {
        throw new SchemaProblem(
          propertyPointer,
          `field ${JSON.stringify(propertyKey)} is the schema ${JSON.stringify(sub)}, which has no C# type`,
          `give it a schema with a "type", or ${FIX.split(", or ")[1]}`,
        );
      }
      const property: PropertyPlan = {
        key: propertyKey,
        pointer: propertyPointer,
        type: planValue(sub, propertyPointer, propertyKey),
        required: required.has(propertyKey),
        secretMarkings: secretMarkingsOf(sub),
        secret: isSecret(sub),
        name: "",
      };
      const subTitle = ownValue(sub, "title");
      const subDescription = ownValue(sub, "description");
      if (typeof subTitle === "string") property.title = subTitle;
      if (typeof subDescription === "string") property.description = subDescription;
      const initial = ownValue(sub, "default");
      if (initial !== undefined && !property.secret && fitsType(initial, property.type))
        property.initial = initial;
      plan.properties.push(property);
    }
    return plan;
  };

  const planChoice = (node: JsonObject, pointer: string, key: string): ChoicePlan => {
    const field = fieldLabel(key, pointer);
    refuseOthers(node, pointer, handled("choice"), field);
    const type = singleType(node, pointer, field);
    if (type !== undefined && type !== "object") {
      throw new SchemaProblem(
        appendPointer(pointer, "type"),
        `${field} is a choice of objects but has "type": ${JSON.stringify(type)}`,
        'set "type" to "object" or remove it',
      );
    }
    const branches = (ownValue(node, "oneOf") as JsonValue[]).map((branch, i) => {
      if (!isJsonObject(branch) || !isJsonObject(ownValue(branch, "properties"))) {
        throw new SchemaProblem(
          appendPointer(pointer, "oneOf", i),
          `branch ${i + 1} of ${field} is not an object schema with "properties"`,
          `make every branch an object with "properties", or ${FIX.split(", or ")[1]}`,
        );
      }
      return branch;
    });
    const discriminator = discriminatorOf(branches);
    if (discriminator === undefined) {
      throw new SchemaProblem(
        appendPointer(pointer, "oneOf"),
        `the branches of ${field} have no discriminator: no key has a "const" in every branch`,
        'give every branch the same key (e.g. "type") with a different "const" string, required in each',
      );
    }
    const choice: ChoicePlan = {
      pointer,
      key,
      discriminator,
      branches: [],
      name: "",
      converterName: "",
      discriminatorName: "",
    };
    const title = ownValue(node, "title");
    const description = ownValue(node, "description");
    if (typeof title === "string") choice.title = title;
    if (typeof description === "string") choice.description = description;
    choices.push(choice);
    const seen = new Set<string>();
    branches.forEach((branch, i) => {
      const branchPointer = appendPointer(pointer, "oneOf", i);
      const tagPointer = appendPointer(branchPointer, "properties", discriminator);
      const tag = (ownValue(branch, "properties") as JsonObject)[discriminator] as JsonObject;
      const value = ownValue(tag, "const");
      if (typeof value !== "string") {
        throw new SchemaProblem(
          appendPointer(tagPointer, "const"),
          `the discriminator ${JSON.stringify(discriminator)} of branch ${i + 1} of ${field} is not a string`,
          "make every branch's discriminator a different string",
        );
      }
      if (seen.has(value)) {
        throw new SchemaProblem(
          appendPointer(tagPointer, "const"),
          `two branches of ${field} have the discriminator ${JSON.stringify(value)}`,
          "give every branch a different discriminator value",
        );
      }
      seen.add(value);
      const tagType = singleType(tag, tagPointer, `the discriminator of branch ${i + 1}`);
      if (tagType !== undefined && tagType !== "string") {
        throw new SchemaProblem(
          appendPointer(tagPointer, "type"),
          `the discriminator of branch ${i + 1} of ${field} has "type": ${JSON.stringify(tagType)} but a string "const"`,
          'set its "type" to "string"',
        );
      }
      refuseOthers(
        tag,
        tagPointer,
        new Set(["type", "const"]),
        `the discriminator of branch ${i + 1} of ${field}`,
      );
      const requiredList = ownValue(branch, "required");
      if (!Array.isArray(requiredList) || !requiredList.includes(discriminator)) {
        throw new SchemaProblem(
          branchPointer,
          `branch ${i + 1} of ${field} does not require its discriminator ${JSON.stringify(discriminator)}`,
          `add ${JSON.stringify(discriminator)} to the branch's "required"`,
        );
      }
      choice.branches.push(
        planClass(branch, branchPointer, "", value, "Branch", { choice, value }),
      );
    });
    return choice;
  };

  const planValue = (node: JsonObject, pointer: string, key: string): ValueType => {
    const field = fieldLabel(key, pointer);
    refuseOthers(node, pointer, COMBINATOR_ALLOWED, field);
    if (Array.isArray(ownValue(node, "oneOf")) && !("properties" in node)) {
      return { kind: "choice", plan: planChoice(node, pointer, key) };
    }
    const type = singleType(node, pointer, field);
    switch (type) {
      case "object":
        return { kind: "object", plan: planClass(node, pointer, key, key, "Group") };
      case "string":
        refuseOthers(node, pointer, handled("string"), field);
        return { kind: "string", rules: stringRules(node, pointer) };
      case "integer":
      case "number":
        refuseOthers(node, pointer, handled("number"), field);
        if (type === "number") return { kind: type, rules: numberRules(node, false) };
        {
          const rules = numberRules(node, true);
          return { kind: type, rules, wide: !withinLong(rules) };
        }
      case "boolean": {
        refuseOthers(node, pointer, handled("boolean"), field);
        const allowed = allowedValues(node, (v): v is boolean => typeof v === "boolean");
        return allowed ? { kind: "boolean", allowed } : { kind: "boolean" };
      }
      case "array":
        return planList(node, pointer, field);
      case undefined: {
        // Without "type", only an enum or const of strings pins the value down to a string.
        const values = [
          ownValue(node, "enum"),
          ownValue(node, "const") === undefined ? undefined : [ownValue(node, "const")],
        ].filter((list): list is JsonValue[] => Array.isArray(list));
        if (values.length && values.every((list) => list.every((v) => typeof v === "string"))) {
          refuseOthers(node, pointer, handled("string"), field);
          return { kind: "string", rules: stringRules(node, pointer) };
        }
        throw new SchemaProblem(
          pointer,
          `${field} has no "type", so it accepts values of any type, which one C# property cannot hold`,
          `give it a "type" (string, integer, number, boolean, array of strings or object), or ${FIX.split(", or ")[1]}`,
        );
      }
      default:
        throw new SchemaProblem(
          appendPointer(pointer, "type"),
          `${field} has "type": ${JSON.stringify(type)}, which the C# model does not map`,
          `use string, integer, number, boolean, an array of strings or an object, or ${FIX.split(", or ")[1]}`,
        );
    }
  };

  const planList = (node: JsonObject, pointer: string, field: string): ValueType => {
    refuseOthers(node, pointer, handled("array"), field);
    const items = ownValue(node, "items");
    const itemsPointer = appendPointer(pointer, "items");
    if (
      !isJsonObject(items) ||
      singleType(items, itemsPointer, `the items of ${field}`) !== "string"
    ) {
      throw new SchemaProblem(
        items === undefined ? pointer : itemsPointer,
        `${field} is an array whose items are not all strings ("items" with "type": "string")`,
        `make it a list of strings, or ${FIX.split(", or ")[1]}`,
      );
    }
    refuseOthers(items, itemsPointer, handled("string"), `the items of ${field}`);
    const list: ValueType = {
      kind: "list",
      items: stringRules(items, itemsPointer),
      uniqueItems: ownValue(node, "uniqueItems") === true,
    };
    const min = ownValue(node, "minItems");
    const max = ownValue(node, "maxItems");
    if (typeof min === "number") list.minItems = min;
    if (typeof max === "number") list.maxItems = max;
    return list;
  };

  const root = planClass(
    schema,
    "",
    "",
    typeof schema.title === "string" ? schema.title : "",
    "Credentials",
  );
  return { root, classes, choices, formats: [...formats.values()], patterns };
}

/**
 * The allowed values an `enum` and a `const` put on a value of one type: one list per keyword
 * (the value must be in each), keeping only the values of that type (the others can never be
 * equal to it). Undefined when neither keyword is there.
 */
function allowedValues<T extends JsonValue>(
  node: JsonObject,
  ofType: (value: JsonValue) => value is T,
): T[][] | undefined {
  const lists: T[][] = [];
  const values = ownValue(node, "enum");
  if (Array.isArray(values)) lists.push(values.filter(ofType));
  if (Object.hasOwn(node, "const")) {
    const value = node.const as JsonValue;
    lists.push(ofType(value) ? [value] : []);
  }
  return lists.length ? lists : undefined;
}

/**
 * The choice's discriminator, as the designer finds it (src/model/queries.ts,
 * `foundDiscriminatorKey`): the first key of the first branch with a `const` in every branch.
 */
function discriminatorOf(branches: JsonObject[]): string | undefined {
  const propertiesOf = (branch: JsonObject) => ownValue(branch, "properties") as JsonObject;
  const hasConst = (branch: JsonObject, key: string) => {
    const sub = Object.hasOwn(propertiesOf(branch), key) ? propertiesOf(branch)[key] : undefined;
    return isJsonObject(sub) && Object.hasOwn(sub, "const");
  };
  const first = branches[0];
  if (!first) return undefined;
  return Object.keys(propertiesOf(first)).find((key) =>
    branches.every((branch) => hasConst(branch, key)),
  );
}

/** 2^63: the first integer past a C# long (and a double exactly). */
const LONG_END = 2 ** 63;

/**
 * Whether every integer the rules accept fits a C# long: bounds on both sides within its range
 * (compared as the validator does, in doubles), an `int32` format, or allowed values that fit.
 */
function withinLong(rules: NumberRules): boolean {
  if (rules.numberFormat === "int32") return true;
  if (rules.allowed?.some((list) => list.every((value) => value >= -LONG_END && value < LONG_END)))
    return true;
  const low = [rules.minimum, rules.exclusiveMinimum].some(
    (v) => v !== undefined && v >= -LONG_END,
  );
  const high = [rules.maximum, rules.exclusiveMaximum].some((v) => v !== undefined && v < LONG_END);
  return low && high;
}

/** Whether a schema `default` can be the C# property's initial value. */
function fitsType(value: JsonValue, type: ValueType): boolean {
  switch (type.kind) {
    case "string":
      return typeof value === "string";
    case "integer":
      return typeof value === "number" && Number.isSafeInteger(value);
    case "number":
      return typeof value === "number" && Number.isFinite(value);
    case "boolean":
      return typeof value === "boolean";
    case "list":
      return Array.isArray(value) && value.every((item) => typeof item === "string");
    default:
      return false;
  }
}
