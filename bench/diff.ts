/**
 * `diff` of two credential windows of 5,000 fields with 100 changes between them, alone and with
 * 10,000 saved values checked against the new one, against validating the same values with Ajv
 * alone (compile the new schema, validate every value), in the same run, alternating, medians.
 * Usage: node --import tsx -e "import('./bench/diff.ts').then(m => m.diffBench([]))"
 *        diffBench([fields, values, rounds]), e.g. diffBench(["5000", "10000", "3"]) (the default; a few minutes)
 */
import Ajv from "ajv";
import addFormats from "ajv-formats";
import { diffSchemas } from "../src/diff/index.ts";
import { checkSavedValues, compileSavedValuesCheck } from "../src/diff/saved-values.ts";
import { cloneJson, isJsonObject, type JsonObject, type JsonValue } from "../src/json/value.ts";
import { AJV_OPTIONS } from "../src/schema/ajv-options.ts";
import { generateCredentialSchema } from "./generate-schema.ts";

const CHANGES = 100;

export async function diffBench(args: readonly string[] = []): Promise<void> {
  const fields = Number(args[0] ?? 5000);
  const valueCount = Number(args[1] ?? 10_000);
  const rounds = Number(args[2] ?? 3);
  const before = generateCredentialSchema(fields);
  const after = withChanges(before, CHANGES);
  let values = savedValues(before, valueCount);

  const runs = {
    ajv: () => {
      const ajv = new Ajv({ ...AJV_OPTIONS });
      addFormats(ajv);
      const validate = ajv.compile(after);
      let invalid = 0;
      for (const value of values) if (!validate(value)) invalid++;
      return invalid;
    },
    diff: () => diffSchemas(before, after).length,
    diffValues: () => {
      const changes = diffSchemas(before, after);
      return checkSavedValues(compileSavedValuesCheck(after), changes, values).filter(
        (result) => !result.valid,
      ).length;
    },
  };
  // Warm-up on a few values: each full run takes tens of seconds, which is warm enough after that.
  const all = values;
  values = all.slice(0, 50);
  for (const run of Object.values(runs)) run();
  values = all;
  const times = { ajv: [] as number[], diff: [] as number[], diffValues: [] as number[] };
  const counts = { ajv: 0, diff: 0, diffValues: 0 };
  for (let round = 0; round < rounds; round++) {
    for (const name of ["ajv", "diff", "diffValues"] as const) {
      // The schemas-only diff is quick: time it a few times per round.
      for (let repeat = 0; repeat < (name === "diff" ? 5 : 1); repeat++) {
        const start = performance.now();
        counts[name] = runs[name]();
        times[name].push(performance.now() - start);
      }
    }
  }
  const { diff: found, ajv: invalidByAjv, diffValues: invalidByDiff } = counts;
  const ajv = median(times.ajv);
  const ratio = (ms: number) =>
    ms / ajv < 0.1 ? (ms / ajv).toPrecision(1) : (ms / ajv).toFixed(2);
  const row = (what: string, ms: number) => `| ${what} | ${ms.toFixed(0)} ms | ${ratio(ms)} |`;
  console.log(
    `\nDiff, medians of ${rounds} rounds (the schemas-only diff: ${times.diff.length} runs) (Node ${process.version}, ${new Date().toISOString().slice(0, 10)})\n`,
  );
  console.log(
    `${fields.toLocaleString("en")}-field windows with ${CHANGES} edits (${found} changes reported); ${valueCount.toLocaleString("en")} saved values, ` +
      `${invalidByDiff.toLocaleString("en")} no longer valid (Ajv alone: ${invalidByAjv.toLocaleString("en")}); ` +
      `values cycle through ${Math.min(valueCount, DISTINCT_VALUES)} distinct ones, each validated in full\n`,
  );
  console.log("| run | median | ratio to Ajv alone |");
  console.log("| --- | ---: | ---: |");
  console.log(
    row(
      `Ajv alone: compile the new schema, validate ${valueCount.toLocaleString("en")} values`,
      ajv,
    ),
  );
  console.log(row("credential-designer diff (schemas only)", median(times.diff)));
  console.log(
    row(
      `credential-designer diff --values (${valueCount.toLocaleString("en")} values)`,
      median(times.diffValues),
    ),
  );
}

const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]!;

/** The next version: `count` edits spread evenly over the fields, of every kind diff tells apart. */
function withChanges(schema: JsonObject, count: number): JsonObject {
  const next = cloneJson(schema);
  const groups = Object.values(next.properties as JsonObject) as JsonObject[];
  const sites = groups.flatMap((group) =>
    Object.keys(group.properties as JsonObject)
      .filter((key) => key.startsWith("field"))
      .map((key) => ({ group, key })),
  );
  const step = Math.max(1, Math.floor(sites.length / count));
  for (let i = 0; i < count; i++) {
    const { group, key } = sites[(i * step) % sites.length]!;
    const properties = group.properties as JsonObject;
    const field = properties[key] as JsonObject;
    switch (i % 10) {
      case 0:
        field.title = `${String(field.title)} (renamed)`;
        break; // compatible
      case 1:
        field.maxLength = 64;
        break; // breaking for long strings, compatible where it was shorter
      case 2:
        field.pattern = "^[a-z0-9]+$";
        break; // a new or changed pattern: breaking
      case 3:
        field.enum = ["eu", "us"];
        break; // narrowed for selects, breaking elsewhere
      case 4:
        field.writeOnly = false;
        break; // exposing for secrets
      case 5:
        properties[`${key}Region`] = { type: "string", title: "Region" };
        group.required = [...(group.required as string[]), `${key}Region`];
        break; // breaking: required, no default
      case 6:
        delete properties[key];
        group.required = (group.required as string[]).filter((name) => name !== key);
        break; // breaking: the group rejects other keys
      case 7:
        field.description = "Changed help";
        break; // compatible
      case 8:
        properties[`${key}Note`] = { type: "string", title: "Note" };
        break; // compatible
      default:
        field.default = field.type === "integer" ? 443 : field.type === "boolean" ? false : "x";
        break;
    }
  }
  return next;
}

/**
 * Saved values valid under the generated window: required fields and some optional ones filled
 * the way a user would. A value of a 5,000-field window is ~100 kB, so 10,000 distinct ones would
 * not fit in memory: DISTINCT_VALUES are made and the list cycles through them (each entry is
 * validated in full every time; nothing is cached by identity).
 */
function savedValues(schema: JsonObject, count: number): JsonValue[] {
  let seed = 42;
  const random = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
  const sample = (node: JsonValue, n: number): JsonValue => {
    if (!isJsonObject(node)) return null;
    if (node.const !== undefined) return node.const;
    if (Array.isArray(node.enum)) return node.enum[Math.floor(random() * node.enum.length)]!;
    if (Array.isArray(node.oneOf))
      return sample(node.oneOf[Math.floor(random() * node.oneOf.length)]!, n);
    switch (node.type) {
      case "object": {
        const out: JsonObject = {};
        const required = (node.required as string[] | undefined) ?? [];
        for (const [key, inner] of Object.entries(node.properties as JsonObject)) {
          if (required.includes(key) || random() < 0.5) out[key] = sample(inner, n);
        }
        return out;
      }
      case "integer":
        return 1 + Math.floor(random() * 1000);
      case "boolean":
        return random() < 0.5;
      case "array":
        return ["read", "write"].slice(0, 1 + Math.floor(random() * 2));
      default:
        return stringFor(node, n);
    }
  };
  const distinct = Array.from({ length: Math.min(count, DISTINCT_VALUES) }, (_, n) =>
    sample(schema, n),
  );
  return Array.from({ length: count }, (_, n) => distinct[n % distinct.length]!);
}

const DISTINCT_VALUES = 500;

function stringFor(node: JsonObject, n: number): string {
  if (node.format === "uri") return `https://api${n}.example.com/v1`;
  if (node.format === "email") return `user${n}@example.com`;
  if (node.format === "hostname") return `host${n}.example.com`;
  const pattern = typeof node.pattern === "string" ? node.pattern : "";
  const digits = /\\d\{(\d+)\}/.exec(pattern);
  if (pattern.startsWith("^[A-Z]{2}-") && digits) return `AB-${"7".repeat(Number(digits[1]))}`;
  if (pattern === "^[A-Za-z0-9]{32}$") return "a".repeat(32);
  const text = `value-${n}-${"x".repeat(n % 20)}`;
  return text
    .slice(0, typeof node.maxLength === "number" ? node.maxLength : text.length)
    .padEnd(typeof node.minLength === "number" ? node.minLength : 0, "x");
}
