import type { Locator, Page } from "playwright-core";

/** The centre of an element on the page (it must be visible). */
export async function center(locator: Locator): Promise<{ x: number; y: number }> {
  const box = await locator.boundingBox();
  if (!box) throw new Error("not visible");
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** A real mouse drag as a person makes it: press, move past dnd-kit's activation distance, glide to the target, release. */
export async function mouseDrag(
  page: Page,
  from: Locator,
  to: { x: number; y: number },
  glideSteps = 12,
): Promise<void> {
  await dragReady(page);
  const start = await center(from);
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(start.x + 8, start.y + 8, { steps: 4 });
  await page.mouse.move(to.x, to.y, { steps: glideSteps });
  await page.mouse.move(to.x, to.y + 1, { steps: 2 });
  await page.mouse.up();
  // dnd-kit swallows clicks for 50 ms after a mouse drag ends (so the drop does not click what it
  // lands on); a person's next click comes later than that, and so does the test's.
  await afterPageTimers(page, 50);
}

/**
 * Waits until the page's drag and drop is there (it is mounted after the first paint; a press
 * before then starts no drag): the canvas says so in `data-drag-ready`.
 */
export async function dragReady(page: Page): Promise<void> {
  await page.locator(".cd-canvas[data-drag-ready]").waitFor({ state: "attached" });
}

/**
 * Resolves once the page has run the timers it has set so far that are due within `ms`: a timer
 * the page sets later with an equal or longer timeout runs after them (HTML's timer ordering). A
 * wait for the page's own timers, not a guess at how long they take on a slow machine.
 */
export function afterPageTimers(page: Page, ms = 0): Promise<void> {
  return page.evaluate(
    (timeout) => new Promise<void>((resolve) => setTimeout(resolve, timeout)),
    ms,
  );
}
