import { readFileSync } from "node:fs";
import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { AXE_SOURCE } from "../support/axe.ts";
import { historyLength, openDesignerPage } from "../support/designer-page.ts";
import { devServerAndBrowser } from "../support/dev-server-and-browser.ts";
import { afterPageTimers, dragReady } from "../support/mouse-drag.ts";

/**
 * Keyboard work on the designer page, in real Chromium: the skip links, the canvas and the palette
 * as one tab stop each, the canvas's shortcuts, and a keyboard move that never hides its target.
 * The tests count the keys they press (`Keys`), from the page as it loads.
 */

const setup = devServerAndBrowser();

const REST_API = JSON.parse(
  readFileSync(new URL("../../schemas/rest-adapter.json", import.meta.url), "utf8"),
);

/** The REST API template with its timeout in an "Advanced" group, and an empty "Extras" group. */
function restApiWithGroups(): object {
  const schema = structuredClone(REST_API);
  const { timeoutSeconds, ...rest } = schema.properties;
  schema.properties = {
    ...rest,
    advanced: { type: "object", title: "Advanced", properties: { timeoutSeconds } },
    extras: { type: "object", title: "Extras", properties: {} },
  };
  return schema;
}

async function open(
  problems: string[],
  viewport = { width: 1440, height: 900 },
  design: object = REST_API,
): Promise<Page> {
  const page = await openDesignerPage(setup.browser.context, setup.server.url, problems, {
    viewport,
  });
  // The design replaced by the dev server's store, as opening a saved design does: no focus moves.
  await page.evaluate(`(async (text) => {
    const { importSchema } = await import("/src/schema/import.ts");
    window.__designerStore.load(importSchema(JSON.parse(text)));
  })(${JSON.stringify(JSON.stringify(design))})`);
  await page.getByRole("tree", { name: "Fields of the window" }).waitFor();
  await dragReady(page);
  expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
  return page;
}

/** The keys a test presses, counted. */
class Keys {
  count = 0;
  tabs = 0;
  constructor(private readonly page: Page) {}
  async press(key: string): Promise<void> {
    this.count++;
    if (key === "Tab") this.tabs++;
    await this.page.keyboard.press(key);
  }
}

/** What has the focus, in words: a tree item's title, else its role or tag and name. */
function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) return "nothing";
    if (element.getAttribute("role") === "treeitem")
      return `row ${element.querySelector(".cd-row-title")?.textContent}`;
    if (element.dataset.item !== undefined) return `palette ${element.getAttribute("aria-label")}`;
    if (/^(INPUT|TEXTAREA|SELECT)$/.test(element.tagName))
      return `${element.tagName.toLowerCase()}`;
    if (element.id) return `#${element.id}`;
    return `${element.tagName.toLowerCase()} ${element.getAttribute("aria-label") ?? element.textContent}`;
  });
}

const canvas = (page: Page) => page.getByRole("main", { name: "Canvas" });
const announcement = (page: Page) => page.locator('[id^="DndLiveRegion"]').innerText();

/** The keys of the window's fields, or of the field `key` in it. */
function keysOf(page: Page, key?: string): Promise<string[]> {
  return page.evaluate((inside) => {
    type Node = { key: string; fields?: Node[] };
    const root = (window as unknown as { __designerStore: { doc: { root: Node } } }).__designerStore
      .doc.root;
    const container = inside === undefined ? root : root.fields!.find((f) => f.key === inside)!;
    return container.fields!.map((field) => field.key);
  }, key);
}

/** The tab stops of the page, in order, from its start (at most `limit`). */
async function tabStops(page: Page, limit = 200): Promise<string[]> {
  const stops: string[] = [];
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press("Tab");
    const now = await focused(page);
    if (now === "nothing" || now === stops[0]) break;
    stops.push(now);
  }
  return stops;
}

/**
 * Resolves once what moves on the page has arrived (its CSS transitions and animations have
 * finished: dnd-kit glides its overlay to each place the arrows reach) and two more frames are
 * drawn, so what a key changed is laid out and painted where it ends up.
 */
function settled(page: Page): Promise<void> {
  return page.evaluate(async () => {
    await Promise.all(document.getAnimations().map((animation) => animation.finished));
    await new Promise<void>((resolve) =>
      requestAnimationFrame(() => requestAnimationFrame(() => resolve())),
    );
  });
}

async function box(locator: Locator) {
  const rect = await locator.boundingBox();
  if (!rect) throw new Error("not visible");
  return rect;
}

describe("keyboard: skip links, one tab stop per widget, shortcuts", () => {
  it("from page load the first canvas row takes at most 5 Tab presses: a skip link, visible on focus", async () => {
    const problems: string[] = [];
    const page = await open(problems);
    const keys = new Keys(page);
    const skip = page.getByRole("link", { name: "Skip to canvas" });
    // Out of sight until focused.
    const hidden = await skip.evaluate((link) => link.getBoundingClientRect().bottom);
    expect(hidden).toBeLessThanOrEqual(0);
    await keys.press("Tab");
    expect(await focused(page)).toBe("a Skip to canvas");
    await expect.poll(async () => (await box(skip)).y).toBeGreaterThanOrEqual(0);
    // Shown whole, and on top of what it covers.
    const shown = await box(skip);
    expect(
      await page.evaluate(
        ({ x, y }) => document.elementFromPoint(x, y)?.closest("a")?.textContent,
        { x: shown.x + shown.width / 2, y: shown.y + shown.height / 2 },
      ),
    ).toBe("Skip to canvas");
    await keys.press("Enter");
    expect(await focused(page)).toBe("row Base URL");
    expect(keys.tabs).toBeLessThanOrEqual(5);
    expect(keys.count).toBe(2);
    // Focus on a row selects nothing yet: the inspector still edits the window.
    expect(
      await page.evaluate(
        () =>
          (
            window as unknown as { __designerStore: { getState(): { selected?: string } } }
          ).__designerStore.getState().selected,
      ),
    ).toBeUndefined();
    await page.close();
    expect(problems).toEqual([]);
  });

  it("the palette and the canvas are one tab stop each; the page has a few dozen stops, not 128", async () => {
    const problems: string[] = [];
    const page = await open(problems);
    const stops = await tabStops(page);
    expect(stops.slice(0, 4)).toEqual([
      "a Skip to canvas",
      "a Skip to palette",
      "a Skip to inspector",
      "a Skip to preview",
    ]);
    expect(stops.filter((stop) => stop.startsWith("palette "))).toEqual(["palette Add Text field"]);
    expect(stops.filter((stop) => stop.startsWith("row "))).toEqual(["row Base URL"]);
    // No row's handle, fold button, duplicate or delete button is a stop.
    expect(
      stops.filter((stop) => /^button (Move|Collapse|Expand|Duplicate|Delete) /.test(stop)),
    ).toEqual([]);
    expect(stops.length).toBeLessThanOrEqual(40);
    await page.close();
    expect(problems).toEqual([]);
  });

  it("adding a Text field and moving it into a group takes at most 12 keys, each change one undo step", async () => {
    const problems: string[] = [];
    const page = await open(problems, undefined, restApiWithGroups());
    const keys = new Keys(page);
    // To the palette: its tab stop is its first item, Text.
    await keys.press("Tab");
    await keys.press("Tab");
    expect(await focused(page)).toBe("a Skip to palette");
    await keys.press("Enter");
    expect(await focused(page)).toBe("palette Add Text field");
    // Enter adds it (at the end of the window: nothing is selected), selects it and focuses its row.
    await keys.press("Enter");
    expect(await focused(page)).toBe("row Text");
    expect(await keysOf(page)).toEqual(["baseUrl", "auth", "advanced", "extras", "text"]);
    // Space picks it up; the arrows reach the end of Advanced (past the empty Extras); Space drops.
    await keys.press("Space");
    await expect.poll(() => announcement(page)).toMatch(/^Picked up Text\./);
    await afterPageTimers(page); // the keyboard sensor listens for arrows from a timeout it sets
    await keys.press("ArrowUp");
    await expect.poll(() => announcement(page)).toBe("Text is over position 1 of 1 in Extras.");
    await keys.press("ArrowUp");
    await keys.press("ArrowUp");
    await expect.poll(() => announcement(page)).toBe("Text is over position 2 of 2 in Advanced.");
    await keys.press("Space");
    await expect.poll(() => announcement(page)).toBe("Text moved to position 2 in Advanced.");
    expect(await keysOf(page, "advanced")).toEqual(["timeoutSeconds", "text"]);
    expect(await keysOf(page)).toEqual(["baseUrl", "auth", "advanced", "extras"]);
    expect(keys.count).toBeLessThanOrEqual(12);
    expect(await historyLength(page)).toBe(2);
    // Focus stays on the moved row.
    await expect.poll(() => focused(page)).toBe("row Text");
    await page.close();
    expect(problems).toEqual([]);
  });

  it("arrows move between rows and the inspector follows; Delete, Ctrl+D and Alt+arrows are one undo step each", async () => {
    const problems: string[] = [];
    const page = await open(problems, undefined, restApiWithGroups());
    const editing = () =>
      page
        .getByRole("complementary", { name: "Inspector" })
        .getByRole("form")
        .first()
        .getAttribute("aria-label");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    expect(await focused(page)).toBe("row Base URL");
    await page.keyboard.press("ArrowDown");
    expect(await focused(page)).toBe("row Authentication");
    await expect.poll(editing).toContain('"Authentication"');
    // Left folds the choice: End is then the last row shown.
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.press("End");
    expect(await focused(page)).toBe("row Extras");
    await page.keyboard.press("ArrowUp");
    expect(await focused(page)).toBe("row Timeout (seconds)");
    await expect.poll(editing).toContain("(timeoutSeconds)");

    await page.keyboard.press("Control+d");
    // The focus is on the copy, titled as one (two alike would be a warning).
    await expect.poll(() => focused(page)).toBe("row Timeout (seconds) (copy)");
    expect(await keysOf(page, "advanced")).toEqual(["timeoutSeconds", "timeoutSecondsCopy"]);
    await expect.poll(editing).toContain("(timeoutSecondsCopy)");
    await page.keyboard.press("Alt+ArrowUp");
    expect(await keysOf(page, "advanced")).toEqual(["timeoutSecondsCopy", "timeoutSeconds"]);
    await page.keyboard.press("Alt+ArrowDown");
    expect(await keysOf(page, "advanced")).toEqual(["timeoutSeconds", "timeoutSecondsCopy"]);
    await expect.poll(editing).toContain("(timeoutSecondsCopy)");
    await page.keyboard.press("Delete");
    expect(await keysOf(page, "advanced")).toEqual(["timeoutSeconds"]);
    // The last of its list: focus (and the inspector) on the one before it.
    await expect.poll(() => focused(page)).toBe("row Timeout (seconds)");
    await expect.poll(editing).toContain("(timeoutSeconds)");
    expect(await historyLength(page)).toBe(4);
    await page.keyboard.press("Control+z");
    expect(await keysOf(page, "advanced")).toEqual(["timeoutSeconds", "timeoutSecondsCopy"]);
    // Undo and redo re-render rows away from under the focus: it stays on a row all the same.
    for (const key of ["Control+z", "Control+z", "Control+Shift+z", "Control+Shift+z"]) {
      await page.keyboard.press(key);
      await expect.poll(() => focused(page), { message: key }).toMatch(/^row /);
    }
    expect(await keysOf(page, "advanced")).toEqual(["timeoutSeconds", "timeoutSecondsCopy"]);
    await page.keyboard.press("ArrowUp");
    expect(await focused(page)).toMatch(/^row /);
    await page.close();
    expect(problems).toEqual([]);
  });

  it("skip links reach the inspector and the preview, in a medium window through its tabs; axe passes with a row focused", async () => {
    const problems: string[] = [];
    const page = await open(problems, { width: 1024, height: 768 });
    const tab = (name: string) =>
      page.getByRole("tablist", { name: "Side panel" }).first().getByRole("tab", { name });
    expect(await tab("Inspector").getAttribute("aria-selected")).toBe("true");
    for (let i = 0; i < 4; i++) await page.keyboard.press("Tab");
    expect(await focused(page)).toBe("a Skip to preview");
    await page.keyboard.press("Enter");
    expect(await focused(page)).toBe("#panel-preview-body");
    await expect.poll(() => page.getByRole("region", { name: "Preview" }).isVisible()).toBe(true);
    // The next Tab is the preview's first field.
    await page.keyboard.press("Tab");
    expect(await focused(page)).toMatch(/^(input|textarea|select)$/);
    expect(
      await page.evaluate(() =>
        document.getElementById("panel-preview")?.contains(document.activeElement),
      ),
    ).toBe(true);

    await page.keyboard.press("Shift+Tab"); // back on the preview's content
    await page.evaluate(() => (document.activeElement as HTMLElement).blur());
    await page.getByRole("link", { name: "Skip to inspector" }).focus();
    await page.keyboard.press("Enter");
    expect(await focused(page)).toBe("#panel-inspector-body");
    await page.keyboard.press("Tab");
    expect(await focused(page)).toMatch(/^(input|textarea|select)$/);
    expect(
      await page.evaluate(() =>
        document.getElementById("panel-inspector")?.contains(document.activeElement),
      ),
    ).toBe(true);

    await page.getByRole("link", { name: "Skip to canvas" }).focus();
    await page.keyboard.press("Enter");
    expect(await focused(page)).toBe("row Base URL");
    for (const scheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      if (!(await page.evaluate(() => "axe" in window)))
        await page.addScriptTag({ content: AXE_SOURCE });
      const violations = await page.evaluate(async () => {
        const result = await (
          window as unknown as {
            axe: {
              run(): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }>;
            };
          }
        ).axe.run();
        return result.violations.map(
          (v) => `${v.id}: ${v.nodes.map((node) => node.target.join(" ")).join(", ")}`,
        );
      });
      expect(violations, scheme).toEqual([]);
    }
    await page.close();
    expect(problems).toEqual([]);
  });

  it("the ? dialog lists every canvas and palette shortcut", async () => {
    const problems: string[] = [];
    const page = await open(problems);
    await page.getByRole("link", { name: "Skip to canvas" }).focus();
    await page.keyboard.press("Enter");
    await page.keyboard.press("Shift+?");
    const help = page.getByRole("dialog", { name: "Keyboard shortcuts" });
    await help.waitFor();
    const listed = await help.locator("dt").allTextContents();
    for (const keys of [
      "Tab at the top of the page",
      "↑ ↓ in the palette",
      "Enter on a palette item",
      "↑ ↓ on the canvas",
      "Home, End on the canvas",
      "→ ← on the canvas",
      "Space on a row",
      "Alt+↑, Alt+↓ on a row",
      "Ctrl+D on a row",
      "Delete, Backspace on a row",
    ])
      expect(listed).toContain(keys);
    await page.keyboard.press("Escape");
    await help.waitFor({ state: "hidden" });
    await page.close();
    expect(problems).toEqual([]);
  });
});

describe("a keyboard move never hides its target", () => {
  for (const viewport of [
    { width: 1440, height: 900 },
    { width: 1024, height: 768 },
  ])
    it(`at ${viewport.width}×${viewport.height}: moving into an empty group, no ghost lies on its drop box`, async () => {
      const problems: string[] = [];
      const page = await open(problems, viewport, restApiWithGroups());
      // The ghost of a mouse drag is there to be found: what the check looks for exists.
      const text = page.getByRole("button", { name: "Add Text field" });
      const from = await box(text);
      await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
      await page.mouse.down();
      await page.mouse.move(from.x + 80, from.y + 40, { steps: 6 });
      await expect.poll(() => page.locator(".cd-drag-overlay").count()).toBe(1);
      await page.mouse.move(from.x + 40, 10, { steps: 4 }); // onto the header: not the design
      await page.mouse.up();
      await expect.poll(() => page.locator(".cd-drag-overlay").count()).toBe(0);

      // Timeout (seconds), picked up with the keyboard, down past Advanced's end onto the empty Extras.
      await canvas(page)
        .getByRole("treeitem", { name: /^Timeout \(seconds\)/ })
        .focus();
      await page.keyboard.press("Space");
      await expect.poll(() => announcement(page)).toMatch(/^Picked up Timeout \(seconds\)\./);
      await afterPageTimers(page);
      await page.keyboard.press("ArrowDown");
      await page.keyboard.press("ArrowDown");
      await page.keyboard.press("ArrowDown");
      await expect
        .poll(() => announcement(page))
        .toBe("Timeout (seconds) is over position 1 of 1 in Extras.");
      const target = canvas(page).locator('.cd-empty[data-drop="into"]');
      await target.waitFor();
      // The box is the one place marked: no drop line elsewhere (above the group's row) says otherwise.
      expect(await canvas(page).locator("[data-drop]").count()).toBe(1);
      await settled(page);
      const drop = await box(target);
      const ghosts = await page.locator(".cd-drag-overlay, [data-dnd-overlay]").evaluateAll((all) =>
        all.map((element) => {
          const { x, y, width, height } = element.getBoundingClientRect();
          return { x, y, width, height };
        }),
      );
      for (const ghost of ghosts) {
        const apart =
          ghost.x + ghost.width <= drop.x ||
          drop.x + drop.width <= ghost.x ||
          ghost.y + ghost.height <= drop.y ||
          drop.y + drop.height <= ghost.y;
        expect(
          apart,
          `the ghost ${JSON.stringify(ghost)} lies on the drop box ${JSON.stringify(drop)}`,
        ).toBe(true);
      }
      // The box is in view, whole, and what is drawn at its centre and corners is the box itself.
      const size = page.viewportSize()!;
      expect(drop.y).toBeGreaterThanOrEqual(0);
      expect(drop.y + drop.height).toBeLessThanOrEqual(size.height);
      for (const [fx, fy] of [
        [0.5, 0.5],
        [0.05, 0.2],
        [0.95, 0.2],
        [0.05, 0.8],
        [0.95, 0.8],
      ] as const) {
        const point = { x: drop.x + drop.width * fx, y: drop.y + drop.height * fy };
        expect(
          await page.evaluate(
            ({ x, y }) => document.elementFromPoint(x, y)?.closest(".cd-empty")?.textContent,
            point,
          ),
        ).toBe("Drop fields here");
      }
      await page.keyboard.press("Space");
      await expect
        .poll(() => announcement(page))
        .toBe("Timeout (seconds) moved to position 1 in Extras.");
      expect(await keysOf(page, "extras")).toEqual(["timeoutSeconds"]);
      await page.close();
      expect(problems).toEqual([]);
    });
});
