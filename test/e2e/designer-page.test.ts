import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { openDesignerPage } from "../support/designer-page.ts";
import { devServerAndBrowser } from "../support/dev-server-and-browser.ts";
import { mouseDrag } from "../support/mouse-drag.ts";

const setup = devServerAndBrowser();

const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** Opens the designer, collecting console errors, page errors and any request to another host. */
function openDesigner(problems: string[]): Promise<Page> {
  const served = new URL(setup.server.url);
  return openDesignerPage(setup.browser.context, setup.server.url, problems, {
    before: (page) =>
      page.route("**/*", async (route) => {
        const url = new URL(route.request().url());
        if (url.protocol !== "data:" && url.host !== served.host) {
          problems.push(`request to another host: ${url.href}`);
          await route.abort();
          return;
        }
        await route.continue();
      }),
  });
}

describe("the designer page, in headless Chromium", () => {
  it("has the four named regions and a toolbar with Undo and Redo; axe finds no violations; nothing loads from elsewhere", async () => {
    const problems: string[] = [];
    const page = await openDesigner(problems);
    expect(await page.title()).toBe("Credential Designer");
    expect(await page.getByRole("navigation", { name: "Palette" }).count()).toBe(1);
    expect(await page.getByRole("main", { name: "Canvas" }).count()).toBe(1);
    expect(await page.getByRole("complementary", { name: "Inspector" }).count()).toBe(1);
    expect(await page.getByRole("region", { name: "Preview" }).count()).toBe(1);
    const toolbar = page.getByRole("toolbar", { name: "Design" });
    expect(await toolbar.getByRole("button", { name: "Undo" }).isDisabled()).toBe(true);
    expect(await toolbar.getByRole("button", { name: "Redo" }).isDisabled()).toBe(true);
    await page.addScriptTag({ content: AXE });
    const violations = await page.evaluate(async () => {
      const result = await (
        window as unknown as {
          axe: { run(): Promise<{ violations: Array<{ id: string; nodes: unknown[] }> }> };
        }
      ).axe.run();
      return result.violations.map((v) => `${v.id} (${v.nodes.length})`);
    });
    expect(violations).toEqual([]);
    await page.close();
    expect(problems).toEqual([]);
  });

  it("a field added from the palette with the keyboard shows in the canvas and the preview; Undo, Ctrl+Z, Ctrl+Y and Ctrl+Shift+Z walk the history", async () => {
    const problems: string[] = [];
    const page = await openDesigner(problems);
    const canvas = page.getByRole("main", { name: "Canvas" });
    const preview = page.getByRole("region", { name: "Preview" });
    await page
      .getByRole("navigation", { name: "Palette" })
      .getByRole("button", { name: "Add URL field" })
      .press("Enter");
    await preview.getByRole("textbox", { name: "URL" }).waitFor({ timeout: 10_000 });
    const rows = canvas.getByRole("button", { name: /^Move / });
    expect(await rows.count()).toBe(1);
    const undo = page.getByRole("button", { name: "Undo" });
    expect(await undo.isEnabled()).toBe(true);
    await undo.click();
    await preview.getByRole("textbox", { name: "URL" }).waitFor({ state: "detached" });
    expect(await rows.count()).toBe(0);
    await page.keyboard.press("Control+y");
    await preview.getByRole("textbox", { name: "URL" }).waitFor();
    await page.getByRole("button", { name: "Redo" }).focus();
    await page.keyboard.press("Control+z");
    await preview.getByRole("textbox", { name: "URL" }).waitFor({ state: "detached" });
    await page.keyboard.press("Control+Shift+z");
    await preview.getByRole("textbox", { name: "URL" }).waitFor();
    expect(await rows.count()).toBe(1);
    await page.close();
    expect(problems).toEqual([]);
  });

  it("a mouse drag is one step: Undo puts the row back, Redo moves it again, in canvas and preview alike", async () => {
    const problems: string[] = [];
    const page = await openDesigner(problems);
    const canvas = page.getByRole("main", { name: "Canvas" });
    const preview = page.getByRole("region", { name: "Preview" });
    const palette = page.getByRole("navigation", { name: "Palette" });
    // Each added field is selected, so the next one goes after it: Text, URL, Email.
    for (const item of ["Add Text field", "Add URL field", "Add Email field"])
      await palette.getByRole("button", { name: item }).click();
    const rowNames = () =>
      canvas
        .getByRole("button", { name: /^Move / })
        .evaluateAll((buttons) => buttons.map((button) => button.getAttribute("aria-label")));
    const previewNames = () =>
      preview
        .getByRole("textbox")
        .evaluateAll((boxes) =>
          boxes.map((box) => (box as HTMLInputElement).labels?.[0]?.textContent?.trim() ?? ""),
        );
    await expect.poll(rowNames).toEqual(["Move Text", "Move URL", "Move Email"]);

    // Email dragged by its handle above Text: the upper part of Text's row.
    const text = await canvas
      .getByRole("button", { name: "Move Text", exact: true })
      .locator("xpath=..")
      .boundingBox();
    if (!text) throw new Error("no Text row");
    await mouseDrag(page, canvas.getByRole("button", { name: "Move Email", exact: true }), {
      x: text.x + text.width / 2,
      y: text.y + text.height * 0.2,
    });
    await expect.poll(rowNames).toEqual(["Move Email", "Move Text", "Move URL"]);
    await expect
      .poll(previewNames)
      .toEqual([
        expect.stringMatching(/^Email/),
        expect.stringMatching(/^Text/),
        expect.stringMatching(/^URL/),
      ]);

    await page
      .getByRole("toolbar", { name: "Design" })
      .getByRole("button", { name: "Undo" })
      .click();
    await expect.poll(rowNames).toEqual(["Move Text", "Move URL", "Move Email"]);
    await expect
      .poll(previewNames)
      .toEqual([
        expect.stringMatching(/^Text/),
        expect.stringMatching(/^URL/),
        expect.stringMatching(/^Email/),
      ]);
    await page
      .getByRole("toolbar", { name: "Design" })
      .getByRole("button", { name: "Redo" })
      .click();
    await expect.poll(rowNames).toEqual(["Move Email", "Move Text", "Move URL"]);
    // One more Undo takes back the third add, not part of the drag.
    await page
      .getByRole("toolbar", { name: "Design" })
      .getByRole("button", { name: "Undo" })
      .click();
    await page
      .getByRole("toolbar", { name: "Design" })
      .getByRole("button", { name: "Undo" })
      .click();
    await expect.poll(rowNames).toEqual(["Move Text", "Move URL"]);
    await page.close();
    expect(problems).toEqual([]);
  });

  it("schema text is shown as text, never as HTML: markup in titles and help stays literal in canvas, inspector and preview", async () => {
    const problems: string[] = [];
    const page = await openDesigner(problems);
    const markup = '<img src="x" onerror="window.__injected = true">';
    await page.evaluate(
      `(async (text) => {
        const { importSchema } = await import("/src/schema/import.ts");
        window.__designerStore.load(importSchema(JSON.parse(text)));
      })(${JSON.stringify(JSON.stringify({ type: "object", title: markup, properties: { host: { type: "string", title: markup, description: "<b>bold</b> help" } } }))})`,
    );
    const canvas = page.getByRole("main", { name: "Canvas" });
    await canvas.getByRole("button", { name: `Move ${markup}`, exact: true }).waitFor();
    await canvas
      .getByRole("treeitem", {
        name: new RegExp(`^${markup.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`),
      })
      .first()
      .click();
    const preview = page.getByRole("region", { name: "Preview" });
    await preview.getByRole("textbox", { name: markup }).waitFor();
    expect(await preview.getByText("<b>bold</b> help", { exact: true }).count()).toBe(1);
    expect(
      await page
        .getByRole("complementary", { name: "Inspector" })
        .getByRole("textbox", { name: "Title", exact: true })
        .inputValue(),
    ).toBe(markup);
    expect(await page.locator(".designer img, .designer b").count()).toBe(0);
    expect(
      await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected),
    ).toBeUndefined();
    await page.close();
    expect(problems).toEqual([]);
  });

  it("every id on the page is unique and every label, description and control reference finds its element, with fields of each kind in the inspector and the dialogs open", async () => {
    const problems: string[] = [];
    const page = await openDesigner(problems);
    const palette = page.getByRole("navigation", { name: "Palette" });
    const references = () =>
      page.evaluate(() => {
        const found: string[] = [];
        const counts = new Map<string, number>();
        for (const element of document.querySelectorAll("[id]"))
          counts.set(element.id, (counts.get(element.id) ?? 0) + 1);
        for (const [id, count] of counts) if (count > 1) found.push(`id "${id}" ×${count}`);
        for (const label of document.querySelectorAll("label[for]")) {
          const target = document.getElementById(label.getAttribute("for")!);
          if (!target?.matches("input, select, textarea, button, output, meter, progress"))
            found.push(`label "${label.textContent}" → ${target?.tagName ?? "nothing"}`);
        }
        for (const name of ["aria-labelledby", "aria-describedby", "aria-controls"])
          for (const element of document.querySelectorAll(`[${name}]`)) {
            // A closed dialog is outside the accessibility tree, and its content is not rendered.
            if (element.closest("dialog:not([open])")) continue;
            for (const id of element.getAttribute(name)!.split(/\s+/).filter(Boolean))
              if (!document.getElementById(id)) found.push(`${name} "${id}" on ${element.tagName}`);
          }
        return found;
      });
    for (const kind of ["Text", "Secret", "Select", "Yes / no", "Group", "Auth-method choice"]) {
      await palette.getByRole("button", { name: `Add ${kind} field`, exact: true }).click();
      await page
        .getByRole("complementary", { name: "Inspector" })
        .getByRole("textbox", { name: "Key", exact: true })
        .waitFor();
      expect(await references(), kind).toEqual([]);
    }
    await page.getByRole("button", { name: "Designs", exact: true }).click();
    await page.getByRole("dialog", { name: "Designs" }).waitFor();
    expect(await references(), "with the Designs dialog open").toEqual([]);
    await page.keyboard.press("Escape");
    await page.close();
    expect(problems).toEqual([]);
  });
});
