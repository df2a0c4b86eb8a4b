import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { openDesignerPage } from "../support/designer-page.ts";
import { devServerAndBrowser } from "../support/dev-server-and-browser.ts";
import { type StaticServer, serveStatic } from "../support/static-server.ts";

/**
 * The problems list on the designer page: the core's findings for the design, live; choosing one
 * selects its field in the canvas and the inspector. And, on the built page, that the pattern
 * analysis (refa and friends, most of the page's script) loads only once the design has a pattern.
 */

const setup = devServerAndBrowser();

/** Opens a page of the designer at `url`, collecting console and page errors. */
const openDesigner = (url: string, errors: string[]) =>
  openDesignerPage(setup.browser.context, url, errors, { viewport: { width: 1280, height: 1200 } });

const palette = (page: Page) => page.getByRole("navigation", { name: "Palette" });
const canvas = (page: Page) => page.getByRole("main", { name: "Canvas" });
const inspector = (page: Page) => page.getByRole("complementary", { name: "Inspector" });
const problems = (page: Page) => page.getByRole("region", { name: "Problems" });
/** What the inspector is editing: its form's name, e.g. `Properties of text "Text" (apiToken)`. */
const editing = (page: Page) =>
  inspector(page).getByRole("form").first().getAttribute("aria-label");

/** Types into an inspector box and leaves it (which applies the text). */
async function type(page: Page, label: string, text: string): Promise<void> {
  const box = inspector(page).getByRole("textbox", { name: label, exact: true });
  await box.fill(text);
  await box.press("Tab");
  await expect
    .poll(() => box.getAttribute("aria-invalid"), { message: `${label}: ${text}` })
    .toBeNull();
}

describe("the problems list, on the dev server", () => {
  it("lists a problem made in the inspector; choosing it selects the field in canvas and inspector and focuses its row", async () => {
    const errors: string[] = [];
    const page = await openDesigner(setup.server.url, errors);
    await problems(page).getByText("No problems found.").waitFor();
    expect(await problems(page).getByRole("heading", { name: "Problems (0)" }).count()).toBe(1);

    // A text field keyed like a secret but not secret: check warns.
    await palette(page).getByRole("button", { name: "Add Text field", exact: true }).press("Enter");
    await expect.poll(() => editing(page)).toContain('"Text"');
    await type(page, "Key", "apiToken");
    const problem = problems(page).getByRole("button", {
      name: /^Warning: The field "apiToken" \(Text\) looks like a secret .* — Text$/,
    });
    await problem.waitFor();
    expect(await problems(page).getByRole("heading", { name: "Problems (1)" }).count()).toBe(1);
    const fix = await problem.evaluate(
      (button) => document.getElementById(button.getAttribute("aria-describedby")!)?.textContent,
    );
    expect(fix).toBe(
      'Fix: Add "writeOnly": true to the field "apiToken" (Text), or rename it if it is not a secret',
    );

    // Another field is selected now; choosing the problem goes back to the text field.
    await palette(page).getByRole("button", { name: "Add URL field", exact: true }).press("Enter");
    await expect.poll(() => editing(page)).toContain('"URL"');
    await problem.click();
    await expect.poll(() => editing(page)).toContain('"Text" (apiToken)');
    const row = canvas(page)
      .getByRole("treeitem")
      .filter({ has: page.getByRole("button", { name: "Move Text", exact: true }) });
    expect(await row.getAttribute("aria-selected")).toBe("true");
    expect(
      await page.evaluate(
        () =>
          document.activeElement?.closest("li[data-node]")?.querySelector(".cd-row-title")
            ?.textContent,
      ),
    ).toBe("Text");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("role"))).toBe(
      "treeitem",
    );

    // Fixing it in the inspector empties the list.
    await inspector(page)
      .getByRole("checkbox", { name: "Secret (write-only)", exact: true })
      .click();
    await problems(page).getByText("No problems found.").waitFor();
    await page.close();
    expect(errors).toEqual([]);
  });
});

describe("two keys that differ only in case, on the dev server", () => {
  it("is a warning in the list and the inspector, with its fix; renaming one clears it", async () => {
    const errors: string[] = [];
    const page = await openDesigner(setup.server.url, errors);
    await problems(page).getByText("No problems found.").waitFor();
    for (const key of ["region", "Region"]) {
      await palette(page)
        .getByRole("button", { name: "Add Text field", exact: true })
        .press("Enter");
      await expect.poll(() => editing(page)).toMatch(/"Text \d*"?|"Text"/);
      await type(page, "Key", key);
    }
    const problem = problems(page).getByRole("button", {
      name: /^Warning: The keys "region" and "Region" of the schema "Credentials" differ only in case: an adapter written in VB\.NET, whose names ignore case, cannot tell them apart — /,
    });
    await problem.waitFor();
    const fix = await problem.evaluate(
      (button) => document.getElementById(button.getAttribute("aria-describedby")!)?.textContent,
    );
    expect(fix).toBe('Fix: Rename "Region" so that it differs from "region" by more than case');
    // The inspector, on the later field, says it too.
    expect(
      await inspector(page)
        .getByText(/^Warning: The keys "region" and "Region"/)
        .count(),
    ).toBe(1);
    await type(page, "Key", "regionCode");
    await expect.poll(() => problem.count()).toBe(0);
    // (The two fields still share the title "Text": that warning stays.)
    expect(await problems(page).getByRole("heading", { name: "Problems (1)" }).count()).toBe(1);
    await page.close();
    expect(errors).toEqual([]);
  });
});

/** A string of refa's that survives minification: the chunk that holds it holds the pattern analysis. */
const REFA_MARKER = "ENFA into itself";

describe("the built page loads the pattern analysis only when the design has a pattern", () => {
  let site: StaticServer | undefined;
  // The production build, made once for the run by the e2e project's globalSetup
  // (test/support/e2e-global-setup.ts).
  beforeAll(async () => {
    site = await serveStatic(inject("distDir"));
  });
  afterAll(async () => {
    await site?.close();
  });

  it("a blank design loads no chunk with refa; typing a pattern loads it", async () => {
    const errors: string[] = [];
    const scripts: Array<{ url: string; refa: boolean }> = [];
    const page = await setup.browser.context.newPage();
    page.on("response", async (response) => {
      if (response.request().resourceType() !== "script") return;
      const body = await response.text().catch(() => "");
      scripts.push({ url: new URL(response.url()).pathname, refa: body.includes(REFA_MARKER) });
    });
    page.on("pageerror", (error) => errors.push(`page error: ${error.message}`));
    await page.goto(site!.url, { waitUntil: "load" });
    await page
      .getByRole("heading", { level: 1, name: "Credential Designer" })
      .waitFor({ timeout: 15_000 });
    // The blank design has been checked (so the check's own code has loaded), and the page is quiet.
    await problems(page).getByText("No problems found.").waitFor();
    await page.waitForLoadState("networkidle");
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.filter((script) => script.refa).map((script) => script.url)).toEqual([]);

    await palette(page).getByRole("button", { name: "Add Text field", exact: true }).press("Enter");
    await expect.poll(() => editing(page)).toContain('"Text"');
    await problems(page).getByText("No problems found.").waitFor();
    expect(scripts.filter((script) => script.refa)).toEqual([]);
    await type(page, "Pattern", "^[a-z]+$");
    await expect
      .poll(() => scripts.some((script) => script.refa), {
        message: "the pattern analysis's chunk loaded",
      })
      .toBe(true);
    // The design with the pattern has been checked (nothing is pending): a safe pattern, no problems.
    await expect
      .poll(() => problems(page).locator("[aria-busy]").getAttribute("aria-busy"))
      .toBe("false");
    expect(await problems(page).getByText("No problems found.").count()).toBe(1);
    await page.close();
    expect(errors).toEqual([]);
  });
});
