/**
 * How the user arranged the page: panel sizes, which panels are collapsed, the tab shown in a
 * narrow window, the theme. Layout only: nothing of a design or of what is typed in the preview.
 * Kept in localStorage, read back leniently (a value that is not what we wrote is replaced by the
 * default, one field at a time), so a stale or hand-edited entry never breaks the page.
 */

export type PanelName = "palette" | "inspector" | "preview" | "side" | "problems";
export type ThemeChoice = "system" | "light" | "dark";
/** The tab of the right column in a medium window. */
export type SideTab = "inspector" | "preview";
/** The tab shown in a narrow window (one column). */
export type NarrowTab = "design" | "inspector" | "preview";
export type CanvasView = "design" | "json";

export interface PanelPrefs {
  /** Width (height for Problems) in CSS pixels. */
  readonly size: number;
  readonly collapsed: boolean;
}

export interface LayoutPrefs {
  readonly panels: Readonly<Record<PanelName, PanelPrefs>>;
  readonly sideTab: SideTab;
  readonly narrowTab: NarrowTab;
  readonly canvasView: CanvasView;
  readonly theme: ThemeChoice;
}

/** Each panel's size limits and default, in CSS pixels. */
export const PANEL_LIMITS: Readonly<
  Record<PanelName, { readonly min: number; readonly max: number; readonly initial: number }>
> = {
  palette: { min: 168, max: 320, initial: 200 },
  inspector: { min: 260, max: 560, initial: 300 },
  preview: { min: 280, max: 640, initial: 320 },
  side: { min: 300, max: 560, initial: 360 },
  problems: { min: 96, max: 480, initial: 136 },
};

export const DEFAULT_PREFS: LayoutPrefs = {
  panels: {
    palette: { size: PANEL_LIMITS.palette.initial, collapsed: false },
    inspector: { size: PANEL_LIMITS.inspector.initial, collapsed: false },
    preview: { size: PANEL_LIMITS.preview.initial, collapsed: false },
    side: { size: PANEL_LIMITS.side.initial, collapsed: false },
    problems: { size: PANEL_LIMITS.problems.initial, collapsed: false },
  },
  sideTab: "inspector",
  narrowTab: "design",
  canvasView: "design",
  theme: "system",
};

export function clampSize(panel: PanelName, size: number): number {
  const { min, max } = PANEL_LIMITS[panel];
  return Math.round(Math.min(max, Math.max(min, size)));
}

const oneOf = <T extends string>(value: unknown, choices: readonly T[], fallback: T): T =>
  choices.includes(value as T) ? (value as T) : fallback;

/** Prefs from what storage held (any JSON, or nothing): each unusable part falls back to its default. */
export function parsePrefs(stored: unknown): LayoutPrefs {
  const record = isRecord(stored) ? stored : {};
  const panels = isRecord(record.panels) ? record.panels : {};
  const panel = (name: PanelName): PanelPrefs => {
    const value = isRecord(panels[name]) ? panels[name] : {};
    const fallback = DEFAULT_PREFS.panels[name];
    return {
      size:
        typeof value.size === "number" && Number.isFinite(value.size)
          ? clampSize(name, value.size)
          : fallback.size,
      collapsed: typeof value.collapsed === "boolean" ? value.collapsed : fallback.collapsed,
    };
  };
  return {
    panels: {
      palette: panel("palette"),
      inspector: panel("inspector"),
      preview: panel("preview"),
      side: panel("side"),
      problems: panel("problems"),
    },
    sideTab: oneOf(record.sideTab, ["inspector", "preview"], DEFAULT_PREFS.sideTab),
    narrowTab: oneOf(record.narrowTab, ["design", "inspector", "preview"], DEFAULT_PREFS.narrowTab),
    canvasView: oneOf(record.canvasView, ["design", "json"], DEFAULT_PREFS.canvasView),
    theme: oneOf(record.theme, ["system", "light", "dark"], DEFAULT_PREFS.theme),
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * The widths the wide layout gives its side panels in a window `width` wide: the user's sizes
 * when they fit beside a canvas of at least `canvasMin`, else each shrunk in proportion (never
 * under its minimum), so a window made smaller never pushes a panel off screen.
 */
export function fitSidePanels(
  width: number,
  canvasMin: number,
  sizes: Readonly<Partial<Record<PanelName, number>>>,
): Partial<Record<PanelName, number>> {
  const names = Object.keys(sizes) as PanelName[];
  const total = names.reduce((sum, name) => sum + (sizes[name] ?? 0), 0);
  const room = width - canvasMin;
  if (total <= room || total === 0) return { ...sizes };
  const slack = names.reduce((sum, name) => sum + (sizes[name]! - PANEL_LIMITS[name].min), 0);
  const over = total - room;
  const fitted: Partial<Record<PanelName, number>> = {};
  for (const name of names) {
    const own = sizes[name]! - PANEL_LIMITS[name].min;
    const cut = slack > 0 ? Math.min(own, (over * own) / slack) : 0;
    fitted[name] = Math.floor(sizes[name]! - cut);
  }
  return fitted;
}
