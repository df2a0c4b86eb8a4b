import fs from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkSchema, exportSchema, readSchemaValue } from "../../src/api/index.ts";
import { lines, runMain, tempDir } from "../support/cli.ts";
import { CORPUS, CORPUS_DIR, type CorpusEntry } from "./support/corpus.ts";

/**
 * Every real credential window of the corpus through the command line, as a connector developer
 * bringing an existing window would run it: `check FILE` and `export FILE`, on the file as
 * published (a spec.json or spec.yaml envelope, a manifest's `spec:`). `check` never crashes and
 * agrees with `export`: no error exactly when export succeeds, and each refusal of export is one
 * of check's error findings, at the same place. What export writes as `<base>.schema.json` is
 * the file's credential schema, byte for byte as JSON.stringify writes it: every key, in its
 * order, every `$schema` spelling and vendor keyword kept.
 */

/**
 * Files the reader refuses as a whole, and why: JSON that holds the same key twice in one object
 * is not read (the later one would silently win), whatever the rest says.
 */
const UNREADABLE: Readonly<Record<string, RegExp>> = {
  "airbyte/source-marketo.spec.json": /duplicate key "title"/,
};

interface Outcome {
  check: { code: number; stdout: string; stderr: string };
  export: { code: number; stdout: string; stderr: string };
  /** The exported `*.schema.json`'s text, when export succeeded. */
  exportedSchema: string | undefined;
}

let outRoot = "";
const outcomes = new Map<string, Outcome>();

beforeAll(async () => {
  outRoot = await tempDir("credential-designer-real-world-");
  for (const entry of CORPUS) {
    const out = path.join(outRoot, entry.name.replaceAll("/", "__"));
    const check = await runMain(["check", entry.name], CORPUS_DIR);
    const exported = await runMain(["export", entry.name, "--out", out], CORPUS_DIR);
    let exportedSchema: string | undefined;
    if (exported.code === 0) {
      const names = (await fs.readdir(out)).filter((name) => name.endsWith(".schema.json"));
      if (names.length === 1) exportedSchema = await fs.readFile(path.join(out, names[0]!), "utf8");
    }
    outcomes.set(entry.name, { check, export: exported, exportedSchema });
  }
}, 120_000);

afterAll(async () => {
  if (outRoot) await fs.rm(outRoot, { recursive: true, force: true });
});

const outcomeOf = (entry: CorpusEntry): Outcome => {
  const outcome = outcomes.get(entry.name);
  if (!outcome) throw new Error(`${entry.name} was not run`);
  return outcome;
};

/** The places (`FILE:PLACE:`) of check's error findings. */
function errorPlaces(name: string, stdout: string): string[] {
  const prefix = `${name}:`;
  return lines(stdout)
    .filter((line) => line.startsWith(prefix) && /^[^ ]*: error: /.test(line.slice(prefix.length)))
    .map((line) => line.slice(prefix.length).split(": error: ")[0]!);
}

describe("check and export over the real-world corpus (the command line, files as published)", () => {
  it.each(CORPUS.map((entry) => [entry.name, entry] as const))(
    "%s: check never crashes and agrees with export",
    (_name, entry) => {
      const { check, export: exported } = outcomeOf(entry);
      const unreadable = UNREADABLE[entry.name];
      // Never a bug (70), never a stack trace.
      expect(check.stderr).not.toMatch(/\n\s+at /);
      expect(exported.stderr).not.toMatch(/\n\s+at /);
      if (unreadable) {
        // The file cannot be read: both say so, in the same words, exit 2.
        expect(check.code).toBe(2);
        expect(exported.code).toBe(2);
        expect(check.stderr).toMatch(unreadable);
        const failure = (stderr: string) =>
          lines(stderr).find((line) => line.startsWith("credential-designer: "));
        expect(failure(check.stderr)).toBe(failure(exported.stderr));
        return;
      }
      // A file that reads as JSON or YAML: exit 2 is only for files that cannot be read at all.
      expect([0, 1], `check exited ${check.code}:\n${check.stdout}${check.stderr}`).toContain(
        check.code,
      );
      if (check.code === 0) {
        expect(exported.code, `check passed, export refused:\n${exported.stderr}`).toBe(0);
      } else {
        expect(exported.code, `check found errors, export wrote files:\n${check.stdout}`).not.toBe(
          0,
        );
        // Export's refusal is one of check's error findings, at the same place.
        // (A notice saying which part of an envelope was read may come first.)
        const refusal =
          lines(exported.stderr).find((line) => line.startsWith("credential-designer: ")) ?? "";
        const match = /^credential-designer: (.*?):([^ :]*): /.exec(refusal);
        expect(match, `export's refusal names no place: ${refusal}`).not.toBeNull();
        expect(match![1]).toBe(entry.name);
        expect(errorPlaces(entry.name, check.stdout)).toContain(match![2]);
      }
    },
  );

  it.each(
    CORPUS.filter((entry) => entry.envelope !== "none").map(
      (entry) => [entry.name, entry] as const,
    ),
  )("%s: says in one line which part of the envelope it read", (_name, entry) => {
    if (UNREADABLE[entry.name]) return;
    const { check, export: exported } = outcomeOf(entry);
    const part = entry.envelope.split(".").at(-1)!;
    for (const output of [check, exported]) {
      const said = lines(`${output.stdout}${output.stderr}`).filter(
        (line) => line.includes(part) && !/: (error|warning): /.test(line),
      );
      expect(
        said.length,
        `no line names ${part}:\n${output.stdout}${output.stderr}`,
      ).toBeGreaterThan(0);
    }
  });

  it.each(CORPUS.map((entry) => [entry.name, entry] as const))(
    "%s: the exported schema is the file's credential schema, byte for byte",
    (_name, entry) => {
      const outcome = outcomeOf(entry);
      if (outcome.export.code !== 0) return; // refused: the test above holds check to it
      expect(outcome.exportedSchema).toBe(`${JSON.stringify(entry.schema, null, 2)}\n`);
    },
  );

  it("most of the corpus exports, and each envelope form is read", () => {
    const exported = CORPUS.filter((entry) => outcomeOf(entry).export.code === 0);
    // 110 windows; some give a secret an example or default value, which export refuses.
    expect(exported.length).toBeGreaterThanOrEqual(60);
    for (const form of ["json", "yaml"] as const)
      expect(
        exported.some((entry) => entry.format === form),
        `no ${form} file exported`,
      ).toBe(true);
    for (const envelope of [
      "connectionSpecification",
      "spec.connectionSpecification",
      "spec.connection_specification",
    ] as const)
      expect(
        CORPUS.some((entry) => entry.envelope === envelope && outcomeOf(entry).check.code !== 2),
        `no ${envelope} envelope read`,
      ).toBe(true);
  });
});

describe("check and export over the corpus's credential schemas (the typed API)", () => {
  it.each(
    CORPUS.filter((entry) => !UNREADABLE[entry.name]).map((entry) => [entry.name, entry] as const),
  )("%s: checkSchema finds no error exactly when exportSchema succeeds", async (_name, entry) => {
    let schema: ReturnType<typeof readSchemaValue>;
    try {
      schema = readSchemaValue(structuredClone(entry.schema), { file: entry.name });
    } catch (error) {
      // What the reader refuses (a keyword of the wrong form, say) is refused with a message.
      expect((error as Error).name).toBe("CredentialDesignerError");
      return;
    }
    const report = await checkSchema(schema, { file: entry.name });
    let refusal: Error | undefined;
    try {
      await exportSchema(schema, { file: entry.name, base: "window" });
    } catch (error) {
      refusal = error as Error;
    }
    if (report.errors === 0) expect(refusal?.message).toBeUndefined();
    else {
      expect(
        refusal,
        `check reported errors, export succeeded:\n${JSON.stringify(report.findings, null, 1)}`,
      ).toBeDefined();
      expect(refusal!.name).toBe("CredentialDesignerError");
    }
  });
});
