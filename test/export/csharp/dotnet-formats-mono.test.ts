import fc from "fast-check";
import { expect, test } from "vitest";
import { CSHARP_FORMATS, formatCheck } from "../../../src/export/csharp/dotnet-formats.ts";
import { describeWithMono } from "../../support/mono.ts";
import { propertySeed } from "../../support/property-seed.ts";
import { ajvVerdict, EDGE_CASES, nearby } from "./support/pattern-formats.ts";
import { dotNetFormatChecks } from "./support/pattern-mono.ts";

/**
 * The C# format checks judged by Mono against ajv-formats' fullFormats (what the exported
 * validator uses): every check in one class, compiled with `mcs -warnaserror+`, one `mono` run.
 */

describeWithMono("formatCheck under Mono: the same verdict as ajv-formats", () => {
  test("on hand-made edge cases and generated strings near them", () => {
    const seed = propertySeed("FORMAT_SEED");
    const checks = CSHARP_FORMATS.map((format) => ({ format, ...formatCheck(format, "/format") }));
    const batch = checks.map(({ format, method }) => ({
      format,
      method,
      subjects: [
        ...(EDGE_CASES[format] ?? []),
        ...fc.sample(nearby(format), { numRuns: 400, seed: seed + format.length }),
      ],
    }));
    const verdicts = dotNetFormatChecks(
      checks.map((check) => check.source),
      batch,
    );
    const wrong: string[] = [];
    batch.forEach(({ format, subjects }, index) => {
      subjects.forEach((value, at) => {
        const expected = ajvVerdict(format, value);
        const actual = verdicts[index]![at];
        if (actual !== expected) {
          wrong.push(`${format} ${JSON.stringify(value)}: ajv-formats ${expected}, C# ${actual}`);
        }
      });
    });
    expect(wrong.slice(0, 20), `seed ${seed} (rerun with FORMAT_SEED=${seed})`).toEqual([]);
    // The edge cases hold both verdicts for every format that can refuse a string.
    for (const { format } of batch) {
      const outcomes = new Set((EDGE_CASES[format] ?? []).map((v) => ajvVerdict(format, v)));
      if (format !== "password" && format !== "binary")
        expect([format, outcomes.size]).toEqual([format, 2]);
    }
  });
});
