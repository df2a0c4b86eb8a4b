import type { JsonObject } from "../json/value.ts";
import { loadPatternSafety, patternSafetyIfLoaded } from "../schema/pattern-safety-lazy.ts";
import { rules, runRules } from "./run-rules.ts";
import type { Finding, Rule, RuleContext } from "./types.ts";

/** Loads what the pattern rules need; the page's default loads the analysis's own chunk. */
export type PatternSafetyLoader = () => Promise<RuleContext>;

export interface CheckDesignOptions {
  /** Called only when a rule needs the pattern analysis, i.e. the schema has a pattern. */
  loadPatternSafety?: PatternSafetyLoader;
  rules?: readonly Rule[];
}

/** What each loader gave, so that later checks run once, without waiting. */
const loadedBy = new WeakMap<PatternSafetyLoader, RuleContext>();

/** Thrown by the stand-in analysis to stop a run that turned out to need the real one. */
const NEEDS_PATTERN_SAFETY = Symbol("needs pattern safety");

/**
 * The designer page's way in to `checkSchema`: the same rules, the same findings in the same
 * order, but the pattern analysis (most of the page's script) is loaded only when a rule asks
 * for it. Until it is loaded, the rules run with a stand-in that records the request and stops
 * the run; if nothing asked (no `pattern`, no `patternProperties`), those findings are the
 * answer and nothing was loaded; otherwise the analysis is loaded and the rules run again.
 * Pure (no DOM): import this module, not ./index.ts, where bundle size matters.
 */
export async function checkDesign(
  schema: JsonObject,
  options: CheckDesignOptions = {},
): Promise<Finding[]> {
  const load = options.loadPatternSafety ?? loadPatternSafety;
  const active = options.rules ?? rules;
  const ready =
    loadedBy.get(load) ?? (load === loadPatternSafety ? patternSafetyIfLoaded() : undefined);
  if (ready) return runRules(schema, active, ready);

  let needed = false;
  const standIn: RuleContext = {
    checkPattern() {
      needed = true;
      throw NEEDS_PATTERN_SAFETY;
    },
  };
  try {
    const findings = runRules(schema, active, standIn);
    // A rule that swallowed the stand-in's throw still set `needed`: its findings cannot be trusted.
    if (!needed) return findings;
  } catch (error) {
    if (error !== NEEDS_PATTERN_SAFETY) throw error;
  }
  const patternSafety = await load();
  loadedBy.set(load, patternSafety);
  return runRules(schema, active, patternSafety);
}
