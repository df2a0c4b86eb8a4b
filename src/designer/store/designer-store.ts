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
}

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
    this.state = { editor: createEditorState(doc), selected: undefined, refusal: undefined };
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
    this.set({
      editor,
      refusal: undefined,
      selected: select ? select(editor.doc) : this.keptSelection(editor.doc),
    });
    return undefined;
  }

  /**
   * Replaces the design with another one (a design opened, a new one, another tab's version):
   * not an edit of this design, so history, selection and refusal start afresh.
   */
  load(doc: CredentialDocument): void {
    this.set({ editor: createEditorState(doc), selected: undefined, refusal: undefined });
  }

  select(id: string | undefined): void {
    if (id !== this.state.selected) this.set({ selected: id, refusal: undefined });
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
    if (!this.canUndo) return;
    const editor = undo(this.state.editor);
    this.set({ editor, refusal: undefined, selected: this.keptSelection(editor.doc) });
  }

  redo(): void {
    if (!this.canRedo) return;
    const editor = redo(this.state.editor);
    this.set({ editor, refusal: undefined, selected: this.keptSelection(editor.doc) });
  }

  /** The selection, if its node is still in the document. */
  private keptSelection(doc: CredentialDocument): string | undefined {
    const id = this.state.selected;
    return id !== undefined && locate(doc, id) ? id : undefined;
  }

  private set(change: Partial<DesignerState>): void {
    this.state = { ...this.state, ...change };
    for (const listener of this.listeners) listener();
  }
}
