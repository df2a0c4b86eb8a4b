import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import type { JsonObject } from "../../src/json/value.ts";
import { axeViolations } from "../support/axe.ts";
import { exportedSchema, historyLength, openDesignerPage } from "../support/designer-page.ts";
import { devServerAndBrowser } from "../support/dev-server-and-browser.ts";
import { overlapsWithin } from "../support/layout-checks.ts";

/**
 * Problems where the user looks, in headless Chromium on the dev server: a canvas row with a
 * finding carries a badge naming its severity; the inspector shows the finding next to the
 * control it concerns, tied to it by aria-describedby, with its mechanical fix as a button; the
 * fix is one step that Ctrl+Z or the toolbar's Undo takes back; the header counts the problems
 * and opens the list. Badges never overlap a row's text, icons or buttons at 1440 and 1024 px,
 * and what they add passes axe in the light and the dark theme.
 */

const setup = devServerAndBrowser();

const canvas = (page: Page) => page.getByRole("main", { name: "Canvas" });
const inspector = (page: Page) => page.getByRole("complementary", { name: "Inspector" });
const problemsRegion = (page: Page) => page.getByRole("region", { name: "Problems" });
/** A canvas row (a tree item), by the start of its name (its title). */
const rowButton = (page: Page, title: string) =>
  canvas(page).getByRole("treeitem", { name: new RegExp(`^${title}, `) });
/** The row's accessible name: the hidden text its aria-labelledby points at. */
async function rowName(page: Page, title: string): Promise<string | null> {
  const labelId = await rowButton(page, title).getAttribute("aria-labelledby");
  return labelId === null ? null : page.locator(`[id="${labelId}"]`).textContent();
}

/** Replaces the page's design (the dev server exposes its store), as opening a stored design does. */
async function loadDesign(page: Page, schema: JsonObject): Promise<void> {
  await page.evaluate(`(async (text) => {
    const { importSchema } = await import("/src/schema/import.ts");
    window.__designerStore.load(importSchema(JSON.parse(text)));
  })(${JSON.stringify(JSON.stringify(schema))})`);
  await canvas(page).locator(".cd-row-select").first().waitFor();
}

/** The texts an element's aria-describedby points at. */
const describedBy = (page: Page, name: Parameters<Page["getByRole"]>[0], label: string) =>
  inspector(page)
    .getByRole(name, { name: label, exact: true })
    .evaluate((element) =>
      (element.getAttribute("aria-describedby") ?? "")
        .split(" ")
        .filter(Boolean)
        .map((id) => document.getElementById(id)?.textContent ?? `(no #${id})`),
    );

const properties = async (page: Page) =>
  (await exportedSchema(page)).properties as Record<string, JsonObject>;

describe("problems on the row, next to the control, in the header", () => {
  it('retitling "Username" to "API token": a warning badge, the warning on Secret, "Make it secret" fixes it, Ctrl+Z brings it back', async () => {
    const errors: string[] = [];
    const page = await openDesignerPage(setup.browser.context, setup.server.url, errors, {
      viewport: { width: 1440, height: 900 },
    });
    await loadDesign(page, {
      type: "object",
      title: "Service",
      properties: { username: { type: "string", title: "Username" } },
      required: ["username"],
    });
    const header = page.getByRole("banner");
    await header.getByRole("button", { name: "No problems" }).waitFor();
    expect(await rowName(page, "Username")).toBe("Username, username, Text, required");

    // Retitle in the inspector.
    await rowButton(page, "Username").click();
    const title = inspector(page).getByRole("textbox", { name: "Title", exact: true });
    await title.fill("API token");
    await title.press("Enter");

    // The row's badge says it, by name, icon and colour.
    await expect
      .poll(() => rowName(page, "API token"))
      .toBe("API token, username, Text, required, 1 warning");
    const badge = rowButton(page, "API token").locator(".cd-badge-problem");
    expect(await badge.getAttribute("class")).toContain("cd-badge-warning");
    // The header counts it; pressing the count reveals the list (hidden first) and moves there.
    const count = header.getByRole("button", { name: "1 warning", exact: true });
    await count.waitFor();
    await problemsRegion(page).getByRole("button", { name: "Hide Problems" }).click();
    await problemsRegion(page).getByRole("button", { name: "Show Problems" }).waitFor();
    await count.click();
    await problemsRegion(page)
      .getByRole("button", {
        name: /^Warning: The field "username" \(API token\) looks like a secret/,
      })
      .waitFor();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute("aria-label")))
      .toBe("Problems");

    // The inspector: the warning next to the Secret checkbox, and its fix.
    await expect
      .poll(() => describedBy(page, "checkbox", "Secret (write-only)"))
      .toEqual([
        'Warning: The field "username" (API token) looks like a secret (its title says "token") but is not marked writeOnly, so it would be shown in clear text and could be read back.',
        'Fix: Add "writeOnly": true to the field "username" (API token), or rename it if it is not a secret.',
        "A secret is masked and never carries a default or an example.",
      ]);
    const before = await historyLength(page);
    const fix = inspector(page).getByRole("button", { name: "Make it secret", exact: true });
    expect(
      await fix.evaluate(
        (button) => document.getElementById(button.getAttribute("aria-describedby")!)?.textContent,
      ),
    ).toMatch(/^Warning: The field "username" \(API token\) looks like a secret/);
    await fix.click();

    // Fixed: the schema, the inspector, the row and the header; one step in the history.
    expect((await properties(page)).username).toEqual({
      type: "string",
      title: "API token",
      writeOnly: true,
    });
    expect(await historyLength(page)).toBe(before + 1);
    await fix.waitFor({ state: "detached" });
    await expect
      .poll(() => rowName(page, "API token"))
      .toBe("API token, username, Secret, required, secret");
    await header.getByRole("button", { name: "No problems" }).waitFor();
    const secret = inspector(page).getByRole("checkbox", { name: "Secret (write-only)" });
    expect(await secret.isChecked()).toBe(true);
    await expect
      .poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type))
      .toBe("checkbox");

    // One Ctrl+Z takes it back, warning and all.
    await page.keyboard.press("Control+z");
    expect((await properties(page)).username).toEqual({ type: "string", title: "API token" });
    await expect
      .poll(() => rowName(page, "API token"))
      .toBe("API token, username, Text, required, 1 warning");
    await inspector(page).getByRole("button", { name: "Make it secret", exact: true }).waitFor();

    // The Problems list offers the same fix beside the finding; the focus stays in the list.
    const listFix = problemsRegion(page).getByRole("button", {
      name: "Make it secret",
      exact: true,
    });
    expect(
      await listFix.evaluate(
        (button) => document.getElementById(button.getAttribute("aria-describedby")!)?.textContent,
      ),
    ).toMatch(/^Warning: The field "username" \(API token\) looks like a secret/);
    const beforeListFix = await historyLength(page);
    await listFix.click();
    expect((await properties(page)).username).toEqual({
      type: "string",
      title: "API token",
      writeOnly: true,
    });
    expect(await historyLength(page)).toBe(beforeListFix + 1);
    await listFix.waitFor({ state: "detached" });
    await problemsRegion(page).getByText("No problems found.").waitFor();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent))
      .toBe("Problems (0)");
    await page.close();
    expect(errors).toEqual([]);
  });

  it("an unanchored pattern that backtracks: an error badge, the error on Pattern, anchoring fixes it, the toolbar's Undo brings it back", async () => {
    const errors: string[] = [];
    const page = await openDesignerPage(setup.browser.context, setup.server.url, errors, {
      viewport: { width: 1024, height: 768 },
    });
    await loadDesign(page, {
      type: "object",
      properties: {
        slug: { type: "string", title: "Tenant slug", pattern: "[a-z0-9]+-[a-z0-9]+" },
      },
    });
    await expect
      .poll(() => rowName(page, "Tenant slug"), { timeout: 15_000 })
      .toBe("Tenant slug, slug, Text, pattern, 1 error");
    expect(
      await rowButton(page, "Tenant slug").locator(".cd-badge-problem").getAttribute("class"),
    ).toContain("cd-badge-error");
    // The header is icons only at this width: its name says the count.
    await page.getByRole("banner").getByRole("button", { name: "1 error", exact: true }).waitFor();

    await rowButton(page, "Tenant slug").click();
    const pattern = inspector(page).getByRole("textbox", { name: "Pattern", exact: true });
    await expect.poll(() => pattern.getAttribute("aria-invalid")).toBe("true");
    const said = await describedBy(page, "textbox", "Pattern");
    expect(said[0]).toMatch(
      /^Error: The pattern "\[a-z0-9\]\+-\[a-z0-9\]\+" of the field "slug" \(Tenant slug\) can backtrack catastrophically/,
    );
    expect(said.at(-1)).toBe(
      "A regular expression the value must match; add ^ and $ to match the whole value.",
    );
    const fix = inspector(page).getByRole("button", { name: "Anchor with ^ and $", exact: true });
    await fix.scrollIntoViewIfNeeded();
    await fix.click();

    expect((await properties(page)).slug!.pattern).toBe("^[a-z0-9]+-[a-z0-9]+$");
    await expect.poll(() => rowName(page, "Tenant slug")).toBe("Tenant slug, slug, Text, pattern");
    await expect.poll(() => pattern.getAttribute("aria-invalid")).toBeNull();
    expect(await pattern.inputValue()).toBe("^[a-z0-9]+-[a-z0-9]+$");
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute("id")))
      .toBe(await pattern.getAttribute("id"));

    await page
      .getByRole("toolbar", { name: "Design" })
      .getByRole("button", { name: "Undo" })
      .click();
    expect((await properties(page)).slug!.pattern).toBe("[a-z0-9]+-[a-z0-9]+");
    await expect
      .poll(() => rowName(page, "Tenant slug"))
      .toBe("Tenant slug, slug, Text, pattern, 1 error");
    await fix.waitFor();
    await page.close();
    expect(errors).toEqual([]);
  });

  it("a secret stored with a default: the error on Default, Remove the default; an http default: Use https", async () => {
    const errors: string[] = [];
    const page = await openDesignerPage(setup.browser.context, setup.server.url, errors, {
      viewport: { width: 1440, height: 900 },
    });
    await loadDesign(page, {
      type: "object",
      properties: {
        password: { type: "string", title: "Password", writeOnly: true, default: "hunter2" },
        baseUrl: {
          type: "string",
          title: "Base URL",
          format: "uri",
          default: "http://api.example.com",
        },
      },
    });
    await expect
      .poll(() => rowName(page, "Password"), { timeout: 15_000 })
      .toBe("Password, password, Secret, secret, 1 error");
    await rowButton(page, "Password").click();
    const value = inspector(page).getByRole("textbox", { name: "Default", exact: true });
    await expect
      .poll(async () => (await describedBy(page, "textbox", "Default"))[0])
      .toMatch(/^Error: The secret field "password" \(Password\) has a default value/);
    await inspector(page).getByRole("button", { name: "Remove the default", exact: true }).click();
    expect((await properties(page)).password).toEqual({
      type: "string",
      title: "Password",
      writeOnly: true,
    });
    await value.waitFor({ state: "detached" });
    await expect.poll(() => rowName(page, "Password")).toBe("Password, password, Secret, secret");

    await rowButton(page, "Base URL").click();
    await expect.poll(() => rowName(page, "Base URL")).toBe("Base URL, baseUrl, URL, 1 warning");
    await inspector(page).getByRole("button", { name: "Use https", exact: true }).click();
    expect((await properties(page)).baseUrl!.default).toBe("https://api.example.com");
    await expect.poll(() => rowName(page, "Base URL")).toBe("Base URL, baseUrl, URL");
    await page.getByRole("banner").getByRole("button", { name: "No problems" }).waitFor();
    await page.close();
    expect(errors).toEqual([]);
  });
});

/**
 * A field with every badge there is (required, secret, pattern, 2 errors and 2 warnings), a
 * warning, a group's error and the window's own.
 */
const CROWDED: JsonObject = {
  type: "object",
  properties: {
    webhookSigningSecretForEveryCallbackHere: {
      type: "string",
      title: "Webhook signing secret for every callback",
      pattern: "^[a-z:/.]+$",
      default: "http://example.com",
      examples: ["http://a.example.com"],
      writeOnly: true,
    },
    apiToken: { type: "string", title: "API token" },
    account: {
      type: "object",
      title: "Account with a missing required entry",
      properties: { user: { type: "string", title: "User" } },
      required: ["usr"],
    },
  },
  // A required key no field has: the window's own error.
  required: ["webhookSigningSecretForEveryCallbackHere", "tenant"],
};

/** The boxes of a row's parts that overlap, e.g. "title × badge 4 (cd-badge cd-badge-problem cd-badge-error)". */
function rowOverlaps(
  page: Page,
): Promise<Array<{ title: string; overlaps: string[]; badges: number }>> {
  return canvas(page)
    .locator(".cd-canvas")
    .evaluate((tree) =>
      [...tree.querySelectorAll<HTMLElement>("li[data-node] > .cd-row")].map((row) => {
        const select = row.querySelector<HTMLElement>(":scope > .cd-row-select")!;
        const parts: Array<[string, Element | null]> = [
          ["handle", row.querySelector(":scope > .cd-handle")],
          ["icon", select.querySelector(":scope > svg")],
          ["title", select.querySelector(":scope > .cd-row-title")],
          ["key", select.querySelector(":scope > .cd-row-key")],
          ...[...select.querySelectorAll(".cd-badge")].map(
            (badge, i) => [`badge ${i + 1} (${badge.className})`, badge] as [string, Element],
          ),
          ...[...row.querySelectorAll(":scope > .cd-row-actions > button")].map(
            (button) => [button.getAttribute("aria-label")!, button] as [string, Element],
          ),
        ];
        const boxes = parts
          .filter((part): part is [string, Element] => part[1] !== null)
          .map(([name, element]) => ({ name, rect: element.getBoundingClientRect() }));
        const overlaps: string[] = [];
        for (let i = 0; i < boxes.length; i++)
          for (let j = i + 1; j < boxes.length; j++) {
            const a = boxes[i]!.rect;
            const b = boxes[j]!.rect;
            const width = Math.min(a.right, b.right) - Math.max(a.left, b.left);
            const height = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
            if (width > 0.5 && height > 0.5) overlaps.push(`${boxes[i]!.name} × ${boxes[j]!.name}`);
          }
        const edge = tree.getBoundingClientRect().right;
        for (const { name, rect } of boxes)
          if (rect.right > edge + 0.5) overlaps.push(`${name} beyond the canvas`);
        return {
          title: select.querySelector(".cd-row-title")?.textContent ?? "",
          overlaps,
          badges: select.querySelectorAll(".cd-badge").length,
        };
      }),
    );
}

describe("badges and findings: their room and their look", () => {
  for (const viewport of [
    { width: 1440, height: 900 },
    { width: 1024, height: 768 },
  ])
    for (const scheme of ["light", "dark"] as const)
      it(`${viewport.width}×${viewport.height}, ${scheme}: badges overlap nothing in the row, and the canvas, inspector and header pass axe`, async () => {
        const errors: string[] = [];
        const page = await openDesignerPage(setup.browser.context, setup.server.url, errors, {
          viewport,
          before: (opened) => opened.emulateMedia({ colorScheme: scheme }),
        });
        await loadDesign(page, CROWDED);
        const crowded = "Webhook signing secret for every callback";
        await expect
          .poll(() => rowName(page, crowded), { timeout: 15_000 })
          .toBe(
            `${crowded}, webhookSigningSecretForEveryCallbackHere, Secret, required, secret, pattern, 2 errors, 2 warnings`,
          );
        await expect.poll(() => rowName(page, "API token")).toMatch(/, 1 warning$/);
        await expect
          .poll(() => rowName(page, "Account with a missing required entry"))
          .toMatch(/, 1 warning$/);
        // Selected and hovered, so that the row's actions show.
        await rowButton(page, crowded).click();
        await rowButton(page, crowded).hover();
        const rows = await rowOverlaps(page);
        expect(rows.find((row) => row.title === crowded)!.badges).toBe(5);
        for (const row of rows) expect(row.overlaps, row.title).toEqual([]);
        expect(await overlapsWithin(page, ".cd-row")).toEqual([]);
        expect(await overlapsWithin(page, ".designer-header")).toEqual([]);

        // The inspector with its findings (errors on Placeholder and Default, warnings too).
        await inspector(page).getByRole("button", { name: "Remove the default" }).waitFor();
        expect(await axeViolations(page, "#panel-inspector")).toEqual([]);
        expect(await axeViolations(page, ".cd-canvas")).toEqual([]);
        expect(await axeViolations(page, ".designer-header")).toEqual([]);
        // A warning-only field; a group whose finding is at the top of its properties.
        await rowButton(page, "API token").click();
        await inspector(page).getByRole("button", { name: "Make it secret" }).waitFor();
        expect(await axeViolations(page, "#panel-inspector")).toEqual([]);
        await rowButton(page, "Account with a missing required entry").click();
        await inspector(page)
          .getByText(/requires "usr"/)
          .waitFor();
        expect(await axeViolations(page, "#panel-inspector")).toEqual([]);
        // The window's own: on its button, and at the top of its properties.
        // (A required key no property declares is a warning: export writes such a window.)
        await canvas(page).getByRole("button", { name: "Window properties, 1 warning" }).click();
        await inspector(page)
          .getByText(/requires "tenant"/)
          .waitFor();
        expect(await axeViolations(page, "#panel-inspector")).toEqual([]);
        await page.close();
        expect(errors).toEqual([]);
      });
});
