import { type KeyboardEvent, type ReactNode, useRef } from "react";

export interface TabSpec<T extends string> {
  readonly value: T;
  readonly label: ReactNode;
  /** Id of the panel the tab shows. */
  readonly controls: string;
  readonly name?: string;
}

/**
 * A tab list (WAI-ARIA APG, activation follows focus): one tab stop, arrows, Home and End move
 * between tabs. The panels are the caller's: each names itself and is hidden when not selected.
 */
export function Tabs<T extends string>({
  label,
  tabs,
  selected,
  onSelect,
  className,
}: {
  label: string;
  tabs: readonly TabSpec<T>[];
  selected: T;
  onSelect: (value: T) => void;
  className?: string;
}) {
  const list = useRef<HTMLDivElement>(null);
  const onKeyDown = (event: KeyboardEvent) => {
    const index = tabs.findIndex((tab) => tab.value === selected);
    let next: number | undefined;
    if (event.key === "ArrowRight") next = (index + 1) % tabs.length;
    else if (event.key === "ArrowLeft") next = (index - 1 + tabs.length) % tabs.length;
    else if (event.key === "Home") next = 0;
    else if (event.key === "End") next = tabs.length - 1;
    if (next === undefined) return;
    event.preventDefault();
    const tab = tabs[next]!;
    onSelect(tab.value);
    list.current?.querySelectorAll<HTMLElement>('[role="tab"]')[next]?.focus();
    // Where each panel carries the tabs, the chosen panel's own copy takes the focus once shown.
    requestAnimationFrame(() => {
      const shown = document.getElementById(tab.controls);
      shown?.querySelector<HTMLElement>(`[role="tab"][aria-controls="${tab.controls}"]`)?.focus();
    });
  };
  return (
    <div
      ref={list}
      role="tablist"
      aria-label={label}
      className={`cd-tabs${className ? ` ${className}` : ""}`}
      onKeyDown={onKeyDown}
    >
      {tabs.map((tab) => (
        <button
          key={tab.value}
          type="button"
          role="tab"
          aria-selected={tab.value === selected}
          aria-controls={tab.controls}
          aria-label={tab.name}
          tabIndex={tab.value === selected ? 0 : -1}
          onClick={() => onSelect(tab.value)}
        >
          {tab.label}
        </button>
      ))}
    </div>
  );
}
