import type { PatternVerdict } from "./pattern-safety.ts";

/**
 * The pattern-safety analysis, loaded on demand. Its parser and automata (regexpp, refa,
 * regexp-ast-analysis, scslre) are most of the designer page's script, and a design without a
 * `pattern` never needs them: the page imports this module, never `./pattern-safety.ts`, so the
 * bundler puts the analysis in a chunk of its own that loads on the first call to
 * `loadPatternSafety`. Node code (CLI, export) may keep importing `./pattern-safety.ts` directly.
 */
export type PatternSafety = typeof import("./pattern-safety.ts");

let loaded: PatternSafety | undefined;
let loading: Promise<PatternSafety> | undefined;

/** Loads the analysis once; every call gets the same promise. A failed load (offline) may be retried. */
export function loadPatternSafety(): Promise<PatternSafety> {
  loading ??= import("./pattern-safety.ts").then(
    (module) => (loaded = module),
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

/** The analysis if it has loaded already, for code that must answer synchronously. */
export function patternSafetyIfLoaded(): PatternSafety | undefined {
  return loaded;
}

/**
 * The verdict on `pattern` if the analysis has loaded, else undefined (nothing is decided yet:
 * call `loadPatternSafety()` and ask again once it resolves). Never starts a load by itself.
 */
export function checkPatternIfLoaded(pattern: string): PatternVerdict | undefined {
  return loaded?.checkPattern(pattern);
}
