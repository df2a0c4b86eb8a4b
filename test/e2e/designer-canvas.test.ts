import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import type { JsonObject } from "../../src/json/value.ts";
import type { CredentialDocument } from "../../src/model/index.ts";
import { toSchema } from "../../src/schema/to-schema.ts";
import { devServerAndBrowser } from "../support/dev-server-and-browser.ts";
import { afterPageTimers, center, dragReady, mouseDrag } from "../support/mouse-drag.ts";

const setup = devServerAndBrowser();

interface Opened {
  page: Page;
  problems: string[];
}

async function open(design: "sample" | "blank" | "choice" = "sample"): Promise<Opened> {
  const page = await setup.browser.context.newPage();
  await page.setViewportSize({ width: 1000, height: 900 });
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console error: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  await page.goto(`${setup.server.url}test/e2e/pages/designer-canvas/index.html?design=${design}`);
  // The window's fields: a tree of rows, or (a blank design) the box to drop the first one in.
  await page
    .getByRole("tree", { name: "Fields of the window" })
    .or(page.getByRole("list", { name: "Fields of the window" }))
    .waitFor({ timeout: 15_000 });
  await dragReady(page);
  return { page, problems };
}

/** The keys of the fields of the window, or of the field `key` in it. */
function keys(page: Page, key?: string): Promise<string[]> {
  return page.evaluate((inside) => {
    type Node = { key: string; fields?: Node[] };
    const store = (window as unknown as { designerStore: { doc: { root: Node } } }).designerStore;
    const container =
      inside === undefined
        ? store.doc.root
        : store.doc.root.fields!.find((field) => field.key === inside)!;
    return container.fields!.map((field) => field.key);
  }, key);
}

/** The exported schema of the page's design (the document is plain data: read it, export it here). */
async function schemaOf(page: Page): Promise<JsonObject> {
  const doc = await page.evaluate(
    () =>
      JSON.parse(
        JSON.stringify(
          (window as unknown as { designerStore: { doc: unknown } }).designerStore.doc,
        ),
      ) as unknown,
  );
  return toSchema(doc as CredentialDocument);
}

/** The property names of branch `index` of the choice `key` in an exported schema, in order. */
function branchProperties(schema: JsonObject, key: string, index: number): string[] {
  const choice = (schema.properties as Record<string, { oneOf: { properties: object }[] }>)[key]!;
  return Object.keys(choice.oneOf[index]!.properties);
}

function historyLength(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      (
        window as unknown as { designerStore: { getState(): { editor: { done: unknown[] } } } }
      ).designerStore.getState().editor.done.length,
  );
}

function announcement(page: Page): Promise<string> {
  return page.locator('[id^="DndLiveRegion"]').innerText();
}

function canvas(page: Page): Locator {
  return page.getByRole("main", { name: "Canvas" });
}

/** A row of the canvas (its `li`: its line and its nested rows) by its field's name. */
function row(page: Page, name: string): Locator {
  return canvas(page)
    .locator("li[data-node]")
    .filter({ has: page.getByRole("button", { name: `Move ${name}`, exact: true }) })
    .first();
}

/**
 * Focuses a handle and presses Space, then waits for the pick-up announcement and for the keyboard
 * sensor to listen for the arrow keys (an arrow pressed sooner is lost): it starts listening in a
 * timeout it sets on pick-up.
 */
async function lift(page: Page, name: string): Promise<void> {
  await page.getByRole("button", { name: `Move ${name}`, exact: true }).focus();
  await page.keyboard.press("Space");
  await expect.poll(() => announcement(page)).toMatch(new RegExp(`^Picked up ${name}\\.`));
  await afterPageTimers(page);
}

/** A row (its `li`) by its field's name, not one that holds it. */
function ownRow(page: Page, name: string): Locator {
  return page
    .getByRole("button", { name: `Move ${name}`, exact: true })
    .locator("xpath=ancestor::li[1]");
}

/** The header of a row: its handle's parent. */
async function rowBox(page: Page, name: string) {
  const box = await page
    .getByRole("button", { name: `Move ${name}`, exact: true })
    .locator("xpath=..")
    .boundingBox();
  if (!box) throw new Error(`no row ${name}`);
  return box;
}

/** The upper or lower quarter of a row's header. */
async function part(page: Page, name: string, where: "upper" | "lower") {
  const box = await rowBox(page, name);
  return { x: box.x + box.width / 2, y: box.y + box.height * (where === "upper" ? 0.25 : 0.75) };
}

describe("palette and canvas in headless Chromium: real drags", () => {
  it("mouse: drags fields and a block from the palette to a position on the canvas", async () => {
    const { page, problems } = await open("blank");
    await mouseDrag(
      page,
      page.getByRole("button", { name: "Add Text field" }),
      await center(canvas(page).getByText(/^No fields yet/)),
    );
    expect(await keys(page)).toEqual(["text"]);
    await expect
      .poll(() => row(page, "Text").getByRole("treeitem").getAttribute("aria-selected"))
      .toBe("true");

    // Into the upper half of the Text row: before it.
    await mouseDrag(
      page,
      page.getByRole("button", { name: "Add Secret field" }),
      await part(page, "Text", "upper"),
    );
    expect(await keys(page)).toEqual(["secret", "text"]);

    // The Basic auth block, between the two.
    await mouseDrag(
      page,
      page.getByRole("button", { name: "Add Basic auth block" }),
      await part(page, "Secret", "lower"),
    );
    expect(await keys(page)).toEqual(["secret", "username", "password", "text"]);
    expect(await historyLength(page)).toBe(3);

    // Dropped outside the canvas: nothing happens.
    await mouseDrag(page, page.getByRole("button", { name: "Add Email field" }), {
      x: 990,
      y: 880,
    });
    expect(await keys(page)).toEqual(["secret", "username", "password", "text"]);
    await page.close();
    expect(problems).toEqual([]);
  });

  it("mouse: reorders with the handle, shows the drop line while dragging, and is one undo step", async () => {
    const { page, problems } = await open();
    const before = await keys(page);
    const handle = page.getByRole("button", { name: "Move Region", exact: true });
    const start = await center(handle);
    await page.mouse.move(start.x, start.y);
    await page.mouse.down();
    await page.mouse.move(start.x + 8, start.y - 8, { steps: 4 });
    const target = await part(page, "User name", "upper");
    await page.mouse.move(target.x, target.y, { steps: 15 });
    await page.mouse.move(target.x, target.y + 1, { steps: 2 });
    // The line shows above the User name row; nothing has changed yet.
    await expect.poll(() => row(page, "User name").getAttribute("data-drop")).toBe("before");
    expect(await keys(page)).toEqual(before);
    await page.mouse.up();
    expect(await keys(page)).toEqual([
      "region",
      "username",
      "apiKey",
      "account",
      "extras",
      "baseUrl",
    ]);
    expect(await historyLength(page)).toBe(1);
    expect(await canvas(page).locator("[data-drop]").count()).toBe(0);

    await page.evaluate(() =>
      (window as unknown as { designerStore: { undo(): void } }).designerStore.undo(),
    );
    expect(await keys(page)).toEqual(before);
    const names = await page
      .getByRole("tree", { name: "Fields of the window" })
      .getByRole("treeitem")
      .evaluateAll((items) =>
        items
          .filter(
            (item) =>
              item.parentElement?.parentElement?.getAttribute("aria-label") ===
              "Fields of the window",
          )
          .map((item) => item.querySelector(".cd-row-title")?.textContent),
      );
    expect(names).toEqual(["User name", "API key", "Region", "Account", "Extras", "Base URL"]);
    await page.close();
    expect(problems).toEqual([]);
  });

  it("keyboard only: Space lifts, arrows move, Space drops; the live region names the field and the place", async () => {
    const { page, problems } = await open();
    await lift(page, "API key");
    expect(await announcement(page)).toBe("Picked up API key. Over position 2 of 6 in the window.");
    await page.keyboard.press("ArrowUp");
    await expect
      .poll(() => announcement(page))
      .toBe("API key is over position 1 of 6 in the window.");
    expect(await keys(page)).toEqual([
      "username",
      "apiKey",
      "region",
      "account",
      "extras",
      "baseUrl",
    ]);
    await page.keyboard.press("Space");
    await expect.poll(() => announcement(page)).toBe("API key moved to position 1 in the window.");
    expect(await keys(page)).toEqual([
      "apiKey",
      "username",
      "region",
      "account",
      "extras",
      "baseUrl",
    ]);
    // Focus stays on the moved field's row.
    await expect
      .poll(() =>
        page.evaluate(() =>
          document.activeElement?.matches('[role="treeitem"]')
            ? document.activeElement.querySelector(".cd-row-title")?.textContent
            : document.activeElement?.tagName,
        ),
      )
      .toBe("API key");

    // Base URL up into the end of Account: past the empty Extras box and the Extras row.
    await lift(page, "Base URL");
    await page.keyboard.press("ArrowUp");
    await expect.poll(() => announcement(page)).toBe("Base URL is over position 1 of 1 in Extras.");
    await page.keyboard.press("ArrowUp");
    await page.keyboard.press("ArrowUp");
    await expect
      .poll(() => announcement(page))
      .toBe("Base URL is over position 3 of 3 in Account.");
    await page.keyboard.press("Space");
    await expect.poll(() => announcement(page)).toBe("Base URL moved to position 3 in Account.");
    expect(await keys(page, "account")).toEqual(["username", "password", "baseUrl"]);
    expect(await keys(page)).toEqual(["apiKey", "username", "region", "account", "extras"]);
    expect(await historyLength(page)).toBe(2);
    const account = page.getByRole("group", { name: "Fields of Account" });
    expect(await account.getByRole("button", { name: "Move Base URL", exact: true }).count()).toBe(
      1,
    );

    // Escape cancels: nothing moves.
    await lift(page, "Region");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Escape");
    await expect.poll(() => announcement(page)).toBe("Moving Region was cancelled.");
    expect(await keys(page)).toEqual(["apiKey", "username", "region", "account", "extras"]);
    expect(await historyLength(page)).toBe(2);
    await page.close();
    expect(problems).toEqual([]);
  });

  it("keyboard only: moves a field down into an empty group", async () => {
    const { page, problems } = await open();
    await lift(page, "Region");
    // Account row, Login, Password, the end of Account, the Extras row, the empty Extras box.
    for (let step = 0; step < 6; step++) await page.keyboard.press("ArrowDown");
    await expect.poll(() => announcement(page)).toBe("Region is over position 1 of 1 in Extras.");
    await page.keyboard.press("Space");
    await expect.poll(() => announcement(page)).toBe("Region moved to position 1 in Extras.");
    expect(await keys(page, "extras")).toEqual(["region"]);
    expect(await historyLength(page)).toBe(1);
    await page.close();
    expect(problems).toEqual([]);
  });

  it("keyboard only: moves a field into a choice branch, and reorders the branches", async () => {
    const { page, problems } = await open("choice");
    await lift(page, "Region");
    // Down to the Basic branch's row (its discriminator "type" is not a row: positions count Password only).
    for (let step = 0; step < 5; step++) await page.keyboard.press("ArrowDown");
    await expect
      .poll(() => announcement(page))
      .toBe("Region is over position 1 of 2 in Authentication › Basic.");
    await page.keyboard.press("Space");
    await expect
      .poll(() => announcement(page))
      .toBe("Region moved to position 1 in Authentication › Basic.");
    const basic = page.getByRole("group", { name: "Fields of Authentication › Basic" });
    expect(
      await basic
        .getByRole("button", { name: /^Move / })
        .evaluateAll((buttons) => buttons.map((button) => button.getAttribute("aria-label"))),
    ).toEqual(["Move Region", "Move Password"]);
    // In the model and the schema, the discriminator stays Basic's first property.
    expect(branchProperties(await schemaOf(page), "auth", 1)).toEqual([
      "type",
      "region",
      "password",
    ]);

    await lift(page, "Basic");
    await page.keyboard.press("ArrowUp");
    // Up over None's empty fields (None shows no row for its discriminator), then None's row.
    await expect.poll(() => announcement(page)).toBe("Basic is not over a place it can go.");
    await page.keyboard.press("ArrowUp");
    await expect
      .poll(() => announcement(page))
      .toBe("Basic is over position 1 of 2 in Authentication.");
    await page.keyboard.press("Space");
    await expect
      .poll(() => announcement(page))
      .toBe("Basic moved to position 1 in Authentication.");
    const branches = page.getByRole("group", { name: "Branches of Authentication" });
    expect(await branches.locator(":scope > li > .cd-row .cd-row-title").allTextContents()).toEqual(
      ["Basic", "None"],
    );
    expect(await historyLength(page)).toBe(2);
    await page.close();
    expect(problems).toEqual([]);
  });

  it("mouse: a field dropped at the top of a branch goes right after its hidden discriminator", async () => {
    const { page, problems } = await open("choice");
    expect(await page.getByRole("button", { name: "Move type", exact: true }).count()).toBe(0);
    // The upper half of the Basic branch's row: the top of Basic, the line above Password.
    const handle = page.getByRole("button", { name: "Add Text field" });
    const start = await center(handle);
    await page.mouse.move(start.x, start.y);
    await page.mouse.down();
    await page.mouse.move(start.x + 8, start.y + 8, { steps: 4 });
    const target = await part(page, "Basic", "upper");
    await page.mouse.move(target.x, target.y, { steps: 12 });
    await page.mouse.move(target.x, target.y + 1, { steps: 2 });
    await expect.poll(() => ownRow(page, "Password").getAttribute("data-drop")).toBe("before");
    await expect
      .poll(() => announcement(page))
      .toBe("Text field is over position 1 of 2 in Authentication › Basic.");
    await page.mouse.up();
    await expect
      .poll(() => announcement(page))
      .toBe("Text field added at position 1 in Authentication › Basic.");
    expect(branchProperties(await schemaOf(page), "auth", 1)).toEqual(["type", "text", "password"]);
    const basic = page.getByRole("group", { name: "Fields of Authentication › Basic" });
    expect(
      await basic
        .getByRole("button", { name: /^Move / })
        .evaluateAll((buttons) => buttons.map((button) => button.getAttribute("aria-label"))),
    ).toEqual(["Move Text", "Move Password"]);

    // Password dragged above Text (the top of Basic again): after the discriminator, one undo step each.
    await mouseDrag(
      page,
      page.getByRole("button", { name: "Move Password", exact: true }),
      await part(page, "Text", "upper"),
    );
    expect(branchProperties(await schemaOf(page), "auth", 1)).toEqual(["type", "password", "text"]);
    expect(await historyLength(page)).toBe(2);
    await page.close();
    expect(problems).toEqual([]);
  });

  it("touch: drags a field with emulated touch events", async () => {
    const { page, problems } = await open();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Emulation.setTouchEmulationEnabled", { enabled: true, maxTouchPoints: 1 });
    const start = await center(page.getByRole("button", { name: "Move Base URL", exact: true }));
    const target = await part(page, "API key", "upper");
    const touch = (
      type: "touchStart" | "touchMove" | "touchEnd",
      point?: { x: number; y: number },
    ) =>
      cdp.send("Input.dispatchTouchEvent", {
        type,
        touchPoints: point ? [{ x: point.x, y: point.y }] : [],
      });
    await touch("touchStart", start);
    // Held until the touch sensor picks the field up (its hold delay has passed).
    await expect.poll(() => announcement(page)).toMatch(/^Picked up Base URL\./);
    for (let step = 1; step <= 12; step++) {
      await touch("touchMove", {
        x: start.x + ((target.x - start.x) * step) / 12,
        y: start.y + ((target.y - start.y) * step) / 12,
      });
    }
    await expect.poll(() => row(page, "API key").getAttribute("data-drop")).toBe("before");
    await touch("touchEnd");
    expect(await keys(page)).toEqual([
      "username",
      "baseUrl",
      "apiKey",
      "region",
      "account",
      "extras",
    ]);
    expect(await historyLength(page)).toBe(1);
    await cdp.detach();
    await page.close();
    expect(problems).toEqual([]);
  });

  it("a refused drop (a second username in Account) shows why and changes nothing", async () => {
    const { page, problems } = await open();
    const before = await keys(page);
    await mouseDrag(
      page,
      page.getByRole("button", { name: "Move User name", exact: true }),
      await part(page, "Login", "lower"),
    );
    const alert = canvas(page).getByRole("alert");
    await alert.waitFor();
    expect(await alert.innerText()).toMatch(/the key "username" is already used in "Account"/i);
    expect(await keys(page)).toEqual(before);
    expect(await keys(page, "account")).toEqual(["username", "password"]);
    expect(await historyLength(page)).toBe(0);
    await expect
      .poll(() => announcement(page))
      .toMatch(/^User name was not moved: the key "username" is already used/);

    // A group into itself is refused too.
    await mouseDrag(
      page,
      page.getByRole("button", { name: "Move Account", exact: true }),
      await part(page, "Password", "upper"),
    );
    await expect.poll(() => alert.innerText()).toMatch(/cannot be moved into itself/);
    expect(await keys(page)).toEqual(before);
    expect(await historyLength(page)).toBe(0);
    await page.close();
    expect(problems).toEqual([]);
  });
});
