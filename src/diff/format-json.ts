import { countByClass, type DiffReport, fails, invalidCount } from "./report.ts";

/**
 * The report as JSON for tools: `changes` as diffSchemas gives them, and for saved values each
 * one's index, whether it validates, and its problems with the indices of the changes that
 * explain them. Holds no saved value and no secret.
 */
export function formatJson(report: DiffReport): string {
  const body = {
    old: report.oldFile,
    new: report.newFile,
    failOn: report.failOn,
    failed: fails(report),
    summary: countByClass(report.changes),
    changes: report.changes,
    ...(report.values
      ? {
          values: {
            file: report.values.file,
            total: report.values.results.length,
            invalid: invalidCount(report),
            results: report.values.results,
          },
        }
      : {}),
  };
  return `${JSON.stringify(body, null, 2)}\n`;
}
