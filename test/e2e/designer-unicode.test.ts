import { describe, expect, it } from "vitest";
import { exportedSchema, historyLength, openDesignerPage } from "../support/designer-page.ts";
import { devServerAndBrowser } from "../support/dev-server-and-browser.ts";

/**
 * Issue 18, point 1 on the designer page: a file with a lone surrogate (`\ud800`, a JSON escape
 * that is no character) is refused at Import with its pointer; the page keeps working and a reload
 * opens the design as it was (nothing was stored).
 */

const setup = devServerAndBrowser();

const LONE_KEY = String.raw`{"type":"object","properties":{"\ud800":{"type":"string"}}}`;

describe("text that is not valid Unicode", () => {
  it("Import refuses a lone-surrogate key at its pointer; the page works before and after a reload", async () => {
    const problems: string[] = [];
    const page = await openDesignerPage(setup.browser.context, setup.server.url, problems, {
      viewport: { width: 1440, height: 900 },
    });
    const before = await exportedSchema(page);
    const [chooser] = await Promise.all([
      page.waitForEvent("filechooser"),
      page.getByRole("button", { name: "Import…" }).click(),
    ]);
    await chooser.setFiles({
      name: "lone.json",
      mimeType: "application/json",
      buffer: Buffer.from(LONE_KEY),
    });
    const alert = page.getByRole("alert").filter({ hasText: "lone.json" });
    await alert.waitFor({ timeout: 5000 });
    expect(await alert.textContent()).toMatch(
      /^lone\.json:\/properties\/\\ud800: this key is not valid Unicode/,
    );
    expect(await historyLength(page)).toBe(0);
    expect(await exportedSchema(page)).toEqual(before);

    // The page still works: a field can be added from the palette, and the preview shows it.
    await page
      .getByRole("button", { name: /^Add Text field/ })
      .first()
      .click();
    await expect
      .poll(async () => Object.keys((await exportedSchema(page)).properties ?? {}).length)
      .toBeGreaterThan(0);

    await page.reload({ waitUntil: "load" });
    await page.getByRole("heading", { level: 1, name: "Credential Designer" }).waitFor();
    await expect
      .poll(async () => JSON.stringify(await exportedSchema(page)))
      .not.toContain("\\ud800");
    await page.close();
    expect(problems).toEqual([]);
  });

  it("a stored design it cannot open opens as a recoverable error: Export raw JSON, Delete; never a blank page", async () => {
    const problems: string[] = [];
    const page = await openDesignerPage(setup.browser.context, setup.server.url, problems, {
      viewport: { width: 1440, height: 900 },
    });
    // As an older version or a hand edit could have left it: stored, and the design opened last.
    await page.evaluate(
      `(async (text) => {
        const { DesignRepository } = await import("/src/designer/storage/design-repository.ts");
        const library = await DesignRepository.open({ indexedDB });
        const record = await library.create("Broken by hand", JSON.parse(text));
        await library.setLastOpened(record.id);
        library.close();
      })(${JSON.stringify(LONE_KEY)})`,
    );
    await page.reload({ waitUntil: "load" });
    await page.getByRole("heading", { level: 1, name: "Credential Designer" }).waitFor();
    const notice = page.getByRole("alert").filter({ hasText: "This design could not be opened" });
    await notice.waitFor({ timeout: 10_000 });
    expect(await notice.textContent()).toMatch(
      /This design could not be opened: \/properties\/\\ud800: this key is not valid Unicode/,
    );
    // The page works meanwhile, on a new design.
    await page.getByRole("button", { name: "Add Text field" }).click();
    await expect
      .poll(async () => Object.keys((await exportedSchema(page)).properties ?? {}).length)
      .toBe(1);

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      notice.getByRole("button", { name: "Export raw JSON" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("Broken by hand.raw.json");
    const path = await download.path();
    const { readFile } = await import("node:fs/promises");
    expect(JSON.parse(await readFile(path, "utf8"))).toEqual(JSON.parse(LONE_KEY));

    await notice.getByRole("button", { name: "Delete “Broken by hand”" }).click();
    await expect.poll(() => notice.count()).toBe(0);
    await page.reload({ waitUntil: "load" });
    await page.getByRole("heading", { level: 1, name: "Credential Designer" }).waitFor();
    await page.getByRole("button", { name: "Add Text field" }).waitFor();
    const names = await page.evaluate(`(async () => {
      const { DesignRepository } = await import("/src/designer/storage/design-repository.ts");
      const library = await DesignRepository.open({ indexedDB });
      const list = await library.list();
      library.close();
      return list.map((design) => design.name);
    })()`);
    expect(names).not.toContain("Broken by hand");
    expect(await page.getByText("This design could not be opened").count()).toBe(0);
    await page.close();
    expect(problems).toEqual([]);
  });
});
