/**
 * The pattern-safety analysis, loaded on demand. Its parser and automata (regexpp, refa,
 * regexp-ast-analysis, scslre) are most of the designer page's script, and a design without a
 * `pattern` never needs them: the page imports this module, never `./pattern-safety/`, so the
 * bundler puts the analysis in a chunk of its own that loads on the first call to
 * `loadPatternSafety`. Node code (CLI, export) may keep importing `./pattern-safety/index.ts` directly.
 */
export type PatternSafety = typeof import("./pattern-safety/index.ts");

let loaded: PatternSafety | undefined;
let loading: Promise<PatternSafety> | undefined;

/** Loads the analysis once; every call gets the same promise. A failed load (offline) may be retried. */
export function loadPatternSafety(): Promise<PatternSafety> {
  loading ??= import("./pattern-safety/index.ts").then(
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
