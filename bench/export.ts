/**
 * npm run bench: export of 1,000 / 5,000 / 20,000-field credential windows, ours against calling
 * json-schema-to-typescript (formatted) and ajv standalone directly on the same schema, in the same
 * run, alternating, medians. Ours is what `credential-designer export` does in memory: parse the
 * text, import it into the document, map it back to a schema, export the four files.
 * Usage: npm run bench -- export [1000,5000,20000 [rounds]]
 */
import Ajv from "ajv";
import standaloneCode from "ajv/dist/standalone/index.js";
import addFormats from "ajv-formats";
import { compile } from "json-schema-to-typescript";
import { exportFiles } from "../src/export/index.ts";
import type { JsonObject } from "../src/json/value.ts";
import { importSchema } from "../src/schema/import.ts";
import { parseJsonText } from "../src/schema/parse-json.ts";
import { toSchema } from "../src/schema/to-schema.ts";
import { generateCredentialSchema } from "./generate-schema.ts";

async function direct(schema: JsonObject): Promise<number> {
  const start = performance.now();
  await compile(structuredClone(schema) as Parameters<typeof compile>[0], "Credentials", {
    format: true,
  });
  const ajv = new Ajv({ code: { source: true, esm: true }, allErrors: true, strict: false });
  addFormats(ajv);
  standaloneCode(ajv, ajv.compile(schema));
  return performance.now() - start;
}

async function ours(text: string): Promise<number> {
  const start = performance.now();
  await exportFiles(toSchema(importSchema(parseJsonText(text))), "credentials");
  return performance.now() - start;
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export async function exportBench(args: readonly string[] = []): Promise<void> {
  const sizes = (args[0] ?? "1000,5000,20000").split(",").map(Number);
  const roundsArgument = args[1] ? Number(args[1]) : undefined;
  const rows: string[] = [];
  for (const fields of sizes) {
    const schema = generateCredentialSchema(fields);
    const text = JSON.stringify(schema, null, 2);
    const rounds = roundsArgument ?? (fields >= 20_000 ? 3 : 5);
    await direct(schema); // warm-up: neither side pays for first-time module initialisation
    await ours(text);
    const times = { direct: [] as number[], ours: [] as number[] };
    for (let round = 0; round < rounds; round++) {
      times.direct.push(await direct(schema));
      times.ours.push(await ours(text));
    }
    const [d, o] = [median(times.direct), median(times.ours)];
    const row = `| ${fields.toLocaleString("en")} | ${(text.length / 1e6).toFixed(1)} MB | ${rounds} | ${d.toFixed(0)} ms | ${o.toFixed(0)} ms | ${(o / d).toFixed(2)} |`;
    rows.push(row);
    console.error(row);
  }
  console.log(
    `\nExport, medians (Node ${process.version}, ${new Date().toISOString().slice(0, 10)})\n`,
  );
  console.log(
    "| fields | schema | rounds | jstt (formatted) + ajv standalone, direct | credential-designer export | ratio |",
  );
  console.log("| ---: | ---: | ---: | ---: | ---: | ---: |");
  for (const row of rows) console.log(row);
}
