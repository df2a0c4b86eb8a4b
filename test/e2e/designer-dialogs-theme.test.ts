import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { openDesignerPage } from "../support/designer-page.ts";
import { devServerAndBrowser } from "../support/dev-server-and-browser.ts";

/**
 * The designer's dialogs and secondary panels in the light and the dark theme (the system's
 * preference, emulated): each is drawn in that theme's tokens, and axe finds no violation in it,
 * contrast included. Each part is checked on its own: the page's shell is tested elsewhere.
 */

const setup = devServerAndBrowser();

import { axeViolations } from "../support/axe.ts";

/** A design with a warning (a secret-like key not secret), an error (a secret with a default), a select and a group. */
const DESIGN = {
  type: "object",
  title: "Credentials",
  properties: {
    apiToken: { type: "string", title: "API token" },
    password: { type: "string", title: "Password", writeOnly: true, default: "hunter2" },
    region: { type: "string", title: "Region", enum: ["eu-west-1", "us-east-1"] },
    account: {
      type: "object",
      title: "Account",
      description: "Who connects",
      properties: { user: { type: "string", title: "User", description: "The login name" } },
      required: ["user"],
    },
  },
  required: ["apiToken"],
};

async function loadDesign(page: Page): Promise<void> {
  await page.evaluate(
    `(async (text) => {
      const { importSchema } = await import("/src/schema/import.ts");
      window.__designerStore.load(importSchema(JSON.parse(text)));
    })(${JSON.stringify(JSON.stringify(DESIGN))})`,
  );
}

const backgroundOf = (page: Page, selector: string) =>
  page
    .locator(selector)
    .first()
    .evaluate((element) => getComputedStyle(element).backgroundColor);

/** The dialog frame's background in each theme (--cd-color-panel-raised). */
const RAISED = { light: "rgb(255, 255, 255)", dark: "rgb(36, 38, 43)" } as const;

describe("the designer's dialogs and panels in the light and the dark theme", () => {
  for (const scheme of ["light", "dark"] as const) {
    it(`${scheme}: Designs, Compare with…, the problems, the inspector, the preview and the JSON view pass axe`, async () => {
      const errors: string[] = [];
      const page = await openDesignerPage(setup.browser.context, setup.server.url, errors, {
        viewport: { width: 1440, height: 1000 },
        before: (opened) => opened.emulateMedia({ colorScheme: scheme }),
      });
      await loadDesign(page);
      const problems = page.getByRole("region", { name: "Problems" });
      await problems.getByRole("button", { name: /^Error: / }).waitFor({ timeout: 10_000 });
      await problems.getByRole("button", { name: /^Warning: / }).waitFor();
      expect(await axeViolations(page, ".cd-problems")).toEqual([]);

      // Designs: a copy to compare with, a rename under way, then a delete to confirm.
      await page.getByRole("button", { name: "Designs", exact: true }).click();
      const designs = page.getByRole("dialog", { name: "Designs" });
      await designs.getByRole("button", { name: "Duplicate Untitled" }).click();
      await designs.getByText("Duplicated as Untitled (copy).").waitFor();
      expect(await backgroundOf(page, "dialog[open]")).toBe(RAISED[scheme]);
      await designs.getByRole("button", { name: "Rename Untitled (copy)" }).click();
      await designs.getByRole("textbox", { name: "New name for Untitled (copy)" }).waitFor();
      expect(await axeViolations(page, "dialog[open]")).toEqual([]);
      await designs.getByRole("button", { name: "Cancel" }).click();
      await designs.getByRole("button", { name: "Delete Untitled (copy)" }).click();
      await designs.getByRole("button", { name: "Yes, delete Untitled (copy)" }).waitFor();
      expect(await axeViolations(page, "dialog[open]")).toEqual([]);
      await designs.getByRole("button", { name: "Cancel" }).click();
      await designs.getByRole("button", { name: "Close" }).click();
      await designs.waitFor({ state: "hidden" });

      // Compare with…: the copy, after a change to the design.
      await page.evaluate(`(async () => {
        const { setWindowText } = await import("/src/model/index.ts");
        window.__designerStore.run((doc) => setWindowText(doc, { title: "Sign in" }));
      })()`);
      await page.getByRole("button", { name: "Compare with…", exact: true }).click();
      const compare = page.getByRole("dialog", { name: "Compare with…" });
      await compare.getByRole("button", { name: "Untitled (copy)" }).click();
      await compare.getByText(/^\d+ changes?: /).waitFor();
      expect(await backgroundOf(page, "dialog[open]")).toBe(RAISED[scheme]);
      expect(await axeViolations(page, "dialog[open]")).toEqual([]);
      await compare.getByRole("button", { name: "Close" }).click();
      await compare.waitFor({ state: "hidden" });

      // The inspector on a select (its options) and the preview with its errors shown.
      await page.evaluate(`(() => {
        const region = window.__designerStore.doc.root.fields.find((field) => field.key === "region");
        window.__designerStore.select(region.id);
      })()`);
      const inspector = page.getByRole("complementary", { name: "Inspector" });
      await inspector.getByRole("button", { name: "Move option 1 down" }).waitFor();
      expect(await axeViolations(page, "#panel-inspector")).toEqual([]);
      const preview = page.getByRole("region", { name: "Preview" });
      await preview.getByRole("button", { name: "Check values" }).click();
      await preview.getByText("API token is required").waitFor({ timeout: 10_000 });
      expect(await axeViolations(page, "#panel-preview")).toEqual([]);

      // The JSON view, with its editor.
      await page.getByRole("tab", { name: "JSON" }).click();
      await page.locator(".designer-json .cm-editor").waitFor({ timeout: 15_000 });
      expect(await axeViolations(page, ".designer-json")).toEqual([]);

      await page.close();
      expect(errors).toEqual([]);
    });
  }
});
