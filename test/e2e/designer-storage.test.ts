import fs from "node:fs/promises";
import { strFromU8, unzipSync } from "fflate";
import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { chooseExport } from "../support/designer-page.ts";
import { devServerAndBrowser } from "../support/dev-server-and-browser.ts";

/**
 * Designs kept in the browser, on the designer page (dev server) in headless Chromium: autosave
 * and reload, several named designs, a full or missing storage, two tabs on one design, and the
 * preview's secrets, which must never reach storage, the URL or the console.
 *
 * All tests of this file share one browser profile (one origin): each starts by deleting the
 * designer's database, with no designer page open.
 */

const setup = devServerAndBrowser();

interface Opened {
  page: Page;
  /** Every console message and page error, whatever its level. */
  console: string[];
}

/** A page of this origin that is not the designer (a raw template file), to reset storage from. */
async function resetStorage(): Promise<void> {
  const page = await setup.browser.context.newPage();
  await page.goto(`${setup.server.url}schemas/api-key.json`);
  await page.evaluate(async () => {
    await new Promise<void>((resolve, reject) => {
      const request = indexedDB.deleteDatabase("credential-designer");
      request.onsuccess = () => resolve();
      request.onerror = () => reject(request.error);
      request.onblocked = () => reject(new Error("a designer page is still open"));
    });
    localStorage.clear();
    sessionStorage.clear();
  });
  await page.close();
}

async function openDesigner(options: { initScript?: () => void } = {}): Promise<Opened> {
  const page = await setup.browser.context.newPage();
  const console: string[] = [];
  page.on("console", (message) => console.push(`${message.type()}: ${message.text()}`));
  page.on("pageerror", (error) => console.push(`page error: ${error.message}`));
  if (options.initScript) await page.addInitScript(options.initScript);
  await page.goto(setup.server.url, { waitUntil: "load" });
  await page
    .getByRole("heading", { level: 1, name: "Credential Designer" })
    .waitFor({ timeout: 15_000 });
  return { page, console };
}

const header = (page: Page) => page.getByRole("banner");
const palette = (page: Page) => page.getByRole("navigation", { name: "Palette" });
const canvas = (page: Page) => page.getByRole("main", { name: "Canvas" });
const preview = (page: Page) => page.getByRole("region", { name: "Preview" });
const designsDialog = (page: Page) => page.getByRole("dialog", { name: "Designs" });
const designName = (page: Page) => header(page).getByText(/^Design: /);
const status = (page: Page, text: string | RegExp) =>
  header(page).getByRole("status").filter({ hasText: text });
const conflict = (page: Page) =>
  page.getByRole("group", { name: "This design was changed in another tab" });

async function add(page: Page, kind: string): Promise<void> {
  await palette(page)
    .getByRole("button", { name: `Add ${kind} field`, exact: true })
    .press("Enter");
}

/** Everything the page's origin keeps in IndexedDB, as { database: { store: [records] } }. */
function dumpIndexedDB(page: Page): Promise<Record<string, Record<string, unknown[]>>> {
  return page.evaluate(async () => {
    const dump: Record<string, Record<string, unknown[]>> = {};
    for (const info of await indexedDB.databases()) {
      if (!info.name) continue;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(info.name!);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const stores: Record<string, unknown[]> = {};
      for (const name of [...db.objectStoreNames]) {
        const store = db.transaction(name, "readonly").objectStore(name);
        const [keys, values] = await Promise.all(
          [store.getAllKeys(), store.getAll()].map(
            (request) =>
              new Promise<unknown[]>((resolve, reject) => {
                request.onsuccess = () => resolve(request.result);
                request.onerror = () => reject(request.error);
              }),
          ),
        );
        stores[name] = [...keys!, ...values!];
      }
      db.close();
      dump[info.name] = stores;
    }
    return dump;
  });
}

interface StoredDesign {
  id: string;
  name: string;
  revision: number;
  schema: { properties?: Record<string, unknown> };
}

async function storedDesigns(page: Page): Promise<StoredDesign[]> {
  const values = (await dumpIndexedDB(page))["credential-designer"]?.designs ?? [];
  return values.filter(
    (value): value is StoredDesign =>
      typeof value === "object" && value !== null && "schema" in value,
  );
}

/** The stored designs as { name: [property keys] }. */
async function storedKeys(page: Page): Promise<Record<string, string[]>> {
  return Object.fromEntries(
    (await storedDesigns(page)).map((design) => [
      design.name,
      Object.keys(design.schema.properties ?? {}),
    ]),
  );
}

async function waitSaved(page: Page): Promise<void> {
  await status(page, /^Saved$/).waitFor({ timeout: 10_000 });
}

const rows = (page: Page) => canvas(page).getByRole("button", { name: /^Move / });

async function openDesignsDialog(page: Page): Promise<Locator> {
  await header(page).getByRole("button", { name: "Designs", exact: true }).click();
  const dialog = designsDialog(page);
  await dialog.getByRole("list", { name: "Stored designs" }).waitFor();
  return dialog;
}

describe("designs kept in the browser (IndexedDB), in headless Chromium", () => {
  it("every change is saved within a second; a reload brings the design back", async () => {
    await resetStorage();
    const { page, console } = await openDesigner();
    await waitSaved(page);
    expect(await designName(page).textContent()).toBe("Design: Untitled");
    await add(page, "URL");
    await preview(page).getByRole("textbox", { name: "URL" }).waitFor();
    const changedAt = Date.now();
    await expect
      .poll(() => storedKeys(page), { timeout: 5_000, interval: 50 })
      .toEqual({ Untitled: ["url"] });
    expect(Date.now() - changedAt).toBeLessThan(1_500); // within a second, plus the test's polling
    await waitSaved(page);

    await page.reload({ waitUntil: "load" });
    await preview(page).getByRole("textbox", { name: "URL" }).waitFor({ timeout: 15_000 });
    expect(await rows(page).count()).toBe(1);
    expect(await designName(page).textContent()).toBe("Design: Untitled");
    expect(await page.getByRole("button", { name: "Undo" }).isDisabled()).toBe(true); // opening is not an edit
    await page.close();
    expect(console.filter((line) => /^(error|page error)/.test(line))).toEqual([]);
  });

  it("several named designs: new blank and from a template, rename, switch, duplicate, delete", async () => {
    await resetStorage();
    const { page, console } = await openDesigner();
    await waitSaved(page);
    await add(page, "URL");
    await waitSaved(page);

    // New from a template.
    let dialog = await openDesignsDialog(page);
    await dialog
      .getByRole("combobox", { name: "Template" })
      .selectOption({ label: "Basic authentication" });
    await dialog.getByRole("button", { name: "New from template" }).click();
    await expect.poll(() => designName(page).textContent()).toBe("Design: Basic authentication");
    expect(await dialog.isVisible()).toBe(false);
    await preview(page).getByRole("textbox", { name: "Username" }).waitFor();

    // Rename it inline; an empty name is refused in words.
    dialog = await openDesignsDialog(page);
    await dialog.getByRole("button", { name: "Rename Basic authentication" }).click();
    const name = dialog.getByRole("textbox", { name: "New name for Basic authentication" });
    await name.fill("");
    await dialog.getByText("A design needs a name: type one.").waitFor();
    await name.fill("Sales CRM");
    await name.press("Enter");
    await dialog.getByText("Renamed to Sales CRM.").waitFor();
    expect(await designName(page).textContent()).toBe("Design: Sales CRM");

    // Switch back to the first design.
    await dialog.getByRole("button", { name: "Open Untitled" }).click();
    await expect.poll(() => designName(page).textContent()).toBe("Design: Untitled");
    await preview(page).getByRole("textbox", { name: "URL" }).waitFor();

    // Duplicate, then delete the copy after confirming.
    dialog = await openDesignsDialog(page);
    await dialog.getByRole("button", { name: "Duplicate Sales CRM" }).click();
    await dialog.getByText("Duplicated as Sales CRM (copy).").waitFor();
    await dialog.getByRole("button", { name: "Delete Sales CRM (copy)" }).click();
    const confirm = dialog.getByRole("group", { name: "Delete Sales CRM (copy) for good?" });
    expect(
      await confirm
        .getByRole("button", { name: "Cancel" })
        .evaluate((element) => element === document.activeElement),
    ).toBe(true);
    await confirm.getByRole("button", { name: "Yes, delete Sales CRM (copy)" }).click();
    await dialog.getByText("Deleted Sales CRM (copy).").waitFor();
    await page.keyboard.press("Escape");
    await expect.poll(() => dialog.isVisible()).toBe(false);
    expect(
      await header(page)
        .getByRole("button", { name: "Designs", exact: true })
        .evaluate((element) => element === document.activeElement),
    ).toBe(true);

    const stored = await storedKeys(page);
    expect(Object.keys(stored).sort()).toEqual(["Sales CRM", "Untitled"]);
    expect(stored.Untitled).toEqual(["url"]);
    expect(stored["Sales CRM"]).toEqual(["username", "password"]);

    // The last opened design is the one a reload opens.
    await page.reload({ waitUntil: "load" });
    await expect
      .poll(() => designName(page).textContent(), { timeout: 15_000 })
      .toBe("Design: Untitled");
    await page.close();
    expect(console.filter((line) => /^(error|page error)/.test(line))).toEqual([]);
  });

  it("a reload or a closed tab right after a change keeps the change: the page keeps what it could not store yet, the next page stores it", async () => {
    await resetStorage();
    const first = await openDesigner();
    await waitSaved(first.page);
    // Reloaded at once, well within the autosave's delay: the save had not begun.
    await add(first.page, "URL");
    await preview(first.page).getByRole("textbox", { name: "URL" }).waitFor();
    await first.page.reload({ waitUntil: "load" });
    await preview(first.page).getByRole("textbox", { name: "URL" }).waitFor({ timeout: 15_000 });
    await waitSaved(first.page);
    expect(await storedKeys(first.page)).toEqual({ Untitled: ["url"] });

    // The tab closed at once, as a person closes it (its unload handlers run).
    await add(first.page, "Secret");
    await preview(first.page).getByLabel("Secret", { exact: true }).waitFor();
    await first.page.close({ runBeforeUnload: true });
    await expect.poll(() => first.page.isClosed()).toBe(true);
    const next = await openDesigner();
    await preview(next.page).getByLabel("Secret", { exact: true }).waitFor({ timeout: 15_000 });
    expect(await rows(next.page).count()).toBe(2);
    await waitSaved(next.page);
    // Stored onto the design (no copy), then forgotten: nothing is left in localStorage.
    expect(await storedKeys(next.page)).toEqual({ Untitled: ["url", "secret"] });
    expect(
      await next.page.evaluate(() =>
        Object.keys(localStorage).filter((key) => key.includes("changes-left-unsaved")),
      ),
    ).toEqual([]);
    expect(await next.page.getByRole("button", { name: "Undo" }).isDisabled()).toBe(true);
    await next.page.close();
    expect(
      [...first.console, ...next.console].filter((line) => /^(error|page error)/.test(line)),
    ).toEqual([]);
  });

  it("storage full: the warning shows, editing and undo keep working, the design stays in the tab", async () => {
    await resetStorage();
    // The first two writes (the new "Untitled" design, the last-opened record) succeed, then the quota is reached.
    const { page, console } = await openDesigner({
      initScript: () => {
        let writes = 0;
        for (const method of ["put", "add"] as const) {
          const original = IDBObjectStore.prototype[method];
          IDBObjectStore.prototype[method] = function (
            this: IDBObjectStore,
            ...args: Parameters<IDBObjectStore["put"]>
          ) {
            if (++writes > 2)
              throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
            return original.apply(this, args);
          };
        }
      },
    });
    await waitSaved(page);
    await add(page, "URL");
    const warning = status(
      page,
      "Not saved: storage is full — your design is kept in this tab; export it to keep a copy",
    );
    await warning.waitFor({ timeout: 10_000 });
    await header(page).getByText("Why?").click();
    await header(page)
      .getByText(/storage for this page is full/)
      .waitFor();

    await add(page, "Email");
    await preview(page).getByRole("textbox", { name: "Email" }).waitFor();
    expect(await rows(page).count()).toBe(2);
    await page.getByRole("button", { name: "Undo" }).click();
    await preview(page).getByRole("textbox", { name: "Email" }).waitFor({ state: "detached" });
    expect(await rows(page).count()).toBe(1);
    await page.waitForTimeout(1_200); // the retry after the undo fails too
    expect(await warning.isVisible()).toBe(true);
    expect(await storedKeys(page)).toEqual({ Untitled: [] });
    await page.close();
    expect(console.filter((line) => /^(error|page error)/.test(line))).toEqual([]);
  });

  it("no storage at all (IndexedDB refused, as in some private modes): the page works in memory and says so", async () => {
    await resetStorage();
    const { page, console } = await openDesigner({
      initScript: () => {
        IDBFactory.prototype.open = () => {
          throw new DOMException("The operation is insecure.", "SecurityError");
        };
      },
    });
    await status(
      page,
      "Not saved: this browser's storage is unavailable — your design is kept in this tab; export it to keep a copy",
    ).waitFor({ timeout: 15_000 });
    expect(await designName(page).textContent()).toBe("Design: not stored");
    await add(page, "URL");
    await preview(page).getByRole("textbox", { name: "URL" }).waitFor();
    await page.getByRole("button", { name: "Undo" }).click();
    await preview(page).getByRole("textbox", { name: "URL" }).waitFor({ state: "detached" });
    await page.close();
    expect(console.filter((line) => /^(error|page error)/.test(line))).toEqual([]);
  });

  it("two tabs on one design: the second is told, and keeps its version as a copy; nothing is lost", async () => {
    await resetStorage();
    const a = await openDesigner();
    await waitSaved(a.page);
    const b = await openDesigner();
    await waitSaved(b.page);
    expect(await designName(b.page).textContent()).toBe("Design: Untitled");

    await add(a.page, "URL");
    await waitSaved(a.page);
    await expect.poll(() => storedKeys(a.page)).toEqual({ Untitled: ["url"] });
    await conflict(b.page).waitFor({ timeout: 10_000 });
    expect(await conflict(b.page).getByRole("alert").textContent()).toBe(
      "This design was changed in another tab",
    );

    // B goes on editing: kept in its memory, nothing saved over A's version.
    await add(b.page, "Email");
    await preview(b.page).getByRole("textbox", { name: "Email" }).waitFor();
    await b.page.waitForTimeout(1_200);
    expect(await storedKeys(a.page)).toEqual({ Untitled: ["url"] });

    await conflict(b.page).getByRole("button", { name: "Keep mine (save as a copy)" }).click();
    await expect.poll(() => designName(b.page).textContent()).toBe("Design: Untitled (my copy)");
    await waitSaved(b.page);
    expect(await storedKeys(a.page)).toEqual({
      Untitled: ["url"],
      "Untitled (my copy)": ["email"],
    });

    // A saved after B's copy was made: A's tab is not in conflict and keeps saving its design.
    await add(a.page, "Text");
    await expect
      .poll(() => storedKeys(a.page))
      .toEqual({ Untitled: ["url", "text"], "Untitled (my copy)": ["email"] });
    expect(await conflict(a.page).count()).toBe(0);

    // B opens A's design: "Load theirs" in the other direction is just opening it.
    const dialog = await openDesignsDialog(b.page);
    await dialog.getByRole("button", { name: "Open Untitled" }).click();
    await preview(b.page).getByRole("textbox", { name: "URL" }).waitFor();
    await a.page.close();
    await b.page.close();
    for (const { console } of [a, b])
      expect(console.filter((line) => /^(error|page error)/.test(line))).toEqual([]);
  });

  it("'Load theirs' replaces this tab's version with the other tab's", async () => {
    await resetStorage();
    const a = await openDesigner();
    await waitSaved(a.page);
    const b = await openDesigner();
    await waitSaved(b.page);
    await add(a.page, "URL");
    await conflict(b.page).waitFor({ timeout: 10_000 });
    await conflict(b.page).getByRole("button", { name: "Load theirs" }).click();
    await preview(b.page).getByRole("textbox", { name: "URL" }).waitFor();
    await waitSaved(b.page);
    await add(b.page, "Email");
    await expect.poll(() => storedKeys(b.page)).toEqual({ Untitled: ["url", "email"] });
    await a.page.close();
    await b.page.close();
  });

  it("a secret typed in the preview is nowhere: not in IndexedDB, localStorage, sessionStorage, cookies, the URL, the console, another tab's messages or any exported file", async () => {
    await resetStorage();
    const MARKER = "MARKER-7f3a9c";
    // Another tab listening to what designer tabs tell each other.
    const listener = await setup.browser.context.newPage();
    await listener.goto(`${setup.server.url}schemas/api-key.json`);
    await listener.evaluate(() => {
      const heard: unknown[] = ((window as unknown as { heard: unknown[] }).heard = []);
      new BroadcastChannel("credential-designer").onmessage = (event) => heard.push(event.data);
    });

    const { page, console } = await openDesigner();
    await waitSaved(page);
    await add(page, "Secret");
    const secret = preview(page).getByLabel("Secret", { exact: true });
    await secret.fill(MARKER);
    await preview(page).getByRole("button", { name: /^Show/ }).click(); // shown as text for a moment
    await preview(page).getByRole("button", { name: "Check values" }).click(); // the preview's own submit
    await add(page, "Text"); // a design change after typing: the design is saved with the secret still typed
    await waitSaved(page);
    expect(await secret.inputValue()).toBe(MARKER); // still in the preview's memory
    await expect.poll(() => storedKeys(page)).toEqual({ Untitled: ["secret", "text"] });
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 200))); // any late write

    // Every exported file, as the page downloads them (one archive holds all five).
    const [download] = await Promise.all([
      page.waitForEvent("download", { timeout: 60_000 }),
      chooseExport(page, "Export all (.zip)"),
    ]);
    const exported = Object.entries(
      unzipSync(new Uint8Array(await fs.readFile(await download.path()))),
    ).map(([name, bytes]) => [name, strFromU8(bytes)]);
    expect(exported.map(([name]) => name)).toEqual([
      "credentials.schema.json",
      "credentials.ts",
      "credentials.validate.js",
      "credentials.validate.d.ts",
      "credentials.cs",
    ]);

    const heard = await listener.evaluate(() => (window as unknown as { heard: unknown[] }).heard);
    expect(heard.length).toBeGreaterThan(0);
    const everywhere = {
      indexedDB: await dumpIndexedDB(page),
      localStorage: await page.evaluate(() => Object.entries(localStorage)),
      sessionStorage: await page.evaluate(() => Object.entries(sessionStorage)),
      cookies: await page.evaluate(() => document.cookie),
      url: page.url(),
      href: await page.evaluate(() => location.href),
      title: await page.title(),
      console,
      heard,
      exported,
      // Attributes are not storage, but a secret in one would end up in saved HTML and screenshots' DOM dumps.
      attributes: await page.evaluate(() =>
        [...document.querySelectorAll("*")].flatMap((element) =>
          [...element.attributes].map((attribute) => attribute.value),
        ),
      ),
    };
    expect(JSON.stringify(everywhere.indexedDB)).toContain('"writeOnly":true'); // the design itself is there
    expect(JSON.stringify(everywhere)).not.toContain(MARKER);
    // And after a reload the preview starts empty: the secret was never stored anywhere to come back from.
    await page.reload({ waitUntil: "load" });
    await preview(page).getByLabel("Secret", { exact: true }).waitFor({ timeout: 15_000 });
    expect(await preview(page).getByLabel("Secret", { exact: true }).inputValue()).toBe("");
    await page.close();
    await listener.close();
  });
});
