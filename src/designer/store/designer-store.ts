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
   * not an edit of this design, so history, selection and refusal start afresh.
   */
  load(doc: CredentialDocument): void {
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

  get canUndo(): boolean {
    return canUndo(this.state.editor);
  }

  get canRedo(): boolean {
    return canRedo(this.state.editor);
  }

  undo(): void {
    if (this.canUndo) this.showStep(undo(this.state.editor));
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
