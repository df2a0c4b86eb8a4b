import { chromium } from "playwright-core";
import { createServer } from "vite";
import { BROWSER_ARGS, findChromium } from "../test/support/chromium.ts";

/**
 * npm run screenshots: the designer pictures in docs/, made from the page itself (the REST API
 * template, its Password field selected) in headless Chromium: 1440×900 in the light theme
 * (docs/designer.png) and 1024×768 in the dark theme (docs/designer-dark-1024.png).
 */
const SHOTS = [
  { file: "docs/designer.png", width: 1440, height: 900, colorScheme: "light" },
  { file: "docs/designer-dark-1024.png", width: 1024, height: 768, colorScheme: "dark" },
] as const;

const server = await createServer({
  server: { port: 0, host: "127.0.0.1", watch: null },
  logLevel: "error",
});
await server.listen();
const url = server.resolvedUrls?.local[0];
const { executablePath } = await findChromium();
const browser = await chromium.launch({ executablePath, args: BROWSER_ARGS });
try {
  if (!url) throw new Error("the dev server has no local URL");
  for (const shot of SHOTS) {
    const context = await browser.newContext({
      viewport: { width: shot.width, height: shot.height },
      colorScheme: shot.colorScheme,
    });
    const page = await context.newPage();
    await page.goto(url);
    await page.getByRole("button", { name: "Designs", exact: true }).click();
    await page.getByRole("combobox", { name: "Template" }).selectOption({ label: "REST API" });
    await page.getByRole("button", { name: "New from template" }).click();
    await page
      .getByRole("treeitem", { name: /^Password/ })
      .first()
      .click();
    await page.getByRole("status").filter({ hasText: "Saved" }).first().waitFor();
    await page.mouse.move(0, shot.height - 1); // no hover effect in the picture
    await page.waitForTimeout(500);
    await page.screenshot({ path: shot.file });
    await context.close();
    console.log(`wrote ${shot.file}`);
  }
} finally {
  await browser.close();
  await server.close();
}
