import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { axeViolations } from "../support/axe.ts";
import { exportedSchema, historyLength, openDesignerPage } from "../support/designer-page.ts";
import { devServerAndBrowser } from "../support/dev-server-and-browser.ts";
import { center, mouseDrag } from "../support/mouse-drag.ts";

/**
 * A new design's start, on the designer page in Chromium: the start panel with the templates as
 * cards, a card making the design (one undo step back to the panel), Start blank and the empty
 * canvas's hint, an empty branch's note (which still takes drops), the preview's "Check values"
 * and its word for a window with no fields; axe in the light and the dark theme.
 */

const setup = devServerAndBrowser();

const open = (problems: string[], scheme: "light" | "dark" = "light") =>
  openDesignerPage(setup.browser.context, setup.server.url, problems, {
    viewport: { width: 1440, height: 900 },
    before: (page) => page.emulateMedia({ colorScheme: scheme }),
  });

const canvas = (page: Page) => page.getByRole("main", { name: "Canvas" });
const startPanel = (page: Page) => canvas(page).getByRole("region", { name: "Start a design" });
const preview = (page: Page) => page.getByRole("region", { name: "Preview" });
const card = (page: Page, name: string) =>
  startPanel(page)
    .getByRole("list", { name: "Templates" })
    .getByRole("button", { name, exact: true });
const undo = (page: Page) =>
  page.getByRole("toolbar", { name: "Design" }).getByRole("button", { name: "Undo" });
const rows = (page: Page) =>
  canvas(page)
    .getByRole("button", { name: /^Move / })
    .evaluateAll((buttons) => buttons.map((button) => button.getAttribute("aria-label")));
/** What a screen reader reads as the element's description (its aria-describedby's text). */
const description = (page: Page, name: string) =>
  card(page, name).evaluate((element) =>
    (element.getAttribute("aria-describedby") ?? "")
      .split(" ")
      .map((id) => document.getElementById(id)?.textContent)
      .join(" "),
  );
const emptyWindow = (page: Page) =>
  canvas(page)
    .getByRole("list", { name: "Fields of the window", exact: true })
    .getByRole("listitem");
const NOTHING_YET =
  "Nothing to fill in yet: the window has no fields. Add one on the canvas to try it here.";

describe("a new design's start", () => {
  it("shows the templates as cards with the authentication each offers; a card makes the design in one undo step, and Undo comes back", async () => {
    const problems: string[] = [];
    const page = await open(problems);
    await startPanel(page).waitFor();
    expect(
      await startPanel(page)
        .getByRole("list", { name: "Templates" })
        .getByRole("button")
        .allTextContents(),
    ).toEqual([
      "REST API",
      "Basic authentication",
      "API key",
      "Bearer token",
      "OAuth 1.0a",
      "OAuth 2.0 authorization code",
      "OAuth 2.0 client credentials",
      "Database connection string",
      "SFTP",
    ]);
    expect(await description(page, "REST API")).toBe(
      "Auth methods: None, Basic, OAuth 1.0a, OAuth 2.0.",
    );
    expect(await description(page, "SFTP")).toBe("Auth methods: Password, Private key.");
    expect(await description(page, "Basic authentication")).toBe("Asks for: Username, Password.");
    // The cards are a grid: two columns side by side in this canvas, not a list of links.
    const [first, second] = await Promise.all([
      card(page, "REST API").boundingBox(),
      card(page, "Basic authentication").boundingBox(),
    ]);
    expect(second!.y).toBeCloseTo(first!.y, 0);
    expect(second!.x).toBeGreaterThan(first!.x + first!.width);

    // An empty design: the preview says so, with no button to press.
    await expect
      .poll(() =>
        preview(page)
          .getByText(/^Nothing to fill in yet/)
          .textContent(),
      )
      .toBe(NOTHING_YET);
    // (The panel's own Hide button is its only one.)
    expect(
      await preview(page)
        .getByRole("button")
        .evaluateAll((buttons) => buttons.map((button) => button.getAttribute("aria-label"))),
    ).toEqual(["Hide Preview"]);

    await card(page, "REST API").click();
    await expect.poll(() => startPanel(page).count()).toBe(0);
    expect((await rows(page)).slice(0, 4)).toEqual([
      "Move Base URL",
      "Move Authentication",
      "Move None",
      "Move Basic",
    ]);
    expect(await historyLength(page)).toBe(1);
    expect((await exportedSchema(page)).title).toBe("REST API");
    // The stored design is named after its template, as "New from template" names one.
    const designName = page.locator(".designs-menu-current strong");
    await expect.poll(() => designName.textContent()).toBe("REST API");
    // The None branch asks for nothing, and says so.
    // (A branch's list is a group of the canvas's tree.)
    await canvas(page)
      .getByRole("group", { name: "Fields of Authentication › None", exact: true })
      .getByText("This method needs no fields. Drop fields here if it should ask for some.", {
        exact: true,
      })
      .waitFor();
    // The preview's button says what it does; "Save" is the header's business.
    await preview(page).getByRole("button", { name: "Check values", exact: true }).click();
    await expect
      .poll(() =>
        preview(page).getByRole("textbox", { name: "Base URL" }).getAttribute("aria-invalid"),
      )
      .toBe("true");
    expect(await preview(page).getByRole("button", { name: "Save" }).count()).toBe(0);

    await undo(page).click();
    await startPanel(page).waitFor();
    expect(await historyLength(page)).toBe(0);
    expect(await rows(page)).toEqual([]);
    await preview(page).getByText(NOTHING_YET).waitFor();
    await page.close();
    expect(problems).toEqual([]);
  });

  it("Start blank: the empty canvas says how to add a field; Enter on the palette item then adds one", async () => {
    const problems: string[] = [];
    const page = await open(problems);
    await startPanel(page).getByRole("button", { name: "Start blank" }).click();
    await expect.poll(() => startPanel(page).count()).toBe(0);
    expect(await emptyWindow(page).textContent()).toBe(
      "No fields yet: drag one here from the palette, or press Enter on a palette item.",
    );
    // The focus went to the palette's first item: Enter adds the field the hint speaks of.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute("aria-label")))
      .toBe("Add Text field");
    await page.keyboard.press("Enter");
    await expect.poll(() => rows(page)).toEqual(["Move Text"]);
    await undo(page).click();
    // Blank was chosen: the hint again, not the panel.
    await emptyWindow(page).waitFor();
    expect(await startPanel(page).count()).toBe(0);
    await page.close();
    expect(problems).toEqual([]);
  });

  it("a palette item dropped on the start panel goes into the window; an empty branch takes a drop on its note", async () => {
    const problems: string[] = [];
    const page = await open(problems);
    await canvas(page).locator("[data-drag-ready]").waitFor();
    const palette = page.getByRole("navigation", { name: "Palette" });
    await mouseDrag(
      page,
      palette.getByRole("button", { name: "Add Auth-method choice field", exact: true }),
      await center(card(page, "API key")),
    );
    await expect
      .poll(() => rows(page))
      .toEqual([
        "Move Authentication",
        "Move None",
        "Move Basic",
        "Move Username",
        "Move Password",
      ]);
    expect(await historyLength(page)).toBe(1);

    const none = canvas(page)
      .getByRole("group", { name: "Fields of Authentication › None", exact: true })
      .getByText(/^This method needs no fields/);
    expect(await none.textContent()).toMatch(/^This method needs no fields/);
    await mouseDrag(
      page,
      palette.getByRole("button", { name: "Add Text field", exact: true }),
      await center(none),
    );
    await expect.poll(() => historyLength(page)).toBe(2);
    const schema = (await exportedSchema(page)) as {
      properties: { auth: { oneOf: Array<{ properties: Record<string, unknown> }> } };
    };
    expect(Object.keys(schema.properties.auth.oneOf[0]!.properties)).toEqual(["type", "text"]);
    await page.close();
    expect(problems).toEqual([]);
  });

  it("a new blank design from the Designs menu starts at the panel again", async () => {
    const problems: string[] = [];
    const page = await open(problems);
    await card(page, "Bearer token").click();
    await expect.poll(() => rows(page)).toEqual(["Move Access token"]);
    await page.getByRole("button", { name: "Designs", exact: true }).click();
    await page
      .getByRole("dialog", { name: "Designs" })
      .getByRole("button", { name: "New blank design" })
      .click();
    await startPanel(page).waitFor();
    expect(await rows(page)).toEqual([]);
    await page.close();
    expect(problems).toEqual([]);
  });

  for (const scheme of ["light", "dark"] as const) {
    it(`${scheme}: the start panel, a template's design, the empty canvas and the empty preview pass axe`, async () => {
      const problems: string[] = [];
      const page = await open(problems, scheme);
      await startPanel(page).waitFor();
      expect(await axeViolations(page, "#panel-design")).toEqual([]);
      expect(await axeViolations(page, "#panel-preview")).toEqual([]);
      // The cards' focus ring: Tab reaches a card, and the card draws the ring.
      await card(page, "REST API").focus();
      await page.keyboard.press("Tab");
      expect(
        await card(page, "Basic authentication").evaluate(
          (button) => getComputedStyle(button.closest("li")!).outlineStyle,
        ),
      ).toBe("solid");
      // A template's design: the None branch's note, the preview's Check values.
      await card(page, "REST API").click();
      await preview(page).getByRole("button", { name: "Check values" }).waitFor();
      expect(await axeViolations(page, "#panel-design")).toEqual([]);
      expect(await axeViolations(page, "#panel-preview")).toEqual([]);
      await undo(page).click();
      await startPanel(page).getByRole("button", { name: "Start blank" }).click();
      await emptyWindow(page).waitFor();
      expect(await axeViolations(page, "#panel-design")).toEqual([]);
      await page.close();
      expect(problems).toEqual([]);
    });
  }
});
