import type { BrowserContext, Page } from "playwright-core";
import type { JsonObject } from "../../src/json/value.ts";

/**
 * Opening the designer page in an end-to-end test, and reading its design. The dev server's
 * page exposes its store as `window.__designerStore` (src/main.tsx, dev only).
 */

export interface OpenDesignerOptions {
  viewport?: { width: number; height: number };
  /** Runs on the new page before it loads (routes, request listeners). */
  before?: (page: Page) => unknown;
}

/** Opens the designer at `url` and waits for it, collecting console errors and page errors in `problems`. */
export async function openDesignerPage(
  context: BrowserContext,
  url: string,
  problems: string[],
  options: OpenDesignerOptions = {},
): Promise<Page> {
  const page = await context.newPage();
  if (options.viewport) await page.setViewportSize(options.viewport);
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console error: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  await options.before?.(page);
  const response = await page.goto(url, { waitUntil: "load" });
  if (response && !response.ok()) throw new Error(`${url} answered ${response.status()}`);
  await page
    .getByRole("heading", { level: 1, name: "Credential Designer" })
    .waitFor({ timeout: 15_000 });
  return page;
}

/** The page's design exported by the project's `toSchema`, run in the page (dev server modules). */
export async function exportedSchema(page: Page): Promise<JsonObject> {
  // As text: Playwright cannot hand over a value nested a few hundred levels deep.
  const text = (await page.evaluate(`(async () => {
    const { toSchema } = await import("/src/schema/to-schema.ts");
    return JSON.stringify(toSchema(window.__designerStore.doc));
  })()`)) as string;
  return JSON.parse(text) as JsonObject;
}

/** How many steps the page's undo history holds. */
export function historyLength(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      (
        window as unknown as { __designerStore: { getState(): { editor: { done: unknown[] } } } }
      ).__designerStore.getState().editor.done.length,
  );
}

/** The header's Export menu button (aria-busy while an export runs). */
export const exportButton = (page: Page) =>
  page.getByRole("banner").getByRole("button", { name: "Export", exact: true });

/** Opens the Export menu and chooses an item: "Export all (.zip)" or "Download <file>". */
export async function chooseExport(page: Page, name: string): Promise<void> {
  await exportButton(page).click();
  await page
    .getByRole("menu", { name: "Export" })
    .getByRole("menuitem", { name, exact: true })
    .click();
}

/** Shows the Schema JSON view: the canvas column's "JSON" tab. */
export async function showSchemaJson(page: Page): Promise<void> {
  await page
    .getByRole("tablist", { name: "Canvas view" })
    .getByRole("tab", { name: "JSON" })
    .click();
}

/** Shows the design's canvas again: the canvas column's "Design" tab. */
export async function showDesign(page: Page): Promise<void> {
  await page
    .getByRole("tablist", { name: "Canvas view" })
    .getByRole("tab", { name: "Design" })
    .click();
}
