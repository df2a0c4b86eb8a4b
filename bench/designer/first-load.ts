import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { type Browser, chromium, type Page } from "playwright-core";
import { build } from "vite";
import { BROWSER_ARGS, findChromium } from "../../test/support/chromium.ts";
import { median } from "../median.ts";
import { serveFolder } from "../preview/server.ts";
import { buildBenchPage } from "./build-page.ts";

/**
 * npm run bench -- designer-load [--loads 21]
 *
 * The designer's first load, as `npm run build` makes it, in headless Chromium:
 * - the JavaScript the page loads on opening (each file gzipped, summed): what a user downloads
 *   before the first interaction; lazy chunks (CodeMirror, Ajv, export, diff) are not in it;
 * - the time from navigation to the first handled click on the palette (the click on "Add Text
 *   field" has added its row), cold (a new browser context each load), beside a blank React page
 *   built by Vite the same way and clicked the same way in the same run. Medians over loads,
 *   alternating the two pages so that the machine's noise falls on both.
 */

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

function parseLoads(args: readonly string[]): number {
  // 21: on a shared 2-core machine two runs of 15 loads of the same build differed by up to 0.1×.
  if (args.length === 0) return 21;
  const value = Number(args[1]);
  if (args[0] !== "--loads" || !Number.isInteger(value) || value <= 0)
    throw new Error("usage: npm run bench -- designer-load [--loads 21]");
  return value;
}

/** Records, in the page, when the first `.cd-row` appears (the click's effect on screen). */
const WATCH_FIRST_ROW = `
  new MutationObserver((_, observer) => {
    if (document.querySelector(".cd-row")) {
      window.__firstRowAt = performance.now();
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
`;

/**
 * Navigates, waits for the button to be shown and presses it with the mouse at its centre: a
 * plain CSS query and a real pointer event, the same cost on both pages (a role query walks the
 * accessibility tree, which is far larger on the designer, and would time Playwright instead).
 */
async function timeFirstClick(page: Page, url: string): Promise<number> {
  await page.addInitScript(WATCH_FIRST_ROW);
  await page.goto(url, { waitUntil: "commit" });
  const button = await page.waitForSelector('[aria-label="Add Text field"]', { state: "visible" });
  const box = await button.boundingBox();
  if (!box) throw new Error(`${url}: the "Add Text field" button has no box`);
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await page.waitForFunction(() => "__firstRowAt" in window);
  return page.evaluate(() => (window as unknown as { __firstRowAt: number }).__firstRowAt);
}

export async function designerLoadBench(args: readonly string[] = []): Promise<void> {
  const loads = parseLoads(args);
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), "credential-designer-bench-load-"));
  let browser: Browser | undefined;
  let found: Awaited<ReturnType<typeof findChromium>> | undefined;
  const servers: { url: string; close(): Promise<void> }[] = [];
  try {
    // The designer as `npm run build` makes it; the blank page by Vite with the same settings.
    await build({
      root: ROOT,
      configFile: path.join(ROOT, "vite.config.ts"),
      logLevel: "error",
      cacheDir: path.join(tmp, ".vite-cache-site"),
      build: { outDir: path.join(tmp, "site"), emptyOutDir: true, reportCompressedSize: false },
    });
    await buildBenchPage(
      "blank.html",
      path.join(tmp, "blank"),
      path.join(tmp, ".vite-cache-blank"),
    );
    const site = await serveFolder(path.join(tmp, "site"));
    servers.push(site);
    const blank = await serveFolder(path.join(tmp, "blank"));
    servers.push(blank);
    // A browser without a profile: each load gets a new context, with an empty cache.
    found = await findChromium();
    browser = await chromium.launch({ executablePath: found.executablePath, args: BROWSER_ARGS });

    // JavaScript on opening: every script response until the page is idle after its first paint.
    const scripts = new Map<string, number>();
    {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      const page = await context.newPage();
      page.on("response", async (response) => {
        if (!response.url().endsWith(".js")) return;
        const body = await response.body();
        scripts.set(new URL(response.url()).pathname, gzipSync(body, { level: 9 }).length);
      });
      await page.goto(`${site.url}index.html`, { waitUntil: "networkidle" });
      await page.getByRole("button", { name: "Add Text field", exact: true }).waitFor();
      await page.waitForTimeout(1000);
      await context.close();
    }

    const designer: number[] = [];
    const reference: number[] = [];
    for (let load = 0; load < loads; load++)
      for (const [url, times] of [
        [`${site.url}index.html`, designer],
        [`${blank.url}blank.html`, reference],
      ] as const) {
        const context = await browser.newContext({
          viewport: { width: 1440, height: 900 },
        });
        try {
          times.push(await timeFirstClick(await context.newPage(), url));
        } finally {
          await context.close();
        }
      }

    const total = [...scripts.values()].reduce((sum, size) => sum + size, 0);
    console.log(
      `\nDesigner's first load (production build), headless Chromium (${found?.source}), ${loads} cold loads each, medians (${new Date().toISOString().slice(0, 10)})\n`,
    );
    console.log("| JavaScript loaded on opening | gzip -9 (KB) |");
    console.log("| --- | ---: |");
    for (const [file, size] of [...scripts].sort((a, b) => b[1] - a[1]))
      console.log(`| ${file} | ${(size / 1024).toFixed(1)} |`);
    console.log(`| **total** | **${(total / 1024).toFixed(1)}** |`);
    const ours = median(designer);
    const blankMedian = median(reference);
    console.log(
      `\nNavigation to the first handled click on the palette: designer ${ours.toFixed(0)} ms, blank React page ${blankMedian.toFixed(0)} ms: ${(ours / blankMedian).toFixed(2)}× (each load: designer ${designer.map((t) => t.toFixed(0)).join(", ")}; blank ${reference.map((t) => t.toFixed(0)).join(", ")} ms).`,
    );
  } finally {
    await browser?.close();
    for (const server of servers) await server.close();
    await fs.rm(tmp, { recursive: true, force: true });
  }
}
