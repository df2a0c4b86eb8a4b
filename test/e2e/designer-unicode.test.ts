import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { axeViolations } from "../support/axe.ts";
import { exportedSchema, historyLength, openDesignerPage } from "../support/designer-page.ts";
import { devServerAndBrowser } from "../support/dev-server-and-browser.ts";

/**
 * Issue 18, points 1 and 2 on the designer page: a file with a lone surrogate (`\ud800`, a JSON
 * escape that is no character) or nested past the limit is refused at Import with its place; the
 * page keeps working and a reload opens the design as it was (nothing was stored). A stored design
 * the page cannot read opens as a recoverable error, at start or from the Designs list.
 */

const setup = devServerAndBrowser();

const LONE_KEY = String.raw`{"type":"object","properties":{"\ud800":{"type":"string"}}}`;

/** 1,000 levels of properties (37 KB): it used to freeze the tab for a minute, then crash it. */
function deepSchema(levels: number): string {
  let text = '{"type":"string"}';
  for (let i = 0; i < levels; i++) text = `{"type":"object","properties":{"a":${text}}}`;
  return text;
}

async function importFile(page: Page, name: string, text: string): Promise<void> {
  const [chooser] = await Promise.all([
    page.waitForEvent("filechooser"),
    page.getByRole("button", { name: "Import…" }).click(),
  ]);
  await chooser.setFiles({ name, mimeType: "application/json", buffer: Buffer.from(text) });
}

/** The designer at 1024×768 with one Text field added (and so stored). */
async function pageWithOneField(problems: string[]): Promise<Page> {
  const page = await openDesignerPage(setup.browser.context, setup.server.url, problems, {
    viewport: { width: 1024, height: 768 },
  });
  await page.getByRole("button", { name: "Add Text field" }).click();
  await expect
    .poll(async () => Object.keys((await exportedSchema(page)).properties ?? {}).length)
    .toBe(1);
  return page;
}

/** Every stored design's schema, as one JSON text (as text: the deep ones cannot be handed over). */
function storedText(page: Page): Promise<string> {
  return page.evaluate(`(async () => {
    const { DesignRepository } = await import("/src/designer/storage/design-repository.ts");
    const library = await DesignRepository.open({ indexedDB });
    const records = await Promise.all((await library.list()).map((design) => library.load(design.id)));
    library.close();
    return JSON.stringify(records.map((record) => record.schema));
  })()`) as Promise<string>;
}

/** Stores a design as an older version or a hand edit could have left it. */
async function storeByHand(page: Page, name: string, text: string, opened: boolean): Promise<void> {
  await page.evaluate(
    `(async ([name, text, opened]) => {
      const { DesignRepository } = await import("/src/designer/storage/design-repository.ts");
      const library = await DesignRepository.open({ indexedDB });
      const record = await library.create(name, JSON.parse(text));
      if (opened) await library.setLastOpened(record.id);
      library.close();
    })(${JSON.stringify([name, text, opened])})`,
  );
}

describe("text that is not valid Unicode", () => {
  it("Import refuses a lone-surrogate key at its pointer; the page works before and after a reload", async () => {
    const problems: string[] = [];
    const page = await openDesignerPage(setup.browser.context, setup.server.url, problems, {
      viewport: { width: 1440, height: 900 },
    });
    const before = await exportedSchema(page);
    await importFile(page, "lone.json", LONE_KEY);
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
    await storeByHand(page, "Broken by hand", LONE_KEY, true);
    await page.reload({ waitUntil: "load" });
    await page.getByRole("heading", { level: 1, name: "Credential Designer" }).waitFor();
    const notice = page.getByRole("alert").filter({ hasText: "This design could not be opened" });
    await notice.waitFor({ timeout: 10_000 });
    expect(await notice.textContent()).toMatch(
      /This design could not be opened: \/properties\/\\ud800: this key is not valid Unicode/,
    );
    expect(await notice.textContent()).toContain("You are working on a new design.");
    for (const colorScheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme });
      expect(await axeViolations(page), colorScheme).toEqual([]);
    }
    await page.emulateMedia({ colorScheme: "light" });
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

  it("a file nested past the limit is refused at Import at once; the page works before and after a reload", async () => {
    const problems: string[] = [];
    const page = await pageWithOneField(problems);
    const before = await exportedSchema(page);
    const history = await historyLength(page);
    await importFile(page, "deep.json", deepSchema(1_000));
    const alert = page.getByRole("alert").filter({ hasText: "deep.json" });
    await alert.waitFor({ timeout: 5000 });
    expect(await alert.textContent()).toMatch(
      /^deep\.json:\/: the file is nested too deeply: 2,001 levels of objects and arrays .*more than the 420 this tool takes\. Flatten it/,
    );
    expect(await historyLength(page)).toBe(history);
    expect(await exportedSchema(page)).toEqual(before);
    // At the limit's edge a deep design still imports (200 levels of properties: 401 levels).
    await importFile(page, "deep-ok.json", deepSchema(200));
    await expect
      .poll(async () => Object.keys((await exportedSchema(page)).properties ?? {}))
      .toEqual(["a"]);

    // Stored (the autosave runs a moment after a change) before the reload.
    await expect.poll(() => storedText(page), { timeout: 20_000 }).toContain('"a"');
    await page.reload({ waitUntil: "load" });
    await page.getByRole("heading", { level: 1, name: "Credential Designer" }).waitFor();
    await expect.poll(async () => JSON.stringify(await exportedSchema(page))).toContain('"a"');
    await page
      .getByRole("button", { name: /^Add Text field/ })
      .first()
      .waitFor();
    await page.close();
    expect(problems).toEqual([]);
  });

  it("a stored design opened from Designs that cannot be read shows the same recoverable error; the open design stays", async () => {
    const problems: string[] = [];
    const page = await pageWithOneField(problems);
    const before = await exportedSchema(page);
    await storeByHand(page, "Edited by hand", LONE_KEY, false);
    await page.getByRole("banner").getByRole("button", { name: "Designs", exact: true }).click();
    const designs = page.getByRole("dialog", { name: "Designs" });
    await designs.getByRole("button", { name: "Open Edited by hand" }).click();
    const notice = page.getByRole("alert").filter({ hasText: "This design could not be opened" });
    await notice.waitFor({ timeout: 10_000 });
    expect(await notice.textContent()).toMatch(
      /This design could not be opened: \/properties\/\\ud800: this key is not valid Unicode.*“Edited by hand” is kept as stored.*The design you had open stays open\./,
    );
    expect(await exportedSchema(page)).toEqual(before);
    await notice.getByRole("button", { name: "Dismiss" }).click();
    await expect.poll(() => notice.count()).toBe(0);
    await page.close();
    expect(problems).toEqual([]);
  });
});
