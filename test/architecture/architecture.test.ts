import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { type ImportGraph, importsOf } from "../../scripts/architecture/import-graph.ts";
import { ARCHITECTURE } from "../../scripts/architecture/layers.ts";
import {
  type Architecture,
  architectureViolations,
  cycleViolations,
  declarationProblems,
  layerViolations,
  lazyViolations,
} from "../../scripts/architecture/rules.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));

/** A graph of a few files written as source text. */
function graphOf(files: Record<string, string>): ImportGraph {
  const names = Object.keys(files);
  return {
    files: names,
    edges: names.flatMap((file) => importsOf(file, files[file] ?? "", (path) => path in files)),
  };
}

const TINY: Architecture = {
  layers: [
    { path: "src/json/", mayImport: [] },
    { path: "src/model/", mayImport: ["src/json/"] },
    { path: "src/diff/", mayImport: ["src/json/", "src/model/"], packages: ["ajv"] },
    { path: "src/page/", mayImport: ["src/json/", "src/model/", "src/diff/"], packages: ["react"] },
  ],
  entries: ["src/page/main.tsx"],
  lazy: [
    { path: "src/diff/", why: "loaded when compared" },
    { path: "npm:ajv", why: "the validator" },
  ],
};

describe("reading imports", () => {
  it("tells value, type-only, re-exported, dynamic and `typeof import` imports apart, with lines", () => {
    const edges = importsOf(
      "src/page/a.tsx",
      [
        'import type { A } from "./types.ts";',
        'import { b, type C } from "../model/b.ts";',
        'import "./style.css";',
        'export { d } from "./d";',
        'export type { E } from "./e.ts";',
        'const f = () => import("../diff/index.ts");',
        'type G = typeof import("../diff/g.ts");',
        'import { h } from "@scope/pkg/sub";',
        "const el = <div />;",
      ].join("\n"),
      (path) => path === "src/page/d.ts",
    );
    expect(edges.map((edge) => [edge.to, edge.kind, edge.line])).toEqual([
      ["src/page/types.ts", "type", 1],
      ["src/model/b.ts", "value", 2],
      ["src/page/style.css", "value", 3],
      ["npm:@scope/pkg", "value", 8],
      ["src/page/d.ts", "value", 4],
      ["src/page/e.ts", "type", 5],
      ["src/diff/index.ts", "dynamic", 6],
      ["src/diff/g.ts", "type", 7],
    ]);
  });

  it("refuses a file it cannot parse, naming it", () => {
    expect(() => importsOf("src/model/broken.ts", "import { from ")).toThrow(
      /src\/model\/broken\.ts/,
    );
  });
});

describe("planted violations are reported", () => {
  it("an import against the layer order, with where it is and how to fix it", () => {
    const graph = graphOf({
      "src/json/value.ts": "export const x = 1;",
      "src/model/nodes.ts":
        'import { x } from "../json/value.ts";\nimport { Page } from "../page/main.tsx";',
      "src/page/main.tsx": 'import { x } from "../json/value.ts";',
    });
    const violations = layerViolations(graph, TINY.layers);
    expect(violations).toHaveLength(1);
    expect(violations[0]).toMatchObject({ rule: "layer", at: "src/model/nodes.ts:2" });
    expect(violations[0]?.message).toMatch(/src\/model\/ may not depend on src\/page\//);
  });

  it("a type-only import against the layer order counts too", () => {
    const graph = graphOf({
      "src/model/nodes.ts": 'import type { Change } from "../diff/types.ts";',
      "src/diff/types.ts": "export type Change = string;",
    });
    expect(layerViolations(graph, TINY.layers).map((v) => v.at)).toEqual(["src/model/nodes.ts:1"]);
  });

  it("a package used outside the layers named for it, and a file in no layer", () => {
    const graph = graphOf({
      "src/model/nodes.ts": 'import { useState } from "react";',
      "src/stray/file.ts": "export {};",
    });
    expect(layerViolations(graph, TINY.layers).map((v) => [v.rule, v.at])).toEqual([
      ["unlisted", "src/stray/file.ts"],
      ["package", "src/model/nodes.ts:1"],
    ]);
  });

  it("a circle of imports between files, type imports included", () => {
    const graph = graphOf({
      "src/model/a.ts": 'import { b } from "./b.ts";',
      "src/model/b.ts": 'import type { C } from "./c.ts";',
      "src/model/c.ts": 'import { a } from "./a.ts";',
      "src/model/d.ts": 'import { a } from "./a.ts";',
    });
    const cycles = cycleViolations(graph);
    expect(cycles).toHaveLength(1);
    expect(cycles[0]?.message).toContain(
      "src/model/a.ts → src/model/b.ts → src/model/c.ts → src/model/a.ts",
    );
  });

  it("a lazy part imported statically from what the page loads first, with the chain", () => {
    const graph = graphOf({
      "src/page/main.tsx": 'import { View } from "./view.tsx";',
      "src/page/view.tsx": 'import { diff } from "../diff/index.ts";',
      "src/diff/index.ts": 'import Ajv from "ajv";',
    });
    const lazy = lazyViolations(graph, TINY);
    expect(lazy).toHaveLength(1);
    expect(lazy[0]).toMatchObject({ rule: "lazy", at: "src/page/view.tsx:1" });
    expect(lazy[0]?.message).toContain("src/page/main.tsx → src/page/view.tsx → src/diff/index.ts");
  });

  it("but not through import() or a type-only import", () => {
    const graph = graphOf({
      "src/page/main.tsx":
        'import type { Change } from "../diff/types.ts";\nconst load = () => import("../diff/index.ts");',
      "src/diff/types.ts": "export type Change = string;",
      "src/diff/index.ts": 'import Ajv from "ajv";',
    });
    expect(architectureViolations(graph, TINY)).toEqual([]);
  });

  it("a declaration whose layers point at each other, or at a layer that does not exist", () => {
    const problems = declarationProblems({
      ...TINY,
      layers: [
        { path: "src/a/", mayImport: ["src/b/"] },
        { path: "src/b/", mayImport: ["src/a/", "src/nowhere/"] },
      ],
    });
    expect(problems).toEqual([
      'src/b/ may import "src/nowhere/", which is no layer',
      "the layers src/a/ → src/b/ may import each other: layers must point one way",
    ]);
  });

  it("the project's own declaration points one way", () => {
    expect(declarationProblems(ARCHITECTURE)).toEqual([]);
  });
});

describe("npm run check:architecture", () => {
  const copies: string[] = [];
  afterAll(() => {
    for (const copy of copies) rmSync(copy, { recursive: true, force: true });
  });

  it("fails on a violation planted in a copy of the tree, and names it", () => {
    const copy = mkdtempSync(join(tmpdir(), "architecture-"));
    copies.push(copy);
    cpSync(join(root, "src"), join(copy, "src"), { recursive: true });
    writeFileSync(
      join(copy, "src/model/planted.ts"),
      'import { App } from "../designer/app.tsx";\nexport const planted = App;\n',
    );
    const run = spawnSync(
      process.execPath,
      ["--import", "tsx", join(root, "scripts/architecture/check-architecture.ts"), copy],
      { cwd: root, encoding: "utf8" },
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("src/model/planted.ts:1: [layer]");
  });
});
