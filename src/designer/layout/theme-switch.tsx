import { type KeyboardEvent, useRef } from "react";
import type { IconComponent } from "../ui/icon.tsx";
import { Monitor, Moon, Sun } from "../ui/icons.ts";
import type { ThemeChoice } from "./layout-prefs.ts";
import { type LayoutStore, useLayout } from "./layout-store.ts";

const CHOICES: readonly { value: ThemeChoice; label: string; Icon: IconComponent }[] = [
  { value: "system", label: "System theme", Icon: Monitor },
  { value: "light", label: "Light theme", Icon: Sun },
  { value: "dark", label: "Dark theme", Icon: Moon },
];

/**
 * Light, dark or the system's preference (the default), as a radio group of three icon buttons
 * (one tab stop; arrows move and choose). The choice is remembered with the layout.
 */
export function ThemeSwitch({ layout }: { layout: LayoutStore }) {
  const theme = useLayout(layout, (prefs) => prefs.theme);
  const group = useRef<HTMLDivElement>(null);
  const choose = (index: number) => {
    const choice = CHOICES[(index + CHOICES.length) % CHOICES.length]!;
    layout.set("theme", choice.value);
    group.current?.querySelector<HTMLElement>(`[data-theme-choice="${choice.value}"]`)?.focus();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const index = CHOICES.findIndex((choice) => choice.value === theme);
    if (event.key === "ArrowRight" || event.key === "ArrowDown") choose(index + 1);
    else if (event.key === "ArrowLeft" || event.key === "ArrowUp") choose(index - 1);
    else return;
    event.preventDefault();
  };
  return (
    <div
      ref={group}
      role="radiogroup"
      aria-label="Theme"
      className="cd-segmented"
      onKeyDown={onKeyDown}
    >
      {CHOICES.map(({ value, label, Icon }) => (
        <button
          key={value}
          type="button"
          role="radio"
          aria-checked={theme === value}
          aria-label={label}
          title={label}
          data-theme-choice={value}
          tabIndex={theme === value ? 0 : -1}
          className="cd-icon"
          onClick={() => layout.set("theme", value)}
        >
          <Icon size={16} />
        </button>
      ))}
    </div>
  );
}
