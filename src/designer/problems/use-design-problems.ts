import { useSyncExternalStore } from "react";
import type { Finding } from "../../check/types.ts";
import type { JsonObject } from "../../json/value.ts";
import type { CredentialDocument } from "../../model/index.ts";
import type { DesignerStore } from "../store/designer-store.ts";
import { schemaOf } from "../store/schema-of.ts";
import { checkDesignAndCompile } from "./compile-problem.ts";
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
  /**
   * The check to run; the page's is `checkDesignAndCompile`: the core's rules (`checkDesign`, the
   * pattern analysis loaded on demand), and whether Ajv compiles the schema.
   */
  check?: (schema: JsonObject) => Promise<Finding[]>;
}

interface Checked {
  readonly doc: CredentialDocument;
  readonly problems: readonly Problem[] | undefined;
  readonly failure: string | undefined;
}

/**
 * The check of one store's design, shared by everything that shows its findings (the Problems
 * panel, the header's count, the canvas rows' badges): one check per change, however many read it.
 * It runs while someone listens; a result that arrives after a newer change is dropped.
 */
class DesignCheck {
  private checked: Checked | undefined;
  private snapshot: DesignProblems = { problems: undefined, stale: true, failure: undefined };
  private readonly listeners = new Set<() => void>();
  private stopWatching: (() => void) | undefined;
  private cancelPending: (() => void) | undefined;
  private scheduledFor: CredentialDocument | undefined;

  constructor(
    private readonly store: DesignerStore,
    private readonly delayMs: number,
    private readonly check: (schema: JsonObject) => Promise<Finding[]>,
  ) {}

  readonly subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    if (this.listeners.size === 1) this.start();
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.stop();
    };
  };

  readonly getSnapshot = (): DesignProblems => {
    const { problems, failure } = this.checked ?? { problems: undefined, failure: undefined };
    const stale = this.checked?.doc !== this.store.doc;
    const last = this.snapshot;
    if (last.problems !== problems || last.failure !== failure || last.stale !== stale)
      this.snapshot = { problems, stale, failure };
    return this.snapshot;
  };

  private start(): void {
    this.stopWatching = this.store.subscribe(() => {
      if (this.store.doc === this.scheduledFor) return;
      this.schedule();
      this.notify();
    });
    if (this.checked?.doc !== this.store.doc) this.schedule();
  }

  private stop(): void {
    this.stopWatching?.();
    this.cancelPending?.();
    this.stopWatching = this.cancelPending = this.scheduledFor = undefined;
  }

  private schedule(): void {
    this.cancelPending?.();
    const doc = this.store.doc;
    this.scheduledFor = doc;
    let current = true;
    let idle: number | undefined;
    const run = () => {
      idle = undefined;
      // Inside a promise, so that a throw is reported like a rejection.
      new Promise<Finding[]>((resolve) => resolve(this.check(schemaOf(doc)))).then(
        (findings) =>
          current && this.settle({ doc, problems: problemsOf(doc, findings), failure: undefined }),
        (error: unknown) =>
          current &&
          this.settle({
            doc,
            problems: this.checked?.problems,
            failure: error instanceof Error ? error.message : String(error),
          }),
      );
    };
    const timer = setTimeout(() => {
      if (typeof requestIdleCallback === "function")
        idle = requestIdleCallback(run, { timeout: 1_000 });
      else run();
    }, this.delayMs);
    this.cancelPending = () => {
      current = false;
      clearTimeout(timer);
      if (idle !== undefined) cancelIdleCallback(idle);
    };
  }

  private settle(checked: Checked): void {
    this.cancelPending = undefined;
    this.checked = checked;
    this.notify();
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}

const checks = new WeakMap<DesignerStore, Map<string, DesignCheck>>();
const checkIds = new WeakMap<object, number>();
let lastCheckId = 0;

function designCheck(
  store: DesignerStore,
  delayMs: number,
  check: (schema: JsonObject) => Promise<Finding[]>,
): DesignCheck {
  if (!checkIds.has(check)) checkIds.set(check, ++lastCheckId);
  const key = `${checkIds.get(check)}:${delayMs}`;
  let byKey = checks.get(store);
  if (!byKey) checks.set(store, (byKey = new Map()));
  let shared = byKey.get(key);
  if (!shared) byKey.set(key, (shared = new DesignCheck(store, delayMs, check)));
  return shared;
}

/**
 * The core's findings for the current design (and a compile failure), kept live: each change is checked once the edits
 * pause and the browser is idle, off the keystroke's path. The previous findings stay shown
 * (marked stale) meanwhile. Every component asking for the same store shares one check.
 */
export function useDesignProblems(
  store: DesignerStore,
  { delayMs = 150, check = checkDesignAndCompile }: CheckTiming = {},
): DesignProblems {
  const shared = designCheck(store, delayMs, check);
  return useSyncExternalStore(shared.subscribe, shared.getSnapshot, shared.getSnapshot);
}
