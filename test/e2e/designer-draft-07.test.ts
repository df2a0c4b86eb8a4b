import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { openDesignerPage } from "../support/designer-page.ts";
import { devServerAndBrowser } from "../support/dev-server-and-browser.ts";

/**
 * A window that spells draft-07 the https way, as many published ones do, imports into the
 * designer (dev server, headless Chromium) and its preview validates; another draft is refused
 * with a message that names it.
 */

const setup = devServerAndBrowser();

const WINDOW = (schema: string) =>
  JSON.stringify({
    $schema: schema,
    title: "Warehouse",
    type: "object",
    required: ["host"],
    properties: { host: { title: "Host", type: "string", minLength: 1 } },
  });

async function importFile(page: Page, name: string, text: string): Promise<void> {
  const [chooser] = await Promise.all([
    page.waitForEvent("filechooser"),
    page.getByRole("button", { name: "Import…" }).click(),
  ]);
  await chooser.setFiles({ name, mimeType: "application/json", buffer: Buffer.from(text) });
}

describe("draft-07 in its https spelling, in the designer", () => {
  it("imports, and the preview checks values; another draft is refused, named", async () => {
    const problems: string[] = [];
    const page = await openDesignerPage(setup.browser.context, setup.server.url, problems);
    await importFile(page, "https.json", WINDOW("https://json-schema.org/draft-07/schema#"));
    const preview = page.getByRole("region", { name: "Preview" });
    const host = preview.getByRole("textbox", { name: "Host" });
    await host.waitFor({ timeout: 15_000 });
    await preview.getByRole("button", { name: "Check values", exact: true }).click();
    await expect.poll(() => host.getAttribute("aria-invalid")).toBe("true");
    await host.fill("db.example.com");
    await preview.getByRole("button", { name: "Check values", exact: true }).click();
    await preview.getByRole("status").filter({ hasText: "The values are valid." }).waitFor();

    await importFile(page, "new.json", WINDOW("https://json-schema.org/draft/2020-12/schema"));
    const alert = page.getByRole("alert").filter({ hasText: "new.json" });
    await alert.waitFor({ timeout: 5000 });
    expect(await alert.textContent()).toMatch(
      /^new\.json:\/\$schema: the schema declares JSON Schema 2020-12/,
    );
    await page.close();
    expect(problems).toEqual([]);
  }, 60_000);
});
