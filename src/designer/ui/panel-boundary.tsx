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
 * panel shows what happened and a "Try again" button instead of the whole page going blank;
 * the other panels, the design and its autosave keep working (undo, Export, Designs…).
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
          The {this.props.panel} panel stopped working: {error.message || error.name}. The design is
          safe: undo the last change, or try again.
        </p>
        <button type="button" onClick={() => this.setState({ error: undefined })}>
          Try the {this.props.panel} again
        </button>
      </div>
    );
  }
}
