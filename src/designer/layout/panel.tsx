import type { ReactNode, Ref } from "react";
import { PanelLeftOpen, PanelRightOpen, X } from "../ui/icons.ts";

/**
 * A side panel of the wide layout: its landmark (named `label`) stays in the page when collapsed,
 * as a thin strip holding the button that brings it back; its content stays mounted (what was
 * typed in the preview survives). `hideable` is false where tabs arrange the panels instead.
 */
export function SidePanel({
  as: Element,
  id,
  label,
  side,
  collapsed,
  hideable,
  hidden,
  onCollapsedChange,
  bodyRef,
  className,
  before,
  children,
}: {
  as: "aside" | "section";
  id: string;
  label: string;
  side: "left" | "right";
  collapsed: boolean;
  hideable: boolean;
  /** Not shown at all (another tab is). */
  hidden?: boolean;
  onCollapsedChange: (collapsed: boolean) => void;
  bodyRef?: Ref<HTMLDivElement>;
  className?: string;
  /** What comes before the content: the panel's separator, the tabs that switch panels. */
  before?: ReactNode;
  children: ReactNode;
}) {
  const ShowIcon = side === "left" ? PanelLeftOpen : PanelRightOpen;
  const shownCollapsed = hideable && collapsed;
  return (
    <Element
      id={id}
      aria-label={label}
      className={`cd-panel${className ? ` ${className}` : ""}`}
      data-collapsed={shownCollapsed || undefined}
      hidden={hidden}
    >
      {before}
      {shownCollapsed ? (
        <button
          type="button"
          className="cd-panel-show"
          aria-expanded="false"
          aria-controls={`${id}-body`}
          title={`Show the ${label.toLowerCase()}`}
          onClick={() => onCollapsedChange(false)}
        >
          <ShowIcon aria-hidden="true" size={16} />
          <span>Show {label}</span>
        </button>
      ) : (
        hideable && (
          <button
            type="button"
            className="cd-icon cd-panel-hide"
            aria-expanded="true"
            aria-controls={`${id}-body`}
            aria-label={`Hide ${label}`}
            title={`Hide the ${label.toLowerCase()}`}
            onClick={() => onCollapsedChange(true)}
          >
            <X size={16} />
          </button>
        )
      )}
      <div id={`${id}-body`} ref={bodyRef} className="cd-panel-body" hidden={shownCollapsed}>
        {children}
      </div>
    </Element>
  );
}
