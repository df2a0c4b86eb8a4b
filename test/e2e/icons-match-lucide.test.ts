import fs from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ICONS_FILE } from "../../scripts/generate-icons.ts";
import { type LaunchedChromium, launchChromium } from "../support/chromium.ts";

/**
 * The designer's icons (src/designer/ui/icons.ts: one path each) drawn beside lucide's own shapes,
 * in Chromium at 48 px: every icon must cover the same pixels, give or take the anti-aliasing
 * where two of lucide's shapes overlap (a few pixels of 2,304).
 */
let browser: LaunchedChromium | undefined;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const SVG = `width="48" height="48" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"`;

async function pairs(): Promise<Array<{ name: string; lucide: string; ours: string }>> {
  const packageJson = createRequire(import.meta.url).resolve("lucide-react/package.json");
  const esm = path.join(path.dirname(packageJson), "dist/esm");
  const entry = await fs.readFile(path.join(esm, "lucide-react.mjs"), "utf8");
  const ours = await fs.readFile(ICONS_FILE, "utf8");
  const found = [];
  for (const [, name, d, dots] of ours.matchAll(
    /export const (\w+): IconComponent = \(props\) => drawIcon\("([^"]*)", props(?:, "([^"]*)")?\);/g,
  )) {
    const file = new RegExp(`default as ${name}\\b[^;]*from '(\\./icons/[\\w-]+\\.mjs)'`).exec(
      entry,
    )?.[1];
    if (!file) throw new Error(`lucide-react has no icon ${name}`);
    const { __iconData } = (await import(pathToFileURL(path.join(esm, file)).href)) as {
      __iconData: { node: Array<[string, Record<string, string>]> };
    };
    const shapes = __iconData.node
      .map(
        ([tag, attributes]) =>
          `<${tag} ${Object.entries(attributes)
            .filter(([key]) => key !== "key")
            .map(([key, value]) => `${key}="${value}"`)
            .join(" ")}/>`,
      )
      .join("");
    found.push({
      name: name!,
      lucide: `<svg xmlns="http://www.w3.org/2000/svg" ${SVG}>${shapes}</svg>`,
      ours: `<svg xmlns="http://www.w3.org/2000/svg" ${SVG}><path d="${d}"/>${dots ? `<path d="${dots}" fill="currentColor"/>` : ""}</svg>`,
    });
  }
  return found;
}

describe("icons", () => {
  it("each of the designer's icons covers the pixels lucide's drawing of it covers", async () => {
    const icons = await pairs();
    expect(icons.length).toBeGreaterThan(40);
    const page = await browser!.context.newPage();
    try {
      const differing = await page.evaluate(async (list) => {
        const pixels = async (svg: string) => {
          const image = new Image();
          image.src = `data:image/svg+xml,${encodeURIComponent(svg)}`;
          await image.decode();
          const canvas = document.createElement("canvas");
          canvas.width = canvas.height = 48;
          const context = canvas.getContext("2d")!;
          context.drawImage(image, 0, 0);
          return context.getImageData(0, 0, 48, 48).data;
        };
        const out: string[] = [];
        for (const { name, lucide, ours } of list) {
          const [a, b] = [await pixels(lucide), await pixels(ours)];
          let covered = 0;
          let differ = 0;
          for (let i = 3; i < a.length; i += 4) {
            if (a[i]! > 64) covered++;
            if (Math.abs(a[i]! - b[i]!) > 64) differ++;
          }
          if (covered === 0 || differ > 6) out.push(`${name}: ${differ} of ${covered} pixels`);
        }
        return out;
      }, icons);
      expect(differing).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
