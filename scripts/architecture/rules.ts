import type { ImportEdge, ImportGraph } from "./import-graph.ts";

/**
 * The architecture rules, as pure functions over an import graph, so that tests can plant a
 * violation in a graph of a few files and see it reported.
 */

/** A part of the tree: a folder (its files and everything below) or one file. */
export interface Layer {
  /** Path prefix relative to the root: `src/model/` (a folder) or `src/designer/app.tsx` (a file). */
  path: string;
  /** Layers whose files this layer's files may import (its own files always may). */
  mayImport: readonly string[];
  /** Packages its files may import (`react`, `@scope/name`, `node:fs/promises`); none if absent. */
  packages?: readonly string[];
}

export interface LazyPart {
  /** A file or folder prefix (`src/diff/`), or `npm:<package>`, or `npm:@scope/` for a scope. */
  path: string;
  /** Why it is loaded later, and by what: printed with a violation. */
  why: string;
}

export interface Architecture {
  layers: readonly Layer[];
  /** Files the page loads first: what they statically import loads with them. */
  entries: readonly string[];
  lazy: readonly LazyPart[];
}

export interface Violation {
  rule: "layer" | "package" | "unlisted" | "cycle" | "lazy";
  /** `file:line` where the offending import is written. */
  at: string;
  message: string;
}

/** The most specific layer holding `file` (the longest matching path). */
export function layerOf(layers: readonly Layer[], file: string): Layer | undefined {
  let found: Layer | undefined;
  for (const layer of layers) {
    const holds = layer.path.endsWith("/") ? file.startsWith(layer.path) : file === layer.path;
    if (holds && (!found || layer.path.length > found.path.length)) found = layer;
  }
  return found;
}

const where = (edge: ImportEdge) => `${edge.from}:${edge.line}`;

/** Checks the declaration itself: every named layer exists, and layers do not depend in a circle. */
export function declarationProblems(architecture: Architecture): string[] {
  const problems: string[] = [];
  const paths = new Set(architecture.layers.map((layer) => layer.path));
  for (const layer of architecture.layers) {
    for (const name of layer.mayImport) {
      if (!paths.has(name)) problems.push(`${layer.path} may import "${name}", which is no layer`);
    }
  }
  const next = new Map(architecture.layers.map((layer) => [layer.path, layer.mayImport]));
  for (const cycle of stronglyConnected([...paths], (path) => next.get(path) ?? [])) {
    problems.push(
      `the layers ${cycle.join(" → ")} may import each other: layers must point one way`,
    );
  }
  return problems;
}

/** Imports between layers that the declaration does not allow, and packages a layer may not use. */
export function layerViolations(graph: ImportGraph, layers: readonly Layer[]): Violation[] {
  const violations: Violation[] = [];
  const reported = new Set<string>();
  for (const file of graph.files) {
    if (!layerOf(layers, file) && !reported.has(file)) {
      reported.add(file);
      violations.push({
        rule: "unlisted",
        at: file,
        message: `${file} is in no layer: add its folder to scripts/architecture/layers.ts`,
      });
    }
  }
  for (const edge of graph.edges) {
    const from = layerOf(layers, edge.from);
    if (!from) continue;
    if (edge.to.startsWith("npm:")) {
      const name = edge.to.slice(4);
      if (!(from.packages ?? []).includes(name)) {
        violations.push({
          rule: "package",
          at: where(edge),
          message: `${edge.from} imports the package "${name}", which ${from.path} may not use (allowed: ${(from.packages ?? []).join(", ") || "none"}): move this code to a layer that may, or declare the package for ${from.path}`,
        });
      }
      continue;
    }
    const to = layerOf(layers, edge.to);
    if (!to || to === from || from.mayImport.includes(to.path)) continue;
    violations.push({
      rule: "layer",
      at: where(edge),
      message: `${edge.from} imports ${edge.to}, but ${from.path} may not depend on ${to.path} (it may import: ${from.mayImport.join(", ") || "nothing"}): move the shared code down to a layer both may import`,
    });
  }
  return violations;
}

/** Files that import each other in a circle (type imports included; `import()` excluded). */
export function cycleViolations(graph: ImportGraph): Violation[] {
  const next = new Map<string, ImportEdge[]>();
  for (const edge of graph.edges) {
    if (edge.kind === "dynamic" || edge.to.startsWith("npm:")) continue;
    next.set(edge.from, [...(next.get(edge.from) ?? []), edge]);
  }
  return stronglyConnected(graph.files, (file) =>
    (next.get(file) ?? []).map((edge) => edge.to),
  ).map((cycle) => {
    const members = new Set(cycle);
    const edge = (next.get(cycle[0] ?? "") ?? []).find((candidate) => members.has(candidate.to));
    return {
      rule: "cycle" as const,
      at: edge ? where(edge) : (cycle[0] ?? ""),
      message: `these files import each other in a circle: ${cycle.join(" → ")} → ${cycle[0]}: move what both need into a file of its own, or pass it in`,
    };
  });
}

/**
 * A lazily loaded part reached from an entry by static value imports (the chain is printed):
 * that would put it in what the page loads first.
 */
export function lazyViolations(graph: ImportGraph, architecture: Architecture): Violation[] {
  const next = new Map<string, ImportEdge[]>();
  for (const edge of graph.edges) {
    if (edge.kind !== "value") continue;
    next.set(edge.from, [...(next.get(edge.from) ?? []), edge]);
  }
  const cameFrom = new Map<string, ImportEdge | undefined>();
  const queue: string[] = [];
  for (const entry of architecture.entries) {
    cameFrom.set(entry, undefined);
    queue.push(entry);
  }
  const violations: Violation[] = [];
  for (let i = 0; i < queue.length; i++) {
    const file = queue[i] ?? "";
    for (const edge of next.get(file) ?? []) {
      if (cameFrom.has(edge.to)) continue;
      cameFrom.set(edge.to, edge);
      const lazy = architecture.lazy.find(
        (part) => edge.to === part.path || edge.to.startsWith(part.path),
      );
      if (lazy) {
        violations.push({
          rule: "lazy",
          at: where(edge),
          message: `${edge.to} is loaded lazily (${lazy.why}), but the page loads it first through ${chain(cameFrom, edge)}: import it with import() where it is used`,
        });
        continue; // report the first import that pulls it in, not everything behind it
      }
      if (!edge.to.startsWith("npm:")) queue.push(edge.to);
    }
  }
  return violations;
}

function chain(cameFrom: Map<string, ImportEdge | undefined>, last: ImportEdge): string {
  const files = [last.to];
  for (let edge: ImportEdge | undefined = last; edge; edge = cameFrom.get(edge.from))
    files.unshift(edge.from);
  return files.join(" → ");
}

export function architectureViolations(
  graph: ImportGraph,
  architecture: Architecture,
): Violation[] {
  return [
    ...layerViolations(graph, architecture.layers),
    ...cycleViolations(graph),
    ...lazyViolations(graph, architecture),
  ];
}

/** Tarjan's algorithm: the groups of two or more nodes that reach each other, in a stable order. */
function stronglyConnected(
  nodes: readonly string[],
  next: (node: string) => readonly string[],
): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const groups: string[][] = [];
  let counter = 0;
  const visit = (node: string) => {
    index.set(node, counter);
    low.set(node, counter);
    counter++;
    stack.push(node);
    onStack.add(node);
    for (const target of next(node)) {
      if (!index.has(target)) {
        visit(target);
        low.set(node, Math.min(low.get(node) ?? 0, low.get(target) ?? 0));
      } else if (onStack.has(target)) {
        low.set(node, Math.min(low.get(node) ?? 0, index.get(target) ?? 0));
      }
    }
    if (low.get(node) === index.get(node)) {
      const group: string[] = [];
      let member: string | undefined;
      do {
        member = stack.pop();
        if (member === undefined) break;
        onStack.delete(member);
        group.push(member);
      } while (member !== node);
      if (group.length > 1 || next(node).includes(node)) groups.push(group.reverse());
    }
  };
  for (const node of nodes) if (!index.has(node)) visit(node);
  return groups;
}
