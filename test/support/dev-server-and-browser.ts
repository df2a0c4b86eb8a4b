import { afterAll, beforeAll } from "vitest";
import { launchChromium, type LaunchedChromium } from "./chromium.ts";
import { startServer, type StartedServer } from "./server.ts";

/**
 * For an end-to-end test file: starts the designer's Vite dev server and a headless Chromium
 * before its tests and closes both after them. Read `server` and `browser` inside tests.
 */
export function devServerAndBrowser(): { readonly server: StartedServer; readonly browser: LaunchedChromium } {
  let server: StartedServer | undefined;
  let browser: LaunchedChromium | undefined;
  beforeAll(async () => {
    server = await startServer();
    browser = await launchChromium();
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
