import { readFileSync } from "node:fs";
import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import type { JsonObject } from "../../src/json/value.ts";
import { axeViolations } from "../support/axe.ts";
import { exportedSchema, historyLength, openDesignerPage } from "../support/designer-page.ts";
import { devServerAndBrowser } from "../support/dev-server-and-browser.ts";
import { mouseDrag } from "../support/mouse-drag.ts";

/**
 * A window written for Airbyte, imported into the designer page (dev server) in headless
 * Chromium: the preview masks its airbyte_secret fields, shows its fields in `order` and in the
 * sections `group` names, multiline fields as text areas, hides airbyte_hidden ones, and words a
 * pattern's error with pattern_descriptor; the canvas shows the rows in `order` and an
 * airbyte_secret row as a secret; a drag renumbers `order` (one undo step) and the JSON keeps its
 * key order. axe finds nothing in the preview and the canvas, light or dark.
 */

const setup = devServerAndBrowser();

/** An Airbyte-style window: airbyte_secret, order, groups and group, multiline, airbyte_hidden, pattern_descriptor. */
const AIRBYTE_WINDOW = JSON.parse(
  readFileSync(new URL("../fixtures/airbyte-style.schema.json", import.meta.url), "utf8"),
) as JsonObject;

const openDesigner = (problems: string[], scheme: "light" | "dark" = "light") =>
  openDesignerPage(setup.browser.context, setup.server.url, problems, {
    viewport: { width: 1440, height: 1100 },
    before: (page) => page.emulateMedia({ colorScheme: scheme }),
  });

/** Imports the window through the header's Import… button, as a user does. */
async function importAirbyteWindow(page: Page): Promise<void> {
  const [chooser] = await Promise.all([
    page.waitForEvent("filechooser"),
    page.getByRole("button", { name: "Import…" }).click(),
  ]);
  await chooser.setFiles({
    name: "spec.json",
    mimeType: "application/json",
    buffer: Buffer.from(JSON.stringify(AIRBYTE_WINDOW, null, 2)),
  });
  await tree(page)
    .getByRole("treeitem", { name: /^Host, host/ })
    .waitFor({ timeout: 10_000 });
}

const tree = (page: Page) => page.getByRole("tree", { name: "Fields of the window" });
const preview = (page: Page) => page.locator("#panel-preview");
/** The rows' titles, top to bottom. */
const rowTitles = (page: Page) => tree(page).locator(".cd-row-title").allTextContents();
/** The preview's labels and section legends, in the order they show. */
const previewOrder = (page: Page) =>
  preview(page)
    .locator(".cd-form label, .cd-form legend")
    .evaluateAll((elements) =>
      elements.map((element) => (element.textContent ?? "").replace(/\s*\*\s*$/, "").trim()),
    );
const described = (control: Locator) =>
  control.evaluate((element) =>
    (element.getAttribute("aria-describedby") ?? "")
      .split(" ")
      .map((id) => document.getElementById(id)?.textContent ?? "")
      .join(" "),
  );

const SHOWN = [
  "JDBC URL parameters",
  "Start date",
  "Database",
  "Host",
  "Port",
  "Authentication",
  "Username",
  "Password",
  "SSH private key",
];

describe("an Airbyte window in the designer, in headless Chromium", () => {
  it("the preview masks airbyte_secret, shows order, sections, text areas, hides airbyte_hidden and words the pattern", async () => {
    const problems: string[] = [];
    const page = await openDesigner(problems);
    await importAirbyteWindow(page);
    const form = preview(page);

    await expect.poll(() => previewOrder(page)).toEqual(SHOWN);
    const database = form.getByRole("group", { name: "Database" });
    await database.getByRole("textbox", { name: "Host" }).waitFor();
    await database.getByRole("spinbutton", { name: "Port" }).waitFor();
    const auth = form.getByRole("group", { name: "Authentication" });

    const password = auth.getByLabel("Password", { exact: true });
    expect(await password.getAttribute("type")).toBe("password");
    await password.fill("hunter2-marker");
    await auth.getByRole("button", { name: "Show Password" }).click();
    expect(await password.getAttribute("type")).toBe("text");
    await auth.getByRole("button", { name: "Hide Password" }).click();
    expect(await password.getAttribute("type")).toBe("password");
    expect(await page.locator("body").innerHTML()).not.toContain("hunter2-marker");
    expect(page.url()).not.toContain("hunter2-marker");

    const key = auth.getByRole("textbox", { name: "SSH private key" });
    expect(await key.evaluate((element) => element.tagName)).toBe("TEXTAREA");
    expect(
      await key.evaluate((element) =>
        getComputedStyle(element).getPropertyValue("-webkit-text-security"),
      ),
    ).toBe("disc");
    await auth.getByRole("button", { name: "Show SSH private key" }).waitFor();

    const params = form.getByRole("textbox", { name: "JDBC URL parameters" });
    expect(await params.evaluate((element) => element.tagName)).toBe("TEXTAREA");

    expect(await form.getByLabel("Sync mode").count()).toBe(0);

    const date = form.getByRole("textbox", { name: "Start date" });
    await date.fill("31/01/2024");
    await date.press("Tab");
    await expect.poll(() => date.getAttribute("aria-invalid")).toBe("true");
    expect(await described(date)).toBe("Start date must look like YYYY-MM-DD");

    await page.close();
    expect(problems).toEqual([]);
  });

  it("the canvas shows the rows in order, an airbyte_secret row as a secret; a drag renumbers order in one undo step and keeps the JSON's key order", async () => {
    const problems: string[] = [];
    const page = await openDesigner(problems);
    await importAirbyteWindow(page);
    expect(await rowTitles(page)).toEqual([
      "Host",
      "Port",
      "Username",
      "Password",
      "SSH private key",
      "JDBC URL parameters",
      "Start date",
      "Sync mode",
    ]);
    await tree(page)
      .getByRole("treeitem", { name: /^Password, password, Secret, secret/ })
      .waitFor();
    await tree(page)
      .getByRole("treeitem", { name: /^SSH private key, ssh_key, Multi-line text, secret/ })
      .waitFor();
    await tree(page)
      .getByRole("treeitem", { name: /^Sync mode, sync_mode, Text, hidden from the form/ })
      .waitFor();

    const steps = await historyLength(page);
    // Start date onto the upper half of the Host row: first.
    const host = page.getByRole("button", { name: "Move Host", exact: true }).locator("xpath=..");
    const box = (await host.boundingBox())!;
    await mouseDrag(page, page.getByRole("button", { name: "Move Start date", exact: true }), {
      x: box.x + box.width / 2,
      y: box.y + box.height * 0.25,
    });
    await expect
      .poll(() => rowTitles(page))
      .toEqual([
        "Start date",
        "Host",
        "Port",
        "Username",
        "Password",
        "SSH private key",
        "JDBC URL parameters",
        "Sync mode",
      ]);
    expect(await historyLength(page)).toBe(steps + 1);
    const schema = await exportedSchema(page);
    const properties = schema.properties as Record<string, JsonObject>;
    expect(Object.keys(properties)).toEqual(Object.keys(AIRBYTE_WINDOW.properties as JsonObject));
    expect(properties.start_date!.order).toBe(0);
    expect(properties.host!.order).toBe(1);
    expect(properties.password).toMatchObject({ airbyte_secret: true, order: 4 });
    // …and the preview follows.
    await expect
      .poll(() => previewOrder(page))
      .toEqual(["Start date", "JDBC URL parameters", ...SHOWN.slice(2)]);

    await page.evaluate(() =>
      (window as unknown as { __designerStore: { undo(): void } }).__designerStore.undo(),
    );
    await expect
      .poll(() => rowTitles(page))
      .toEqual([
        "Host",
        "Port",
        "Username",
        "Password",
        "SSH private key",
        "JDBC URL parameters",
        "Start date",
        "Sync mode",
      ]);
    expect(await exportedSchema(page)).toEqual(AIRBYTE_WINDOW);
    await page.close();
    expect(problems).toEqual([]);
  });

  for (const scheme of ["light", "dark"] as const) {
    it(`${scheme}: axe finds nothing in the preview, the canvas and the inspector of an Airbyte field`, async () => {
      const problems: string[] = [];
      const page = await openDesigner(problems, scheme);
      await importAirbyteWindow(page);
      await preview(page).getByRole("group", { name: "Authentication" }).waitFor();
      await tree(page)
        .getByRole("treeitem", { name: /^Password, password/ })
        .click();
      const inspector = page.locator("#panel-inspector");
      await inspector.getByRole("checkbox", { name: "Mark secret for Airbyte too" }).waitFor();
      expect(
        await inspector.getByRole("checkbox", { name: "Secret (write-only)" }).isChecked(),
      ).toBe(true);
      expect(await axeViolations(page, "#panel-preview")).toEqual([]);
      expect(await axeViolations(page, ".cd-canvas")).toEqual([]);
      expect(await axeViolations(page, "#panel-inspector")).toEqual([]);
      await page.close();
      expect(problems).toEqual([]);
    });
  }
});
