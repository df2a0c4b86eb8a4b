import {
  type KeyboardEvent,
  type ReactNode,
  useCallback,
  useEffect,
  useId,
  useRef,
  useState,
} from "react";
import { ChevronDown } from "./icons.ts";
import "./menu-button.css";

export interface MenuItem {
  readonly key: string;
  readonly label: ReactNode;
  /** The item's accessible name when its label is not plain text (or should say more). */
  readonly name?: string;
  readonly disabled?: boolean;
  readonly onSelect: () => void;
  /** Draws a line above the item, starting a new group. */
  readonly separated?: boolean;
  /**
   * A second line under the label, and the item's accessible description: e.g. why a disabled
   * item is not available.
   */
  readonly description?: string;
}

/**
 * A button that opens a menu (WAI-ARIA APG menu button): Enter, Space or Down opens it on the
 * first item, Up on the last; arrows, Home and End move; Escape or Tab closes it, a choice
 * runs and closes it, and the focus returns to the button.
 */
export function MenuButton({
  label,
  icon,
  items,
  className,
  busy = false,
  title,
  onOpen,
}: {
  label: string;
  icon?: ReactNode;
  items: readonly MenuItem[];
  className?: string;
  busy?: boolean;
  title?: string;
  /** Called each time the menu opens, e.g. to find out which items are available. */
  onOpen?: () => void;
}) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const pendingFocus = useRef<"first" | "last">("first");
  const id = useId();

  const itemElements = () => itemsOf(menu.current);
  const close = useCallback((returnFocus: boolean) => {
    setOpen(false);
    if (returnFocus) button.current?.focus();
  }, []);

  useEffect(() => {
    if (!open) return;
    const elements = itemsOf(menu.current);
    (pendingFocus.current === "first" ? elements[0] : elements.at(-1))?.focus();
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!menu.current?.contains(target) && !button.current?.contains(target)) close(false);
    };
    document.addEventListener("pointerdown", onPointerDown);
    return () => document.removeEventListener("pointerdown", onPointerDown);
  }, [open, close]);

  const openAt = (where: "first" | "last") => {
    pendingFocus.current = where;
    setOpen(true);
    onOpen?.();
  };

  const onButtonKeyDown = (event: KeyboardEvent) => {
    if (event.key === "ArrowDown") openAt("first");
    else if (event.key === "ArrowUp") openAt("last");
    else return;
    event.preventDefault();
  };

  const onMenuKeyDown = (event: KeyboardEvent) => {
    const elements = itemElements();
    const index = elements.indexOf(document.activeElement as HTMLElement);
    const focus = (at: number) => elements[(at + elements.length) % elements.length]?.focus();
    if (event.key === "ArrowDown") focus(index + 1);
    else if (event.key === "ArrowUp") focus(index - 1);
    else if (event.key === "Home") focus(0);
    else if (event.key === "End") focus(elements.length - 1);
    else if (event.key === "Escape") close(true);
    else if (event.key === "Tab") {
      close(false);
      return;
    } else return;
    event.preventDefault();
  };

  return (
    <div className={`cd-menu-button${className ? ` ${className}` : ""}`}>
      <button
        type="button"
        ref={button}
        className="cd-primary"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        aria-busy={busy}
        title={title}
        onClick={() => (open ? close(false) : openAt("first"))}
        onKeyDown={onButtonKeyDown}
      >
        {icon}
        <span className="cd-menu-button-label">{label}</span>
        <ChevronDown size={14} />
      </button>
      {open && (
        <div
          ref={menu}
          id={id}
          role="menu"
          aria-label={label}
          className="cd-menu"
          onKeyDown={onMenuKeyDown}
        >
          {items.map((item) => (
            <div
              key={item.key}
              role="none"
              className={`${item.separated ? "cd-menu-group" : ""}${item.description ? " cd-menu-described" : ""}`}
            >
              <button
                type="button"
                role="menuitem"
                tabIndex={-1}
                aria-label={item.name}
                aria-disabled={item.disabled || undefined}
                aria-describedby={item.description ? `${id}-${item.key}-description` : undefined}
                title={item.description ? `${item.name ?? ""}: ${item.description}` : item.name}
                className="cd-menu-item"
                onClick={() => {
                  if (item.disabled) return;
                  close(true);
                  item.onSelect();
                }}
              >
                {item.label}
              </button>
              {item.description && (
                // Beside the item rather than in it: its name stays what its label shows.
                <div id={`${id}-${item.key}-description`} className="cd-menu-item-description">
                  {item.description}
                </div>
              )}
            </div>
          ))}
        </div>
      )}
    </div>
  );
}

function itemsOf(menu: HTMLElement | null): HTMLElement[] {
  return Array.from(menu?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? []);
}
