import { readFileSync } from "node:fs";
import fs from "node:fs/promises";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { countByClass, diffSchemas } from "../../src/diff/index.ts";
import type { JsonObject } from "../../src/json/value.ts";
import { importSchema } from "../../src/schema/import.ts";
import { sentence } from "../../src/schema/problem-message.ts";
import { toSchema } from "../../src/schema/to-schema.ts";
import { runMain } from "../support/cli.ts";
import { exportedSchema, openDesignerPage } from "../support/designer-page.ts";
import { devServerAndBrowser } from "../support/dev-server-and-browser.ts";
import { type StaticServer, serveStatic } from "../support/static-server.ts";

/**
 * "Compare with…" on the designer page (dev server), in headless Chromium: a template design is
 * changed through the canvas and the inspector, then compared with the template's file and with
 * a saved copy of it. The page lists what `diffSchemas` finds in Node for the same two schemas, in
 * the same order, with the counts per class; choosing a change selects its field on the canvas.
 * And, on the built page, that the comparison's code (src/diff, and the pattern analysis it uses)
 * loads only when "Compare with…" is opened.
 */

const setup = devServerAndBrowser();
const TEMPLATE = JSON.parse(
  readFileSync(new URL("../../schemas/rest-adapter.json", import.meta.url), "utf8"),
) as JsonObject;
const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

let tmp = "";
let templateFile = "";
beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), "credential-designer-compare-e2e-"));
  templateFile = path.join(tmp, "rest-adapter.json");
  await fs.writeFile(templateFile, JSON.stringify(TEMPLATE, null, 2));
});
afterAll(async () => {
  if (tmp) await fs.rm(tmp, { recursive: true, force: true });
});

const header = (page: Page) => page.getByRole("banner");
const canvas = (page: Page) => page.getByRole("main", { name: "Canvas" });
const inspector = (page: Page) => page.getByRole("complementary", { name: "Inspector" });
const compareDialog = (page: Page) => page.getByRole("dialog", { name: "Compare with…" });
const changesRegion = (page: Page) => compareDialog(page).getByRole("region", { name: "Changes" });
/** The canvas row of a field or branch, by the name its handle has ("Move Access token"). */
const row = (page: Page, name: string) =>
  canvas(page)
    .getByRole("button", { name: `Move ${name}`, exact: true })
    .locator("xpath=ancestor::li[1]");
/** What the inspector is editing: its form's name. */
const editing = (page: Page) =>
  inspector(page).getByRole("form").first().getAttribute("aria-label");

/** Loads a design as an import does: the page's own importSchema into its store (dev server only). */
async function loadDesign(page: Page, design: JsonObject): Promise<void> {
  await page.evaluate(
    `(async (text) => {
      const { importSchema } = await import("/src/schema/import.ts");
      window.__designerStore.load(importSchema(JSON.parse(text)));
    })(${JSON.stringify(JSON.stringify(design))})`,
  );
}

async function waitSaved(page: Page): Promise<void> {
  await header(page)
    .getByRole("status")
    .filter({ hasText: /^Saved$/ })
    .waitFor({ timeout: 10_000 });
}

/** Each listed change as the page shows it: its class and sentence (and, for a button, " — place"). */
function listedChanges(page: Page): Promise<string[]> {
  return changesRegion(page)
    .locator("li")
    .evaluateAll((items) =>
      items.map(
        (item) => item.querySelector(".cd-change-show, .cd-change-text")?.textContent ?? "",
      ),
    );
}

async function openCompare(page: Page): Promise<void> {
  await header(page).getByRole("button", { name: "Compare with…", exact: true }).click();
  await compareDialog(page).getByRole("button", { name: "A file…" }).waitFor();
}

describe("Compare with… in the designer page, in headless Chromium", () => {
  it("lists the changes from the template's file and from a saved copy; choosing one selects its field", async () => {
    const errors: string[] = [];
    const page = await openDesignerPage(setup.browser.context, setup.server.url, errors, {
      viewport: { width: 1280, height: 1200 },
    });
    await loadDesign(page, TEMPLATE);
    await row(page, "Access token").waitFor();
    await waitSaved(page);

    // A saved copy of the design as it is now: Designs → Duplicate.
    await header(page).getByRole("button", { name: "Designs", exact: true }).click();
    const designs = page.getByRole("dialog", { name: "Designs" });
    await designs.getByRole("button", { name: "Duplicate Untitled" }).click();
    await designs.getByText("Duplicated as Untitled (copy).").waitFor();
    await designs.getByRole("button", { name: "Close" }).click();

    // Changes through the UI: a field made required, a branch deleted, a secret no longer secret.
    await row(page, "Access token").locator(":scope > .cd-row .cd-row-select").click();
    await expect.poll(() => editing(page)).toContain("(token)");
    await inspector(page).getByRole("checkbox", { name: "Required", exact: true }).check();
    await canvas(page).getByRole("button", { name: "Delete Basic", exact: true }).click();
    await expect.poll(() => row(page, "Basic").count()).toBe(0);
    await row(page, "Client secret").locator(":scope > .cd-row .cd-row-select").click();
    await expect.poll(() => editing(page)).toContain("(clientSecret)");
    await inspector(page)
      .getByRole("checkbox", { name: "Secret (write-only)", exact: true })
      .uncheck();
    await waitSaved(page);

    // What diff finds in Node for the same two schemas.
    const design = await exportedSchema(page);
    const expected = diffSchemas(toSchema(importSchema(TEMPLATE)), design);
    expect(countByClass(expected)).toEqual({ breaking: 2, exposing: 1, compatible: 0 });
    expect(expected.map((change) => change.rule)).toEqual([
      "choice-option-removed",
      "field-became-required",
      "secret-exposed",
    ]);

    // Compared with the file.
    await openCompare(page);
    await compareDialog(page).getByLabel("Schema file to compare with").setInputFiles(templateFile);
    await compareDialog(page)
      .getByRole("heading", { name: "Changes from «rest-adapter.json» to this design" })
      .waitFor();
    expect(await changesRegion(page).locator(".cd-compare-summary").textContent()).toBe(
      "3 changes: 2 breaking, 1 exposing, 0 compatible.",
    );
    const listed = await listedChanges(page);
    expect(listed).toEqual([
      `Breaking: ${sentence(expected[0]!.message)}`, // the Basic option is gone: text, no button
      `Breaking: ${sentence(expected[1]!.message)} — Authentication › OAuth 1.0a › Access token`,
      `Exposing: ${sentence(expected[2]!.message)} — Authentication › OAuth 2.0 › Client secret`,
    ]);
    expect(await changesRegion(page).getByRole("button").count()).toBe(2);
    expect(
      await changesRegion(page)
        .getByText(/was removed/)
        .evaluate((element) => element.tagName),
    ).toBe("P");
    // The open dialog, as axe sees it.
    await page.addScriptTag({ content: AXE });
    const violations = await page.evaluate(async () => {
      const axe = (
        window as unknown as {
          axe: {
            run(context: Element): Promise<{ violations: Array<{ id: string; nodes: unknown[] }> }>;
          };
        }
      ).axe;
      const result = await axe.run(document.querySelector("dialog[open]")!);
      return result.violations.map((v) => `${v.id} (${v.nodes.length})`);
    });
    expect(violations).toEqual([]);

    // Choosing the breaking change selects Access token, closes the dialog, focuses its row.
    await changesRegion(page)
      .getByRole("button", { name: /^Breaking: .*Access token$/ })
      .click();
    await expect.poll(() => compareDialog(page).isVisible()).toBe(false);
    await expect
      .poll(() => row(page, "Access token").getByRole("treeitem").getAttribute("aria-selected"))
      .toBe("true");
    await expect.poll(() => editing(page)).toContain("(token)");
    expect(
      await page.evaluate(
        () =>
          document.activeElement?.closest("li[data-node]")?.querySelector(".cd-row-title")
            ?.textContent,
      ),
    ).toBe("Access token");

    // Compared with the saved copy: the same list.
    await openCompare(page);
    const saved = compareDialog(page).getByRole("list", { name: "Saved designs" });
    await saved.waitFor();
    expect(await saved.getByRole("button").allTextContents()).toEqual(["Untitled (copy)"]); // not the open design
    await saved.getByRole("button", { name: "Untitled (copy)" }).click();
    await compareDialog(page)
      .getByRole("heading", { name: "Changes from «Untitled (copy)» to this design" })
      .waitFor();
    expect(await changesRegion(page).locator(".cd-compare-summary").textContent()).toBe(
      "3 changes: 2 breaking, 1 exposing, 0 compatible.",
    );
    expect(await listedChanges(page)).toEqual(listed);
    await changesRegion(page)
      .getByRole("button", { name: /^Exposing: .*Client secret$/ })
      .click();
    await expect
      .poll(() => row(page, "Client secret").getByRole("treeitem").getAttribute("aria-selected"))
      .toBe("true");

    await page.close();
    expect(errors).toEqual([]);
  });

  it("a broken file: an alert with the CLI's message, and nothing compared", async () => {
    const errors: string[] = [];
    const page = await openDesignerPage(setup.browser.context, setup.server.url, errors);
    const broken = path.join(tmp, "broken.json");
    await fs.writeFile(broken, '{\n  "type": "object",\n  "properties": {}\n  "required": []\n}\n');
    await openCompare(page);
    await compareDialog(page).getByLabel("Schema file to compare with").setInputFiles(broken);
    const alert = compareDialog(page).getByRole("alert");
    await alert.waitFor();
    // What `credential-designer diff` says about the same file.
    const cli = await runMain(["diff", "broken.json", "rest-adapter.json"], tmp);
    expect(cli.code).toBe(2);
    expect(cli.stderr).toMatch(/^credential-designer: broken\.json:4:3: /);
    expect(`credential-designer: ${await alert.textContent()}\n`).toBe(cli.stderr);
    expect(await changesRegion(page).count()).toBe(0);
    await page.keyboard.press("Escape");
    await expect.poll(() => compareDialog(page).isVisible()).toBe(false);
    expect(
      await header(page)
        .getByRole("button", { name: "Compare with…", exact: true })
        .evaluate((element) => element === document.activeElement),
    ).toBe(true);
    await page.close();
    expect(errors).toEqual([]);
  });
});

/** Strings that survive minification: one of src/diff's messages, and one of refa's (the pattern analysis). */
const DIFF_MARKER = "became required and has no default";
const REFA_MARKER = "ENFA into itself";

describe("the built page loads the comparison only when Compare with… is opened", () => {
  let site: StaticServer | undefined;
  // The production build, made once for the run by the e2e project's globalSetup
  // (test/support/e2e-global-setup.ts).
  beforeAll(async () => {
    site = await serveStatic(inject("distDir"));
  });
  afterAll(async () => {
    await site?.close();
  });

  it("no script with src/diff or refa before; both once the dialog opens", async () => {
    const errors: string[] = [];
    const scripts: Array<{ url: string; diff: boolean; refa: boolean }> = [];
    const page = await setup.browser.context.newPage();
    page.on("response", async (response) => {
      if (response.request().resourceType() !== "script") return;
      const body = await response.text().catch(() => "");
      scripts.push({
        url: new URL(response.url()).pathname,
        diff: body.includes(DIFF_MARKER),
        refa: body.includes(REFA_MARKER),
      });
    });
    page.on("pageerror", (error) => errors.push(`page error: ${error.message}`));
    await page.goto(site!.url, { waitUntil: "load" });
    await page
      .getByRole("heading", { level: 1, name: "Credential Designer" })
      .waitFor({ timeout: 15_000 });
    await page.getByRole("region", { name: "Problems" }).getByText("No problems found.").waitFor();
    await page.waitForLoadState("networkidle");
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.filter((script) => script.diff || script.refa)).toEqual([]);

    await openCompare(page);
    await expect
      .poll(() => scripts.some((script) => script.diff), {
        message: "the comparison's chunk loaded",
      })
      .toBe(true);
    await expect
      .poll(() => scripts.some((script) => script.refa), {
        message: "the pattern analysis loaded with it",
      })
      .toBe(true);
    await page.close();
    expect(errors).toEqual([]);
  });
});
