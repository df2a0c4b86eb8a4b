import { memo, useId, useMemo } from "react";
import { autofixCommand } from "../../check/autofix.ts";
import { locate } from "../../model/index.ts";
import type { DesignerStore } from "../store/designer-store.ts";
import { CircleAlert, TriangleAlert } from "../ui/icons.ts";
import {
  type PendingEditWithProblem,
  pendingProblemWords,
  usePendingEditProblem,
} from "./pending-edit-problem.ts";
import { nodeIdAtPointer, type Problem } from "./problem-targets.ts";
import { type CheckTiming, useDesignProblems } from "./use-design-problems.ts";
import "./problems.css";
import { focusRow } from "../canvas/focus-row.ts";

const SEVERITY_WORDS = { error: "Error", warning: "Warning" } as const;
const SEVERITY_ICONS = { error: CircleAlert, warning: TriangleAlert } as const;

/**
 * The core's `check` findings for the current design, live. Each is a button naming its
 * severity, message and field, with the fix under it; choosing one selects the field, so the
 * canvas and the inspector show it, and moves the focus to its canvas row.
 * Typing in the Schema JSON that cannot be applied comes first, as an error at its line and
 * column; choosing it shows the JSON (`onShowSchemaJson`) with the cursor there.
 * Rendered inside the page's `<section aria-label="Problems">`.
 */
export function ProblemsList({
  store,
  timing,
  onShowSchemaJson,
}: {
  store: DesignerStore;
  timing?: CheckTiming;
  /** Shows the Schema JSON view (the canvas column's JSON tab). */
  onShowSchemaJson?: () => void;
}) {
  const { problems, stale, failure } = useDesignProblems(store, timing);
  const pending = usePendingEditProblem(store);
  const headingId = useId();
  // Built once per result: the component re-renders on every change of the design, the list need not.
  const items = useMemo(
    () =>
      problems?.map((problem, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a problem has no identity but its place in this result
        <ProblemItem key={index} store={store} problem={problem} />
      )),
    [store, problems],
  );
  return (
    <div className="cd-problems" aria-busy={stale}>
      <h2 id={headingId} tabIndex={-1}>
        {problems ? `Problems (${problems.length + (pending ? 1 : 0)})` : "Problems"}
      </h2>
      {failure !== undefined && (
        <p className="cd-problems-failure">The design could not be checked: {failure}</p>
      )}
      {problems === undefined && failure === undefined && (
        <p className="designer-hint">Checking the design…</p>
      )}
      {problems?.length === 0 && !pending ? (
        <p className="designer-hint">No problems found.</p>
      ) : (
        (pending || (problems && problems.length > 0)) && (
          <ul role="list" aria-labelledby={headingId} className="cd-problem-list">
            {pending && <PendingEditItem pending={pending} onShow={onShowSchemaJson} />}
            {items}
          </ul>
        )
      )}
    </div>
  );
}

const ProblemItem = memo(function ProblemItem({
  store,
  problem,
}: {
  store: DesignerStore;
  problem: Problem;
}) {
  const fixId = useId();
  const messageId = useId();
  const { severity, message, fix } = problem.finding;
  const Icon = SEVERITY_ICONS[severity];
  return (
    <li className={`cd-problem cd-problem-${severity}`}>
      <button
        type="button"
        className="cd-line-button cd-problem-show"
        aria-describedby={fixId}
        onClick={() => showProblem(store, problem)}
      >
        <Icon className="cd-problem-icon" size={16} />
        <span id={messageId} className="cd-problem-text">
          <span className="cd-problem-severity">{SEVERITY_WORDS[severity]}:</span> {message}{" "}
          <span className="cd-problem-place">— {problem.place}</span>
        </span>
      </button>
      <p id={fixId} className="cd-problem-fix">
        Fix: {fix}
      </p>
      {problem.finding.autofix && (
        <button
          type="button"
          className="cd-problem-autofix"
          aria-describedby={messageId}
          onClick={() => applyFix(store, problem)}
        >
          {problem.finding.autofix.label}
        </button>
      )}
    </li>
  );
});

/**
 * The finding's mechanical fix, as one undo step (the inspector offers the same button next to
 * its control). The finding and its button go with the next check: the focus goes to the list's
 * heading, not to the page's start. A fix that no longer applies is refused by the store, which
 * says why.
 */
function applyFix(store: DesignerStore, problem: Problem): void {
  const list = document.activeElement?.closest(".cd-problems");
  const refused = store.run((doc) => autofixCommand(doc, problem.finding));
  if (refused === undefined) list?.querySelector<HTMLElement>("h2")?.focus();
}

/** The Schema JSON's text that cannot be applied: choosing it puts the cursor at its place. */
function PendingEditItem({
  pending,
  onShow,
}: {
  pending: PendingEditWithProblem;
  onShow: (() => void) | undefined;
}) {
  const fixId = useId();
  const { message, place, fix } = pendingProblemWords(pending.problem);
  return (
    <li className="cd-problem cd-problem-error">
      <button
        type="button"
        className="cd-line-button cd-problem-show"
        aria-describedby={fixId}
        onClick={() => {
          onShow?.();
          pending.reveal();
        }}
      >
        <CircleAlert className="cd-problem-icon" size={16} />
        <span className="cd-problem-text">
          <span className="cd-problem-severity">{SEVERITY_WORDS.error}:</span> {message}{" "}
          <span className="cd-problem-place">— {place}</span>
        </span>
      </button>
      <p id={fixId} className="cd-problem-fix">
        Fix: {fix}
      </p>
    </li>
  );
}

/**
 * Selects the problem's field (the window for its own findings) and focuses its canvas row.
 * The node is found by id when it is still in the design (it may have moved since the check),
 * else by the finding's pointer in the current design.
 */
function showProblem(store: DesignerStore, problem: Problem): void {
  const { nodeId } = problem;
  const id =
    nodeId !== undefined && locate(store.doc, nodeId)
      ? nodeId
      : nodeIdAtPointer(store.doc, problem.finding.pointer);
  store.select(id);
  if (id !== undefined) focusRow(id);
}
