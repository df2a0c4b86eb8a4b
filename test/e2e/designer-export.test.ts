import { readFileSync } from "node:fs";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { strFromU8, unzipSync } from "fflate";
import type { Download, Page, Route } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { exportBaseName } from "../../src/designer/export/base-name.ts";
import { zipContents } from "../../src/designer/export/zip.ts";
import { type ExportFile, exportCSharpFile, exportFiles } from "../../src/export/index.ts";
import { SchemaProblem } from "../../src/json/problem.ts";
import type { JsonObject } from "../../src/json/value.ts";
import { importSchema } from "../../src/schema/import.ts";
import { toSchema } from "../../src/schema/to-schema.ts";
import { NOT_IN_CSHARP } from "../cli/fixtures.ts";
import { AXE_SOURCE } from "../support/axe.ts";
import { runBin } from "../support/cli.ts";
import { chooseExport, exportButton } from "../support/designer-page.ts";
import { devServerAndBrowser } from "../support/dev-server-and-browser.ts";

/**
 * Export in the page: on the designer (dev server), a template design is exported with
 * "Export all (.zip)" and with each file's own button; what the browser downloads must be byte
 * for byte what `credential-designer export --csharp` writes for the same schema (run as the real
 * command, and as `exportFiles` in Node). A design the exporter refuses shows an alert saying
 * what, where and how to fix it, and downloads nothing; one that only the C# model cannot express
 * exports its four files, and the menu and the zip say why the `.cs` is missing.
 */

const setup = devServerAndBrowser();
const TEMPLATE = JSON.parse(
  readFileSync(new URL("../../schemas/rest-adapter.json", import.meta.url), "utf8"),
) as JsonObject;
/** What the page's store holds after importing the template, as the exporter gets it. */
const DESIGN = toSchema(importSchema(TEMPLATE));
const BASE = "rest-api"; // from the template's title, "REST API"
const FILE_NAMES = [
  `${BASE}.schema.json`,
  `${BASE}.ts`,
  `${BASE}.validate.js`,
  `${BASE}.validate.d.ts`,
];
/** What the zip holds: the four files and the C# model. */
const ZIP_NAMES = [...FILE_NAMES, `${BASE}.cs`];

/** Own "__proto__" and "constructor" properties, a local $ref, text in other scripts and a comment closer. */
const TRICKY_DESIGN = JSON.stringify({
  $schema: "http://json-schema.org/draft-07/schema#",
  title: "Zugangsdaten für Ü-Bahn ✓",
  type: "object",
  definitions: { port: { type: "integer", minimum: 1, maximum: 65535 } },
  properties: {
    PROTO: { type: "string", title: "Prototype", description: "a key no object should inherit" },
    constructor: { type: "string", writeOnly: true },
    port: { $ref: "#/definitions/port" },
    名前: { type: "string", description: "日本語の説明 */ with a comment closer", maxLength: 10 },
  },
  required: ["port"],
  additionalProperties: false,
}).replace('"PROTO"', '"__proto__"');

let tmp: string;
/** The files `credential-designer export` wrote for the design, by name. */
let cliFiles: Map<string, Buffer>;

beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), "credential-designer-export-e2e-"));
  await fs.writeFile(path.join(tmp, `${BASE}.json`), JSON.stringify(DESIGN, null, 2));
  const result = await runBin(["export", `${BASE}.json`, "--csharp", "--out", "out"], tmp);
  expect(result.stderr).toBe("");
  expect(result.code).toBe(0);
  cliFiles = new Map();
  for (const name of await fs.readdir(path.join(tmp, "out")))
    cliFiles.set(name, await fs.readFile(path.join(tmp, "out", name)));
}, 120_000);

afterAll(async () => {
  if (tmp) await fs.rm(tmp, { recursive: true, force: true });
});

/** The context route openDesigner added for each open page, until closeDesigner removes it. */
const guards = new Map<Page, (route: Route) => Promise<void>>();

/**
 * Closes a page of openDesigner: first removes its route, awaited (a route removed only once the
 * page is gone can fail with nobody to await it), then the page.
 */
async function closeDesigner(page: Page): Promise<void> {
  const guard = guards.get(page);
  guards.delete(page);
  if (guard) await page.context().unroute("**/*", guard);
  await page.close();
}

// After a test that failed before closing its page: the same, while the browser is still open.
afterEach(async () => {
  for (const page of [...guards.keys()]) await closeDesigner(page);
});

async function openDesigner(problems: string[], design: JsonObject): Promise<Page> {
  const page = await setup.browser.context.newPage();
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console error: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  // The page must never fetch anything from elsewhere, its worker included (hence the context's
  // routes, which see the worker's requests too; removed by closeDesigner).
  const served = new URL(setup.server.url);
  const guard = async (route: Route) => {
    const url = new URL(route.request().url());
    if (!["data:", "blob:"].includes(url.protocol) && url.host !== served.host) {
      problems.push(`request to another host: ${url.href}`);
      return route.abort();
    }
    return route.continue();
  };
  guards.set(page, guard);
  await page.context().route("**/*", guard);
  await page.goto(setup.server.url, { waitUntil: "load" });
  await page
    .getByRole("heading", { level: 1, name: "Credential Designer" })
    .waitFor({ timeout: 15_000 });
  await loadDesign(page, design);
  return page;
}

/**
 * Loads a design as an import does: the page's own importSchema into its store (dev server only).
 * The design travels as JSON text, so that a "__proto__" key stays an ordinary key.
 */
async function loadDesign(page: Page, design: JsonObject): Promise<void> {
  await page.evaluate(
    `(async (text) => {
      const { importSchema } = await import("/src/schema/import.ts");
      window.__designerStore.load(importSchema(JSON.parse(text)));
    })(${JSON.stringify(JSON.stringify(design))})`,
  );
}

/**
 * Clicks a button and returns the download it starts. First waits for the last export to finish:
 * while one runs the buttons are aria-disabled and a click is ignored.
 */
async function downloadBy(page: Page, name: string): Promise<Download> {
  await expect
    .poll(() => exportButton(page).getAttribute("aria-busy"), { timeout: 45_000 })
    .toBe("false");
  const [download] = await Promise.all([
    page.waitForEvent("download", { timeout: 45_000 }),
    chooseExport(page, name),
  ]);
  return download;
}

async function bytesOf(download: Download): Promise<Buffer> {
  const file = await download.path();
  return fs.readFile(file);
}

/** axe's violations inside the elements `selector` selects, as `id: targets`. */
async function axeViolations(page: Page, selector: string): Promise<string[]> {
  if (!(await page.evaluate(() => "axe" in window)))
    await page.addScriptTag({ content: AXE_SOURCE });
  return page.evaluate(async (include) => {
    const { axe } = window as unknown as {
      axe: {
        run(context: unknown): Promise<{
          violations: Array<{ id: string; nodes: Array<{ target: string[] }> }>;
        }>;
      };
    };
    const result = await axe.run({ include: [[include]] });
    return result.violations.map(
      (violation) =>
        `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`,
    );
  }, selector);
}

/** What the page's worker puts in the zip for the C# model: the file, or why there is none. */
function csharpOrRefusal(schema: JsonObject, base: string): ExportFile | SchemaProblem {
  try {
    return exportCSharpFile(schema, base);
  } catch (error) {
    if (error instanceof SchemaProblem) return error;
    throw error;
  }
}

function expectSameAsCli(name: string, bytes: Uint8Array, fromNode: readonly ExportFile[]): void {
  const cli = cliFiles.get(name);
  expect(cli, `the CLI wrote ${name}`).toBeDefined();
  // Compare as text first (a readable diff), then byte for byte.
  expect(strFromU8(bytes), name).toBe(cli!.toString("utf8"));
  expect(Buffer.compare(Buffer.from(bytes), cli!), name).toBe(0);
  expect(strFromU8(bytes), `${name}, as exportFiles returns it in Node`).toBe(
    fromNode.find((file) => file.name === name)?.contents,
  );
}

describe("export in the designer page, in headless Chromium", () => {
  it("Export all (.zip) downloads rest-api.zip with the five files `export --csharp` writes, byte for byte", async () => {
    const problems: string[] = [];
    const page = await openDesigner(problems, TEMPLATE);
    const fromNode = await exportFiles(DESIGN, BASE, { csharp: {} });
    expect([...cliFiles.keys()].sort()).toEqual([...ZIP_NAMES].sort());

    expect(await exportButton(page).getAttribute("aria-busy")).toBe("false");
    const download = await downloadBy(page, "Export all (.zip)");
    expect(download.suggestedFilename()).toBe(`${BASE}.zip`);
    const entries = unzipSync(new Uint8Array(await bytesOf(download)));
    expect(Object.keys(entries)).toEqual(ZIP_NAMES);
    for (const name of ZIP_NAMES) expectSameAsCli(name, entries[name]!, fromNode);
    await expect
      .poll(() => page.getByRole("status").filter({ hasText: "Downloaded" }).textContent())
      .toBe(`Downloaded ${BASE}.zip.`);

    // The same design gives the same archive, byte for byte (fixed times, no clock).
    const again = await bytesOf(await downloadBy(page, "Export all (.zip)"));
    expect(Buffer.compare(again, await bytesOf(download))).toBe(0);
    await closeDesigner(page);
    expect(problems).toEqual([]);
  });

  it("every template, and a design with keys such as __proto__, $refs and text in other scripts, exports as in Node", async () => {
    const problems: string[] = [];
    const templates = (await fs.readdir(new URL("../../schemas/", import.meta.url))).filter(
      (name) => name.endsWith(".json"),
    );
    const designs = await Promise.all(
      templates.map(
        async (name) =>
          JSON.parse(
            await fs.readFile(new URL(`../../schemas/${name}`, import.meta.url), "utf8"),
          ) as JsonObject,
      ),
    );
    designs.push(JSON.parse(TRICKY_DESIGN) as JsonObject);
    const page = await openDesigner(problems, designs[0]!);
    let lastZip: Record<string, Uint8Array> = {};
    for (const design of designs) {
      await loadDesign(page, design);
      const schema = toSchema(importSchema(design));
      const base = exportBaseName(schema.title);
      const download = await downloadBy(page, "Export all (.zip)");
      expect(download.suggestedFilename()).toBe(`${base}.zip`);
      const entries = (lastZip = unzipSync(new Uint8Array(await bytesOf(download))));
      const expected = zipContents(
        schema,
        base,
        await exportFiles(schema, base),
        csharpOrRefusal(schema, base),
      );
      expect(Object.keys(entries)).toEqual(expected.map((file) => file.name));
      for (const file of expected)
        expect(strFromU8(entries[file.name]!), `${String(schema.title)}: ${file.name}`).toBe(
          file.contents,
        );
    }
    // The last one kept its own "__proto__" property all the way through the page and the worker.
    const lastSchema = JSON.parse(strFromU8(lastZip["zugangsdaten-für-ü-bahn.schema.json"]!)) as {
      properties: object;
    };
    expect(Object.keys(lastSchema.properties)).toContain("__proto__");
    await closeDesigner(page);
    expect(problems).toEqual([]);
  });

  it("each file's own button downloads that file, rest-api.cs included, as the CLI writes it", async () => {
    const problems: string[] = [];
    const page = await openDesigner(problems, TEMPLATE);
    const fromNode = await exportFiles(DESIGN, BASE, { csharp: {} });
    for (const name of ZIP_NAMES) {
      const download = await downloadBy(page, `Download ${name}`);
      expect(download.suggestedFilename()).toBe(name);
      expectSameAsCli(name, await bytesOf(download), fromNode);
    }
    await closeDesigner(page);
    expect(problems).toEqual([]);
  });

  it("a design only the C# model cannot express: the .cs item is disabled and says why; the zip holds the four files and a README.txt", async () => {
    const problems: string[] = [];
    const design = toSchema(importSchema(NOT_IN_CSHARP));
    const base = exportBaseName(design.title); // "example-api"
    const refusal = csharpOrRefusal(design, base);
    if (!(refusal instanceof SchemaProblem)) throw new Error("NOT_IN_CSHARP has a C# model");
    const page = await openDesigner(problems, NOT_IN_CSHARP);
    await exportButton(page).click();
    const menu = page.getByRole("menu", { name: "Export" });
    const item = menu.getByRole("menuitem", { name: `Download ${base}.cs`, exact: true });
    await expect.poll(() => item.getAttribute("aria-disabled"), { timeout: 45_000 }).toBe("true");
    // The reason is the item's accessible description, and is shown under its name.
    const description = await item.evaluate(
      (element) =>
        document.getElementById(element.getAttribute("aria-describedby") ?? "")?.textContent,
    );
    expect(description).toContain(`Not available: ${refusal.problem.charAt(0).toUpperCase()}`);
    expect(description).toContain('(at "Filter" (/properties/filter');
    expect(await item.isVisible()).toBe(true);
    // The menu with its explained item is axe clean, in the light and the dark theme.
    for (const colorScheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme });
      expect(await axeViolations(page, '[role="menu"]'), colorScheme).toEqual([]);
    }
    // Chosen anyway, it does nothing: the menu stays open, nothing is downloaded.
    const downloads: string[] = [];
    page.on("download", (download) => downloads.push(download.suggestedFilename()));
    await item.focus();
    await page.keyboard.press("Enter");
    expect(await menu.isVisible()).toBe(true);
    await page.keyboard.press("Escape");

    const entries = unzipSync(
      new Uint8Array(await bytesOf(await downloadBy(page, "Export all (.zip)"))),
    );
    const expected = zipContents(design, base, await exportFiles(design, base), refusal);
    expect(Object.keys(entries)).toEqual([
      ...FILE_NAMES.map((name) => name.replace(BASE, base)),
      "README.txt",
    ]);
    for (const file of expected)
      expect(strFromU8(entries[file.name]!), file.name).toBe(file.contents);
    expect(strFromU8(entries["README.txt"]!)).toContain(
      `${base}.cs (the C# credential model) is not in this archive`,
    );
    // The four files still download one by one.
    const ts = await downloadBy(page, `Download ${base}.ts`);
    expect(strFromU8(new Uint8Array(await bytesOf(ts)))).toBe(expected[1]!.contents);
    expect(downloads).toEqual([`${base}.zip`, `${base}.ts`]);
    await closeDesigner(page);
    expect(problems).toEqual([]);
  });

  it("a design the exporter refuses shows what, where and how to fix it in an alert, and downloads nothing", async () => {
    const problems: string[] = [];
    const unsafe = structuredClone(TEMPLATE);
    ((unsafe.properties as JsonObject).baseUrl as JsonObject).pattern = "^(a+)+$";
    const page = await openDesigner(problems, unsafe);
    const downloads: string[] = [];
    page.on("download", (download) => downloads.push(download.suggestedFilename()));

    await chooseExport(page, "Export all (.zip)");
    const alert = page.getByRole("alert").filter({ hasText: "Export failed" });
    await alert.waitFor({ timeout: 45_000 });
    const text = (await alert.textContent()) ?? "";
    expect(text).toContain("Export failed:");
    expect(text).toMatch(/backtrack|ambiguous|catastroph/i);
    expect(text).toContain('Where: "Base URL" (/properties/baseUrl/pattern)');
    expect(text).toContain("How to fix:");
    // The buttons are usable again, and nothing was downloaded.
    expect(await exportButton(page).getAttribute("aria-busy")).toBe("false");
    await page.waitForTimeout(500);
    expect(downloads).toEqual([]);

    // A single file is refused the same way.
    await chooseExport(page, `Download ${BASE}.ts`);
    await page.waitForTimeout(300);
    await alert.waitFor();
    await page.waitForTimeout(500);
    expect(downloads).toEqual([]);
    await closeDesigner(page);
    expect(problems).toEqual([]);
  });
});
