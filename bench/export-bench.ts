/**
 * Export time for a 20,000-field (~5 MB) schema: our exportFiles against calling
 * json-schema-to-typescript (formatted) and Ajv standalone directly on the same schema.
 * Run: node --import tsx bench/export-bench.ts [fields] [rounds]
 */
import Ajv from "ajv";
import standaloneCode from "ajv/dist/standalone/index.js";
import { fullFormats } from "ajv-formats/dist/formats.js";
import { compile } from "json-schema-to-typescript";
import { exportFiles } from "../src/export/index.ts";
import { largeSchema } from "../test/export/support/generated-schemas.ts";

const fields = Number(process.argv[2] ?? 20_000);
const rounds = Number(process.argv[3] ?? 3);
const schema = largeSchema(fields);
const size = JSON.stringify(schema, null, 2).length;

async function direct(): Promise<number> {
  const start = performance.now();
  await compile(schema as Parameters<typeof compile>[0], "large");
  const ajv = new Ajv({ code: { source: true, esm: true }, allErrors: true, strict: false, ownProperties: true, formats: fullFormats });
  standaloneCode(ajv, ajv.compile(schema));
  return performance.now() - start;
}

async function ours(): Promise<number> {
  const start = performance.now();
  await exportFiles(schema, "large");
  return performance.now() - start;
}

const results: Record<string, number[]> = { direct: [], ours: [] };
await direct(); // warm-up of both, so neither pays for first-time module initialisation
await ours();
for (let round = 0; round < rounds; round++) {
  results.direct!.push(await direct());
  results.ours!.push(await ours());
}
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const d = median(results.direct!);
const o = median(results.ours!);
console.log(`${fields} fields, ${(size / 1e6).toFixed(1)} MB schema, median of ${rounds}`);
console.log(`direct jstt (formatted) + ajv standalone: ${d.toFixed(0)} ms`);
console.log(`exportFiles:                              ${o.toFixed(0)} ms  (${(o / d).toFixed(2)}×)`);
