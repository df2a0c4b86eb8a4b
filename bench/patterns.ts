/**
 * npm run bench -- patterns [--rounds 9]: the pattern analysis (src/schema/pattern-safety) on
 * patterns of growing length up to MAX_PATTERN_LENGTH, medians, each as a ratio to the shortest
 * measured in the same run (the machines are shared: ratios, not absolute figures, compare). Each
 * shape is made long by repeating a realistic piece; each pattern is new (the cache is bypassed).
 */
import { analysePatternUncached, MAX_PATTERN_LENGTH } from "../src/schema/pattern-safety/index.ts";
import { median } from "./median.ts";

const SHAPES: Record<string, (i: number) => string> = {
  "literal text": (i) => `ab${i % 10}cd-`,
  "classes and bounds": (i) => `[A-Za-z${i % 10}]{1,8}\\.`,
  "alternations in groups": (i) => `(?:x${i % 10}|y|z)-`,
  "optional parts": (i) => `(?:-[0-9]{${(i % 5) + 1}})?`,
};

export async function patternsBench(args: readonly string[]): Promise<void> {
  const at = args.indexOf("--rounds");
  const rounds = at >= 0 ? Number(args[at + 1]) : 9;
  const lengths = [125, 250, 500, MAX_PATTERN_LENGTH];
  console.log(
    `pattern analysis: median of ${rounds} rounds per length, ratio to ${lengths[0]} characters`,
  );
  // Warm up (the parser's and the analysis' code compiled) before anything is timed.
  for (let i = 0; i < 200; i++) analysePatternUncached(`^(?:a${i}|b)[a-z]{1,${(i % 9) + 1}}-x*$`);
  const rows: Record<string, string | number>[] = [];
  for (const [shape, piece] of Object.entries(SHAPES)) {
    const row: Record<string, string | number> = { shape };
    let reference = 0;
    for (const length of lengths) {
      const times: number[] = [];
      for (let round = 0; round < rounds; round++) {
        let pattern = `^${round}`;
        for (let i = 0; pattern.length < length - 1; i++) pattern += piece(i);
        pattern = `${pattern.slice(0, length - 1)}$`;
        // A cut piece may leave the pattern invalid: keep whole pieces then.
        try {
          new RegExp(pattern, "u");
        } catch {
          pattern = `^${round}`;
          for (let i = 0; (pattern + piece(i)).length < length; i++) pattern += piece(i);
        }
        const start = performance.now();
        const verdict = analysePatternUncached(pattern);
        times.push(performance.now() - start);
        if (!verdict.ok && verdict.problem === "invalid") throw new Error(`invalid: ${pattern}`);
      }
      const ms = median(times);
      if (length === lengths[0]) reference = ms;
      row[`${length} chars (ms)`] = Number(ms.toFixed(2));
      if (length !== lengths[0])
        row[`×${length / lengths[0]!} length: ratio`] = Number((ms / reference).toFixed(1));
    }
    rows.push(row);
  }
  console.table(rows);
}
