import {
  type CommandResult,
  type CredentialDocument,
  canRedo,
  canUndo,
  createEditorState,
  dispatch,
  type EditorState,
  locate,
  redo,
  undo,
} from "../../model/index.ts";

/** Where a text that cannot become the design is wrong: 1-based, as the CLI reports places. */
export interface PendingEditProblem {
  readonly line: number;
  readonly column: number;
  /** The JSON pointer the importer names, for a schema it refuses; undefined for a syntax error. */
  readonly pointer?: string;
  /** What is wrong, in words (a lowercase clause, as the core's problems are written). */
  readonly problem: string;
  /** How to fix it, in words. */
  readonly fix: string;
}

/**
 * An edit typed in a text view (the Schema JSON editor) and not applied to the design yet: it
 * waits for typing to pause, or cannot be applied (`problem`). It is the newest change, so Undo,
 * wherever it is pressed, drops it before it undoes any step of the design, and there is nothing
 * to redo while it waits. The view that owns the text says so with `setPendingEdit`.
 */
export interface PendingEdit {
  /** What Undo drops, in words for its button ("Typing in the Schema JSON, not applied yet"). */
  readonly label: string;
  /** Why the text cannot become the design; undefined while it waits for typing to pause. */
  readonly problem: PendingEditProblem | undefined;
  /** Drops the typing: the view shows the design again (and says `setPendingEdit(undefined)`). */
  discard(): void;
  /** Shows the text with the cursor where the problem is. */
  reveal(): void;
}

/** What the page shows: the design with its history, the selected field, the last refusal. */
export interface DesignerState {
  readonly editor: EditorState;
  /** Id of the selected node (a field, group, choice or branch); undefined: none. */
  readonly selected: string | undefined;
  /** Why the last change was refused (shown once, near where it was tried), or undefined. */
  readonly refusal: string | undefined;
  /**
   * Ids of the groups, choices and branches folded on the canvas (their children not shown). A
   * view of the design, not part of it: not undoable, not saved. Selecting a node unfolds the
   * nodes it is in.
   */
  readonly collapsed: ReadonlySet<string>;
  /** Typing not applied to the design yet (see {@link PendingEdit}), or undefined. */
  readonly pendingEdit: PendingEdit | undefined;
  /**
   * "Start blank" was chosen on this design: while it has no fields, the canvas shows how to add
   * one rather than the start panel. A view of the design like `collapsed`: not undoable, not
   * saved, and false again when another design is loaded.
   */
  readonly startedBlank: boolean;
}

const NONE_COLLAPSED: ReadonlySet<string> = new Set();

type Listener = () => void;

/**
 * The designer's state outside React: every change goes through `run` (a core command) or
 * undo/redo, so history sees everything. Components subscribe (useSyncExternalStore) and call
 * these methods; they hold no domain rule of their own.
 */
export class DesignerStore {
  private state: DesignerState;
  private readonly listeners = new Set<Listener>();

  constructor(doc: CredentialDocument) {
    this.state = {
      editor: createEditorState(doc),
      selected: undefined,
      refusal: undefined,
      collapsed: NONE_COLLAPSED,
      pendingEdit: undefined,
      startedBlank: false,
    };
  }

  readonly subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };

  readonly getState = (): DesignerState => this.state;

  get doc(): CredentialDocument {
    return this.state.editor.doc;
  }

  /**
   * Applies a core command (built against the current document) as one undoable step, and
   * selects `select` when given. Returns the refusal's reason, or undefined when it was applied.
   */
  run(
    build: (doc: CredentialDocument) => CommandResult,
    select?: (doc: CredentialDocument) => string | undefined,
  ): string | undefined {
    const result = dispatch(this.state.editor, build(this.state.editor.doc));
    if (!result.ok) {
      this.set({ refusal: result.reason });
      return result.reason;
    }
    const editor = result.state;
    const selected = select ? select(editor.doc) : this.keptSelection(editor.doc);
    this.set({
      editor,
      refusal: undefined,
      selected,
      collapsed: this.unfoldedTo(editor.doc, selected),
    });
    return undefined;
  }

  /**
   * Replaces the design with another one (a design opened, a new one, another tab's version):
   * not an edit of this design, so history, selection and refusal start afresh. Typing not
   * applied yet was meant for the design that goes: it is dropped, never applied to this one.
   */
  load(doc: CredentialDocument): void {
    this.state.pendingEdit?.discard();
    if (this.state.pendingEdit) this.set({ pendingEdit: undefined });
    this.set({
      editor: createEditorState(doc),
      selected: undefined,
      refusal: undefined,
      collapsed: NONE_COLLAPSED,
      startedBlank: false,
    });
  }

  /** "Start blank": the empty design's canvas says how to add a field instead of offering templates. */
  startBlank(): void {
    if (!this.state.startedBlank) this.set({ startedBlank: true });
  }

  /** Selects a node (undefined: the window), unfolding the groups, choices and branches it is in. */
  select(id: string | undefined): void {
    const collapsed = this.unfoldedTo(this.doc, id);
    if (id !== this.state.selected || collapsed !== this.state.collapsed)
      this.set({ selected: id, refusal: undefined, collapsed });
  }

  /** Folds a group, choice or branch on the canvas, or unfolds it. */
  toggleCollapsed(id: string): void {
    const collapsed = new Set(this.state.collapsed);
    if (!collapsed.delete(id)) collapsed.add(id);
    this.set({ collapsed });
  }

  /** Forgets the last refusal (its message was read or the attempt given up). */
  dismissRefusal(): void {
    if (this.state.refusal !== undefined) this.set({ refusal: undefined });
  }

  /** A text view has typing that is not applied yet (or no longer has: undefined). */
  setPendingEdit(edit: PendingEdit | undefined): void {
    if (edit !== this.state.pendingEdit) this.set({ pendingEdit: edit });
  }

  get canUndo(): boolean {
    return this.state.pendingEdit !== undefined || canUndo(this.state.editor);
  }

  /** Not while typing waits: that typing is the newest change, as in any editor. */
  get canRedo(): boolean {
    return this.state.pendingEdit === undefined && canRedo(this.state.editor);
  }

  /** Drops the typing not applied yet, if there is some; otherwise undoes the design's last step. */
  undo(): void {
    const pending = this.state.pendingEdit;
    if (pending) {
      pending.discard();
      this.setPendingEdit(undefined);
    } else if (this.canUndo) this.showStep(undo(this.state.editor));
  }

  redo(): void {
    if (this.canRedo) this.showStep(redo(this.state.editor));
  }

  /** After undo or redo: the selection kept if its node still exists, and unfolded to. */
  private showStep(editor: EditorState): void {
    const selected = this.keptSelection(editor.doc);
    this.set({
      editor,
      refusal: undefined,
      selected,
      collapsed: this.unfoldedTo(editor.doc, selected),
    });
  }

  /** The selection, if its node is still in the document. */
  private keptSelection(doc: CredentialDocument): string | undefined {
    const id = this.state.selected;
    return id !== undefined && locate(doc, id) ? id : undefined;
  }

  /**
   * The folded nodes with those that `id` is in unfolded, so that its row shows; the same set when
   * none of them was folded.
   */
  private unfoldedTo(doc: CredentialDocument, id: string | undefined): ReadonlySet<string> {
    const collapsed = this.state.collapsed;
    if (id === undefined || collapsed.size === 0) return collapsed;
    const ancestors = locate(doc, id)?.path.filter((step) => collapsed.has(step.parent.id));
    if (!ancestors || ancestors.length === 0) return collapsed;
    const unfolded = new Set(collapsed);
    for (const step of ancestors) unfolded.delete(step.parent.id);
    return unfolded;
  }

  private set(change: Partial<DesignerState>): void {
    this.state = { ...this.state, ...change };
    for (const listener of this.listeners) listener();
  }
}
