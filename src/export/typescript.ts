import { compile, type Options as JsttOptions } from "json-schema-to-typescript";
import type { Plugin } from "prettier";
import * as estreePlugin from "prettier/plugins/estree";
import * as typescriptPlugin from "prettier/plugins/typescript";
import { format } from "prettier/standalone";
import type { Analysis, CopyNode, CopyObject } from "./analyse.ts";
import { NameRegistry } from "./names.ts";

/**
 * TypeScript bindings from the annotated copy made by analyse.ts.
 *
 * Naming is ours, not json-schema-to-typescript's: the root, discriminated choices and each of
 * their branches, every `$ref` target and every object with `properties` get a name (from its
 * title, else from its key), and only those. Each named schema is compiled on its own, with the
 * named schemas inside it replaced by `tsType` references to their names, so the generated
 * declarations are flat: nesting depth never becomes call-stack depth in the generator or in
 * prettier, and a name can never be changed behind our back (each compile sees one name).
 */

const JSTT_OPTIONS: Partial<JsttOptions> = {
  bannerComment: "",
  format: false, // formatted once, below, with prettier's standalone build
  // Without `additionalProperties` in the schema, no `[k: string]: unknown` index signature:
  // a type guard that omits extra properties is still sound, and typos stay compile errors.
  additionalProperties: false,
  declareExternallyReferenced: true,
  unreachableDefinitions: false,
  unknownAny: true,
  // The copy has no `$ref` left; should one ever appear, nothing may be read from disk or network.
  $refOptions: { resolve: { external: false, file: false, http: false } },
  cwd: "/",
};

const PRETTIER_OPTIONS = {
  parser: "typescript",
  filepath: "bindings.d.ts", // skips prettier's JSX detection, which is slow on large files
  plugins: [estreePlugin as Plugin, typescriptPlugin as Plugin],
  printWidth: 120,
  tabWidth: 2,
  useTabs: false,
  semi: true,
  singleQuote: false,
  trailingComma: "none" as const,
  bracketSpacing: false,
};

export interface Bindings {
  code: string;
  rootName: string;
}

export async function generateBindings(
  analysis: Analysis,
  rootTitle: string | undefined,
  baseName: string,
): Promise<Bindings> {
  const registry = new NameRegistry();
  const root: CopyObject =
    typeof analysis.root === "boolean"
      ? { tsType: analysis.root ? "unknown" : "never" }
      : analysis.root;
  const reachable = reachableFrom(root);
  const names = new Map<CopyObject, string>();
  const rootName = registry.claim([rootTitle], baseName);
  names.set(root, rootName);

  // Discriminated choices: oneOf whose object branches all fix one property to distinct constants.
  const branchFallback = new Map<CopyObject, string>();
  const unions = new Set<CopyObject>();
  for (const info of analysis.nodes) {
    if (!reachable.has(info.copy)) continue;
    const found = discriminate(info.copy);
    if (!found) continue;
    unions.add(info.copy);
    found.branches.forEach((branch, i) => {
      if (!branchFallback.has(branch))
        branchFallback.set(branch, `${info.hint || rootName} ${String(found.values[i])}`);
    });
  }
  for (const info of analysis.nodes) {
    const copy = info.copy;
    if (!reachable.has(copy) || names.has(copy)) continue;
    const fallback = branchFallback.get(copy);
    if (fallback !== undefined) names.set(copy, registry.claim([info.title], fallback));
    else if (
      unions.has(copy) ||
      analysis.refTargets.has(copy) ||
      "properties" in copy ||
      "patternProperties" in copy
    )
      names.set(copy, registry.claim([info.title], info.hint));
  }

  // One compile per named schema, named children replaced by references.
  const chunks: string[] = [];
  for (const [copy, name] of names) {
    cutAtNamed(copy, names);
    copy.title = name;
    chunks.push(await compile(copy as Parameters<typeof compile>[0], name, JSTT_OPTIONS));
  }
  const banner = `// Types generated from ${baseName}.schema.json by credential-designer. Do not edit: change the schema and export again.\n`;
  const formatted = await format(`${banner}\n${chunks.join("\n")}`, PRETTIER_OPTIONS);
  const code = analysis.placeholders.restore(formatted);
  if (!new RegExp(`^export (?:interface|type) ${rootName}\\b`, "m").test(code)) {
    throw new Error(
      `internal error: the generated bindings do not declare the root type ${rootName}`,
    );
  }
  return { code, rootName };
}

/** Calls `visit` for each slot of a copy that holds a subschema copy. */
function forEachChild(
  copy: CopyObject,
  visit: (container: CopyObject | unknown[], slot: string | number, child: CopyObject) => void,
): void {
  const one = (container: CopyObject | unknown[], slot: string | number, value: unknown): void => {
    if (typeof value === "object" && value !== null && !Array.isArray(value))
      visit(container, slot, value as CopyObject);
  };
  for (const keyword of ["properties", "patternProperties"]) {
    const map = copy[keyword] as CopyObject | undefined;
    if (map) for (const key of Object.keys(map)) one(map, key, map[key]);
  }
  for (const keyword of ["additionalProperties", "additionalItems"])
    one(copy, keyword, copy[keyword]);
  const items = copy.items;
  if (Array.isArray(items)) {
    items.forEach((item, i) => {
      one(items, i, item);
    });
  } else one(copy, "items", items);
  for (const keyword of ["allOf", "anyOf", "oneOf"]) {
    const list = copy[keyword];
    if (Array.isArray(list)) {
      list.forEach((item, i) => {
        one(list, i, item);
      });
    }
  }
}

function reachableFrom(root: CopyObject): Set<CopyObject> {
  const seen = new Set<CopyObject>([root]);
  const stack = [root];
  while (stack.length) {
    forEachChild(stack.pop() as CopyObject, (_container, _slot, child) => {
      if (!seen.has(child)) {
        seen.add(child);
        stack.push(child);
      }
    });
  }
  return seen;
}

/** Replaces, in the part of the copy that belongs to `top`, every named subschema by a reference. */
function cutAtNamed(top: CopyObject, names: Map<CopyObject, string>): void {
  const stack = [top];
  while (stack.length) {
    forEachChild(stack.pop() as CopyObject, (container, slot, child) => {
      const name = names.get(child);
      if (name === undefined) {
        stack.push(child);
        return;
      }
      const reference = { tsType: name };
      if (Array.isArray(container)) container[slot as number] = reference;
      else
        Object.defineProperty(container, slot, {
          value: reference,
          enumerable: true,
          writable: true,
          configurable: true,
        });
    });
  }
}

type Discriminant = string | number | boolean | null;

/**
 * `oneOf` whose branches are all objects with `properties`, sharing one property that each
 * branch fixes to a different constant (`const`, or a one-value `enum`): e.g. `type`.
 */
function discriminate(
  copy: CopyObject,
): { key: string; branches: CopyObject[]; values: Discriminant[] } | undefined {
  const oneOf = copy.oneOf;
  if (!Array.isArray(oneOf) || oneOf.length === 0) return undefined;
  const branches: CopyObject[] = [];
  for (const branch of oneOf as CopyNode[]) {
    if (typeof branch !== "object" || !isMap(branch.properties)) return undefined;
    branches.push(branch);
  }
  const first = branches[0]?.properties as CopyObject;
  for (const key of Object.keys(first)) {
    const values: Discriminant[] = [];
    for (const branch of branches) {
      const value = constantOf(ownProperty(branch.properties as CopyObject, key));
      if (value === undefined) break;
      values.push(value);
    }
    if (values.length === branches.length && new Set(values).size === values.length)
      return { key, branches, values };
  }
  return undefined;
}

function constantOf(schema: unknown): Discriminant | undefined {
  if (typeof schema !== "object" || schema === null) return undefined;
  const copy = schema as CopyObject;
  const isPrimitive = (v: unknown): v is Discriminant =>
    v === null || ["string", "number", "boolean"].includes(typeof v);
  if (Object.hasOwn(copy, "const") && isPrimitive(copy.const)) return copy.const;
  if (Array.isArray(copy.enum) && copy.enum.length === 1 && isPrimitive(copy.enum[0]))
    return copy.enum[0];
  return undefined;
}

function isMap(value: unknown): value is CopyObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function ownProperty(map: CopyObject, key: string): unknown {
  return Object.hasOwn(map, key) ? map[key] : undefined;
}
