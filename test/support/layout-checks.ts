import type { Page } from "playwright-core";

/**
 * Geometry read off the designer page for the shell's end-to-end tests: overlapping text and
 * controls, a page that scrolls, a box that is off screen.
 */

export interface Overlap {
  readonly a: string;
  readonly b: string;
}

/**
 * Every pair of text runs, icons and form controls of different elements that overlap inside
 * each element matched by `selector` (a canvas row, the header). A text run is measured as shown:
 * clipped by the nearest ancestor that hides its overflow (an ellipsis), so a long title cut short
 * is measured where it is drawn.
 */
export function overlapsWithin(page: Page, selector: string): Promise<Overlap[]> {
  return page.evaluate((selector) => {
    interface Box {
      left: number;
      top: number;
      right: number;
      bottom: number;
    }
    const found: { a: string; b: string }[] = [];
    const describe = (node: Node) => {
      const element = node instanceof Element ? node : node.parentElement!;
      const label = element.getAttribute("aria-label") ?? "";
      return `${element.tagName.toLowerCase()}.${element.getAttribute("class") ?? ""}${label ? `[${label}]` : ""} "${(node.textContent ?? "").trim().slice(0, 30)}"`;
    };
    /** The box as drawn: cut by `from` and each ancestor of it that hides its overflow. */
    const clipOf = (from: Element | null, box: Box): Box | undefined => {
      let clipped = box;
      for (let at = from; at; at = at.parentElement) {
        const style = getComputedStyle(at);
        if (style.overflowX !== "visible" || style.overflowY !== "visible") {
          const clip = at.getBoundingClientRect();
          clipped = {
            left: Math.max(clipped.left, clip.left),
            top: Math.max(clipped.top, clip.top),
            right: Math.min(clipped.right, clip.right),
            bottom: Math.min(clipped.bottom, clip.bottom),
          };
        }
      }
      // A box of a pixel or less is text kept for screen readers only (clipped away).
      return clipped.right - clipped.left > 1.5 && clipped.bottom - clipped.top > 1.5
        ? clipped
        : undefined;
    };
    const hidden = (element: Element) => {
      for (let at: Element | null = element; at; at = at.parentElement) {
        const style = getComputedStyle(at);
        if (style.display === "none" || style.visibility === "hidden") return true;
        if (at.classList.contains("cd-visually-hidden")) return true;
      }
      return false;
    };
    for (const container of document.querySelectorAll(selector)) {
      const parts: { node: Node; owner: Element; box: Box }[] = [];
      const walker = document.createTreeWalker(
        container,
        NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT,
      );
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (node instanceof Text) {
          if (!node.data.trim()) continue;
          const owner = node.parentElement!;
          if (owner.closest("svg") || hidden(owner)) continue;
          const range = document.createRange();
          range.selectNodeContents(node);
          const box = clipOf(owner, range.getBoundingClientRect());
          if (box) parts.push({ node, owner, box });
        } else if (node instanceof Element) {
          const control = node.matches("svg, input, select, textarea");
          if (!control || node.parentElement?.closest("svg") || hidden(node)) continue;
          const box = clipOf(node.parentElement, node.getBoundingClientRect());
          if (box) parts.push({ node, owner: node, box });
        }
      }
      for (let i = 0; i < parts.length; i++)
        for (let j = i + 1; j < parts.length; j++) {
          const a = parts[i]!;
          const b = parts[j]!;
          if (a.owner === b.owner || a.owner.contains(b.owner) || b.owner.contains(a.owner))
            continue;
          const overlap =
            Math.min(a.box.right, b.box.right) - Math.max(a.box.left, b.box.left) > 0.5 &&
            Math.min(a.box.bottom, b.box.bottom) - Math.max(a.box.top, b.box.top) > 0.5;
          if (overlap) found.push({ a: describe(a.node), b: describe(b.node) });
        }
    }
    return found;
  }, selector);
}

/** How far the page itself scrolls each way (its panels scroll, the page must not). */
export function pageScroll(page: Page): Promise<{ x: number; y: number }> {
  return page.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement;
    return {
      x: Math.max(0, root.scrollWidth - innerWidth),
      y: Math.max(0, root.scrollHeight - innerHeight),
    };
  });
}

/** Whether the element's box lies wholly inside the window and inside every box that clips it. */
export function whollyInView(page: Page, selector: string): Promise<boolean> {
  return page.evaluate((selector) => {
    const element = document.querySelector(selector);
    if (!element) return false;
    const box = element.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) return false;
    const inside = (outer: { left: number; top: number; right: number; bottom: number }) =>
      box.left >= outer.left - 0.5 &&
      box.top >= outer.top - 0.5 &&
      box.right <= outer.right + 0.5 &&
      box.bottom <= outer.bottom + 0.5;
    if (!inside({ left: 0, top: 0, right: innerWidth, bottom: innerHeight })) return false;
    for (let at = element.parentElement; at; at = at.parentElement) {
      const style = getComputedStyle(at);
      if (style.overflowX !== "visible" || style.overflowY !== "visible")
        if (!inside(at.getBoundingClientRect())) return false;
    }
    return true;
  }, selector);
}
