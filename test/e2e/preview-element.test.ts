import fs from "node:fs/promises";
import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { axeViolations } from "../support/axe.ts";
import { buildTestPage, buildVanillaExample, templateNames } from "../support/build-example.ts";
import { type LaunchedChromium, launchChromium } from "../support/chromium.ts";
import { type StaticServer, serveStatic } from "../support/static-server.ts";

const TEMPLATES = await templateNames();
const SECRET = "marker-S3cr3t-5c2a";

let vanilla: string | undefined;
let themes: string | undefined;
let vanillaServer: StaticServer | undefined;
let themesServer: StaticServer | undefined;
let browser: LaunchedChromium | undefined;

beforeAll(async () => {
  vanilla = await buildVanillaExample();
  themes = await buildTestPage("element-themes");
  vanillaServer = await serveStatic(vanilla);
  themesServer = await serveStatic(themes);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await vanillaServer?.close();
  await themesServer?.close();
  for (const dir of [vanilla, themes]) if (dir) await fs.rm(dir, { recursive: true, force: true });
});

/** The text a screen reader reads as the control's description (its aria-describedby elements). */
function description(locator: Locator): Promise<string> {
  return locator.evaluate((element) =>
    (element.getAttribute("aria-describedby") ?? "")
      .split(/\s+/)
      .map((id) => document.getElementById(id)?.textContent ?? "")
      .join(" "),
  );
}

/** The form's colour scheme, background and text colour, as the browser computes them. */
function looks(page: Page) {
  return page.evaluate(() => {
    const form = document.querySelector(".cd-form")!;
    const style = getComputedStyle(form);
    return { scheme: style.colorScheme, background: style.backgroundColor, text: style.color };
  });
}

const DARK = { scheme: "dark", background: "rgb(27, 29, 33)", text: "rgb(232, 233, 236)" };
/** (The light theme's text is the page's.) */
const LIGHT = { scheme: "light", background: "rgba(0, 0, 0, 0)", text: "rgb(0, 0, 0)" };

describe("examples/vanilla: <credential-form> on a page without React", () => {
  it("renders, validates, submits through its event, with no error and no secret in the page", async () => {
    if (!vanillaServer || !browser) throw new Error("set-up failed");
    const page = await browser.context.newPage();
    const problems: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error") problems.push(`console: ${message.text()}`);
    });
    page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
    await page.goto(vanillaServer.url);

    const baseUrl = page.getByRole("textbox", { name: /^Base URL/ });
    await baseUrl.fill("not a url");
    await baseUrl.blur();
    await expect
      .poll(() => description(baseUrl))
      .toMatch(/Base URL must be a URL, like https:\/\//);
    await baseUrl.fill("https://api.example.com");
    await page.getByRole("radio", { name: "Basic" }).check();
    await page.getByRole("textbox", { name: /^Username/ }).fill("ada");
    await page.getByLabel(/^Password/).fill(SECRET);
    await page.getByRole("button", { name: "Save" }).click();
    await expect.poll(() => page.getByRole("status").textContent()).toBe("Saved.");

    // The theme select sets the element's `theme` attribute.
    await page.getByRole("combobox", { name: "Theme" }).selectOption("dark");
    expect(await looks(page)).toEqual(DARK);
    expect(await axeViolations(page)).toEqual([]);

    expect(problems).toEqual([]);
    expect(await page.evaluate(() => document.body.outerHTML)).not.toContain("marker-S3cr3t");
    await page.close();
  });
});

describe("the default stylesheet's light and dark themes", () => {
  it.each(TEMPLATES)(
    "%s: no axe violation (WCAG AA contrast included) in either theme, errors shown",
    async (template) => {
      if (!themesServer || !browser) throw new Error("set-up failed");
      const page = await browser.context.newPage();
      for (const theme of ["light", "dark"]) {
        await page.goto(`${themesServer.url}?template=${template}&theme=${theme}`);
        expect(await looks(page)).toEqual(theme === "dark" ? DARK : LIGHT);
        await page.getByRole("button", { name: "Save" }).click();
        await page.locator(".cd-error").first().waitFor();
        expect(await axeViolations(page), theme).toEqual([]);
        // Each auth method shows other fields.
        const radios = page.getByRole("radio");
        for (let i = 0; i < (await radios.count()); i++) {
          await radios.nth(i).check();
          await page.getByRole("button", { name: "Save" }).click();
          expect(await axeViolations(page), `${theme}, method ${i + 1}`).toEqual([]);
        }
      }
      await page.close();
    },
  );

  it("follows the system's preference unless data-cd-theme or theme says otherwise; the nearest one wins", async () => {
    if (!themesServer || !browser) throw new Error("set-up failed");
    const page = await browser.context.newPage();
    const [dark, light] = [DARK, LIGHT];
    const url = themesServer.url;

    await page.emulateMedia({ colorScheme: "dark" });
    await page.goto(url);
    await page.getByRole("button", { name: "Save" }).click();
    expect(await looks(page)).toEqual({ ...dark, scheme: "light dark" });
    expect(await axeViolations(page)).toEqual([]);
    await page.goto(`${url}?around=light`);
    expect(await looks(page)).toEqual(light);
    // The element's own attribute is nearer than the one around it.
    await page.goto(`${url}?around=light&theme=dark`);
    expect(await looks(page)).toEqual(dark);
    await page.goto(`${url}?around=light&theme=system`);
    expect(await looks(page)).toEqual({ ...dark, scheme: "light dark" });
    // "inherit": the page's colour scheme (this page has none: light).
    await page.goto(`${url}?around=inherit`);
    expect(await looks(page)).toEqual({ ...light, scheme: "normal" });

    await page.emulateMedia({ colorScheme: "light" });
    await page.goto(url);
    expect(await looks(page)).toEqual({ ...light, scheme: "light dark" });
    await page.goto(`${url}?around=dark`);
    expect(await looks(page)).toEqual(dark);
    await page.goto(`${url}?around=dark&theme=light`);
    expect(await looks(page)).toEqual(light);
    await page.close();
  });
});

describe("the designer's preview (the built page)", () => {
  it("follows the designer's theme switch, not the system's preference", async () => {
    if (!browser) throw new Error("set-up failed");
    // The production build, made once for the run by the e2e project's globalSetup.
    const site = await serveStatic(inject("distDir"));
    const page = await browser.context.newPage();
    try {
      // The designer's preview names its submit button for what it does there.
      const save = page
        .getByRole("region", { name: "Preview" })
        .getByRole("button", { name: "Check values" });
      /** A design to preview: a new page starts on the start panel, a reload on the autosaved design. */
      const template = page
        .getByRole("region", { name: "Start a design" })
        .getByRole("button", { name: "REST API", exact: true });
      /** The form's colour scheme, and the submit button's background: the designer's accent token, resolved in the form. */
      const inPreview = () =>
        save.evaluate((button) => ({
          scheme: getComputedStyle(button.closest(".cd-form")!).colorScheme,
          accent: getComputedStyle(button).backgroundColor,
        }));
      for (const [system, chosen, accent] of [
        ["dark", "light", "rgb(35, 87, 209)"],
        ["light", "dark", "rgb(134, 168, 255)"],
      ] as const) {
        await page.emulateMedia({ colorScheme: system });
        await page.goto(site.url);
        await save.or(template).waitFor({ timeout: 15_000 });
        if (await template.isVisible()) await template.click();
        await save.waitFor();
        await page.evaluate(
          (theme) => void (document.documentElement.dataset.theme = theme),
          chosen,
        );
        expect(await inPreview()).toEqual({ scheme: chosen, accent });
      }
    } finally {
      await page.close();
      await site.close();
    }
  });
});
