import { useEffect, useState } from "react";
import {
  loadPatternSafety,
  type PatternSafety,
  patternSafetyIfLoaded,
} from "../../schema/pattern-safety-lazy.ts";
import { TextControl } from "./controls.tsx";
import { type PatternChecker, patternProblem } from "./field-properties.ts";
import type { FindingPlace } from "./finding-places.ts";

/** Said when the checker could not be loaded: the pattern is not applied unchecked. */
export const CHECKER_MISSING =
  "The pattern could not be checked (the checker did not load): reload the page and try again.";

/**
 * The pattern-safety analysis for the inspector, once `wanted`: it is most of the page's script,
 * and a design without patterns never needs it. So it loads when a pattern is there to check or
 * the user starts on one (focus), not when a text field is merely selected.
 */
function usePatternChecker(wanted: boolean): PatternChecker | undefined {
  const [safety, setSafety] = useState<PatternSafety | undefined>(patternSafetyIfLoaded);
  useEffect(() => {
    if (safety || !wanted) return;
    let live = true;
    loadPatternSafety().then(
      (loaded) => live && setSafety(loaded),
      () => {}, // not loaded (e.g. the site was updated under the tab): commits say the checker is not there
    );
    return () => void (live = false);
  }, [safety, wanted]);
  return safety?.checkPattern;
}

/**
 * A pattern's text box, checked as the user types once the checker is there; `commit` gets the
 * checker, so no pattern is ever applied unchecked (a commit before it has loaded waits for it).
 */
export function PatternControl({
  label,
  value,
  hint,
  concerns,
  commit,
}: {
  label: string;
  value: string;
  hint: string;
  /** Where the design check's findings about this pattern are placed (see finding-places.ts). */
  concerns: FindingPlace;
  commit: (text: string, checkPattern: PatternChecker) => string | undefined;
}) {
  const [focused, setFocused] = useState(false);
  const checkPattern = usePatternChecker(focused || value !== "");
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: hears focus entering the pattern box (focus bubbles); the div takes no input
    <div onFocus={() => setFocused(true)}>
      <TextControl
        label={label}
        value={value}
        spellCheck={false}
        check={(text) => (checkPattern ? patternProblem(text, checkPattern)?.message : undefined)}
        hint={hint}
        concerns={concerns}
        onCommit={(text) =>
          checkPattern
            ? commit(text, checkPattern)
            : loadPatternSafety().then(
                (loaded) => commit(text, loaded.checkPattern),
                () => CHECKER_MISSING,
              )
        }
      />
    </div>
  );
}
