import { excerptPointer } from "../json/excerpt.ts";
import { displayPointer } from "../json/pointer.ts";
import { isJsonObject, type JsonValue } from "../json/value.ts";
import { capitalise, oneLine, printable, sentence } from "../schema/problem-message.ts";
import { inFileAsync } from "./error.ts";
import type { CredentialSchema, SourceOptions } from "./parse.ts";

/** One finding of `check`: where, how grave, and what to do, as the CLI prints it. */
export interface CheckFinding {
  /** The rule that found it, e.g. "secret-format". */
  rule: string;
  severity: "error" | "warning";
  /** JSON pointer into the schema ("" for the root). */
  pointer: string;
  /** What is wrong and how to fix it, in whole sentences. */
  message: string;
}

export interface CheckReport {
  /** As given in the options (how messages name the schema). */
  file: string | undefined;
  /** In document order. */
  findings: CheckFinding[];
  errors: number;
  warnings: number;
}

/**
 * Lints a credential-window schema with the rules `credential-designer check` runs: secrets that
 * are not marked secret, choices without a discriminator, patterns that can take exponential
 * time… The pattern analysis loads only when the schema has a pattern. Never throws for JSON
 * input, however wrong the schema: every reason `exportSchema` would refuse it is an error
 * finding (all of them, each with its pointer and fix), and only those are, so `errors === 0`
 * exactly when `exportSchema` (without `csharp`) writes its files. An error finding means `check`
 * would exit with 1.
 */
export async function checkSchema(
  schema: CredentialSchema | JsonValue,
  options: SourceOptions = {},
): Promise<CheckReport> {
  const found = isJsonObject(schema)
    ? await inFileAsync(options.file, async () => {
        const { checkDesign } = await import("../check/check-design.ts");
        return checkDesign(schema);
      })
    : [notAnObject(schema)];
  const findings = found.map(
    (finding): CheckFinding => ({
      rule: finding.rule,
      severity: finding.severity,
      pointer: finding.pointer,
      message: `${sentence(finding.message)}${finding.fix ? ` ${sentence(capitalise(finding.fix))}` : ""}`,
    }),
  );
  const errors = findings.filter((finding) => finding.severity === "error").length;
  return { file: options.file, findings, errors, warnings: findings.length - errors };
}

/**
 * The report as `credential-designer check` prints it: one line per finding
 * (`FILE:POINTER: severity: message`), then `FILE: N errors, M warnings` or `no problems found`.
 */
export function formatCheckReport(report: CheckReport): string {
  const name = printable(report.file ?? "schema");
  const lines = report.findings.map((finding) =>
    oneLine(
      `${name}:${printable(excerptPointer(displayPointer(finding.pointer)))}: ${finding.severity}: ${finding.message}`,
    ),
  );
  const count = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  lines.push(
    `${name}: ${report.findings.length === 0 ? "no problems found" : `${count(report.errors, "error")}, ${count(report.warnings, "warning")}`}`,
  );
  return `${lines.join("\n")}\n`;
}

/** The one finding for JSON that is not an object: there is no schema to look into. */
function notAnObject(value: JsonValue): {
  rule: string;
  severity: "error";
  pointer: string;
  message: string;
  fix: string;
} {
  const what =
    value === null
      ? "null"
      : Array.isArray(value)
        ? "an array"
        : typeof value === "string"
          ? "a string"
          : typeof value === "number"
            ? "a number"
            : "a boolean";
  return {
    rule: "not-exportable",
    severity: "error",
    pointer: "",
    message: `The file holds ${what}, not a schema object`,
    fix: 'A credential window is a JSON Schema object such as {"type": "object", "properties": {…}}',
  };
}
