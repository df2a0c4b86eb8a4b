import { defaultKeymap } from "@codemirror/commands";
import { json } from "@codemirror/lang-json";
import {
  bracketMatching,
  defaultHighlightStyle,
  foldGutter,
  foldKeymap,
  HighlightStyle,
  indentOnInput,
  syntaxHighlighting,
} from "@codemirror/language";
import {
  type Diagnostic,
  linter,
  lintGutter,
  lintKeymap,
  setDiagnosticsEffect,
} from "@codemirror/lint";
import { Annotation, EditorState, type Extension } from "@codemirror/state";
import {
  drawSelection,
  EditorView,
  highlightActiveLine,
  highlightActiveLineGutter,
  keymap,
  lineNumbers,
} from "@codemirror/view";
import { type CredentialDocument, replaceDesign } from "../../model/index.ts";
import { type ReadClient, sharedReadClient } from "../import/read-client.ts";
import type { SchemaTextReading } from "../import/read-protocol.ts";
import type { DesignerStore, PendingEdit } from "../store/designer-store.ts";
import { historyKey } from "../store/history-keys.ts";
import { diagnosticText, schemaText, type TextProblem, textChange } from "./schema-text.ts";

/**
 * The editor's look in the designer's tokens (src/designer/ui/tokens.css): every colour is a CSS
 * variable written with light-dark(), so the editor follows the light and dark themes with no
 * second theme to switch to. Its rules win over CodeMirror's base theme, which comes first.
 */
const designerTheme = EditorView.theme({
  "&": {
    color: "var(--cd-color-text)",
    backgroundColor: "var(--cd-color-panel)",
    fontSize: "var(--cd-text-sm)",
  },
  ".cm-scroller": { fontFamily: "var(--cd-font-mono)", lineHeight: "var(--cd-leading)" },
  ".cm-content": { caretColor: "var(--cd-color-text)" },
  ".cm-cursor, .cm-dropCursor": { borderLeftColor: "var(--cd-color-text)" },
  ".cm-selectionBackground, &.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-content ::selection":
    { backgroundColor: "var(--cd-color-accent-subtle)" },
  ".cm-activeLine": { backgroundColor: "var(--cd-color-subtle)" },
  ".cm-gutters": {
    backgroundColor: "var(--cd-color-subtle)",
    color: "var(--cd-color-text-muted)",
    borderRight: "1px solid var(--cd-color-border)",
  },
  ".cm-activeLineGutter": {
    backgroundColor: "var(--cd-color-hover)",
    color: "var(--cd-color-text)",
  },
  "&.cm-focused .cm-matchingBracket": {
    backgroundColor: "var(--cd-color-accent-subtle)",
    outline: "1px solid var(--cd-color-accent)",
  },
  "&.cm-focused .cm-nonmatchingBracket": { backgroundColor: "var(--cd-color-danger-subtle)" },
  ".cm-foldPlaceholder": {
    backgroundColor: "var(--cd-color-subtle)",
    border: "1px solid var(--cd-color-border)",
    color: "var(--cd-color-text-muted)",
  },
  ".cm-tooltip": {
    backgroundColor: "var(--cd-color-panel-raised)",
    border: "1px solid var(--cd-color-border)",
    borderRadius: "var(--cd-radius-sm)",
    color: "var(--cd-color-text)",
    boxShadow: "var(--cd-shadow-2)",
  },
  ".cm-diagnostic": { fontFamily: "var(--cd-font-sans)" },
  ".cm-diagnostic-error": { borderLeftColor: "var(--cd-color-danger)" },
  ".cm-diagnostic-warning": { borderLeftColor: "var(--cd-color-warning)" },
});

/**
 * CodeMirror's default highlighting (its tags) in the designer's colours, each readable on every
 * background token: JSON's strings, numbers and null, true and false, and invalid text.
 */
const TOKEN_COLOURS: Readonly<Record<string, string>> = {
  "#a11": "var(--cd-color-success)",
  "#164": "var(--cd-color-warning)",
  "#219": "var(--cd-color-accent)",
  "#f00": "var(--cd-color-danger)",
};
const designerHighlight = HighlightStyle.define(
  defaultHighlightStyle.specs.map((spec) =>
    typeof spec.color === "string"
      ? { ...spec, color: TOKEN_COLOURS[spec.color] ?? "var(--cd-color-code)" }
      : spec,
  ),
);

/** How long typing must pause before the text is read and applied to the design. */
export const EDIT_DELAY_MS = 400;

/** Marks the transactions that show the design in the editor, as opposed to the user's typing. */
const showsDesign = Annotation.define<true>();

/** What Undo says it drops while the editor's text waits (the toolbar's "Undo: …"). */
export const PENDING_EDIT_LABEL = "Typing in the Schema JSON, not applied yet";

/** What the editor tells the page about the user's text. */
export interface JsonEditorReport {
  /** Why the text cannot become the design; undefined once it is applied or shows the design. */
  readonly problem: TextProblem | undefined;
  /**
   * The design changed elsewhere (the toolbar, the inspector, an import) while the user's edit was
   * waiting: the text no longer shows it, and applying the text will replace those changes.
   */
  readonly changedElsewhere: boolean;
  /**
   * The last text applied was not the design's JSON (YAML, or a connector specification around the
   * window): what was read. The view shows the design as JSON since.
   */
  readonly notice?: string;
}

export interface JsonEditorOptions {
  readonly parent: HTMLElement;
  readonly store: DesignerStore;
  readonly onReport: (report: JsonEditorReport) => void;
  /** Id of the element that describes the editor (the problem message). */
  readonly describedBy?: string;
  readonly delay?: number;
  /** Reads the text off the page's thread (the page's reader worker unless given). */
  readonly reader?: ReadClient;
}

/**
 * The JSON view's CodeMirror editor, tied to the designer's store:
 * - it shows the design's schema, and follows changes made elsewhere while the user has no edit of
 *   their own waiting (replacing only what changed, so the cursor stays where it was);
 * - when typing pauses, the text is read as the CLI reads a file, in the reader worker (so a
 *   large text never holds the page still; a text over the import limit is refused unread); a
 *   design it gives is applied
 *   through the store as one undoable command (`replaceDesign`), a problem is marked where it is
 *   (the lint gutter and an underline) and reported, and the design stays as it was.
 * The linter's idle timer is the debounce: CodeMirror restarts it on every change of the text.
 *
 * The editor has no undo history of its own: its Ctrl/Cmd+Z, Ctrl/Cmd+Shift+Z and Ctrl+Y (and the
 * browser's Undo and Redo) are the design's, the toolbar's. Typing not applied yet is the store's
 * pending edit (`setPendingEdit`), the newest change: Undo drops it first, wherever it is pressed,
 * and its problem is one of the design's problems (the Problems list, the header's count).
 */
export class JsonEditorController {
  readonly view: EditorView;
  private readonly store: DesignerStore;
  private readonly reader: ReadClient;
  private readonly onReport: (report: JsonEditorReport) => void;
  private report: JsonEditorReport = { problem: undefined, changedElsewhere: false };
  /** The design the text shows (unless `edited`). */
  private shown: CredentialDocument;
  /** The user has changed the text since it last showed the design or was applied. */
  private edited = false;
  /** The store is applying the user's text: the change it announces is this editor's own. */
  private applying = false;
  /** While hidden, the editor does not follow the design (it catches up when shown). */
  private visible = true;
  /** Typing not applied yet, as the store holds it; undefined when the text shows the design. */
  private pending: PendingEdit | undefined;
  /** Asked to show the problem while hidden: done once the editor is shown. */
  private revealWanted = false;
  private frame: number | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly unsubscribe: () => void;

  constructor(options: JsonEditorOptions) {
    this.store = options.store;
    this.reader = options.reader ?? sharedReadClient();
    this.onReport = options.onReport;
    this.shown = options.store.doc;
    this.view = new EditorView({
      parent: options.parent,
      state: EditorState.create({
        doc: schemaText(this.shown),
        extensions: this.extensions(options),
      }),
    });
    this.unsubscribe = this.store.subscribe(() => this.designChanged());
  }

  /** Shown or hidden with its region: a hidden editor stops following the design, and catches up when shown. */
  setVisible(visible: boolean): void {
    this.visible = visible;
    if (!visible) return;
    this.showDesign(false);
    if (this.revealWanted) this.reveal();
  }

  /**
   * Focuses the text with the cursor at its problem (or where it was, with none), scrolled into
   * view; while the editor is hidden, as soon as it is shown.
   */
  reveal(): void {
    this.revealWanted = !this.visible;
    if (!this.visible) return;
    const problem = this.report.problem;
    this.view.dispatch({
      ...(problem && { selection: { anchor: Math.min(problem.from, this.view.state.doc.length) } }),
      scrollIntoView: true,
    });
    this.view.focus();
  }

  /** Drops the user's unapplied edit and shows the design. */
  revert(): void {
    this.showDesign(true);
  }

  destroy(): void {
    this.unsubscribe();
    this.setPending(false);
    if (this.frame !== undefined) cancelAnimationFrame(this.frame);
    clearTimeout(this.timer);
    this.view.destroy();
  }

  private extensions(options: JsonEditorOptions): Extension[] {
    return [
      lineNumbers(),
      foldGutter(),
      lintGutter(),
      highlightActiveLineGutter(),
      drawSelection(),
      indentOnInput(),
      bracketMatching(),
      highlightActiveLine(),
      designerTheme,
      syntaxHighlighting(designerHighlight),
      json(),
      linter((view) => this.applyEdit(view), { delay: options.delay ?? EDIT_DELAY_MS }),
      // Undo and redo are the design's (no history() of the editor's own), before any keymap.
      EditorView.domEventHandlers({
        keydown: (event) => this.historyEvent(event, historyKey(event)),
        // The browser's Edit menu and context menu.
        beforeinput: (event) =>
          this.historyEvent(
            event,
            event.inputType === "historyUndo"
              ? "undo"
              : event.inputType === "historyRedo"
                ? "redo"
                : undefined,
          ),
      }),
      // Tab is left to move the focus (no indentWithTab), so the editor is no keyboard trap.
      keymap.of([...defaultKeymap, ...foldKeymap, ...lintKeymap]),
      EditorView.contentAttributes.of({
        "aria-label": "Schema JSON",
        // Focusable as it is (contenteditable); said so, axe knows the scroller holds a focusable part.
        tabindex: "0",
        ...(options.describedBy !== undefined && { "aria-describedby": options.describedBy }),
      }),
      EditorView.updateListener.of((update) => {
        if (
          update.transactions.some(
            (transaction) => transaction.docChanged && !transaction.annotation(showsDesign),
          )
        )
          this.markEdited();
      }),
    ];
  }

  /** Runs the design's undo or redo for a history key or input; false for anything else. */
  private historyEvent(event: Event, action: "undo" | "redo" | undefined): boolean {
    if (action === undefined) return false;
    event.preventDefault();
    if (action === "undo") this.store.undo();
    else this.store.redo();
    return true;
  }

  private markEdited(): void {
    if (this.edited) return;
    this.edited = true;
    this.setPending(true);
  }

  /** Tells the store whether typing waits, and its problem: a new pending edit only when that changes. */
  private setPending(waiting: boolean): void {
    const problem = waiting ? this.report.problem : undefined;
    if (waiting === (this.pending !== undefined) && this.pending?.problem === problem) return;
    this.pending = waiting
      ? {
          label: PENDING_EDIT_LABEL,
          problem,
          discard: () => this.revert(),
          reveal: () => this.reveal(),
        }
      : undefined;
    this.store.setPendingEdit(this.pending);
  }

  /**
   * The linter's run, once typing pauses: apply the user's text, or say why it cannot be. The text
   * is read in the reader worker; a reading of a text that has changed since (more typing, whose
   * own run follows, or the design shown again) is dropped.
   */
  private async applyEdit(view: EditorView): Promise<readonly Diagnostic[]> {
    if (!this.edited) return [];
    const text = view.state.doc;
    let reading: SchemaTextReading;
    try {
      reading = await this.reader.readText(text.toString());
    } catch {
      if (view.state.doc !== text || !this.edited) return [];
      return this.problem({
        from: 0,
        to: Math.min(1, text.length),
        line: 1,
        column: 1,
        problem: "the reader could not be started or stopped working, so the text cannot be read",
        fix: "copy the text, reload the page and paste it again",
      });
    }
    if (view.state.doc !== text || !this.edited) return [];
    if (!reading.ok) return this.problem(reading.problem);
    this.applying = true;
    let refused: string | undefined;
    try {
      refused = this.store.run((doc) => replaceDesign(doc, reading.doc, "Edit the schema JSON"));
    } finally {
      this.applying = false;
    }
    if (refused !== undefined) {
      return this.problem({
        from: 0,
        to: Math.min(1, view.state.doc.length),
        line: 1,
        column: 1,
        problem: refused,
        fix: "change the JSON so that the design can take it",
      });
    }
    if (reading.notice !== undefined) {
      // YAML or an envelope: the view is the design's JSON, so it shows that in place of the text.
      this.showDesign(true, reading.notice);
      return [];
    }
    // The text now is the design: keep it as the user wrote it (their formatting) rather than re-showing it.
    this.edited = false;
    this.shown = this.store.doc;
    this.tell({ problem: undefined, changedElsewhere: false });
    return [];
  }

  private problem(problem: TextProblem): readonly Diagnostic[] {
    this.tell({ ...this.report, problem });
    return [
      {
        from: problem.from,
        to: problem.to,
        severity: "error",
        source: "Schema JSON",
        message: diagnosticText(problem),
      },
    ];
  }

  /** The design changed (from anywhere): show it once the change is painted, so the canvas comes first. */
  private designChanged(): void {
    if (this.applying || this.store.doc === this.shown) return;
    if (this.edited && !this.report.changedElsewhere)
      this.tell({ ...this.report, changedElsewhere: true });
    if (!this.visible || this.frame !== undefined || this.timer !== undefined) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = undefined;
      this.timer = setTimeout(() => {
        this.timer = undefined;
        this.showDesign(false);
      });
    });
  }

  /** Shows the current design, unless the user has an edit waiting (or `dropEdit`). */
  private showDesign(dropEdit: boolean, notice?: string): void {
    const doc = this.store.doc;
    if (this.edited && !dropEdit) return;
    if (doc === this.shown && !this.edited) return;
    const change = textChange(this.view.state.doc.toString(), schemaText(doc));
    this.view.dispatch({
      ...(change && { changes: change }),
      annotations: showsDesign.of(true),
      effects: setDiagnosticsEffect.of([]),
    });
    this.shown = doc;
    this.edited = false;
    this.tell({
      problem: undefined,
      changedElsewhere: false,
      ...(notice !== undefined && { notice }),
    });
  }

  /** Tells the page (the message under the editor) and the store (the pending edit and its problem). */
  private tell(report: JsonEditorReport): void {
    if (
      report.problem !== this.report.problem ||
      report.changedElsewhere !== this.report.changedElsewhere ||
      report.notice !== this.report.notice
    ) {
      this.report = report;
      this.onReport(report);
    }
    this.setPending(this.edited);
  }
}
