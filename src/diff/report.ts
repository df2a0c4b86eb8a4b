import { CHANGE_CLASSES, type Change, type ChangeClass, type SavedValueResult } from "./types.ts";

/**
 * The threshold of `--fail-on`: the levels nest, so a stricter gate also catches what a looser
 * one does. "breaking" fails on breaking changes (and saved values that no longer validate);
 * "exposing" on those and exposing changes; "any" on any change at all.
 */
export type FailOn = "breaking" | "exposing" | "any";
export const FAIL_ON_LEVELS: readonly FailOn[] = ["breaking", "exposing", "any"];

const CAUGHT_BY: Record<FailOn, readonly ChangeClass[]> = {
  breaking: ["breaking"],
  exposing: ["breaking", "exposing"],
  any: ["breaking", "exposing", "compatible"],
};

/** What `diff` found, ready to print. */
export interface DiffReport {
  /** The files as the user named them. */
  oldFile: string;
  newFile: string;
  failOn: FailOn;
  changes: readonly Change[];
  values?: { file: string; results: readonly SavedValueResult[] };
}

export function countByClass(changes: readonly Change[]): Record<ChangeClass, number> {
  const counts = Object.fromEntries(CHANGE_CLASSES.map((name) => [name, 0])) as Record<
    ChangeClass,
    number
  >;
  for (const change of changes) counts[change.class]++;
  return counts;
}

export function invalidCount(report: DiffReport): number {
  return report.values?.results.filter((result) => !result.valid).length ?? 0;
}

/** Whether the report crosses its `--fail-on` threshold. A saved value that no longer validates counts as breaking. */
export function fails(report: DiffReport): boolean {
  const caught = CAUGHT_BY[report.failOn];
  return report.changes.some((change) => caught.includes(change.class)) || invalidCount(report) > 0;
}
