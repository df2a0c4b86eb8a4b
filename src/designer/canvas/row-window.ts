import {
  createContext,
  type RefObject,
  useContext,
  useLayoutEffect,
  useMemo,
  useState,
} from "react";
import {
  type CredentialDocument,
  discriminatorKey,
  type FieldNode,
  locate,
} from "../../model/index.ts";
import { shownFields } from "../dnd/drop-target.ts";

/*
 * The canvas renders only the rows near what its scroll box shows, when the design has many rows
 * (a 1 MB design has about 10,000: rendering them all was a task of seconds). The tree keeps its
 * nesting (lists in rows, as canvas-geometry.ts and the keys read it); in each list, the rows far
 * from view are replaced by spacers as high as they would be. Heights are known from the design:
 * every row is one line of `--cd-row-height`, a list ends in an end zone, an empty one in a box.
 * The selected row (the tree's tab stop, which has the focus) and the dragged one stay rendered
 * wherever they are, and so do the rows they are in.
 */

/** Heights in px, as canvas.css draws them: a row (`--cd-row-height`), a list's end zone, an empty list's box. */
export const ROW_HEIGHT = 36;
const END_HEIGHT = 8;
const EMPTY_HEIGHT = 44;

/** Designs with no more rows than this render every row (their behaviour is as it always was). */
export const WINDOWED_FROM_ROWS = 150;

/** The px band (in the root list's coordinates) whose rows are rendered, and the rows kept rendered anyway. */
export interface RowWindow {
  readonly top: number;
  readonly bottom: number;
  /** Nodes whose rows stay rendered wherever they are (the tab stop, the dragged row) and their ancestors. */
  readonly pinned: ReadonlySet<string>;
  readonly heights: Heights;
}

/** Undefined: every row is rendered (small designs, and where the canvas is not windowed). */
export const RowWindowContext = createContext<RowWindow | undefined>(undefined);

export const useRowWindow = () => useContext(RowWindowContext);

/** Row and list heights of one document under one set of folded nodes, worked out once per node. */
export class Heights {
  private readonly rows = new WeakMap<FieldNode, number>();
  constructor(private readonly collapsed: ReadonlySet<string>) {}

  /** A field's row with what it shows nested under it (a group's fields, a choice's branches). */
  row(node: FieldNode): number {
    let height = this.rows.get(node);
    if (height === undefined) {
      height = ROW_HEIGHT;
      if (!this.collapsed.has(node.id)) {
        if (node.fields) height += this.list(node);
        if (node.branches) height += this.branchList(node);
      }
      this.rows.set(node, height);
    }
    return height;
  }

  /** A list of fields (FieldList): its rows and its end zone, or the empty box. */
  list(container: FieldNode, discriminator?: string): number {
    const fields = shownFields(container.fields ?? [], discriminator);
    if (fields.length === 0) return EMPTY_HEIGHT;
    let height = END_HEIGHT;
    for (const field of fields) height += this.row(field);
    return height;
  }

  /** A choice's branches (BranchList) and its end zone. */
  branchList(choice: FieldNode): number {
    const discriminator = discriminatorKey(choice);
    let height = END_HEIGHT;
    for (const branch of choice.branches ?? []) height += this.branchRow(branch, discriminator);
    return height;
  }

  branchRow(branch: FieldNode, discriminator: string): number {
    let height = this.rows.get(branch);
    if (height === undefined) {
      height = ROW_HEIGHT;
      if (!this.collapsed.has(branch.id)) height += this.list(branch, discriminator);
      this.rows.set(branch, height);
    }
    return height;
  }
}

/** The nodes in `ids` and every node they are in. */
export function withAncestors(
  doc: CredentialDocument,
  ids: ReadonlyArray<string | undefined>,
): Set<string> {
  const pinned = new Set<string>();
  for (const id of ids) {
    if (id === undefined) continue;
    const located = locate(doc, id);
    if (!located) continue;
    pinned.add(id);
    for (const step of located.path) pinned.add(step.parent.id);
  }
  return pinned;
}

/** How far beyond the scroll box rows are rendered (px, each way), and the step the band moves by. */
const OVERSCAN = 600;
const STEP = 360;

/**
 * The band of the root list (px from its top) near what the canvas's scroll box shows, updated
 * as it scrolls or resizes, in steps (so scrolling renders again every few rows, not every
 * pixel). `enabled`: false for a small design (nothing is measured).
 */
export function useVisibleBand(
  canvas: RefObject<HTMLElement | null>,
  enabled: boolean,
): { top: number; bottom: number } {
  const [band, setBand] = useState({ top: 0, bottom: 2 * OVERSCAN + 1200 });
  useLayoutEffect(() => {
    const element = canvas.current;
    if (!enabled || !element) return;
    const scroller = scrollParent(element);
    let frame = 0;
    const measure = () => {
      frame = 0;
      const list = element.querySelector<HTMLElement>(":scope > .cd-list");
      if (!list) return;
      const box = scroller
        ? scroller.getBoundingClientRect()
        : { top: 0, bottom: window.innerHeight };
      const listTop = list.getBoundingClientRect().top;
      const top = Math.floor((box.top - listTop - OVERSCAN) / STEP) * STEP;
      const bottom = Math.ceil((box.bottom - listTop + OVERSCAN) / STEP) * STEP;
      setBand((now) => (now.top === top && now.bottom === bottom ? now : { top, bottom }));
    };
    const schedule = () => void (frame ||= requestAnimationFrame(measure));
    measure();
    const target: HTMLElement | Window = scroller ?? window;
    target.addEventListener("scroll", schedule, { passive: true });
    const resize = typeof ResizeObserver === "function" ? new ResizeObserver(schedule) : undefined;
    resize?.observe(scroller ?? element);
    return () => {
      target.removeEventListener("scroll", schedule);
      resize?.disconnect();
      cancelAnimationFrame(frame);
    };
  }, [canvas, enabled]);
  return band;
}

/** The nearest ancestor that scrolls vertically (the canvas's panel), or none (the page scrolls). */
function scrollParent(element: HTMLElement): HTMLElement | undefined {
  for (let at = element.parentElement; at; at = at.parentElement) {
    const { overflowY } = getComputedStyle(at);
    if (overflowY === "auto" || overflowY === "scroll") return at;
  }
  return undefined;
}

/** The window for the canvas: undefined (render everything) while the design is small. */
export function useCanvasWindow(
  doc: CredentialDocument,
  collapsed: ReadonlySet<string>,
  pinnedIds: ReadonlyArray<string | undefined>,
  canvas: RefObject<HTMLElement | null>,
): RowWindow | undefined {
  const heights = useMemo(() => new Heights(collapsed), [collapsed]);
  const rootHeight = heights.list(doc.root);
  const enabled = rootHeight > WINDOWED_FROM_ROWS * ROW_HEIGHT;
  const band = useVisibleBand(canvas, enabled);
  const [first, second] = pinnedIds;
  const pinned = useMemo(() => withAncestors(doc, [first, second]), [doc, first, second]);
  return useMemo(
    () => (enabled ? { top: band.top, bottom: band.bottom, pinned, heights } : undefined),
    [enabled, band, pinned, heights],
  );
}
