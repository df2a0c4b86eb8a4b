import { Component, type ReactNode } from "react";

interface PanelBoundaryProps {
  /** The panel's name as the page shows it ("Canvas", "Inspector"…), for the message. */
  readonly panel: string;
  readonly children: ReactNode;
}

interface PanelBoundaryState {
  readonly error: Error | undefined;
}

/**
 * An error boundary around one panel: when something inside it throws while rendering, that
 * panel says so in plain words with a "Try again" button instead of the whole page going blank
 * (the error itself under "Details for a bug report"); the other panels, the design and its
 * autosave keep working (undo, Export, Designs…).
 */
export class PanelBoundary extends Component<PanelBoundaryProps, PanelBoundaryState> {
  override state: PanelBoundaryState = { error: undefined };

  static getDerivedStateFromError(error: unknown): PanelBoundaryState {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: unknown): void {
    // For whoever debugs the page; no design content is in a render error's message by design.
    console.error(`The ${this.props.panel} panel stopped:`, error);
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div role="alert" className="cd-panel-failed">
        <p>
          <strong>The {this.props.panel} panel stopped working.</strong> The design is safe, and the
          other panels still work. If the last change caused this, undo it (Ctrl+Z, or ⌘Z on a Mac),
          then try again.
        </p>
        <button type="button" onClick={() => this.setState({ error: undefined })}>
          Try the {this.props.panel} again
        </button>
        {/* What went wrong, for a bug report: the error's own words, which mean little to most. */}
        <details>
          <summary>Details for a bug report</summary>
          <code>
            {error.name}: {error.message}
          </code>
        </details>
      </div>
    );
  }
}
