/**
 * npm run bench -- designer [--fields 500] [--loads 3] [--reps 5]
 *
 * The designer page (production build) on a generated design of 500 fields, in headless Chromium:
 * an inspector edit, an add and a move, each made through the store as the page makes them, timed
 * until the frame that shows the change has been produced ("shown") and until the work queued by
 * then has run ("settled": e.g. the preview compiling its validator after paint); beside them,
 * ajv compiling the whole schema once, the reference the issue names. Then a mouse drag of a row
 * across the canvas, with the longest frame and the median frame during it. Medians over loads.
 */
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { launchChromium } from "../../test/support/chromium.ts";
import { median } from "../median.ts";
import { serveFolder } from "../preview/server.ts";
import { buildBenchPage } from "./build-page.ts";
import { mainThreadTasks } from "./main-thread-tasks.ts";

interface Options {
  fields: number;
  loads: number;
  reps: number;
}
function parseOptions(args: readonly string[]): Options {
  const options: Options = { fields: 500, loads: 3, reps: 5 };
  for (let i = 0; i < args.length; i += 2) {
    const [flag, value] = [args[i], Number(args[i + 1])];
    if (!Number.isInteger(value) || value <= 0)
      throw new Error(
        `${flag} needs a positive whole number; usage: npm run bench -- designer [--fields 500] [--loads 3] [--reps 5]`,
      );
    if (flag === "--fields") options.fields = value;
    else if (flag === "--loads") options.loads = value;
    else if (flag === "--reps") options.reps = value;
    else
      throw new Error(
        `unknown argument ${flag}; usage: npm run bench -- designer [--fields 500] [--loads 3] [--reps 5]`,
      );
  }
  return options;
}

type Timing = { shown: number; settled: number };
interface BenchApi {
  ready: boolean;
  edit(): Promise<Timing>;
  add(): Promise<Timing>;
  move(): Promise<Timing>;
  compileWhole(): number;
  startFrames(): void;
  stopFrames(): number[];
}
// The page's window.__bench is typed by casts here: the preview bench's pages declare a global one.

export async function designerBench(args: readonly string[] = []): Promise<void> {
  const options = parseOptions(args);
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), "credential-designer-bench-designer-"));
  let browser: Awaited<ReturnType<typeof launchChromium>> | undefined;
  let server: Awaited<ReturnType<typeof serveFolder>> | undefined;
  try {
    await buildBenchPage("designer.html", path.join(tmp, "page"), path.join(tmp, ".vite-cache"));
    server = await serveFolder(path.join(tmp, "page"));
    browser = await launchChromium();
    const results = {
      edit: [] as Timing[],
      add: [] as Timing[],
      move: [] as Timing[],
      compile: [] as number[],
      longest: [] as number[],
      frame: [] as number[],
      task: [] as number[],
    };
    for (let load = 0; load < options.loads; load++) {
      const page = await browser.context.newPage();
      await page.setViewportSize({ width: 1500, height: 900 });
      try {
        const errors: string[] = [];
        page.on("pageerror", (error) => errors.push(error.message));
        await page.goto(`${server.url}designer.html?fields=${options.fields}`);
        await page.waitForFunction(
          () => (window as unknown as { __bench?: BenchApi }).__bench?.ready === true,
          undefined,
          { timeout: 60_000 },
        );
        for (let rep = 0; rep < options.reps; rep++) {
          results.edit.push(
            await page.evaluate(() => (window as unknown as { __bench: BenchApi }).__bench.edit()),
          );
          results.add.push(
            await page.evaluate(() => (window as unknown as { __bench: BenchApi }).__bench.add()),
          );
          results.move.push(
            await page.evaluate(() => (window as unknown as { __bench: BenchApi }).__bench.move()),
          );
        }
        for (let rep = 0; rep < 3; rep++)
          results.compile.push(
            await page.evaluate(() =>
              (window as unknown as { __bench: BenchApi }).__bench.compileWhole(),
            ),
          );
        // A mouse drag of the third row's handle down the canvas, 40 moves one frame apart.
        const handle = page
          .getByRole("main", { name: "Canvas" })
          .getByRole("button", { name: /^Move / })
          .nth(2);
        const box = await handle.boundingBox();
        if (!box) throw new Error("no row handle to drag");
        await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
        const cdp = await page.context().newCDPSession(page);
        let frames: number[] = [];
        const tasks = await mainThreadTasks(cdp, async () => {
          await page.mouse.down();
          await page.evaluate(() =>
            (window as unknown as { __bench: BenchApi }).__bench.startFrames(),
          );
          for (let step = 1; step <= 40; step++) {
            await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2 + step * 10);
            await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
          }
          frames = await page.evaluate(() =>
            (window as unknown as { __bench: BenchApi }).__bench.stopFrames(),
          );
        });
        await cdp.detach();
        await page.keyboard.press("Escape");
        await page.mouse.up();
        results.task.push(Math.max(...tasks));
        results.longest.push(Math.max(...frames));
        results.frame.push(median(frames));
        if (errors.length) throw new Error(errors.join("; "));
        console.error(
          `load ${load + 1}: edit ${median(results.edit.slice(-options.reps).map((t) => t.shown)).toFixed(1)} ms shown`,
        );
      } finally {
        await page.close();
      }
    }
    const compile = median(results.compile);
    console.log(
      `\nDesigner, ${options.fields}-field design, headless Chromium (${browser.found.source}), ${options.loads} loads × ${options.reps} changes each, medians (${new Date().toISOString().slice(0, 10)})\n`,
    );
    console.log("| change | shown (ms) | ×ajv compile | settled (ms) | ×ajv compile |");
    console.log("| --- | ---: | ---: | ---: | ---: |");
    for (const name of ["edit", "add", "move"] as const) {
      const shown = median(results[name].map((t) => t.shown)),
        settled = median(results[name].map((t) => t.settled));
      console.log(
        `| ${name === "edit" ? "inspector edit (title)" : name} | ${shown.toFixed(1)} | ${(shown / compile).toFixed(2)} | ${settled.toFixed(1)} | ${(settled / compile).toFixed(2)} |`,
      );
    }
    console.log(`| reference: ajv compiles the whole schema | ${compile.toFixed(1)} | 1.00 | | |`);
    console.log(
      `\nDrag of a row across the canvas (40 pointer moves, from the press): longest frame ${median(results.longest).toFixed(1)} ms, median frame ${median(results.frame).toFixed(1)} ms; longest main-thread task ${median(results.task).toFixed(1)} ms (a frame is on time at 60 Hz when no task runs past 16.7 ms; medians over loads).`,
    );
  } finally {
    await browser?.close();
    await server?.close();
    await fs.rm(tmp, { recursive: true, force: true });
  }
}
