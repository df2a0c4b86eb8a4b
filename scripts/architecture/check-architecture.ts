import { fileURLToPath } from "node:url";
import { readImportGraph } from "./import-graph.ts";
import { ARCHITECTURE } from "./layers.ts";
import { architectureViolations, declarationProblems } from "./rules.ts";

/**
 * `npm run check:architecture`: the import graph of src/ against scripts/architecture/layers.ts.
 * An optional argument names another root (the tests plant violations in a copy of the tree).
 */
const root = process.argv[2] ?? fileURLToPath(new URL("../../", import.meta.url));
const declaration = declarationProblems(ARCHITECTURE);
const violations = declaration.length
  ? []
  : architectureViolations(readImportGraph(root, ["src"]), ARCHITECTURE);
for (const problem of declaration) console.error(`scripts/architecture/layers.ts: ${problem}`);
for (const violation of violations)
  console.error(`${violation.at}: [${violation.rule}] ${violation.message}`);
const count = declaration.length + violations.length;
if (count > 0) {
  console.error(
    `\n${count} architecture problem${count === 1 ? "" : "s"} (scripts/architecture/layers.ts says what may import what)`,
  );
  process.exit(1);
}
console.log(
  "architecture: every import follows scripts/architecture/layers.ts; no cycles; lazy parts stay lazy",
);
