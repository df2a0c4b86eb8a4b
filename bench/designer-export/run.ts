/**
 * npm run bench -- designer-export [--fields 1000] [--loads 5] [--warm 2]
 *
 * Export in the built designer, in headless Chromium:
 * (a) the JavaScript the page loads before the first export (the site as `npm run build` makes it,
 *     opened and used: a field added, typed into in the preview, saved), each file gzipped with
 *     zlib's default level as a server would send it, summed; beside it the export worker's
 *     files, which load on the first export. Budget: 150 KB gzipped before the first export.
 * (b) the time from the click on "Export all (.zip)" to the download, on a generated design of
 *     1,000 fields: the first export of a fresh page load ("cold", HTTP cache off: it includes
 *     starting the worker and loading the exporter) and the next ones on the same page ("warm").
 *     Measured in the page's clock from the click event to the `<a download>` click that hands
 *     the file to the browser; beside it, until Playwright's download event in Node. Reference:
 *     `exportFiles` and the zip in Node, what `credential-designer export` does in memory.
 */
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import type { Page } from "playwright-core";
import { build, type InlineConfig } from "vite";
import { exportBaseName } from "../../src/designer/export/base-name.ts";
import { zipFiles } from "../../src/designer/export/zip.ts";
import { exportFiles } from "../../src/export/index.ts";
import { importSchema } from "../../src/schema/import.ts";
import { toSchema } from "../../src/schema/to-schema.ts";
import { type LaunchedChromium, launchChromium } from "../../test/support/chromium.ts";
import { chooseExport } from "../../test/support/designer-page.ts";
import { type StaticServer, serveStatic } from "../../test/support/static-server.ts";
import viteConfig from "../../vite.config.ts";
import { generateCredentialSchema } from "../generate-schema.ts";
import { median } from "../median.ts";

const PAGES = fileURLToPath(new URL("./pages/", import.meta.url));
const BUDGET_KB = 150;
const USAGE = "usage: npm run bench -- designer-export [--fields 1000] [--loads 5] [--warm 2]";

interface Options {
  fields: number;
  loads: number;
  warm: number;
}
function parseOptions(args: readonly string[]): Options {
  const options: Options = { fields: 1000, loads: 5, warm: 2 };
  for (let i = 0; i < args.length; i += 2) {
    const [flag, value] = [args[i], Number(args[i + 1])];
    if (!Number.isInteger(value) || value <= 0)
      throw new Error(`${flag} needs a positive whole number; ${USAGE}`);
    if (flag === "--fields") options.fields = value;
    else if (flag === "--loads") options.loads = value;
    else if (flag === "--warm") options.warm = value;
    else throw new Error(`unknown argument ${flag}; ${USAGE}`);
  }
  return options;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** Builds with the project's real vite.config.ts (worker shims, Content-Security-Policy). */
async function buildWithProjectConfig(
  tmp: string,
  outDir: string,
  overrides: InlineConfig = {},
): Promise<void> {
  await build({
    ...viteConfig,
    configFile: false,
    logLevel: "error",
    cacheDir: path.join(tmp, ".vite-cache"),
    ...overrides,
    build: {
      ...viteConfig.build,
      outDir,
      emptyOutDir: true,
      reportCompressedSize: false,
      chunkSizeWarningLimit: 100_000,
      ...overrides.build,
    },
  });
}

interface Script {
  url: string;
  raw: number;
  gzipped: number;
}

/** Records every JavaScript file the page (or its workers) fetches, sized from the served folder. */
function recordScripts(page: Page, root: string, served: string): Script[] {
  const scripts: Script[] = [];
  const seen = new Set<string>();
  page.on("response", async (response) => {
    const url = new URL(response.url());
    if (
      !response.url().startsWith(served) ||
      !url.pathname.endsWith(".js") ||
      seen.has(url.pathname)
    )
      return;
    seen.add(url.pathname);
    const bytes = await fs.readFile(path.join(root, decodeURIComponent(url.pathname)));
    scripts.push({ url: url.pathname, raw: bytes.length, gzipped: gzipSync(bytes).length });
  });
  return scripts;
}

const sum = (scripts: readonly Script[], key: "raw" | "gzipped") =>
  scripts.reduce((total, script) => total + script[key], 0);

async function exportAllAndWait(page: Page, expectedName: string): Promise<number> {
  const start = performance.now();
  const [download] = await Promise.all([
    page.waitForEvent("download", { timeout: 180_000 }),
    chooseExport(page, "Export all (.zip)"),
  ]);
  const elapsed = performance.now() - start;
  if (download.suggestedFilename() !== expectedName)
    throw new Error(`downloaded ${download.suggestedFilename()}, expected ${expectedName}`);
  await download.delete();
  await page.waitForFunction(
    () => document.querySelector('button[aria-haspopup="menu"][aria-busy="false"]') !== null,
  );
  return elapsed;
}

/** Waits until the page has been idle twice (work queued after a paint has run). */
async function settle(page: Page): Promise<void> {
  for (let i = 0; i < 2; i++)
    await page.evaluate(
      () =>
        new Promise<void>((resolve) => requestIdleCallback(() => resolve(), { timeout: 10_000 })),
    );
}

export async function designerExportBench(args: readonly string[] = []): Promise<void> {
  const options = parseOptions(args);
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), "credential-designer-bench-export-"));
  let browser: LaunchedChromium | undefined;
  const servers: StaticServer[] = [];
  try {
    const site = path.join(tmp, "site");
    const benchPage = path.join(tmp, "page");
    await buildWithProjectConfig(tmp, site);
    await buildWithProjectConfig(tmp, benchPage, {
      root: PAGES,
      base: "./",
      build: { rolldownOptions: { input: path.join(PAGES, "designer-export.html") } },
    });
    const siteServer = await serveStatic(site);
    servers.push(siteServer);
    const pageServer = await serveStatic(benchPage);
    servers.push(pageServer);
    browser = await launchChromium();

    // (a) What the built site loads before the first export, and what the export adds.
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1400, height: 1000 });
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
    const scripts = recordScripts(page, site, siteServer.url);
    await page.goto(siteServer.url, { waitUntil: "networkidle" });
    await page
      .getByRole("navigation", { name: "Palette" })
      .getByRole("button", { name: "Add Text field", exact: true })
      .click();
    await page.waitForLoadState("networkidle");
    await page.waitForTimeout(500);
    // The page as opened and designed on, the preview not used yet: its validator (Ajv) loads
    // when the preview is first used, and is counted apart.
    const designing = [...scripts];
    const preview = page.getByRole("region", { name: "Preview" });
    await preview.getByRole("textbox").first().fill("typed");
    await preview.getByRole("button", { name: "Check values" }).click();
    await page.waitForLoadState("networkidle");
    await page.waitForTimeout(500);
    const beforeExport = [...scripts];
    await exportAllAndWait(page, "credentials.zip");
    await page.waitForTimeout(500);
    const forExport = scripts.slice(beforeExport.length);
    await page.close();
    if (!forExport.some((script) => script.url.includes("export-worker")))
      throw new Error(
        `the export worker's script was not seen (after the export: ${forExport.map((s) => s.url).join(", ") || "nothing"})`,
      );

    // (b) Export all on a generated design, cold then warm; page clock and Node clock.
    const cold: number[] = [],
      coldNode: number[] = [],
      warm: number[] = [],
      warmNode: number[] = [];
    const schema = toSchema(importSchema(generateCredentialSchema(options.fields)));
    const zipName = `${exportBaseName(schema.title)}.zip`;
    for (let load = 0; load < options.loads; load++) {
      const timed = await browser.context.newPage();
      await timed.setViewportSize({ width: 1400, height: 1000 });
      const session = await browser.context.newCDPSession(timed);
      await session.send("Network.setCacheDisabled", { cacheDisabled: true });
      const errors: string[] = [];
      timed.on("pageerror", (error) => errors.push(error.message));
      try {
        await timed.goto(`${pageServer.url}designer-export.html?fields=${options.fields}`);
        await timed.waitForFunction(
          () =>
            (window as unknown as { __exportBench?: { ready: boolean } }).__exportBench?.ready ===
            true,
          undefined,
          { timeout: 60_000 },
        );
        await settle(timed); // the preview compiles its validator after the first paint: not part of the export
        for (let run = 0; run <= options.warm; run++) {
          if (run > 0) await settle(timed);
          const nodeTime = await exportAllAndWait(timed, zipName);
          const inPage = await timed.evaluate(() => {
            const api = (
              window as unknown as {
                __exportBench: { clickedAt: number[]; downloadedAt: number[] };
              }
            ).__exportBench;
            return api.downloadedAt.at(-1)! - api.clickedAt.at(-1)!;
          });
          (run === 0 ? cold : warm).push(inPage);
          (run === 0 ? coldNode : warmNode).push(nodeTime);
        }
        if (errors.length) throw new Error(errors.join("; "));
        console.error(
          `load ${load + 1}: cold ${cold.at(-1)!.toFixed(0)} ms, warm ${warm
            .slice(-options.warm)
            .map((t) => t.toFixed(0))
            .join(", ")} ms`,
        );
      } finally {
        await timed.close();
      }
    }

    // Reference: the same work in Node, in this process (what the CLI does in memory).
    const inNode: number[] = [];
    zipFiles(await exportFiles(schema, exportBaseName(schema.title))); // warm-up, not counted
    for (let run = 0; run < options.loads; run++) {
      const start = performance.now();
      zipFiles(await exportFiles(schema, exportBaseName(schema.title)));
      inNode.push(performance.now() - start);
    }

    const date = new Date().toISOString().slice(0, 10);
    console.log(
      `\nExport in the built designer, headless Chromium (${browser.found.source}), ${date}\n`,
    );
    console.log("| JavaScript | files | raw | gzipped |");
    console.log("| --- | ---: | ---: | ---: |");
    const forPreview = beforeExport.slice(designing.length);
    console.log(
      `| loaded by opening the page and designing (budget ${BUDGET_KB} KB gzipped) | ${designing.length} | ${kb(sum(designing, "raw"))} | ${kb(sum(designing, "gzipped"))} |`,
    );
    console.log(
      `| loaded by first using the preview (its validator) | ${forPreview.length} | ${kb(sum(forPreview, "raw"))} | ${kb(sum(forPreview, "gzipped"))} |`,
    );
    console.log(
      `| all loaded before the first export | ${beforeExport.length} | ${kb(sum(beforeExport, "raw"))} | ${kb(sum(beforeExport, "gzipped"))} |`,
    );
    console.log(
      `| loaded by the first export (the export worker) | ${forExport.length} | ${kb(sum(forExport, "raw"))} | ${kb(sum(forExport, "gzipped"))} |`,
    );
    console.log(
      `\nBefore the first export: ${beforeExport.map((s) => `${path.basename(s.url)} ${kb(s.gzipped)}`).join(", ")}.`,
    );
    console.log(
      `Opening and designing over budget: ${sum(designing, "gzipped") / 1024 > BUDGET_KB ? "yes" : "no"}.\n`,
    );
    console.log(
      `| "Export all (.zip)", ${options.fields.toLocaleString("en")}-field design | runs | click → download (page) | click → download event (Node) |`,
    );
    console.log("| --- | ---: | ---: | ---: |");
    console.log(
      `| first export of a page load (cold: starts the worker) | ${cold.length} | ${median(cold).toFixed(0)} ms | ${median(coldNode).toFixed(0)} ms |`,
    );
    console.log(
      `| next exports (warm) | ${warm.length} | ${median(warm).toFixed(0)} ms | ${median(warmNode).toFixed(0)} ms |`,
    );
    console.log(
      `| reference: exportFiles + zip in Node | ${inNode.length} | ${median(inNode).toFixed(0)} ms | |`,
    );
  } finally {
    await browser?.close();
    for (const server of servers) await server.close();
    await fs.rm(tmp, { recursive: true, force: true });
  }
}
