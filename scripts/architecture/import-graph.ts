import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { parseSync } from "oxc-parser";

/**
 * The import graph of the source tree, read with oxc-parser (TypeScript 7's native compiler has
 * no compiler API; oxc reads .ts and .tsx and reports each import's kind without type checking).
 */

/** value: kept at run time; type: erased by the compiler; dynamic: `import()`, loaded later. */
export type ImportKind = "value" | "type" | "dynamic";

export interface ImportEdge {
  /** The importing file, relative to the root, with `/` separators. */
  from: string;
  /** A file relative to the root, or `npm:<package>` for a bare specifier. */
  to: string;
  kind: ImportKind;
  /** 1-based line of the import in `from`. */
  line: number;
  /** The specifier as written. */
  specifier: string;
}

export interface ImportGraph {
  files: string[];
  edges: ImportEdge[];
}

const SOURCE = /\.(ts|tsx|mts|js|mjs)$/;

export function listSourceFiles(root: string, dir: string): string[] {
  const found: string[] = [];
  const walk = (folder: string) => {
    for (const name of readdirSync(folder).sort()) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (SOURCE.test(name) && !name.endsWith(".d.ts"))
        found.push(toPosix(relative(root, path)));
    }
  };
  walk(join(root, dir));
  return found;
}

/** Reads every source file under `dirs` (relative to `root`) and the imports each makes. */
export function readImportGraph(root: string, dirs: readonly string[]): ImportGraph {
  const files = dirs.flatMap((dir) => listSourceFiles(root, dir));
  const edges = files.flatMap((file) =>
    importsOf(file, readFileSync(join(root, file), "utf8"), (path) => exists(join(root, path))),
  );
  return { files, edges };
}

/** The imports one file makes; `fileExists` resolves relative specifiers written without extension. */
export function importsOf(
  file: string,
  code: string,
  fileExists: (path: string) => boolean = () => true,
): ImportEdge[] {
  const parsed = parseSync(file, code);
  if (parsed.errors.length > 0) {
    const first = parsed.errors[0];
    throw new Error(`${file}: oxc-parser could not read it: ${first?.message ?? "syntax error"}`);
  }
  const lineOf = lineLocator(code);
  const edges: ImportEdge[] = [];
  const add = (specifier: string, kind: ImportKind, offset: number) =>
    edges.push({
      from: file,
      to: resolveSpecifier(file, specifier, fileExists),
      kind,
      line: lineOf(offset),
      specifier,
    });

  for (const entry of parsed.module.staticImports) {
    // `import "./x.css"` has no entries and is kept; an import of types only is erased.
    const typeOnly = entry.entries.length > 0 && entry.entries.every((item) => item.isType);
    add(entry.moduleRequest.value, typeOnly ? "type" : "value", entry.start);
  }
  for (const statement of parsed.module.staticExports) {
    const reexports = statement.entries.filter((item) => item.moduleRequest);
    const request = reexports[0]?.moduleRequest;
    if (!request) continue;
    add(request.value, reexports.every((item) => item.isType) ? "type" : "value", statement.start);
  }
  for (const entry of parsed.module.dynamicImports) {
    const literal = /^\s*["'`]([^"'`$]+)["'`]\s*$/.exec(
      code.slice(entry.moduleRequest.start, entry.moduleRequest.end),
    );
    if (literal?.[1]) add(literal[1], "dynamic", entry.start);
  }
  // `typeof import("./x.ts")` in a type position is a type reference, not a load.
  for (const match of code.matchAll(/typeof\s+import\(\s*["']([^"']+)["']\s*\)/g)) {
    const at = edges.findIndex(
      (edge) => edge.kind === "dynamic" && edge.line === lineOf(match.index),
    );
    if (at >= 0 && edges[at]?.specifier === match[1]) edges.splice(at, 1);
    add(match[1] ?? "", "type", match.index);
  }
  return edges;
}

function resolveSpecifier(file: string, specifier: string, fileExists: (path: string) => boolean) {
  const bare = specifier.split("?")[0] ?? specifier;
  if (!bare.startsWith(".")) return `npm:${packageName(bare)}`;
  const path = toPosix(join(dirname(file), bare));
  if (SOURCE.test(path) || /\.(css|json)$/.test(path)) return path;
  for (const candidate of [".ts", ".tsx", "/index.ts", "/index.tsx"]) {
    if (fileExists(path + candidate)) return path + candidate;
  }
  return path;
}

/** `@scope/name/sub` → `@scope/name`; `node:fs` stays `node:fs`; `name/sub` → `name`. */
export function packageName(specifier: string): string {
  if (specifier.startsWith("node:")) return specifier;
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : (parts[0] ?? specifier);
}

function lineLocator(code: string): (offset: number) => number {
  const starts = [0];
  for (let i = 0; i < code.length; i++) if (code[i] === "\n") starts.push(i + 1);
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((starts[middle] ?? 0) <= offset) low = middle;
      else high = middle - 1;
    }
    return low + 1;
  };
}

function exists(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

const toPosix = (path: string) => path.split(sep).join("/");
