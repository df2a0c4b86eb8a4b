import { fileURLToPath } from "node:url";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { openDesignerPage } from "../support/designer-page.ts";
import { devServerAndBrowser } from "../support/dev-server-and-browser.ts";

/**
 * Canvas rows never overlap: one line each, at every width and depth. The fixture nests four
 * levels (group › choice › branch › group › fields) with 40-character titles and keys; at each
 * viewport every row is as high as the others, no two parts of a row overlap, nothing reaches
 * past the canvas's right edge and the canvas never scrolls sideways. Only rows inside the canvas
 * are measured, never where the canvas sits on the page (the shell decides that).
 */

const setup = devServerAndBrowser();

const FIXTURE = fileURLToPath(new URL("../fixtures/deep-design.schema.json", import.meta.url));
/** The rows the fixture shows: 2 at the top, 2 in the group, 2 branches, their 1 + 4 fields. */
const ROWS = 11;

const canvas = (page: Page) => page.getByRole("main", { name: "Canvas" });
/** The tree of rows: the canvas component inside the Canvas landmark. */
const canvasTree = (page: Page) => canvas(page).locator(".cd-canvas");

async function openWithFixture(viewport: { width: number; height: number }, errors: string[]) {
  const page = await openDesignerPage(setup.browser.context, setup.server.url, errors, {
    viewport,
  });
  await page.getByLabel("Schema file to import").setInputFiles(FIXTURE);
  await canvas(page)
    .getByRole("button", { name: "Move Authorization server token endpoint path", exact: true })
    .waitFor();
  return page;
}

interface RowReport {
  title: string;
  height: number;
  /** Pairs of parts that overlap, e.g. "title × key". */
  overlaps: string[];
  /** Parts whose box reaches past the canvas's content edge. */
  beyond: string[];
  /** The row's accessible name (its tree item's) and its tooltip. */
  label: string;
  tooltip: string;
  /** Whether the title is cut short (an ellipsis shows). */
  titleCut: boolean;
}

/** Measures every row of the canvas, in the page. */
function measureRows(page: Page): Promise<{
  rows: RowReport[];
  scrollWidth: number;
  clientWidth: number;
}> {
  // The canvas itself (the shell places it in its Canvas landmark, among other things).
  return canvasTree(page).evaluate((tree) => {
    const edge =
      tree.getBoundingClientRect().right -
      Number.parseFloat(getComputedStyle(tree).borderRightWidth);
    const rows = [...tree.querySelectorAll<HTMLElement>("li[data-node] > .cd-row")].map((row) => {
      const select = row.querySelector<HTMLElement>(":scope > .cd-row-select")!;
      const parts: Array<[string, Element | null]> = [
        ["handle", row.querySelector(":scope > .cd-handle")],
        ["chevron", row.querySelector(":scope > .cd-row-toggle")],
        ["icon", select.querySelector(":scope > svg")],
        ["title", select.querySelector(":scope > .cd-row-title")],
        ["key", select.querySelector(":scope > .cd-row-key")],
        ...[...select.querySelectorAll(".cd-badge")].map(
          (badge, index) => [`badge ${index + 1} (${badge.className})`, badge] as [string, Element],
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
      const rowRect = row.getBoundingClientRect();
      const beyond = [...boxes, { name: "row", rect: rowRect }]
        .filter(({ rect }) => rect.right > edge + 0.5)
        .map(({ name }) => name);
      const title = select.querySelector<HTMLElement>(":scope > .cd-row-title")!;
      return {
        title: title.textContent ?? "",
        height: rowRect.height,
        overlaps,
        beyond,
        label: document.getElementById(row.getAttribute("aria-labelledby")!)?.textContent ?? "",
        tooltip: select.title,
        titleCut: title.scrollWidth > title.clientWidth,
      };
    });
    return { rows, scrollWidth: tree.scrollWidth, clientWidth: tree.clientWidth };
  });
}

async function expectOneLineRows(page: Page, where: string): Promise<RowReport[]> {
  // Hover a deep row, so that its actions show too (they take their room even when hidden).
  await canvas(page)
    .getByRole("button", { name: "Move Requested access token scopes, by spaces", exact: true })
    .hover();
  const { rows, scrollWidth, clientWidth } = await measureRows(page);
  expect(rows.length, where).toBe(ROWS);
  const heights = new Set(rows.map((row) => Math.round(row.height * 10) / 10));
  expect([...heights], `${where}: every row as high as the others`).toHaveLength(1);
  for (const row of rows) {
    expect(row.overlaps, `${where}: ${row.title}`).toEqual([]);
    expect(row.beyond, `${where}: ${row.title}`).toEqual([]);
    // The full title is in the name and in the tooltip, however much of it shows.
    expect(row.title.length, row.title).toBe(40);
    expect(row.label.startsWith(`${row.title}, `), row.label).toBe(true);
    expect(row.tooltip.startsWith(row.title), row.tooltip).toBe(true);
  }
  expect(scrollWidth, `${where}: the canvas does not scroll sideways`).toBeLessThanOrEqual(
    clientWidth,
  );
  return rows;
}

describe("canvas rows: one line each, at every width and depth", () => {
  for (const viewport of [
    { width: 1440, height: 900 },
    { width: 1024, height: 768 },
  ]) {
    it(`at ${viewport.width}×${viewport.height}, and in a 360 px canvas`, async () => {
      const errors: string[] = [];
      const page = await openWithFixture(viewport, errors);
      const rows = await expectOneLineRows(page, `${viewport.width}×${viewport.height}`);
      // Keys are 40 characters too, in the name and the tooltip.
      const deep = rows.find((row) => row.title === "Authorization server token endpoint path")!;
      expect(deep.label).toBe(
        "Authorization server token endpoint path, authorizationServerTokenEndpointPathName, Text, required, pattern",
      );
      expect(deep.tooltip).toBe(
        "Authorization server token endpoint path (authorizationServerTokenEndpointPathName) · Text · required · pattern",
      );
      const secret = rows.find((row) => row.title === "Client secret issued by the token server")!;
      expect(secret.label).toMatch(/, Secret, required, secret$/);

      // However narrow the canvas gets, rows stay on one line: the titles give way.
      await canvasTree(page).evaluate((element) => {
        element.style.width = "360px";
        element.style.maxWidth = "360px";
        element.style.minWidth = "0";
      });
      const narrow = await expectOneLineRows(page, `${viewport.width}×${viewport.height}, 360 px`);
      expect(narrow.filter((row) => row.titleCut).length).toBeGreaterThan(0);

      // Folding a group hides its rows; the others keep one line.
      await canvas(page)
        .getByRole("button", { name: "Collapse Authentication method used by connectors" })
        .click();
      const { rows: folded } = await measureRows(page);
      expect(folded.length).toBe(4);
      expect(errors).toEqual([]);
      await page.close();
    });
  }
});
