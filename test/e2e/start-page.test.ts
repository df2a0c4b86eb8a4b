import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, type LaunchedChromium } from "../support/chromium.ts";
import { startServer, type StartedServer } from "../support/server.ts";

let server: StartedServer | undefined;
let browser: LaunchedChromium | undefined;

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("start page, in headless Chromium", () => {
  it("has the heading in the main landmark, lists the CLI commands, and logs no errors", async () => {
    if (!server || !browser) throw new Error("set-up failed");
    const page = await browser.context.newPage();
    const problems: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error") problems.push(`console error: ${message.text()}`);
    });
    page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
    page.on("requestfailed", (request) => {
      if (!request.url().startsWith(server?.url ?? "")) return;
      problems.push(`request failed: ${request.url()} ${request.failure()?.errorText ?? ""}`);
    });
    // The page must load nothing from other hosts.
    const served = new URL(server.url);
    await page.route("**/*", async (route) => {
      const url = new URL(route.request().url());
      if (url.protocol !== "data:" && url.host !== served.host) {
        problems.push(`request to another host: ${url.href}`);
        await route.abort();
        return;
      }
      await route.continue();
    });

    const response = await page.goto(server.url, { waitUntil: "load" });
    expect(response?.status()).toBe(200);
    expect(await page.title()).toBe("Credential Designer");
    expect(await page.locator("html").getAttribute("lang")).toBe("en");

    const main = page.getByRole("main");
    expect(await main.count()).toBe(1);
    const heading = main.getByRole("heading", { level: 1, name: "Credential Designer", exact: true });
    await heading.waitFor({ state: "visible", timeout: 10_000 });
    expect(await page.getByRole("heading", { level: 1 }).count()).toBe(1);

    // Rendered by src/main.ts: proves the TypeScript entry was served and ran.
    const commands = main.getByRole("listitem");
    await commands.first().waitFor({ state: "visible", timeout: 10_000 });
    const texts = await commands.allTextContents();
    for (const command of ["new --template", "check <schema.json>", "export <schema.json>", "--help"]) {
      expect(texts.some((text) => text.includes(`credential-designer ${command}`)), `${command} in ${JSON.stringify(texts)}`).toBe(true);
    }
    expect(await main.getByRole("paragraph").first().textContent()).toMatch(/designer is coming/);

    await page.close();
    expect(problems).toEqual([]);
  });
});
