import type { BrowserContext } from "playwright-core";
import { afterAll, beforeAll, beforeEach, inject } from "vitest";
import { type LaunchedChromium, launchChromium } from "./chromium.ts";
import { type StartedServer, startServer } from "./server.ts";

/**
 * For an end-to-end test file: starts the designer's Vite dev server (with the run's cache, from
 * the e2e globalSetup) and a headless Chromium before its tests and closes both after them. Read
 * `server` and `browser` inside tests. Each test starts with the site's storage empty (the
 * designer keeps designs in IndexedDB, and the tests of a file share one browser profile), so a
 * test never opens the previous test's design.
 */
export function devServerAndBrowser(): {
  readonly server: StartedServer;
  readonly browser: LaunchedChromium;
} {
  let server: StartedServer | undefined;
  let browser: LaunchedChromium | undefined;
  beforeAll(async () => {
    server = await startServer({ cacheDir: inject("devCacheDir") });
    browser = await launchChromium();
  });
  beforeEach(async () => {
    if (server && browser) await clearSiteStorage(browser.context, server.url);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get server() {
      if (!server) throw new Error("set-up failed: the dev server did not start");
      return server;
    },
    get browser() {
      if (!browser) throw new Error("set-up failed: Chromium did not start");
      return browser;
    },
  };
}

/**
 * Closes the site's pages left open (their database connections would block the deletion) and
 * deletes its IndexedDB databases and web storage, from a page of the same origin that is not
 * the designer (a static file the dev server serves).
 */
async function clearSiteStorage(context: BrowserContext, url: string): Promise<void> {
  for (const open of context.pages()) if (open.url().startsWith(url)) await open.close();
  const page = await context.newPage();
  try {
    await page.goto(`${url}schemas/api-key.json`);
    await page.evaluate(async () => {
      for (const { name } of await indexedDB.databases()) {
        if (!name) continue;
        await new Promise<void>((resolve, reject) => {
          const request = indexedDB.deleteDatabase(name);
          request.onsuccess = () => resolve();
          request.onerror = () => reject(request.error);
          request.onblocked = () =>
            reject(new Error(`the database ${name} is still open in another page`));
        });
      }
      localStorage.clear();
      sessionStorage.clear();
    });
  } finally {
    await page.close();
  }
}
