import { readdirSync, readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import type { JsonObject } from "../../src/json/value.ts";
import {
  exportedSchema,
  historyLength,
  openDesignerPage,
  showDesign,
  showSchemaJson,
} from "../support/designer-page.ts";
import { devServerAndBrowser } from "../support/dev-server-and-browser.ts";

/**
 * The Schema JSON view and import, on the designer page (dev server) in headless Chromium: edits
 * in the JSON reach the canvas as one undoable step, broken JSON is marked and changes nothing,
 * every template imports through the file picker, a broken file is refused with its place, and a
 * file dropped on the page is imported. The design is read through `window.__designerStore`
 * (dev server only) and exported with the project's own `toSchema`, loaded in the page.
 */

const SCHEMAS = new URL("../../schemas/", import.meta.url);
const TEMPLATES = readdirSync(SCHEMAS)
  .filter((name) => name.endsWith(".json"))
  .sort();
const templateText = (name: string) => readFileSync(new URL(name, SCHEMAS), "utf8");

const setup = devServerAndBrowser();

import { axeViolations } from "../support/axe.ts";

const openDesigner = (problems: string[], requests: string[] = []) =>
  openDesignerPage(setup.browser.context, setup.server.url, problems, {
    viewport: { width: 1280, height: 1600 },
    before: (page) => void page.on("request", (request) => requests.push(request.url())),
  });

const canvas = (page: Page) => page.getByRole("main", { name: "Canvas" });
const jsonRegion = (page: Page) => page.getByRole("region", { name: "Schema JSON" });
const editor = (page: Page) => jsonRegion(page).getByRole("textbox", { name: "Schema JSON" });
const rowNames = (page: Page) =>
  canvas(page)
    .getByRole("button", { name: /^Move / })
    .evaluateAll((buttons) => buttons.map((b) => b.getAttribute("aria-label")));

async function openJsonView(page: Page): Promise<void> {
  await showSchemaJson(page);
  expect(await jsonRegion(page).isVisible()).toBe(true);
  await editor(page).waitFor({ timeout: 15_000 });
  // The JSON takes the canvas's place: its rows are hidden while it shows.
  expect(await rowNames(page)).toEqual([]);
}

/** Back to the canvas (the "Design" tab): its rows show, the JSON is hidden. */
async function openDesignView(page: Page): Promise<void> {
  await showDesign(page);
  await jsonRegion(page).waitFor({ state: "hidden" });
}

/** Replaces the editor's whole text by typing, as a user pasting a new version does. */
async function typeIntoEditor(page: Page, text: string): Promise<void> {
  await editor(page).focus();
  await page.keyboard.press("Control+a");
  await page.keyboard.insertText(text);
  // The editor's lines, as the page shows them (textContent joins them without line breaks).
  await expect.poll(() => editor(page).textContent()).toBe(text.replace(/\n/g, ""));
}

/** Picks `file` in the file chooser that the Import… button opens. */
async function importThroughPicker(
  page: Page,
  file: { name: string; text: string },
): Promise<void> {
  const [chooser] = await Promise.all([
    page.waitForEvent("filechooser"),
    page.getByRole("button", { name: "Import…" }).click(),
  ]);
  expect(chooser.isMultiple()).toBe(false);
  await chooser.setFiles({
    name: file.name,
    mimeType: "application/json",
    buffer: Buffer.from(file.text),
  });
}

describe("the Schema JSON view and import, in headless Chromium", () => {
  it("loads the editor only when opened; a title edited in the JSON shows on the canvas, and the toolbar's Undo takes it back", async () => {
    const problems: string[] = [];
    const requests: string[] = [];
    const page = await openDesigner(problems, requests);
    await page
      .getByRole("navigation", { name: "Palette" })
      .getByRole("button", { name: "Add URL field" })
      .press("Enter");
    await canvas(page).getByRole("button", { name: "Move URL", exact: true }).waitFor();
    expect(requests.filter((url) => /codemirror|schema-json-editor/.test(url))).toEqual([]);

    await openJsonView(page);
    expect(requests.some((url) => /codemirror/.test(url))).toBe(true);
    const before = await historyLength(page);
    const schema = await exportedSchema(page);
    expect(await editor(page).textContent()).toContain('"title": "URL"');

    const edited = structuredClone(schema) as any;
    edited.properties.url.title = "Base URL";
    await typeIntoEditor(page, JSON.stringify(edited, null, 2));
    await expect.poll(() => historyLength(page), { timeout: 5000 }).toBe(before + 1);
    expect(await exportedSchema(page)).toEqual(edited);
    await openDesignView(page);
    await canvas(page)
      .getByRole("button", { name: "Move Base URL", exact: true })
      .waitFor({ timeout: 5000 });
    expect(await rowNames(page)).toEqual(["Move Base URL"]);

    await openJsonView(page);
    await page
      .getByRole("toolbar", { name: "Design" })
      .getByRole("button", { name: "Undo" })
      .click();
    await expect.poll(() => editor(page).textContent()).toContain('"title": "URL"');
    expect(await exportedSchema(page)).toEqual(schema);
    expect(await historyLength(page)).toBe(before);
    await openDesignView(page);
    await canvas(page).getByRole("button", { name: "Move URL", exact: true }).waitFor();
    expect(await rowNames(page)).toEqual(["Move URL"]);
    await page.close();
    expect(problems).toEqual([]);
  });

  it("broken JSON is marked at its line with the reason, and the design stays as it was", async () => {
    const problems: string[] = [];
    const page = await openDesigner(problems);
    await page
      .getByRole("navigation", { name: "Palette" })
      .getByRole("button", { name: "Add Secret field" })
      .press("Enter");
    await canvas(page).getByRole("button", { name: "Move Secret", exact: true }).waitFor();
    const rows = await rowNames(page);
    expect(rows).toEqual(["Move Secret"]);
    await openJsonView(page);
    const schema = await exportedSchema(page);
    const before = await historyLength(page);

    await typeIntoEditor(
      page,
      '{\n  "title": "Credentials",\n  "type": "object"\n  "properties": {}\n}',
    );
    const mark = jsonRegion(page).locator(".cm-lintRange-error, .cm-lintPoint-error").first();
    await mark.waitFor({ timeout: 5000 });
    expect(await jsonRegion(page).locator(".cm-gutter-lint .cm-lint-marker-error").count()).toBe(1);
    const message = jsonRegion(page)
      .getByRole("status")
      .filter({ hasText: /^4:3: / });
    await message.waitFor();
    expect(await message.textContent()).toMatch(
      /^4:3: expected ',' or '}' after the value of "type", found '"'\. Add a comma between the two properties\./,
    );

    // A schema the importer refuses is marked too, on the value its pointer names.
    await typeIntoEditor(
      page,
      '{\n  "type": "object",\n  "properties": {\n    "port": { "type": "integer", "minimum": "ten" }\n  }\n}',
    );
    await jsonRegion(page)
      .getByRole("status")
      .filter({ hasText: /^4:45 \(\/properties\/port\/minimum\): "minimum" must be a number/ })
      .waitFor({ timeout: 5000 });
    await expect
      .poll(() => jsonRegion(page).locator(".cm-lintRange-error").first().textContent())
      .toBe('"ten"');

    expect(await historyLength(page)).toBe(before);
    expect(await exportedSchema(page)).toEqual(schema);
    // The open view, its marks and its message pass axe (the region only: the rest of the page is tested elsewhere).
    expect(await axeViolations(page, ".designer-json")).toEqual([]);
    // The canvas, shown again with the broken JSON still in the editor, has the rows it had.
    await openDesignView(page);
    await canvas(page).getByRole("button", { name: "Move Secret", exact: true }).waitFor();
    expect(await rowNames(page)).toEqual(rows);
    await openJsonView(page);
    expect(await jsonRegion(page).locator(".cm-lintRange-error").count()).toBeGreaterThan(0);

    await jsonRegion(page).getByRole("button", { name: "Discard JSON edits" }).click();
    await expect.poll(() => jsonRegion(page).locator(".cm-lintRange-error").count()).toBe(0);
    expect(await editor(page).textContent()).toContain('"title": "Secret"');
    await page.close();
    expect(problems).toEqual([]);
  });

  it("imports every template through the Import… button: the canvas shows its fields and the schema is the template", async () => {
    const problems: string[] = [];
    const page = await openDesigner(problems);
    for (const [index, name] of TEMPLATES.entries()) {
      const text = templateText(name);
      const template = JSON.parse(text) as JsonObject;
      await importThroughPicker(page, { name, text });
      await expect.poll(() => historyLength(page), { message: name }).toBe(index + 1);
      const schema = await exportedSchema(page);
      expect(schema).toEqual(template);
      expect(`${JSON.stringify(schema, null, 2)}\n`).toBe(text);
      const rows = await rowNames(page);
      for (const [key, property] of Object.entries(
        template.properties as Record<string, { title?: string }>,
      )) {
        expect(rows, `${name}: ${key}`).toContain(`Move ${property.title ?? key}`);
      }
      // Told in a status toast (the page's Notifications), once.
      const note = page
        .getByRole("status")
        .getByText(`Imported ${name}. Undo puts the design back as it was.`, { exact: true });
      await note.waitFor({ timeout: 5000 });
      expect(await note.count()).toBe(1);
    }
    // One import is one step: undo gives back the template before.
    await page
      .getByRole("toolbar", { name: "Design" })
      .getByRole("button", { name: "Undo" })
      .click();
    expect(await exportedSchema(page)).toEqual(JSON.parse(templateText(TEMPLATES.at(-2)!)));
    await page.close();
    expect(problems).toEqual([]);
  });

  it("a broken file is refused with an alert naming the file, the line:column and the reason; the design is untouched", async () => {
    const problems: string[] = [];
    const page = await openDesigner(problems);
    const schema = await exportedSchema(page);
    await importThroughPicker(page, {
      name: "rest-adapter.json",
      text: '{\n  "title": "REST",\n  "type": "object",\n  "properties": {,}\n}',
    });
    // An error toast (an alert that stays until dismissed).
    const alert = page.getByRole("alert").getByText(/^rest-adapter\.json:/);
    await alert.waitFor({ timeout: 5000 });
    const text = (await alert.textContent()) ?? "";
    expect(text).toMatch(/^rest-adapter\.json:4:18: .+\. .+\.$/);
    expect(await historyLength(page)).toBe(0);
    expect(await exportedSchema(page)).toEqual(schema);
    expect(
      await page
        .getByRole("status")
        .getByText(/^Imported /)
        .count(),
    ).toBe(0);
    await page
      .getByRole("alert")
      .getByRole("button", { name: `Dismiss: ${text}`, exact: true })
      .click();
    await alert.waitFor({ state: "detached" });
    await page.close();
    expect(problems).toEqual([]);
  });

  it("a .json file dropped on the page is imported", async () => {
    const problems: string[] = [];
    const page = await openDesigner(problems);
    const text = templateText("basic-auth.json");
    await page.evaluate(
      ({ name, text }) => {
        const data = new DataTransfer();
        data.items.add(new File([text], name, { type: "application/json" }));
        const target = document.querySelector("main")!;
        for (const type of ["dragenter", "dragover", "drop"])
          target.dispatchEvent(
            new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: data }),
          );
      },
      { name: "basic-auth.json", text },
    );
    await expect.poll(() => historyLength(page)).toBe(1);
    expect(await exportedSchema(page)).toEqual(JSON.parse(text));
    await canvas(page).getByRole("button", { name: "Move Username", exact: true }).waitFor();
    await page
      .getByRole("status")
      .getByText("Imported basic-auth.json. Undo puts the design back as it was.", { exact: true })
      .waitFor();
    await page.close();
    expect(problems).toEqual([]);
  });
});
