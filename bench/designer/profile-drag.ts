/**
 * npx tsx bench/designer/profile-drag.ts [fields]: a CPU profile of the start of a row drag on the
 * designer bench page, self time summed by function (a diagnostic, not part of `npm run bench`).
 */
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { launchChromium } from "../../test/support/chromium.ts";
import { serveFolder } from "../preview/server.ts";
import { buildBenchPage } from "./build-page.ts";

const fields = Number(process.argv[2] ?? 500);
const tmp = await fs.mkdtemp(path.join(os.tmpdir(), "cd-profile-"));
await buildBenchPage("designer.html", path.join(tmp, "page"), path.join(tmp, ".vite-cache"), {
  minify: false,
});
const server = await serveFolder(path.join(tmp, "page"));
const browser = await launchChromium();
try {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1500, height: 900 });
  await page.goto(`${server.url}designer.html?fields=${fields}`);
  await page.waitForFunction(
    () => (window as unknown as { __bench?: { ready: boolean } }).__bench?.ready === true,
    undefined,
    { timeout: 60_000 },
  );
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 100 });
  const handle = page
    .getByRole("main", { name: "Canvas" })
    .getByRole("button", { name: /^Move / })
    .nth(2);
  const box = (await handle.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await cdp.send("Profiler.start");
  const t0 = Date.now();
  for (let step = 1; step <= 10; step++) {
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2 + step * 10);
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
  }
  const { profile } = (await cdp.send("Profiler.stop")) as {
    profile: {
      nodes: Array<{
        id: number;
        callFrame: { functionName: string; url: string; lineNumber: number };
        children?: number[];
      }>;
      samples: number[];
      timeDeltas: number[];
    };
  };
  console.log("wall", Date.now() - t0, "ms");
  await page.keyboard.press("Escape");
  await page.mouse.up();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const n = byId.get(id)!;
    const name = `${n.callFrame.functionName || "(anon)"} ${path.basename(n.callFrame.url)}:${n.callFrame.lineNumber}`;
    self.set(name, (self.get(name) ?? 0) + (profile.timeDeltas[i + 1] ?? 0) / 1000);
  });
  const total = [...self.entries()]
    .filter(([k]) => !k.startsWith("(idle)"))
    .reduce((s, [, v]) => s + v, 0);
  console.log("busy", total.toFixed(1), "ms");
  for (const [name, ms] of [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 40))
    console.log(ms.toFixed(1).padStart(8), name);
} finally {
  await browser.close();
  await server.close();
  await fs.rm(tmp, { recursive: true, force: true });
}
