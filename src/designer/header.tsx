import { CompareWith } from "./compare/compare-with.tsx";
import { ExportMenu } from "./export/export-menu.tsx";
import { HelpDialog } from "./help-dialog.tsx";
import { SchemaImport } from "./import/schema-import.tsx";
import type { LayoutStore } from "./layout/layout-store.ts";
import { ThemeSwitch } from "./layout/theme-switch.tsx";
import { type LayoutMode, useMediaQuery } from "./layout/use-layout-mode.ts";
import { usePendingEditProblem } from "./problems/pending-edit-problem.ts";
import { useDesignProblems } from "./problems/use-design-problems.ts";
import type { Autosave } from "./storage/autosave.ts";
import { DesignsMenu } from "./storage/designs-menu.tsx";
import type { DesignerStore } from "./store/designer-store.ts";
import { useDesigner } from "./store/use-designer.ts";
import { CircleAlert, CircleCheck, PencilRuler, Redo2, TriangleAlert, Undo2 } from "./ui/icons.ts";

/**
 * The page's one-line header: the design's name and save state, Undo and Redo, the problems
 * count, Import…, Compare with…, the Export menu, the theme and help. Its height is fixed
 * (messages are toasts), so nothing here ever moves the panels.
 */
export function Header({
  store,
  autosave,
  layout,
  mode,
  onShowProblems,
}: {
  store: DesignerStore;
  autosave: Autosave | undefined;
  layout: LayoutStore;
  mode: LayoutMode;
  onShowProblems: () => void;
}) {
  // Narrower windows keep every action, as icons (their names stay in the accessible name).
  const compact = mode === "narrow";
  const iconsOnly = !useMediaQuery("(min-width: 1440px)");
  return (
    <header className="designer-header">
      <div className="designer-brand">
        <PencilRuler size={20} />
        <h1 className={mode === "wide" ? undefined : "cd-visually-hidden"}>Credential Designer</h1>
      </div>
      {autosave ? <DesignsMenu autosave={autosave} /> : null}
      <UndoRedo store={store} />
      <div className="designer-header-actions">
        <ProblemsCount store={store} compact={iconsOnly} onShow={onShowProblems} />
        <SchemaImport store={store} compact={compact} />
        <CompareWith store={store} autosave={autosave} compact={iconsOnly} />
        <ExportMenu store={store} />
        <ThemeSwitch layout={layout} />
        <HelpDialog />
      </div>
    </header>
  );
}

function UndoRedo({ store }: { store: DesignerStore }) {
  const editor = useDesigner(store, (state) => state.editor);
  // Typing not applied yet (the Schema JSON) is the newest change: Undo drops it, nothing to redo.
  const pending = useDesigner(store, (state) => state.pendingEdit);
  const last = pending?.label ?? editor.done.at(-1)?.transaction.label;
  const next = pending ? undefined : editor.undone.at(-1)?.transaction.label;
  return (
    <div role="toolbar" aria-label="Design" className="designer-toolbar">
      <button
        type="button"
        className="cd-icon"
        onClick={() => store.undo()}
        disabled={!last}
        aria-label="Undo"
        aria-keyshortcuts="Control+Z Meta+Z"
        title={last ? `Undo: ${last} (Ctrl+Z)` : "Nothing to undo"}
      >
        <Undo2 size={18} />
      </button>
      <button
        type="button"
        className="cd-icon"
        onClick={() => store.redo()}
        disabled={!next}
        aria-label="Redo"
        aria-keyshortcuts="Control+Shift+Z Meta+Shift+Z Control+Y"
        title={next ? `Redo: ${next} (Ctrl+Shift+Z)` : "Nothing to redo"}
      >
        <Redo2 size={18} />
      </button>
    </div>
  );
}

/**
 * The design's problem count, by severity ("1 error, 2 warnings"); pressing it opens the Problems
 * panel. Its icon and colour follow the gravest: a red circle for errors, an amber triangle for
 * warnings only, a green check for none.
 */
function ProblemsCount({
  store,
  compact,
  onShow,
}: {
  store: DesignerStore;
  compact: boolean;
  onShow: () => void;
}) {
  const { problems, failure } = useDesignProblems(store);
  // Text in the Schema JSON view that cannot become the design is an error of the design too.
  const pending = usePendingEditProblem(store) ? 1 : 0;
  const count = problems === undefined ? undefined : problems.length + pending;
  const errors =
    (problems?.filter(({ finding }) => finding.severity === "error").length ?? 0) + pending;
  const warnings = (count ?? 0) - errors;
  const words = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  const text =
    count === undefined
      ? failure !== undefined
        ? "Not checked"
        : "Checking…"
      : count === 0
        ? "No problems"
        : [errors > 0 && words(errors, "error"), warnings > 0 && words(warnings, "warning")]
            .filter(Boolean)
            .join(", ");
  // A check that could not run is no "no problems": the Problems list says why.
  const failed = count === undefined && failure !== undefined;
  const severity = errors > 0 || failed ? "error" : warnings > 0 ? "warning" : "none";
  const Icon = errors > 0 || failed ? CircleAlert : warnings > 0 ? TriangleAlert : CircleCheck;
  return (
    <button
      type="button"
      className={`designer-problems-count designer-problems-count-${severity}${compact ? " cd-icon" : ""}`}
      // Icons only, the button shows the total: its name starts with it (WCAG 2.5.3).
      aria-label={
        compact ? (errors > 0 && warnings > 0 ? `${count} problems: ${text}` : text) : undefined
      }
      title={count ? `${text}: show them in the Problems list` : "Show the problems of the design"}
      onClick={onShow}
    >
      <Icon size={16} />
      {compact ? count ? <span className="designer-count-badge">{count}</span> : null : text}
    </button>
  );
}
