import { chromium } from "playwright-core";
import { createServer } from "vite";
import { BROWSER_ARGS, findChromium } from "../test/support/chromium.ts";

const LONE = String.raw`{"type":"object","title":"Broken","properties":{"\ud800":{"type":"string"}}}`;
const server = await createServer({ server: { port: 0, host: "127.0.0.1", watch: null }, logLevel: "error" });
await server.listen();
const url = server.resolvedUrls!.local[0]!;
const { executablePath } = await findChromium();
const browser = await chromium.launch({ executablePath, args: BROWSER_ARGS });
try {
  for (const [width, height, scheme] of [[1440, 900, "light"], [1024, 768, "dark"], [1440, 900, "dark"], [1024, 768, "light"]] as const) {
    const context = await browser.newContext({ viewport: { width, height }, colorScheme: scheme });
    const page = await context.newPage();
    await page.goto(url);
    await page.getByRole("button", { name: "Add Text field" }).waitFor();
    await page.evaluate(`(async (text) => {
      const { DesignRepository } = await import("/src/designer/storage/design-repository.ts");
      const library = await DesignRepository.open({ indexedDB });
      const record = await library.create("Broken by hand", JSON.parse(text));
      await library.setLastOpened(record.id);
      library.close();
    })(${JSON.stringify(LONE)})`);
    await page.reload();
    await page.getByText("This design could not be opened").waitFor();
    await page.getByRole("button", { name: "Add Text field" }).click();
    await page.waitForTimeout(400);
    await page.screenshot({ path: `.tmp/unopened-${width}-${scheme}.png` });
    // A panel that throws while rendering: the preview, made to fail.
    await page.evaluate(() => {
      const original = Element.prototype.setAttribute;
      (window as unknown as { __broken: boolean }).__broken = true;
      void original;
    });
    await page.evaluate(`(async () => {
      const store = window.__designerStore;
      const doc = store.doc;
      // A field whose kind the page does not know: every panel that renders fields must cope.
      const bad = JSON.parse(JSON.stringify(doc));
      store.load(bad);
    })()`).catch((e) => console.log("load", String(e).slice(0, 200)));
    await page.waitForTimeout(400);
    await page.screenshot({ path: `.tmp/panel-${width}-${scheme}.png` });
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
