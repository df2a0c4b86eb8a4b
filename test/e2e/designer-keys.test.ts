import fs from "node:fs/promises";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { axeViolations } from "../support/axe.ts";
import {
  chooseExport,
  exportButton,
  historyLength,
  openDesignerPage,
} from "../support/designer-page.ts";
import { devServerAndBrowser } from "../support/dev-server-and-browser.ts";
import { center, mouseDrag } from "../support/mouse-drag.ts";

/**
 * Keys that follow titles, on the designer page (dev server) in headless Chromium: a Text field
 * dragged onto the canvas takes the key its title gives ("Tenant ID" → tenantId) as the title is
 * applied, in one undo step, and the exported file has it; a key typed by hand stays whatever the
 * title becomes; a second field with the same title gets a key of its own and a warning in
 * Problems; after a reload, a key that followed its title still does.
 */

const setup = devServerAndBrowser();

const openDesigner = (problems: string[]) =>
  openDesignerPage(setup.browser.context, setup.server.url, problems, {
    viewport: { width: 1440, height: 900 },
  });

const header = (page: Page) => page.getByRole("banner");
const canvas = (page: Page) => page.getByRole("main", { name: "Canvas" });
const palette = (page: Page) => page.getByRole("navigation", { name: "Palette" });
const inspector = (page: Page) => page.getByRole("complementary", { name: "Inspector" });
const problemsList = (page: Page) => page.getByRole("region", { name: "Problems" });
const box = (page: Page, label: string) =>
  inspector(page).getByRole("textbox", { name: label, exact: true });
const undoButton = (page: Page, name: "Undo" | "Redo") =>
  page.getByRole("toolbar", { name: "Design" }).getByRole("button", { name, exact: true });
/** What the inspector is editing: its form's name, e.g. `Properties of text "Text" (text)`. */
const editing = (page: Page) =>
  inspector(page).getByRole("form").first().getAttribute("aria-label");
/** The text of what a control's aria-describedby points at (its hint, its error). */
const description = (page: Page, label: string) =>
  box(page, label).evaluate((element) =>
    (element.getAttribute("aria-describedby") ?? "")
      .split(" ")
      .filter(Boolean)
      .map((id) => document.getElementById(id)?.textContent ?? "")
      .join(" "),
  );
/** A canvas row (a tree item), named "<title>, <key>, <kind>…". */
const row = (page: Page, title: string, key: string) =>
  canvas(page).getByRole("treeitem", { name: new RegExp(`^${title}, ${key}, Text\\b`) });

/** Types into an inspector box and leaves it, then waits for the edit in the history. */
async function apply(page: Page, label: string, text: string): Promise<void> {
  const before = await historyLength(page);
  await box(page, label).fill(text);
  await box(page, label).press("Tab");
  await expect
    .poll(() => historyLength(page), { message: `${label}: ${text} is applied` })
    .toBe(before + 1);
}

/** axe's violations on the page in the light and the dark scheme. */
async function axeViolationsInBothSchemes(page: Page): Promise<string[]> {
  const found: string[] = [];
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    found.push(...(await axeViolations(page)).map((violation) => `${colorScheme}: ${violation}`));
  }
  return found;
}

async function waitSaved(page: Page): Promise<void> {
  await header(page)
    .getByRole("status")
    .filter({ hasText: /^Saved$/ })
    .waitFor({ timeout: 10_000 });
}

describe("a new field's key follows its title", () => {
  it('a Text field dragged onto the canvas and titled "Tenant ID" gets the key tenantId, in one undo step, and the exported schema has it', async () => {
    const problems: string[] = [];
    const page = await openDesigner(problems);

    // A real drag from the palette onto the empty canvas (past the start panel).
    await canvas(page).getByRole("button", { name: "Start blank", exact: true }).click();
    const source = palette(page).getByRole("button", { name: "Add Text field", exact: true });
    const target = canvas(page)
      .getByRole("list", { name: "Fields of the window", exact: true })
      .getByRole("listitem");
    await mouseDrag(page, source, await center(target), 15);
    await expect.poll(() => historyLength(page), { message: "the drop" }).toBe(1);
    await row(page, "Text", "text").click();
    await expect.poll(() => editing(page)).toBe('Properties of text "Text" (text)');

    // The Key box says it follows the title; typing the title says which key it gives.
    await expect.poll(() => box(page, "Key").inputValue()).toBe("text");
    await expect
      .poll(() => description(page, "Key"))
      .toMatch(/^Follows the title until you edit it\./);
    await box(page, "Title").fill("Tenant ID");
    await expect.poll(() => description(page, "Title")).toBe('The key becomes "tenantId".');
    expect(await axeViolationsInBothSchemes(page)).toEqual([]);
    await expect.poll(() => box(page, "Key").inputValue()).toBe("text");
    await box(page, "Title").press("Tab");
    await expect.poll(() => box(page, "Key").inputValue()).toBe("tenantId");
    expect(await historyLength(page)).toBe(2); // the drop, then title and key in one step
    await row(page, "Tenant ID", "tenantId").waitFor();
    await expect
      .poll(() => description(page, "Key"))
      .toMatch(/^Follows the title until you edit it\./);

    // The exported file (the Export menu's download) has the key, and nothing of the designer's.
    await expect
      .poll(() => exportButton(page).getAttribute("aria-busy"), { timeout: 45_000 })
      .toBe("false");
    const [download] = await Promise.all([
      page.waitForEvent("download", { timeout: 45_000 }),
      chooseExport(page, "Download credentials.schema.json"),
    ]);
    const exported = await fs.readFile(await download.path(), "utf8");
    expect(JSON.parse(exported).properties).toEqual({
      tenantId: { title: "Tenant ID", type: "string" },
    });
    expect(exported).not.toMatch(/autoKey/i);

    // Undo takes back the title and the key together; redo brings both.
    await undoButton(page, "Undo").click();
    await expect.poll(() => box(page, "Key").inputValue()).toBe("text");
    await expect.poll(() => box(page, "Title").inputValue()).toBe("Text");
    await undoButton(page, "Redo").click();
    await expect.poll(() => box(page, "Key").inputValue()).toBe("tenantId");
    await expect.poll(() => box(page, "Title").inputValue()).toBe("Tenant ID");

    // A key edited by hand stays, whatever the title becomes.
    await apply(page, "Key", "tenant");
    await expect.poll(() => description(page, "Key")).not.toMatch(/Follows the title/);
    await box(page, "Title").fill("Customer tenant");
    expect(await description(page, "Title")).toBe("");
    await box(page, "Title").press("Tab");
    await row(page, "Customer tenant", "tenant").waitFor();
    await expect.poll(() => box(page, "Key").inputValue()).toBe("tenant");

    await page.close();
    expect(problems).toEqual([]);
  });

  it("a second field with the same title gets a key of its own and a warning in Problems; after a reload a key still follows its title", async () => {
    const problems: string[] = [];
    const page = await openDesigner(problems);
    await waitSaved(page);
    const add = palette(page).getByRole("button", { name: "Add Text field", exact: true });

    await add.press("Enter");
    await expect.poll(() => editing(page)).toBe('Properties of text "Text" (text)');
    await apply(page, "Title", "Tenant ID");
    await add.press("Enter");
    await expect.poll(() => editing(page)).toBe('Properties of text "Text" (text)');
    await apply(page, "Title", "Tenant ID");
    await expect.poll(() => box(page, "Key").inputValue()).toBe("tenantId2");

    const warning = problemsList(page).getByRole("button", {
      name: /^Warning: The fields "tenantId" and "tenantId2" of the schema "Credentials" have the same title, "Tenant ID", so whoever fills in the form cannot tell them apart — Tenant ID$/,
    });
    await warning.waitFor();

    // Retitled, the second one takes its new title's key, and the warning goes.
    await apply(page, "Title", "Tenant name");
    await expect.poll(() => box(page, "Key").inputValue()).toBe("tenantName");
    await problemsList(page).getByText("No problems found.").waitFor();

    // Saved and reloaded: the first key still follows its title.
    await waitSaved(page);
    await page.reload({ waitUntil: "load" });
    await row(page, "Tenant ID", "tenantId").click({ timeout: 15_000 });
    await expect.poll(() => editing(page)).toBe('Properties of text "Tenant ID" (tenantId)');
    await expect
      .poll(() => description(page, "Key"))
      .toMatch(/^Follows the title until you edit it\./);
    await apply(page, "Title", "Tenant");
    await expect.poll(() => box(page, "Key").inputValue()).toBe("tenant");

    await page.close();
    expect(problems).toEqual([]);
  });
});
