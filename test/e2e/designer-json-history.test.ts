import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { axeViolations } from "../support/axe.ts";
import {
  exportedSchema,
  historyLength,
  openDesignerPage,
  showDesign,
  showSchemaJson,
} from "../support/designer-page.ts";
import { devServerAndBrowser } from "../support/dev-server-and-browser.ts";

/**
 * One history for the Schema JSON view, in headless Chromium on the dev server: Ctrl/Cmd+Z and
 * Ctrl/Cmd+Shift+Z, Ctrl+Y inside the editor are the toolbar's Undo and Redo (the editor keeps no
 * history of its own); typing not applied yet is the newest change, which Undo drops; the canvas
 * view's tabs say which view shows; text that cannot become the design is one of the design's
 * problems, at its line and column, and choosing it puts the cursor there.
 * The design and its history are read through `window.__designerStore` (dev server only).
 */

const setup = devServerAndBrowser();

const openDesigner = (problems: string[], colorScheme: "light" | "dark" = "light") =>
  openDesignerPage(setup.browser.context, setup.server.url, problems, {
    viewport: { width: 1440, height: 900 },
    before: (page) => page.emulateMedia({ colorScheme }),
  });

const palette = (page: Page) => page.getByRole("navigation", { name: "Palette" });
const canvas = (page: Page) => page.getByRole("main", { name: "Canvas" });
const jsonRegion = (page: Page) => page.getByRole("region", { name: "Schema JSON" });
const editor = (page: Page) => jsonRegion(page).getByRole("textbox", { name: "Schema JSON" });
const toolbar = (page: Page) => page.getByRole("toolbar", { name: "Design" });
const undoButton = (page: Page) => toolbar(page).getByRole("button", { name: "Undo" });
const redoButton = (page: Page) => toolbar(page).getByRole("button", { name: "Redo" });
const problemsRegion = (page: Page) => page.getByRole("region", { name: "Problems" });
const canvasTabs = (page: Page) => page.getByRole("tablist", { name: "Canvas view" });

/** How many steps the design's history can redo. */
const redoLength = (page: Page) =>
  page.evaluate(
    () =>
      (
        window as unknown as { __designerStore: { getState(): { editor: { undone: unknown[] } } } }
      ).__designerStore.getState().editor.undone.length,
  );

/** Whether the store holds typing not applied yet (which could still become a step). */
const hasPendingEdit = (page: Page) =>
  page.evaluate(
    () =>
      (
        window as unknown as { __designerStore: { getState(): { pendingEdit?: unknown } } }
      ).__designerStore.getState().pendingEdit !== undefined,
  );

/** The URL field's title in the design, or undefined when there is no URL field. */
const urlTitle = async (page: Page) =>
  ((await exportedSchema(page)).properties as Record<string, { title?: string }>).url?.title;

/** The editor's text as the page shows it (its lines joined). */
const editorText = (page: Page) => editor(page).textContent();

/** Adds a URL field from the palette (one step) and shows the Schema JSON view. */
async function urlFieldInJsonView(page: Page): Promise<void> {
  await palette(page).getByRole("button", { name: "Add URL field" }).press("Enter");
  await canvas(page).getByRole("button", { name: "Move URL", exact: true }).waitFor();
  await expect.poll(() => historyLength(page)).toBe(1);
  await showSchemaJson(page);
  await editor(page).waitFor({ timeout: 15_000 });
  await expect.poll(() => editorText(page)).toContain('"title": "URL"');
}

/** Replaces the editor's whole text in one input, as pasting does. */
async function pasteIntoEditor(page: Page, text: string): Promise<void> {
  await editor(page).focus();
  await page.keyboard.press("Control+a");
  await page.keyboard.insertText(text);
  await expect.poll(() => editorText(page)).toBe(text.replace(/\n/g, ""));
}

/** The line and column (1-based) of the editor's cursor, read from the page's selection. */
const cursorPlace = (page: Page) =>
  page.evaluate(() => {
    const selection = getSelection();
    const node = selection?.focusNode;
    const line = (node instanceof Element ? node : node?.parentElement)?.closest(".cm-line");
    if (!selection || !node || !line) return undefined;
    const before = document.createRange();
    before.setStart(line, 0);
    before.setEnd(node, selection.focusOffset);
    const lines = [...document.querySelectorAll(".designer-json .cm-content > .cm-line")];
    return { line: lines.indexOf(line) + 1, column: before.toString().length + 1 };
  });

describe("one history for the Schema JSON view, in headless Chromium", () => {
  it("a title edited in the JSON and applied: Ctrl+Z in the editor undoes it once, the toolbar's Undo goes on back, and nothing comes back", async () => {
    const problems: string[] = [];
    const page = await openDesigner(problems);
    await urlFieldInJsonView(page);

    // Select the title's word and type over it, in one input (so the pause that applies it comes once).
    const titleLine = editor(page).locator(".cm-line", { hasText: '"title": "URL"' });
    await titleLine.getByText('"URL"', { exact: true }).dblclick();
    await page.keyboard.insertText("Base URL");
    await expect.poll(() => historyLength(page), { timeout: 5000 }).toBe(2);
    expect(await urlTitle(page)).toBe("Base URL");
    expect(await hasPendingEdit(page)).toBe(false);
    expect(await undoButton(page).getAttribute("title")).toBe(
      "Undo: Edit the schema JSON (Ctrl+Z)",
    );

    // Ctrl+Z inside the editor: the design's Undo, not a new step.
    expect(await editor(page).evaluate((element) => element === document.activeElement)).toBe(true);
    await page.keyboard.press("Control+z");
    await expect.poll(() => historyLength(page)).toBe(1);
    expect(await urlTitle(page)).toBe("URL");
    expect(await redoLength(page)).toBe(1);
    await expect.poll(() => editorText(page)).toContain('"title": "URL"');
    expect(await editorText(page)).not.toContain("Base URL");
    expect(await hasPendingEdit(page)).toBe(false);

    // The toolbar's Undo goes further back (the field added), and the edit never returns.
    expect(await undoButton(page).getAttribute("title")).toMatch(/^Undo: Add .+ \(Ctrl\+Z\)$/);
    await undoButton(page).click();
    await expect.poll(() => historyLength(page)).toBe(0);
    expect(await urlTitle(page)).toBeUndefined();
    await expect.poll(() => editorText(page)).not.toContain('"url"');
    expect(await redoLength(page)).toBe(2);
    expect(await undoButton(page).isDisabled()).toBe(true);
    // Nothing is waiting in the editor, so nothing can be applied later.
    expect(await hasPendingEdit(page)).toBe(false);

    // Redo with the keys, inside the editor: Ctrl+Shift+Z brings the field, Ctrl+Y its new title.
    await editor(page).focus();
    await page.keyboard.press("Control+Shift+z");
    await expect.poll(() => historyLength(page)).toBe(1);
    expect(await urlTitle(page)).toBe("URL");
    await page.keyboard.press("Control+y");
    await expect.poll(() => historyLength(page)).toBe(2);
    expect(await urlTitle(page)).toBe("Base URL");
    await expect.poll(() => editorText(page)).toContain('"title": "Base URL"');
    expect(await redoButton(page).isDisabled()).toBe(true);
    // ⌘Z is Undo too.
    await page.keyboard.press("Meta+z");
    await expect.poll(() => historyLength(page)).toBe(1);
    expect(await urlTitle(page)).toBe("URL");

    // The canvas shows the design the history says.
    await showDesign(page);
    await canvas(page).getByRole("button", { name: "Move URL", exact: true }).waitFor();
    await page.close();
    expect(problems).toEqual([]);
  });

  it("typing not applied yet is the newest change: Undo drops it (in the editor or on the toolbar), then undoes the design", async () => {
    const problems: string[] = [];
    const page = await openDesigner(problems);
    await urlFieldInJsonView(page);
    const design = await exportedSchema(page);

    // Broken text never applies: it waits until it is fixed or dropped.
    await editor(page).focus();
    await page.keyboard.press("Control+End");
    await page.keyboard.press("Backspace");
    const message = jsonRegion(page)
      .getByRole("status")
      .filter({ hasText: /the text ends before the JSON is complete/ });
    await message.waitFor({ timeout: 5000 });
    expect(await hasPendingEdit(page)).toBe(true);
    expect(await undoButton(page).getAttribute("title")).toBe(
      "Undo: Typing in the Schema JSON, not applied yet (Ctrl+Z)",
    );
    expect(await redoButton(page).isDisabled()).toBe(true);

    // Ctrl+Z in the editor drops the typing only.
    await page.keyboard.press("Control+z");
    await message.waitFor({ state: "detached" });
    expect(await editorText(page)).toBe(JSON.stringify(design, null, 2).replace(/\n/g, ""));
    expect(await historyLength(page)).toBe(1);
    expect(await exportedSchema(page)).toEqual(design);
    expect(await hasPendingEdit(page)).toBe(false);

    // So does the toolbar's Undo.
    await editor(page).focus();
    await page.keyboard.press("Control+End");
    await page.keyboard.press("Backspace");
    await message.waitFor({ timeout: 5000 });
    await undoButton(page).click();
    await message.waitFor({ state: "detached" });
    expect(await editorText(page)).toBe(JSON.stringify(design, null, 2).replace(/\n/g, ""));
    expect(await historyLength(page)).toBe(1);

    // With nothing waiting, the next Ctrl+Z in the editor undoes the design's last step.
    await editor(page).focus();
    await page.keyboard.press("Control+z");
    await expect.poll(() => historyLength(page)).toBe(0);
    await expect.poll(() => editorText(page)).not.toContain('"url"');
    await page.close();
    expect(problems).toEqual([]);
  });

  it("the canvas view's tabs say which view shows, by pointer and by keyboard, and after a reload", async () => {
    const problems: string[] = [];
    const page = await openDesigner(problems);
    const designTab = canvasTabs(page).getByRole("tab", { name: "Design" });
    const jsonTab = canvasTabs(page).getByRole("tab", { name: "JSON" });
    const state = async () => ({
      design: await designTab.getAttribute("aria-selected"),
      json: await jsonTab.getAttribute("aria-selected"),
      canvasShown: await page.locator("#panel-canvas").isVisible(),
      jsonShown: await jsonRegion(page).isVisible(),
    });
    const designShows = { design: "true", json: "false", canvasShown: true, jsonShown: false };
    const jsonShows = { design: "false", json: "true", canvasShown: false, jsonShown: true };
    expect(await state()).toEqual(designShows);
    expect(await jsonTab.getAttribute("aria-controls")).toBe("panel-json");
    expect(await designTab.getAttribute("aria-controls")).toBe("panel-canvas");

    await jsonTab.click();
    await expect.poll(state).toEqual(jsonShows);
    await editor(page).waitFor({ timeout: 15_000 });
    await jsonTab.press("ArrowLeft");
    await expect.poll(state).toEqual(designShows);
    expect(await designTab.evaluate((tab) => tab === document.activeElement)).toBe(true);
    await designTab.press("ArrowRight");
    await expect.poll(state).toEqual(jsonShows);

    // The view is remembered: a reload shows the JSON, and its tab says so.
    await page.reload();
    await editor(page).waitFor({ timeout: 15_000 });
    expect(await state()).toEqual(jsonShows);
    await page.close();
    expect(problems).toEqual([]);
  });

  it("JSON that does not parse, or that the importer refuses, is a problem at its line: counted, listed, and choosing it puts the cursor there", async () => {
    const problems: string[] = [];
    const page = await openDesigner(problems);
    const count = page.getByRole("banner").getByRole("button", { name: /problem|error|warning/ });
    await problemsRegion(page).getByText("No problems found.").waitFor();
    expect(await count.textContent()).toBe("No problems");
    await showSchemaJson(page);
    await editor(page).waitFor({ timeout: 15_000 });

    await pasteIntoEditor(
      page,
      '{\n  "title": "Credentials",\n  "type": "object"\n  "properties": {}\n}',
    );
    const listed = problemsRegion(page).getByRole("button", {
      name: /^Error: Expected ',' or '}' after the value of "type", found '"' — Schema JSON, line 4, column 3$/,
    });
    await listed.waitFor({ timeout: 5000 });
    expect(
      await listed.evaluate(
        (button) => document.getElementById(button.getAttribute("aria-describedby")!)?.textContent,
      ),
    ).toBe("Fix: Add a comma between the two properties");
    await problemsRegion(page).getByRole("heading", { name: "Problems (1)" }).waitFor();
    expect(await problemsRegion(page).getByText("No problems found.").count()).toBe(0);
    expect(await count.textContent()).toBe("1 error");
    expect(await historyLength(page)).toBe(0);

    // From the canvas, choosing it shows the JSON with the cursor at line 4, column 3.
    await showDesign(page);
    await jsonRegion(page).waitFor({ state: "hidden" });
    await listed.click();
    await jsonRegion(page).waitFor();
    expect(
      await canvasTabs(page).getByRole("tab", { name: "JSON" }).getAttribute("aria-selected"),
    ).toBe("true");
    await expect
      .poll(() => editor(page).evaluate((element) => element === document.activeElement))
      .toBe(true);
    await expect.poll(() => cursorPlace(page)).toEqual({ line: 4, column: 3 });
    expect(
      await jsonRegion(page).locator(".cm-lineNumbers .cm-activeLineGutter").textContent(),
    ).toBe("4");

    // Typing the missing comma there fixes it: the problem goes, the text applies as one step.
    await page.keyboard.insertText(",");
    await listed.waitFor({ state: "detached", timeout: 5000 });
    await expect.poll(() => historyLength(page)).toBe(1);
    await problemsRegion(page).getByText("No problems found.").waitFor();
    expect(await count.textContent()).toBe("No problems");
    const fixed = await exportedSchema(page);
    expect(fixed).toEqual({ title: "Credentials", type: "object", properties: {} });

    // A schema the importer refuses is listed at the value its pointer names; Discard removes it.
    await pasteIntoEditor(
      page,
      '{\n  "type": "object",\n  "properties": {\n    "port": { "type": "integer", "minimum": "ten" }\n  }\n}',
    );
    const refused = problemsRegion(page).getByRole("button", {
      name: /^Error: "minimum" must be a number.* — Schema JSON, line 4, column 45 \(\/properties\/port\/minimum\)$/,
    });
    await refused.waitFor({ timeout: 5000 });
    expect(await count.textContent()).toBe("1 error");
    await refused.click();
    await expect.poll(() => cursorPlace(page)).toEqual({ line: 4, column: 45 });
    await jsonRegion(page).getByRole("button", { name: "Discard JSON edits" }).click();
    await refused.waitFor({ state: "detached" });
    await problemsRegion(page).getByText("No problems found.").waitFor();
    expect(await count.textContent()).toBe("No problems");
    expect(await historyLength(page)).toBe(1);
    expect(await exportedSchema(page)).toEqual(fixed);
    await page.close();
    expect(problems).toEqual([]);
  });

  for (const scheme of ["light", "dark"] as const) {
    it(`${scheme}: the JSON problem in Problems, the header's count and the JSON view pass axe`, async () => {
      const problems: string[] = [];
      const page = await openDesigner(problems, scheme);
      await showSchemaJson(page);
      await editor(page).waitFor({ timeout: 15_000 });
      await pasteIntoEditor(page, '{\n  "title": "Credentials",\n  "type": "object",\n}');
      await problemsRegion(page)
        .getByRole("button", { name: /^Error: .* — Schema JSON, line 4, column 1$/ })
        .waitFor({ timeout: 5000 });
      await page.getByRole("banner").getByRole("button", { name: "1 error" }).waitFor();
      expect(await axeViolations(page, ".cd-problems")).toEqual([]);
      expect(await axeViolations(page, ".designer-json")).toEqual([]);
      expect(await axeViolations(page, ".designer-header")).toEqual([]);
      await page.close();
      expect(problems).toEqual([]);
    });
  }
});
