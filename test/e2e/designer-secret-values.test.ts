import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import type { JsonObject } from "../../src/json/value.ts";
import {
  chooseExport,
  exportButton,
  exportedSchema,
  historyLength,
  openDesignerPage,
  showSchemaJson,
} from "../support/designer-page.ts";
import { devServerAndBrowser } from "../support/dev-server-and-browser.ts";

/**
 * Secrets never carry a value, on the designer page (dev server) in headless Chromium: the Schema
 * JSON view marks a secret's default where it is written and keeps the design, Import refuses such
 * a file naming the keyword's pointer, and a design that has one anyway (as a design stored before
 * could) is refused by the page's export: an alert says where, and nothing is downloaded.
 */

const setup = devServerAndBrowser();

const VALUE = "hunter2-marker";
const LEAKY: JsonObject = {
  title: "Leaky",
  type: "object",
  properties: {
    user: { title: "User name", type: "string" },
    password: { title: "Password", type: "string", writeOnly: true, default: VALUE },
  },
};
const LEAKY_TEXT = JSON.stringify(LEAKY, null, 2);

const openDesigner = (problems: string[]) =>
  openDesignerPage(setup.browser.context, setup.server.url, problems, {
    viewport: { width: 1280, height: 1600 },
  });
const jsonRegion = (page: Page) => page.getByRole("region", { name: "Schema JSON" });
const editor = (page: Page) => jsonRegion(page).getByRole("textbox", { name: "Schema JSON" });

describe("secrets never carry a value, in headless Chromium", () => {
  it("the Schema JSON view marks a secret's default on its value, says where and why, and the design stays", async () => {
    const problems: string[] = [];
    const page = await openDesigner(problems);
    const schema = await exportedSchema(page);
    const before = await historyLength(page);
    await showSchemaJson(page);
    await editor(page).waitFor({ timeout: 15_000 });

    await editor(page).focus();
    await page.keyboard.press("Control+a");
    await page.keyboard.insertText(LEAKY_TEXT);
    const line = LEAKY_TEXT.split("\n").findIndex((text) => text.includes(VALUE)) + 1;
    const message = jsonRegion(page)
      .getByRole("status")
      .filter({ hasText: `${line}:` });
    await message.waitFor({ timeout: 5000 });
    expect(await message.textContent()).toMatch(
      new RegExp(
        `^${line}:\\d+ \\(/properties/password/default\\): the secret field "password" \\(Password\\) has a default value \\("default"\\), which would ship with every connector\\. Remove "default"`,
      ),
    );
    await expect
      .poll(() => jsonRegion(page).locator(".cm-lintRange-error").first().textContent())
      .toBe(`"${VALUE}"`);
    expect(await jsonRegion(page).locator(".cm-gutter-lint .cm-lint-marker-error").count()).toBe(1);
    expect(await historyLength(page)).toBe(before);
    expect(await exportedSchema(page)).toEqual(schema);
    await page.close();
    expect(problems).toEqual([]);
  });

  it("Import… refuses such a file with its name and the keyword's pointer, and the design stays", async () => {
    const problems: string[] = [];
    const page = await openDesigner(problems);
    const schema = await exportedSchema(page);
    const [chooser] = await Promise.all([
      page.waitForEvent("filechooser"),
      page.getByRole("button", { name: "Import…" }).click(),
    ]);
    await chooser.setFiles({
      name: "leaky.json",
      mimeType: "application/json",
      buffer: Buffer.from(LEAKY_TEXT),
    });
    const alert = page.getByRole("alert").filter({ hasText: "leaky.json" });
    await alert.waitFor({ timeout: 5000 });
    expect(await alert.textContent()).toMatch(
      /^leaky\.json:\/properties\/password\/default: the secret field "password" \(Password\) has a default value/,
    );
    expect(await page.locator("body").textContent()).not.toContain(VALUE);
    expect(await historyLength(page)).toBe(0);
    expect(await exportedSchema(page)).toEqual(schema);
    await page.close();
    expect(problems).toEqual([]);
  });

  it("a design that has one anyway (stored before) opens, and its export is refused with an alert; nothing is downloaded", async () => {
    const problems: string[] = [];
    const page = await openDesigner(problems);
    // As a stored design is opened: the page's own importSchema into its store (dev server only).
    await page.evaluate(
      `(async (text) => {
        const { importSchema } = await import("/src/schema/import.ts");
        window.__designerStore.load(importSchema(JSON.parse(text)));
      })(${JSON.stringify(LEAKY_TEXT)})`,
    );
    expect(await exportedSchema(page)).toEqual(LEAKY);
    const downloads: string[] = [];
    page.on("download", (download) => downloads.push(download.suggestedFilename()));

    await chooseExport(page, "Export all (.zip)");
    const alert = page.getByRole("alert").filter({ hasText: "Export failed" });
    await alert.waitFor({ timeout: 45_000 });
    const text = (await alert.textContent()) ?? "";
    expect(text).toMatch(
      /^Export failed: The secret field "password" \(Password\) has a default value/,
    );
    expect(text).toContain('Where: "Password" (/properties/password/default)');
    expect(text).not.toContain(VALUE);
    await expect
      .poll(() => exportButton(page).getAttribute("aria-busy"), { timeout: 45_000 })
      .toBe("false");
    await page.waitForTimeout(500);
    expect(downloads).toEqual([]);
    await page.close();
    expect(problems).toEqual([]);
  });
});
