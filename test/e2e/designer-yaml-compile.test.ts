import { fileURLToPath } from "node:url";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { axeViolations } from "../support/axe.ts";
import { exportedSchema, openDesignerPage, showSchemaJson } from "../support/designer-page.ts";
import { devServerAndBrowser } from "../support/dev-server-and-browser.ts";

/**
 * Issue 17, points 4 and 5 on the designer page: a low-code manifest.yaml imported as a user does
 * it (its credential window becomes the design, and a note says which part was read); YAML typed
 * into the Schema JSON view; and a schema Ajv cannot compile, shown in the preview (an alert, no
 * page error, never "valid") and in Problems (an error at the keyword at fault).
 */

const setup = devServerAndBrowser();

const MANIFEST = fileURLToPath(
  new URL("../fixtures/envelopes/source-sentry/manifest.yaml", import.meta.url),
);

const canvas = (page: Page) => page.getByRole("main", { name: "Canvas" });
const preview = (page: Page) => page.getByRole("region", { name: "Preview" });
const problems = (page: Page) => page.getByRole("region", { name: "Problems" });

const open = (errors: string[]) =>
  openDesignerPage(setup.browser.context, setup.server.url, errors, {
    viewport: { width: 1440, height: 900 },
  });

describe("YAML and envelopes on the designer page", () => {
  it("imports a manifest.yaml: its spec.connection_specification becomes the design, and a note says so", async () => {
    const errors: string[] = [];
    const page = await open(errors);
    await page.getByLabel("Schema file to import").setInputFiles(MANIFEST);
    await page
      .getByRole("status")
      .getByText(
        "Imported manifest.yaml (read spec.connection_specification of manifest.yaml). Undo puts the design back as it was.",
      )
      .waitFor();
    await canvas(page)
      .getByRole("button", { name: "Move Authentication Tokens", exact: true })
      .waitFor();
    const schema = await exportedSchema(page);
    expect(Object.keys(schema.properties as object)).toEqual([
      "project",
      "hostname",
      "auth_token",
      "organization",
      "discover_fields",
      "num_workers",
    ]);
    // The preview shows the window's fields.
    await preview(page)
      .getByRole("textbox", { name: /^Organization/ })
      .waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe("a schema Ajv cannot compile, on the designer page", () => {
  it("is an error in Problems at the keyword at fault, and an alert in the preview; no page error, never valid", async () => {
    const errors: string[] = [];
    const page = await open(errors);
    // A keyword of the wrong form that the import lets through (a dependency listed twice).
    const schema = {
      title: "Credentials",
      type: "object",
      properties: {
        host: { title: "Host", type: "string" },
        options: { title: "Options", type: "object", dependencies: { a: ["b", "b"] } },
      },
    };
    await page.getByLabel("Schema file to import").setInputFiles({
      name: "broken.json",
      mimeType: "application/json",
      buffer: Buffer.from(JSON.stringify(schema, null, 2)),
    });
    await canvas(page).getByRole("button", { name: "Move Options", exact: true }).waitFor();

    // Problems names it once, in check's words (what export refuses); the compile failure's own
    // finding steps aside for a place a rule already reports (test/schema/compile-failure.test.ts).
    const finding = problems(page).getByRole("button", {
      name: /^Error: The dependency of field "options" on "a" lists the property "b" twice — Options$/,
    });
    await finding.waitFor();

    // The preview: the reason as an alert once it checks (it loads its validator when first used).
    const host = preview(page).getByRole("textbox", { name: "Host" });
    await host.click();
    await host.fill("db.example.com");
    const alert = preview(page).getByRole("alert");
    await expect
      .poll(() => alert.textContent(), { timeout: 10_000 })
      .toMatch(/^This window's schema could not be compiled: /);
    await preview(page).getByRole("button", { name: "Check values" }).click();
    // The submit is refused: the alert stays, and no verdict of "valid" is given.
    await expect.poll(() => alert.textContent()).toMatch(/could not be compiled/);
    expect(await preview(page).textContent()).not.toContain("The values are valid.");

    // The alert and the finding are axe clean, in the light theme and the dark.
    expect(await axeViolations(page, ".cd-preview-pane")).toEqual([]);
    expect(await axeViolations(page, ".cd-problems")).toEqual([]);
    await page.emulateMedia({ colorScheme: "dark" });
    expect(await axeViolations(page, ".cd-preview-pane")).toEqual([]);
    expect(await axeViolations(page, ".cd-problems")).toEqual([]);
    await page.emulateMedia({ colorScheme: "light" });

    // Choosing the finding selects the field whose keyword is at fault.
    await finding.click();
    await expect
      .poll(() =>
        page
          .getByRole("complementary", { name: "Inspector" })
          .getByRole("form")
          .first()
          .getAttribute("aria-label"),
      )
      .toContain('"Options"');
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe("YAML typed into the Schema JSON view", () => {
  it("becomes the design; the view then shows it as JSON and says so", async () => {
    const errors: string[] = [];
    const page = await open(errors);
    await showSchemaJson(page);
    const editor = page
      .getByRole("region", { name: "Schema JSON" })
      .getByRole("textbox", { name: "Schema JSON" });
    await editor.waitFor({ timeout: 15_000 });
    await editor.focus();
    await page.keyboard.press("Control+a");
    await page.keyboard.insertText(
      "title: Credentials\ntype: object\nproperties:\n  port:\n    title: Port\n    type: integer\n",
    );
    await page.getByText("Read YAML. The view shows the design as JSON.").waitFor();
    await expect
      .poll(() => exportedSchema(page))
      .toEqual({
        title: "Credentials",
        type: "object",
        properties: { port: { title: "Port", type: "integer" } },
      });
    await expect.poll(() => editor.textContent()).toContain('"title": "Port"');
    expect(errors).toEqual([]);
    await page.close();
  });
});
