import { excerptPointer } from "../json/excerpt.ts";
import { displayPointer } from "../json/pointer.ts";
import { printable, sentence } from "../schema/problem-message.ts";
import { countByClass, type DiffReport, fails, invalidCount } from "./report.ts";
import type { Change } from "./types.ts";

const HEADERS = ["CLASS", "RULE", "FIELD", "POINTER", "CHANGE"] as const;

/**
 * The report as a table for people: one row per change (a pointer into the old schema reads
 * "old:/…"), a hint on its own line under its row, then the saved values that no longer validate
 * and why, then one summary line.
 */
export function formatText(report: DiffReport): string {
  const lines: string[] = [];
  if (report.changes.length === 0) {
    lines.push(`No changes from ${report.oldFile} to ${report.newFile}.`);
  } else {
    const rows = report.changes.map((change) => [
      change.class,
      change.rule,
      excerptPointer(displayPointer(change.field)),
      pointerOf(change),
      sentence(change.message),
    ]);
    const widths = HEADERS.map((header, column) =>
      Math.max(header.length, ...rows.map((row) => row[column]!.length)),
    );
    const line = (cells: readonly string[]) =>
      cells
        .map((cell, column) => (column < cells.length - 1 ? cell.padEnd(widths[column]!) : cell))
        .join("  ");
    const indent = " ".repeat(widths.slice(0, -1).reduce((sum, width) => sum + width + 2, 0));
    lines.push(line(HEADERS));
    report.changes.forEach((change, index) => {
      lines.push(line(rows[index]!));
      if (change.hint) lines.push(`${indent}Hint: ${sentence(change.hint)}`);
    });
  }
  if (report.values) {
    const { file, results } = report.values;
    const invalid = invalidCount(report);
    lines.push(
      "",
      `Saved values in ${file}: ${results.length - invalid} of ${results.length} still validate${invalid > 0 ? `, ${invalid} no longer ${invalid === 1 ? "does" : "do"}:` : "."}`,
    );
    for (const result of results) {
      for (const problem of result.problems) {
        const causes = problem.changes.map(
          (index) => `${report.changes[index]!.rule} at ${pointerOf(report.changes[index]!)}`,
        );
        const why =
          causes.length > 0
            ? `caused by ${causes.join(", ")}`
            : "no listed change explains it: it may not have been valid before either";
        lines.push(`  [${result.index}] ${problem.field}: ${problem.message} (${why})`);
      }
    }
  }
  const counts = countByClass(report.changes);
  const total = report.changes.length;
  lines.push(
    "",
    `${total} change${total === 1 ? "" : "s"}: ${counts.breaking} breaking, ${counts.exposing} exposing, ${counts.compatible} compatible. ` +
      `--fail-on ${report.failOn}: ${fails(report) ? "failed" : "passed"}.`,
  );
  // One line per row: control characters from keys, titles or patterns are escaped.
  return `${lines.map(printable).join("\n")}\n`;
}

function pointerOf(change: Change): string {
  return `${change.pointerIn === "old" ? "old:" : ""}${excerptPointer(displayPointer(change.pointer))}`;
}
