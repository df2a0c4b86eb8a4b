import fs from "node:fs/promises";
import type { Locator } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildEmbedExample } from "../support/build-example.ts";
import { type LaunchedChromium, launchChromium } from "../support/chromium.ts";
import { type StaticServer, serveStatic } from "../support/static-server.ts";

/** No 'unsafe-eval', no inline script: what a careful host page sends. */
const CSP =
  "default-src 'self'; script-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'";
const SECRET = "marker-S3cr3t-7f1d";

/** The text a screen reader reads as the control's description (its aria-describedby elements). */
function description(locator: Locator): Promise<string> {
  return locator.evaluate((element) =>
    (element.getAttribute("aria-describedby") ?? "")
      .split(/\s+/)
      .map((id) => document.getElementById(id)?.textContent ?? "")
      .join(" "),
  );
}

let example: { dir: string; dist: string } | undefined;
let server: StaticServer | undefined;
let browser: LaunchedChromium | undefined;

beforeAll(async () => {
  example = await buildEmbedExample();
  server = await serveStatic(example.dist, { "content-security-policy": CSP });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (example) await fs.rm(example.dir, { recursive: true, force: true });
});

describe("examples/embed: the REST adapter template with its exported validator, under a strict CSP", () => {
  it("renders, validates, switches the auth method, submits, with no CSP violation and no secret leaked", async () => {
    if (!server || !browser) throw new Error("set-up failed");
    const page = await browser.context.newPage();
    const problems: string[] = [];
    const consoleText: string[] = [];
    page.on("console", (message) => {
      consoleText.push(message.text());
      if (message.type() === "error" || /Content.Security.Policy|Refused to/i.test(message.text()))
        problems.push(`console: ${message.text()}`);
    });
    page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
    await page.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (event) => {
        (window as unknown as { __violations: string[] }).__violations ??= [];
        (window as unknown as { __violations: string[] }).__violations.push(
          `${event.violatedDirective}: ${event.blockedURI}`,
        );
      });
    });
    const response = await page.goto(server.url);
    expect(response?.headers()["content-security-policy"]).toBe(CSP);

    const baseUrl = page.getByRole("textbox", { name: /^Base URL/ });
    await baseUrl.waitFor();
    await baseUrl.fill("not a url");
    await baseUrl.blur();
    await expect
      .poll(() => description(baseUrl))
      .toMatch(/Base URL must be a URL, like https:\/\//);
    expect(await baseUrl.getAttribute("aria-invalid")).toBe("true");
    await baseUrl.fill("https://api.example.com");
    await baseUrl.blur();
    await expect.poll(() => baseUrl.getAttribute("aria-invalid")).not.toBe("true");

    await page.getByRole("radio", { name: "Basic" }).check();
    await page.getByRole("textbox", { name: /^Username/ }).fill("ada");
    const password = page.getByLabel(/^Password/);
    await password.fill(SECRET);
    expect(await password.getAttribute("type")).toBe("password");

    // Another method and back: the typed values are still there.
    await page.getByRole("radio", { name: "None" }).check();
    expect(await page.getByLabel(/^Password/).count()).toBe(0);
    await page.getByRole("radio", { name: "Basic" }).check();
    expect(await page.getByLabel(/^Password/).inputValue()).toBe(SECRET);

    await page.getByRole("button", { name: "Save" }).click();
    await expect.poll(() => page.getByRole("status").textContent()).toBe("Saved.");

    const violations = await page.evaluate(
      () => (window as unknown as { __violations?: string[] }).__violations ?? [],
    );
    expect(violations).toEqual([]);
    expect(problems).toEqual([]);
    // The secret stays in the input: not in the URL, storage, the console or other DOM text.
    expect(page.url()).not.toContain(SECRET);
    expect(
      await page.evaluate(
        () => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }),
      ),
    ).not.toContain(SECRET);
    expect(consoleText.join("\n")).not.toContain(SECRET);
    expect(await page.evaluate(() => document.body.outerHTML)).not.toContain("marker-S3cr3t");
    await page.close();
  });

  it("on an invalid submit, shows every error in words and moves focus to the first invalid field", async () => {
    if (!server || !browser) throw new Error("set-up failed");
    const page = await browser.context.newPage();
    await page.goto(server.url);
    await page.getByRole("button", { name: "Save" }).click();
    await expect
      .poll(() => description(page.getByRole("textbox", { name: /^Base URL/ })))
      .toMatch(/Base URL is required/);
    expect(
      await page.evaluate(
        () => (document.activeElement as HTMLInputElement | null)?.labels?.[0]?.textContent ?? "",
      ),
    ).toMatch(/^Base URL/);
    expect(await page.getByText(/must match|oneOf|must be equal to constant/).count()).toBe(0);
    expect(await page.getByRole("status").textContent()).toBe("");
    await page.close();
  });
});
