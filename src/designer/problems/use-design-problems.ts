import { useEffect, useRef, useState } from "react";
import { checkDesign } from "../../check/check-design.ts";
import type { Finding } from "../../check/types.ts";
import type { JsonObject } from "../../json/value.ts";
import type { CredentialDocument } from "../../model/index.ts";
import { toSchema } from "../../schema/to-schema.ts";
import type { DesignerStore } from "../store/designer-store.ts";
import { useDesigner } from "../store/use-designer.ts";
import { type Problem, problemsOf } from "./problem-targets.ts";

export interface DesignProblems {
  /** The findings of the last design checked; undefined until the first check has finished. */
  readonly problems: readonly Problem[] | undefined;
  /** The design has changed since: a new check is waiting or running. */
  readonly stale: boolean;
  /** Why the last check could not run (e.g. the pattern analysis did not load), or undefined. */
  readonly failure: string | undefined;
}

export interface CheckTiming {
  /** Quiet time after a change before checking, so a burst of edits is checked once. */
  delayMs?: number;
  /** The check to run; the page's is `checkDesign` (the pattern analysis loaded on demand). */
  check?: (schema: JsonObject) => Promise<Finding[]>;
}

interface Checked {
  readonly doc: CredentialDocument;
  readonly problems: readonly Problem[] | undefined;
  readonly failure: string | undefined;
}

/**
 * The core's findings for the current design, kept live: each change is checked once the edits
 * pause and the browser is idle, off the keystroke's path, and a result that arrives after a
 * newer change is dropped. The previous findings stay shown (marked stale) meanwhile.
 */
export function useDesignProblems(
  store: DesignerStore,
  { delayMs = 150, check = checkDesign }: CheckTiming = {},
): DesignProblems {
  const doc = useDesigner(store, (state) => state.editor.doc);
  const [checked, setChecked] = useState<Checked>();
  // The latest check function, without re-checking when only its identity changes.
  const checkRef = useRef(check);
  useEffect(() => {
    checkRef.current = check;
  });
  useEffect(() => {
    let current = true;
    let idle: number | undefined;
    const run = () => {
      idle = undefined;
      // Inside a promise, so that a throw is reported like a rejection.
      new Promise<Finding[]>((resolve) => resolve(checkRef.current(toSchema(doc)))).then(
        (findings) =>
          current && setChecked({ doc, problems: problemsOf(doc, findings), failure: undefined }),
        (error: unknown) =>
          current &&
          setChecked((last) => ({
            doc,
            problems: last?.problems,
            failure: error instanceof Error ? error.message : String(error),
          })),
      );
    };
    const timer = setTimeout(() => {
      if (typeof requestIdleCallback === "function")
        idle = requestIdleCallback(run, { timeout: 1_000 });
      else run();
    }, delayMs);
    return () => {
      current = false;
      clearTimeout(timer);
      if (idle !== undefined) cancelIdleCallback(idle);
    };
  }, [doc, delayMs]);
  return { problems: checked?.problems, stale: checked?.doc !== doc, failure: checked?.failure };
}
