import fs from "node:fs/promises";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";

/** axe-core's browser build, to put into a page (page.addScriptTag({ content: AXE_SOURCE })). */
export const AXE_SOURCE = await fs.readFile(
  createRequire(import.meta.url).resolve("axe-core/axe.min.js"),
  "utf8",
);

/**
 * axe's violations inside the elements `selector` selects (the whole document by default), as
 * `id: help at targets`; axe is put into the page on first use.
 */
export async function axeViolations(page: Page, selector = "html"): Promise<string[]> {
  if (!(await page.evaluate(() => "axe" in window)))
    await page.addScriptTag({ content: AXE_SOURCE });
  return page.evaluate(async (include) => {
    const { axe } = window as unknown as {
      axe: {
        run(
          context: unknown,
          options: unknown,
        ): Promise<{
          violations: Array<{ id: string; help: string; nodes: Array<{ target: string[] }> }>;
        }>;
      };
    };
    const result = await axe.run({ include: [[include]] }, { resultTypes: ["violations"] });
    return result.violations.map(
      (violation) =>
        `${violation.id}: ${violation.help} at ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`,
    );
  }, selector);
}
