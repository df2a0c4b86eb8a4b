import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { generateCredentialSchema } from "../../bench/generate-schema.ts";
import { MAX_IMPORT_BYTES } from "../../src/designer/import/import-limit.ts";
import { type LaunchedChromium, launchChromium } from "../support/chromium.ts";
import { chooseExport } from "../support/designer-page.ts";
import { type StaticServer, serveStatic } from "../support/static-server.ts";

/**
 * Issue 18, point 6: a design at the import limit keeps the page responsive. The built designer
 * (as `npm run build` makes it) imports a window of just under MAX_IMPORT_BYTES through its file
 * input, then a field is edited in the inspector, typed into in the preview, the edit undone and
 * the design exported, as a person does. Chromium reports every main-thread task over 50 ms
 * (`longtask` entries) and, for long frames, the scripts that ran (`long-animation-frame`: what
 * called them); each phase's figures are printed.
 *
 * Asserted under 200 ms: every task of every phase (and none while the reader worker parses and
 * imports the file), and every task after 2.3 MB is pasted into the Schema JSON view. The
 * autosave's and the Problems check's longest scripts are printed with each phase's figures.
 * These machines are shared: another process can only lengthen a task, never shorten one, so
 * when a go has a task over the limit it is measured again (up to ATTEMPTS goes, each on a site
 * of its own), and each figure asserted is the shortest of its goes. A page that is really slow
 * is slow every time.
 *
 * Nothing is timed by the test itself: each phase waits on what the page shows (the imported
 * rows, the saved status, the problems checked), and the tasks the page ran meanwhile are read
 * from the browser's own record. LARGE_DIST names another build to measure (e.g. one made with
 * `npx vite build --minify false`, whose scripts keep their names).
 */

const dist = process.env.LARGE_DIST ?? inject("distDir");
const LIMIT_MS = 200;
const ATTEMPTS = 3;

let browser: LaunchedChromium;
let folder: string;

beforeAll(async () => {
  folder = await fs.mkdtemp(path.join(os.tmpdir(), "credential-designer-large-"));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  if (folder) await fs.rm(folder, { recursive: true, force: true });
});

/**
 * The largest window the generator makes within the limit, written as a person saves a file
 * (two-space indented): groups of sixteen fields, each with an auth-method choice (None, Basic,
 * API key), secrets, URLs, emails, patterns, bounds, selects and lists (bench/generate-schema.ts).
 */
function designAtTheLimit(): { text: string; fields: number } {
  const textOf = (fields: number) => JSON.stringify(generateCredentialSchema(fields), null, 2);
  let low = 100;
  let high = 20_000;
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (Buffer.byteLength(textOf(middle)) <= MAX_IMPORT_BYTES) low = middle;
    else high = middle;
  }
  return { text: textOf(low), fields: low };
}

interface Task {
  readonly start: number;
  readonly duration: number;
}

/** A script of a long animation frame: what called it and the function it ran, if named. */
interface Script extends Task {
  /** e.g. `Worker.onmessage`, `TimerHandler:setTimeout`, `IDBRequest.onsuccess`. */
  readonly invoker: string;
  readonly name: string;
}

/**
 * Records, from the first script on: every long task (over 50 ms), the scripts of every long
 * animation frame (what ran, and what called it), and when each answer of the reader worker
 * arrives. That listener runs before the page's own handler (which is added later) in the same
 * task: the task that applies the imported design starts there.
 */
function recordLongTasks(): void {
  const record = window as unknown as {
    __longTasks: Task[];
    __scripts: Script[];
    __readerAnswers: number[];
  };
  record.__longTasks = [];
  record.__scripts = [];
  record.__readerAnswers = [];
  const PageWorker = window.Worker;
  window.Worker = class extends PageWorker {
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options);
      if (options?.name === "credential-designer reader")
        this.addEventListener("message", () => record.__readerAnswers.push(performance.now()));
    }
  };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      record.__longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: "longtask", buffered: true });
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        const { scripts } = entry as unknown as {
          scripts: {
            startTime: number;
            duration: number;
            invoker: string;
            sourceFunctionName: string;
          }[];
        };
        for (const script of scripts)
          record.__scripts.push({
            start: script.startTime,
            duration: script.duration,
            invoker: script.invoker,
            name: script.sourceFunctionName,
          });
      }
    }).observe({ type: "long-animation-frame", buffered: true });
  } catch {
    // No long-animation-frame entries in this browser: the long tasks are still recorded.
  }
}

/** The page's clock now, once the tasks before this moment have been reported. */
async function now(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) =>
        requestAnimationFrame(() => setTimeout(() => resolve(performance.now()))),
      ),
  );
}

interface Recorded {
  readonly tasks: Task[];
  readonly scripts: Script[];
  readonly readerAnswers: number[];
}

/** What was recorded from `since` on. */
async function recordedSince(page: Page, since: number): Promise<Recorded> {
  await now(page); // the observers' callbacks have run for every task finished so far
  return page.evaluate((since) => {
    const record = window as unknown as {
      __longTasks: Task[];
      __scripts: Script[];
      __readerAnswers: number[];
    };
    const after = (task: Task) => task.start + task.duration >= since;
    return {
      tasks: record.__longTasks.filter(after),
      scripts: record.__scripts.filter(after),
      readerAnswers: record.__readerAnswers.filter((time) => time >= since),
    };
  }, since);
}

const longest = (tasks: readonly Task[]) =>
  Math.round(Math.max(0, ...tasks.map((task) => task.duration)));

const describeScripts = (scripts: readonly Script[], since: number) =>
  scripts
    .filter((script) => script.duration >= 20)
    .map(
      (script) =>
        `    +${Math.round(script.start - since)} ms ${script.invoker}${script.name ? ` (${script.name})` : ""}: ${Math.round(script.duration)} ms`,
    )
    .join("\n");

/**
 * Runs one phase (what a person does, then what the page shows once it has settled: the design
 * saved and its problems checked) and returns what the page ran meanwhile.
 */
async function phase(
  page: Page,
  name: string,
  work: () => Promise<void>,
): Promise<Recorded & { readonly since: number }> {
  const since = await now(page);
  await work();
  await header(page)
    .getByRole("status")
    .filter({ hasText: /^Saved$/ })
    .waitFor({ timeout: 120_000 });
  await page.locator('.cd-problems[aria-busy="false"]').waitFor({ timeout: 120_000 });
  const recorded = await recordedSince(page, since);
  const total = Math.round(recorded.tasks.reduce((sum, task) => sum + task.duration, 0));
  console.log(
    `${name}: longest task ${longest(recorded.tasks)} ms (${recorded.tasks.length} tasks over 50 ms, ${total} ms in all); scripts over 20 ms:\n${describeScripts(recorded.scripts, since)}`,
  );
  return { ...recorded, since };
}

/**
 * The scripts of the designer's own background work, by what calls them: the autosave (its timer,
 * `onTimer`, and the IndexedDB callbacks of the save) and the Problems check's scheduling (an idle
 * callback: the schema written out and sent to the check worker).
 */
const autosaveScripts = (scripts: readonly Script[]) =>
  scripts.filter((script) => script.name === "onTimer" || script.invoker.startsWith("IDB"));
const checkScripts = (scripts: readonly Script[]) =>
  scripts.filter((script) => script.invoker.startsWith("IdleRequestCallback"));

const header = (page: Page) => page.getByRole("banner");
const tree = (page: Page) => page.getByRole("tree", { name: "Fields of the window" });
const inspector = (page: Page) => page.getByRole("complementary", { name: "Inspector" });
const preview = (page: Page) => page.getByRole("region", { name: "Preview" });

type PhaseName = "import" | "edit" | "type" | "undo" | "export";

/** The longest task of each phase of one go, and of the time the reader worker read the file. */
interface Go {
  readonly whileReading: number;
  readonly phases: Readonly<Record<PhaseName, number>>;
}

/**
 * One go on a site of its own (another port: its storage holds no design of an earlier go): the
 * file imported, a field edited, the preview typed into, the edit undone, the design exported.
 */
async function importEditTypeUndoExport(file: string): Promise<Go> {
  const site = await serveStatic(dist);
  const page = await browser.context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(`page error: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`console error: ${message.text()}`);
  });
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.addInitScript(recordLongTasks);
  await page.goto(site.url, { waitUntil: "load" });
  await page
    .getByRole("heading", { level: 1, name: "Credential Designer" })
    .waitFor({ timeout: 15_000 });
  await page.locator('.cd-problems[aria-busy="false"]').waitFor({ timeout: 15_000 });

  const imported = await phase(page, "import", async () => {
    // From a file on disk, as a person picks it (a buffer would be decoded by the test's own
    // script in the page, a long task of the test's making).
    await page.getByLabel("Schema file to import").setInputFiles(file);
    await page
      .getByRole("status")
      .filter({ hasText: /Imported large\.json\./ })
      .waitFor({ timeout: 120_000 });
    await tree(page)
      .getByRole("treeitem", { name: /^Connection 0, group0/ })
      .waitFor({ timeout: 120_000 });
  });
  // Reading, parsing and importing the file happen in the reader worker: until its answer
  // arrives, the page's thread runs nothing long.
  expect(imported.readerAnswers).toHaveLength(1);
  const answered = imported.readerAnswers[0]!;
  const whileReading = imported.tasks.filter((task) => task.start + task.duration <= answered);
  const applying = imported.tasks.filter(
    (task) => task.start <= answered && answered <= task.start + task.duration,
  );
  console.log(
    `  while the worker read the file (${Math.round(answered - imported.since)} ms): longest task ${longest(whileReading)} ms; applying the design and showing it: ${longest(applying)} ms`,
  );

  const edited = await phase(page, "edit a field in the inspector", async () => {
    await tree(page)
      .getByRole("treeitem", { name: /^Field 1, field1/ })
      .click({ timeout: 120_000 });
    const title = inspector(page).getByRole("textbox", { name: "Title", exact: true });
    await title.fill("Contact email", { timeout: 120_000 });
    await title.press("Tab");
    await tree(page)
      .getByRole("treeitem", { name: /^Contact email, field1/ })
      .waitFor({ timeout: 120_000 });
  });

  // Found before the phase: Playwright's role engine computes the name and visibility of every
  // one of the preview's thousands of controls, in the page (seconds of the test's own work,
  // laying out each field the preview leaves unlaid out until it is near view).
  const box = await preview(page)
    .getByRole("group", { name: "Connection 0" })
    .getByRole("textbox", { name: /^Contact email/ })
    .elementHandle({ timeout: 120_000 });
  const typed = await phase(page, "type in the preview", async () => {
    await box.click({ timeout: 120_000 });
    await page.keyboard.type("ops@example.com");
    await expect.poll(() => box.inputValue(), { timeout: 120_000 }).toBe("ops@example.com");
  });

  const undone = await phase(page, "undo", async () => {
    await page
      .getByRole("toolbar", { name: "Design" })
      .getByRole("button", { name: "Undo", exact: true })
      .click({ timeout: 120_000 });
    await tree(page)
      .getByRole("treeitem", { name: /^Field 1, field1/ })
      .waitFor({ timeout: 120_000 });
  });

  const exported = await phase(page, "export", async () => {
    const [download] = await Promise.all([
      page.waitForEvent("download", { timeout: 180_000 }),
      chooseExport(page, "Export all (.zip)"),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.zip$/);
  });
  expect(errors).toEqual([]);
  await page.close();
  await site.close();

  const phases = { import: imported, edit: edited, type: typed, undo: undone, export: exported };
  console.table(
    Object.entries(phases).map(([name, recorded]) => ({
      phase: name,
      "longest task (ms)": longest(recorded.tasks),
      "autosave's longest script (ms)": longest(autosaveScripts(recorded.scripts)),
      "check's longest script (ms)": longest(checkScripts(recorded.scripts)),
    })),
  );
  return {
    whileReading: longest(whileReading),
    phases: {
      import: longest(imported.tasks),
      edit: longest(edited.tasks),
      type: longest(typed.tasks),
      undo: longest(undone.tasks),
      export: longest(exported.tasks),
    },
  };
}

/**
 * Runs `measure` until a go is within the limit, up to ATTEMPTS goes, and returns every go:
 * what is asserted is each figure's shortest.
 */
async function goesUntilWithin<T>(
  measure: () => Promise<T>,
  figures: (go: T) => Record<string, number>,
): Promise<T[]> {
  const goes: T[] = [];
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    const go = await measure();
    goes.push(go);
    const over = Object.entries(figures(go)).filter(([, ms]) => ms >= LIMIT_MS);
    if (over.length === 0) break;
    console.log(
      `go ${attempt}: ${over.map(([name, ms]) => `${name} ${ms} ms`).join(", ")}, over ${LIMIT_MS} ms${attempt < ATTEMPTS ? "; measured again" : ""}`,
    );
  }
  return goes;
}

const shortest = <T>(goes: readonly T[], figure: (go: T) => number) =>
  Math.min(...goes.map(figure));

describe("a design at the import limit, on the built page", () => {
  it("imports, edits, types in the preview, undoes and exports, every task under 200 ms", async () => {
    const { text, fields } = designAtTheLimit();
    const bytes = Buffer.byteLength(text);
    expect(bytes).toBeLessThanOrEqual(MAX_IMPORT_BYTES);
    expect(bytes).toBeGreaterThan(MAX_IMPORT_BYTES * 0.99);
    console.log(`the design: ${fields} fields, ${bytes} bytes`);
    const file = path.join(folder, "large.json");
    await fs.writeFile(file, text);

    const goes = await goesUntilWithin(
      () => importEditTypeUndoExport(file),
      (go) => ({ "while reading": go.whileReading, ...go.phases }),
    );
    // Parsing and importing happen in the reader worker: nothing long on the page meanwhile.
    expect(
      shortest(goes, (go) => go.whileReading),
      "a task while the worker reads the file",
    ).toBeLessThan(LIMIT_MS);
    // Every task of every phase, rendering included: the canvas draws the rows near view, the
    // preview's form is made in steps and its validator compiled in parts, the Problems rules
    // run in the check worker.
    for (const name of Object.keys(goes[0]!.phases) as PhaseName[])
      expect(
        shortest(goes, (go) => go.phases[name]),
        `${name}: the longest task`,
      ).toBeLessThan(LIMIT_MS);
  }, 900_000);
});

/** A page on a site of its own, with one Secret field added: the design that must stay. */
async function pageWithASecret(): Promise<{
  page: Page;
  site: StaticServer;
  errors: string[];
  secret: ReturnType<Page["getByRole"]>;
}> {
  const site = await serveStatic(dist);
  const page = await browser.context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(`page error: ${error.message}`));
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.addInitScript(recordLongTasks);
  await page.goto(site.url, { waitUntil: "load" });
  await page
    .getByRole("navigation", { name: "Palette" })
    .getByRole("button", { name: "Add Secret field", exact: true })
    .click({ timeout: 15_000 });
  const secret = tree(page).getByRole("treeitem", { name: /^Secret, secret/ });
  await secret.waitFor();
  return { page, site, errors, secret };
}

/**
 * Pastes `big` into the Schema JSON view as the browser pastes (a paste event carrying the
 * text), sees it refused with `message` and the design stay, and returns the longest task from
 * the paste on.
 */
async function pasteIntoTheJsonView(big: string, message: string): Promise<number> {
  const { page, site, errors, secret } = await pageWithASecret();
  await page
    .getByRole("tablist", { name: "Canvas view" })
    .getByRole("tab", { name: "JSON" })
    .click();
  const json = page.getByRole("region", { name: "Schema JSON" });
  const editor = json.getByRole("textbox", { name: "Schema JSON" });
  await editor.waitFor({ timeout: 15_000 });
  await editor.click();
  await page.keyboard.press("Control+A");
  // The text first handed to the page, so that the paste's task does not include sending it.
  await page.evaluate((text) => {
    (window as unknown as { __clipboard: string }).__clipboard = text;
  }, big);
  const since = await now(page);
  await editor.evaluate((content) => {
    const clipboardData = new DataTransfer();
    clipboardData.setData("text/plain", (window as unknown as { __clipboard: string }).__clipboard);
    content.dispatchEvent(
      new ClipboardEvent("paste", { clipboardData, bubbles: true, cancelable: true }),
    );
  });
  // The text pasted stays in the editor, marked, and the design stays.
  await json.getByRole("status").getByText(message, { exact: true }).waitFor({ timeout: 60_000 });
  const pasted = await recordedSince(page, since);
  console.log(
    `pasting 2.3 MB into the Schema JSON view: longest task ${longest(pasted.tasks)} ms; scripts over 20 ms:\n${describeScripts(pasted.scripts, since)}`,
  );
  await page
    .getByRole("tablist", { name: "Canvas view" })
    .getByRole("tab", { name: "Design" })
    .click();
  await secret.waitFor();
  expect(await tree(page).getByRole("treeitem").count()).toBe(1);
  expect(errors).toEqual([]);
  await page.close();
  await site.close();
  return longest(pasted.tasks);
}

describe("a file or a text over the import limit, on the built page", () => {
  it("is refused with its size, the limit and what to do, and the design stays as it was: Import, Compare with…, the Schema JSON view", async () => {
    // Written as a person saves a file: just over twice the limit.
    const big = JSON.stringify(generateCredentialSchema(9500), null, 2);
    expect((Buffer.byteLength(big) / 1024 / 1024).toFixed(1)).toBe("2.3");
    const file = path.join(folder, "huge.json");
    await fs.writeFile(file, big);
    const refusal =
      "the file is 2.3 MB; the designer opens windows up to 512 KB (the largest real connector window we know is 110 KB). Split it, or use the command line (credential-designer check, export and diff), which reads files up to 64 MB.";

    const { page, site, errors, secret } = await pageWithASecret();
    // Import…
    await page.getByLabel("Schema file to import").setInputFiles(file);
    await page
      .getByRole("alert")
      .getByText(`huge.json: ${refusal}`, { exact: true })
      .waitFor({ timeout: 15_000 });
    expect(await tree(page).getByRole("treeitem").count()).toBe(1);
    await secret.waitFor();

    // Compare with…
    await header(page).getByRole("button", { name: "Compare with…", exact: true }).click();
    const dialog = page.getByRole("dialog", { name: "Compare with…" });
    await dialog.getByLabel("Schema file to compare with").setInputFiles(file, { timeout: 15_000 });
    await dialog
      .getByRole("alert")
      .getByText(`huge.json: ${refusal}`, { exact: true })
      .waitFor({ timeout: 15_000 });
    await dialog.getByRole("button", { name: "Close" }).click();
    expect(errors).toEqual([]);
    await page.close();
    await site.close();

    // The Schema JSON view: refused by its size in the reader worker, so the page's thread
    // never parses it.
    const goes = await goesUntilWithin(
      () =>
        pasteIntoTheJsonView(
          big,
          `1:1: ${refusal.replace("the file", "the text")} The design stays as it was until the JSON is right.`,
        ),
      (ms) => ({ paste: ms }),
    );
    expect(
      shortest(goes, (ms) => ms),
      "the longest task after the paste",
    ).toBeLessThan(LIMIT_MS);
  }, 300_000);
});
