import fs from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AXE_SOURCE } from "../support/axe.ts";
import { buildTestPage, templateNames } from "../support/build-example.ts";
import { type LaunchedChromium, launchChromium } from "../support/chromium.ts";
import { type StaticServer, serveStatic } from "../support/static-server.ts";

const TEMPLATES = await templateNames();

let dist: string | undefined;
let server: StaticServer | undefined;
let browser: LaunchedChromium | undefined;

beforeAll(async () => {
  dist = await buildTestPage("templates");
  server = await serveStatic(dist);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (dist) await fs.rm(dist, { recursive: true, force: true });
});

interface AxeViolation {
  id: string;
  help: string;
  nodes: Array<{ target: string[] }>;
}

describe("every template's credential window is accessible (axe-core, in Chromium)", () => {
  it.each(TEMPLATES)(
    "%s: no axe violations in any auth method, every control labelled, tab order follows the page",
    async (template) => {
      if (!server || !browser) throw new Error("set-up failed");
      const page = await browser.context.newPage();
      const errors: string[] = [];
      page.on("pageerror", (error) => errors.push(error.message));
      await page.goto(`${server.url}?template=${template}`);
      await page.getByRole("button", { name: "Save" }).waitFor();
      await page.addScriptTag({ content: AXE_SOURCE });

      const runAxe = () =>
        page.evaluate(async () => {
          const result = await (
            window as unknown as {
              axe: {
                run(context: unknown, options: unknown): Promise<{ violations: AxeViolation[] }>;
              };
            }
          ).axe.run(document, { resultTypes: ["violations"] });
          return result.violations.map(
            (v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
          );
        });
      expect(await runAxe()).toEqual([]);
      // Each auth method shows other fields: check them all, and after a submit that shows errors.
      const radios = page.getByRole("radio");
      for (let i = 0; i < (await radios.count()); i++) {
        await radios.nth(i).check();
        expect(await runAxe()).toEqual([]);
      }
      await page.getByRole("button", { name: "Save" }).click();
      expect(await runAxe()).toEqual([]);

      // Every form control has an accessible name.
      const unnamed = await page.evaluate(() =>
        [...document.querySelectorAll("input, select, textarea, button")]
          .filter(
            (element) =>
              !(element as HTMLInputElement).labels?.length &&
              !element.getAttribute("aria-label") &&
              !element.getAttribute("aria-labelledby") &&
              !(element.textContent ?? "").trim(),
          )
          .map((element) => element.outerHTML.slice(0, 80)),
      );
      expect(unnamed).toEqual([]);

      // Tab visits the controls in the order they appear on the page.
      const expected = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>("input, select, textarea, button")]
          .filter(
            (element) =>
              !(element as HTMLInputElement).disabled &&
              element.tabIndex >= 0 &&
              element.getClientRects().length > 0,
          )
          .filter(
            (element) =>
              !(
                element instanceof HTMLInputElement &&
                element.type === "radio" &&
                !element.checked
              ),
          )
          .map((element) => element.id || element.textContent),
      );
      await page.locator("h1").click();
      const visited: Array<string | null> = [];
      for (let i = 0; i < expected.length; i++) {
        await page.keyboard.press("Tab");
        visited.push(
          await page.evaluate(
            () => document.activeElement?.id || document.activeElement?.textContent || null,
          ),
        );
      }
      expect(visited).toEqual(expected);
      expect(errors).toEqual([]);
      await page.close();
    },
  );
});
