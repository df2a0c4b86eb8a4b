import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { chooseExport, openDesignerPage } from "../support/designer-page.ts";
import { devServerAndBrowser } from "../support/dev-server-and-browser.ts";
import { overlapsWithin, pageScroll, whollyInView } from "../support/layout-checks.ts";

/**
 * The app shell at the window sizes users have: the page never scrolls (its panels do), nothing
 * in a canvas row or the header overlaps, the main panels are on screen, a selection deep in the
 * canvas shows both its row and the inspector; separators resize by keyboard, a hidden panel
 * comes back, both themes pass axe, and an export's message never moves the layout.
 */

const setup = devServerAndBrowser();

import { axeViolations } from "../support/axe.ts";

const read = (path: string) => readFileSync(new URL(path, import.meta.url), "utf8");
const DESIGNS = {
  "the REST API template": read("../../schemas/rest-adapter.json"),
  "the deep fixture": read("../fixtures/deep-design.schema.json"),
};

const SIZES = [
  { width: 1920, height: 1080, mode: "wide" },
  { width: 1440, height: 900, mode: "wide" },
  { width: 1280, height: 800, mode: "wide" },
  { width: 1024, height: 768, mode: "medium" },
  { width: 390, height: 844, mode: "narrow" },
] as const;

async function openDesigner(
  problems: string[],
  viewport: { width: number; height: number },
): Promise<Page> {
  return openDesignerPage(setup.browser.context, setup.server.url, problems, { viewport });
}

/** Replaces the page's design (the dev server exposes its store), as opening a design does. */
async function loadDesign(page: Page, text: string): Promise<void> {
  await page.evaluate(`(async (text) => {
    const { importSchema } = await import("/src/schema/import.ts");
    window.__designerStore.load(importSchema(JSON.parse(text)));
  })(${JSON.stringify(text)})`);
  await page.locator(".cd-row-select").first().waitFor();
}

const region = (
  page: Page,
  role: "navigation" | "main" | "complementary" | "region",
  name: string,
) => page.getByRole(role, { name, exact: true });

async function onScreen(page: Page, role: Parameters<typeof region>[1], name: string) {
  const box = await region(page, role, name).boundingBox();
  const size = page.viewportSize()!;
  return (
    box !== null &&
    box.width >= 40 &&
    box.height >= 200 &&
    box.x >= 0 &&
    box.y >= 0 &&
    box.x + box.width <= size.width + 0.5 &&
    box.y + box.height <= size.height + 0.5
  );
}

describe("the designer's app shell, in headless Chromium", () => {
  for (const size of SIZES)
    it(`at ${size.width}×${size.height}: no page scroll, no overlap in rows or header, the panels on screen, a selection shows its row and the inspector`, async () => {
      const problems: string[] = [];
      const page = await openDesigner(problems, size);
      for (const [name, text] of Object.entries(DESIGNS)) {
        await loadDesign(page, text);
        await page.waitForTimeout(300); // the problems check and fonts settle
        expect(await pageScroll(page), name).toEqual({ x: 0, y: 0 });
        expect(await overlapsWithin(page, ".cd-row"), `${name}: canvas rows`).toEqual([]);
        expect(await overlapsWithin(page, ".designer-header"), `${name}: header`).toEqual([]);
        const header = await page.getByRole("banner").boundingBox();
        if (size.width >= 1024) expect(header!.height, "header height").toBeLessThanOrEqual(56);

        expect(await onScreen(page, "navigation", "Palette"), "Palette").toBe(true);
        expect(await onScreen(page, "main", "Canvas"), "Canvas").toBe(true);
        if (size.mode !== "narrow")
          expect(await onScreen(page, "complementary", "Inspector"), "Inspector").toBe(true);
        if (size.mode === "wide")
          expect(await onScreen(page, "region", "Preview"), "Preview").toBe(true);
        if (size.mode === "medium") {
          await page.getByRole("tab", { name: "Preview" }).click();
          expect(await onScreen(page, "region", "Preview"), "Preview tab").toBe(true);
          expect(await onScreen(page, "main", "Canvas"), "Canvas beside Preview").toBe(true);
        }

        // The last row, selected: it and the inspector's first control are both in view. The row
        // is scrolled whole in the frame after the click, so the check waits for that frame.
        const last = page.locator(".cd-row-select").last();
        await last.click();
        const selectedRow = ".cd-row[aria-selected='true']";
        await expect.poll(() => whollyInView(page, selectedRow), { message: name }).toBe(true);
        if (size.mode === "narrow") await page.getByRole("tab", { name: "Inspector" }).click();
        const first = "#panel-inspector-body :is(input, select, textarea)";
        await page.locator(first).first().waitFor();
        await expect
          .poll(() => whollyInView(page, first), { message: `${name}: inspector's first control` })
          .toBe(true);
        expect(await pageScroll(page), name).toEqual({ x: 0, y: 0 });
        if (size.mode === "narrow") await page.getByRole("tab", { name: "Canvas" }).click();
      }
      await page.close();
      expect(problems).toEqual([]);
    });

  it("separators resize by keyboard and pointer; a hidden panel comes back; sizes are remembered across a reload, and nothing of the design is", async () => {
    const problems: string[] = [];
    const page = await openDesigner(problems, { width: 1440, height: 900 });
    const inspector = region(page, "complementary", "Inspector");
    const separator = page.getByRole("separator", { name: "Resize Inspector" });
    const before = (await inspector.boundingBox())!.width;
    const value = Number(await separator.getAttribute("aria-valuenow"));
    await separator.focus();
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.press("ArrowLeft");
    expect(Number(await separator.getAttribute("aria-valuenow"))).toBe(value + 32);
    expect((await inspector.boundingBox())!.width).toBeCloseTo(before + 32, 0);
    await page.keyboard.press("Shift+ArrowRight");
    expect(Number(await separator.getAttribute("aria-valuenow"))).toBe(value + 32 - 64);

    // By pointer: the palette's separator dragged 40 px to the right.
    const paletteSeparator = page.getByRole("separator", { name: "Resize Palette" });
    const palette = region(page, "navigation", "Palette");
    const paletteBefore = (await palette.boundingBox())!.width;
    const grip = (await paletteSeparator.boundingBox())!;
    await page.mouse.move(grip.x + grip.width / 2, grip.y + 200);
    await page.mouse.down();
    await page.mouse.move(grip.x + grip.width / 2 + 20, grip.y + 200, { steps: 4 });
    await page.mouse.move(grip.x + grip.width / 2 + 40, grip.y + 200, { steps: 4 });
    await page.mouse.up();
    expect((await palette.boundingBox())!.width).toBeCloseTo(paletteBefore + 40, 0);

    // Hidden, the Preview keeps its region and the button that brings it back.
    await page.getByRole("button", { name: "Hide Preview" }).click();
    const preview = region(page, "region", "Preview");
    expect(await preview.count()).toBe(1);
    expect((await preview.boundingBox())!.width).toBeLessThan(60);
    const show = preview.getByRole("button", { name: "Show Preview" });
    expect(await show.getAttribute("aria-expanded")).toBe("false");

    const stored = await page.evaluate(() => localStorage.getItem("credential-designer.layout"));
    expect(stored).not.toBeNull();
    expect(Object.keys(JSON.parse(stored!)).sort()).toEqual(
      ["canvasView", "narrowTab", "panels", "sideTab", "theme"].sort(),
    );
    await page.reload();
    await page.getByRole("heading", { level: 1, name: "Credential Designer" }).waitFor();
    expect(Number(await separator.getAttribute("aria-valuenow"))).toBe(value + 32 - 64);
    expect((await palette.boundingBox())!.width).toBeCloseTo(paletteBefore + 40, 0);
    await show.click();
    expect((await preview.boundingBox())!.width).toBeGreaterThan(250);
    expect(await preview.getByRole("button", { name: "Hide Preview" }).isVisible()).toBe(true);

    // Enter on a separator hides and brings back its panel.
    await separator.focus();
    await page.keyboard.press("Enter");
    expect((await inspector.boundingBox())!.width).toBeLessThan(60);
    await page.getByRole("button", { name: "Show Inspector" }).click();
    expect((await inspector.boundingBox())!.width).toBeGreaterThan(250);
    await page.close();
    expect(problems).toEqual([]);
  });

  it("follows the system's dark preference; the theme switch overrides it and is remembered; axe passes in light and dark", async () => {
    const problems: string[] = [];
    const page = await openDesigner(problems, { width: 1440, height: 900 });
    await loadDesign(page, DESIGNS["the REST API template"]);
    const background = () =>
      page.evaluate(
        () => getComputedStyle(document.querySelector(".designer-center")!).backgroundColor,
      );
    const light = await background();
    expect(await axeViolations(page)).toEqual([]);

    await page.emulateMedia({ colorScheme: "dark" });
    const dark = await background();
    expect(dark).not.toBe(light);
    expect(await axeViolations(page)).toEqual([]);

    // The switch: Light overrides the system's dark, and stays after a reload.
    await page.getByRole("radio", { name: "Light theme" }).click();
    expect(await background()).toBe(light);
    await page.reload();
    await page.getByRole("heading", { level: 1, name: "Credential Designer" }).waitFor();
    expect(await background()).toBe(light);
    expect(
      await page.getByRole("radio", { name: "Light theme" }).getAttribute("aria-checked"),
    ).toBe("true");
    // Dark by the switch, with the system light; the preview follows through its own properties.
    await page.emulateMedia({ colorScheme: "light" });
    await page.getByRole("radio", { name: "Dark theme" }).click();
    expect(await background()).toBe(dark);
    await loadDesign(page, DESIGNS["the REST API template"]);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole("radio", { name: "System theme" }).click();
    expect(await background()).toBe(light);
    await page.close();
    expect(problems).toEqual([]);
  });

  it("Help lists the keyboard shortcuts: from its button or the ? key (not while typing); Escape closes it", async () => {
    const problems: string[] = [];
    const page = await openDesigner(problems, { width: 1440, height: 900 });
    const help = page.getByRole("dialog", { name: "Keyboard shortcuts" });
    await page.getByRole("banner").getByRole("button", { name: "Help" }).click();
    await help.waitFor();
    expect(await help.getByText("Ctrl+Z", { exact: true }).isVisible()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Close");
    await page.keyboard.press("Escape");
    await help.waitFor({ state: "hidden" });
    // "?" typed into a text box is text, not the shortcut.
    const title = page.getByRole("textbox", { name: "Window title" });
    await title.fill("");
    await title.pressSequentially("What?");
    expect(await help.isVisible()).toBe(false);
    expect(await title.inputValue()).toBe("What?");
    await page.getByRole("button", { name: "Window properties" }).focus();
    await page.keyboard.press("Shift+?");
    await help.waitFor();
    await help.getByRole("button", { name: "Close" }).click();
    await help.waitFor({ state: "hidden" });
    await page.close();
    expect(problems).toEqual([]);
  });

  it("an export's message is a toast: the header and the panels do not move when it finishes", async () => {
    const problems: string[] = [];
    const page = await openDesigner(problems, { width: 1024, height: 768 });
    await loadDesign(page, DESIGNS["the REST API template"]);
    const boxes = () =>
      page.evaluate(() =>
        [".designer-header", "#panel-palette", ".designer-center", "#panel-inspector"].map(
          (selector) => {
            const box = document.querySelector(selector)!.getBoundingClientRect();
            return [selector, box.x, box.y, box.width, box.height];
          },
        ),
      );
    const before = await boxes();
    const [download] = await Promise.all([
      page.waitForEvent("download", { timeout: 60_000 }),
      chooseExport(page, "Export all (.zip)"),
    ]);
    expect(download.suggestedFilename()).toBe("rest-api.zip");
    await page.getByRole("status").filter({ hasText: "Downloaded rest-api.zip." }).waitFor();
    expect(await boxes()).toEqual(before);
    expect(await overlapsWithin(page, ".designer-header")).toEqual([]);
    await page.close();
    expect(problems).toEqual([]);
  });
  it("a scrolled inspector or preview keeps its title and hide button on top: the button covers no control", async () => {
    const problems: string[] = [];
    const page = await openDesigner(problems, { width: 1440, height: 900 });
    await loadDesign(page, DESIGNS["the REST API template"]);
    await page.getByRole("treeitem", { name: /^Username, / }).click();
    // The longest method, so that the preview scrolls too.
    await region(page, "region", "Preview").getByRole("radio", { name: "OAuth 2.0" }).check();
    for (const panel of ["Inspector", "Preview"]) {
      const hide = region(page, panel === "Inspector" ? "complementary" : "region", panel)
        .locator("xpath=ancestor-or-self::*[contains(@class, 'cd-panel')][1]")
        .getByRole("button", { name: `Hide ${panel}`, exact: true });
      const covered = () =>
        hide.evaluate((button) => {
          const panelElement = button.closest(".cd-panel")!;
          const body = panelElement.querySelector<HTMLElement>(".cd-panel-body")!;
          body.scrollTop = 240;
          const own = button.getBoundingClientRect();
          const title = body.querySelector("h2")!.getBoundingClientRect();
          const hits = [...body.querySelectorAll("input, textarea, select, button, label")]
            .map((control) => control.getBoundingClientRect())
            .filter(
              (box) =>
                box.width > 0 &&
                Math.min(box.right, own.right) - Math.max(box.left, own.left) > 0.5 &&
                // The part of the control not under the title (which covers what scrolls beneath it).
                Math.min(box.bottom, own.bottom) - Math.max(box.top, title.bottom, own.top) > 0.5,
            ).length;
          return {
            scrolled: body.scrollTop > 0,
            titleAtTop: Math.abs(title.top - body.getBoundingClientRect().top) < 1,
            hits,
          };
        });
      await expect.poll(covered).toEqual({ scrolled: true, titleAtTop: true, hits: 0 });
    }
    await page.close();
    expect(problems).toEqual([]);
  });
});
