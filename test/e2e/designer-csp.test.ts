import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { strFromU8, unzipSync } from "fflate";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { exportFiles } from "../../src/export/index.ts";
import type { JsonObject } from "../../src/json/value.ts";
import { CONTENT_SECURITY_POLICY } from "../../vite.config.ts";
import { type LaunchedChromium, launchChromium } from "../support/chromium.ts";
import { chooseExport, showSchemaJson } from "../support/designer-page.ts";
import { type StaticServer, serveStatic } from "../support/static-server.ts";

/**
 * The built designer (the real vite.config.ts, as `npm run build` makes it) under its own
 * Content-Security-Policy: the page is used as a person uses it (a field added from the palette,
 * typed into in the preview, saved, everything exported) and no violation may be reported, in
 * the page or its console; the export must work under the policy. Then the policy is shown to
 * be in force: an inline script and a fetch are blocked.
 */

/**
 * The production build, made once for the run by the e2e project's globalSetup
 * (test/support/e2e-global-setup.ts); only read here.
 */
const dist = inject("distDir");
/** This file's own folder, for a changed copy of the build. */
let tmp: string;
let browser: LaunchedChromium;
const servers: StaticServer[] = [];

beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), "credential-designer-csp-"));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  for (const server of servers) await server.close();
  if (tmp) await fs.rm(tmp, { recursive: true, force: true });
});

async function serve(headers: Record<string, string> = {}): Promise<StaticServer> {
  const server = await serveStatic(dist, headers);
  servers.push(server);
  return server;
}

interface Watched {
  page: Page;
  /** securitypolicyviolation events and console messages about the policy. */
  violations: string[];
  /** Uncaught errors and console errors. */
  errors: string[];
}

async function openBuiltDesigner(url: string): Promise<Watched> {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1400, height: 1000 });
  const violations: string[] = [];
  const errors: string[] = [];
  // Recorded from the first script on, before the page's own scripts run.
  await page.addInitScript(() => {
    const seen: string[] = ((window as unknown as { __cspViolations: string[] }).__cspViolations =
      []);
    document.addEventListener("securitypolicyviolation", (event) => {
      seen.push(
        `${event.effectiveDirective} blocked ${event.blockedURI || "(inline)"} at ${event.sourceFile}:${event.lineNumber} ${event.sample}`,
      );
    });
  });
  page.on("console", (message) => {
    if (/Content[- ]Security[- ]Policy|CSP/i.test(message.text()))
      violations.push(`console: ${message.text()}`);
    else if (message.type() === "error") errors.push(`console error: ${message.text()}`);
  });
  page.on("pageerror", (error) => errors.push(`page error: ${error.message}`));
  const response = await page.goto(url, { waitUntil: "load" });
  expect(response?.status()).toBe(200);
  await page
    .getByRole("heading", { level: 1, name: "Credential Designer" })
    .waitFor({ timeout: 15_000 });
  return { page, violations, errors };
}

const reported = async ({ page, violations }: Watched) => [
  ...violations,
  ...(await page.evaluate(
    () => (window as unknown as { __cspViolations: string[] }).__cspViolations,
  )),
];

/**
 * What a person does: add a Text field, type into it in the preview, save, open the schema's JSON
 * (CodeMirror, which brings its own styles), export everything, then type broken JSON.
 */
async function useTheDesigner(
  page: Page,
  previewSays = "The values are valid.",
  /** Where the preview says it: its verdict (a status), or the form's alert when it cannot check. */
  previewRole: "status" | "alert" = "status",
): Promise<Map<string, string>> {
  await page
    .getByRole("navigation", { name: "Palette" })
    .getByRole("button", { name: "Add Text field", exact: true })
    .click();
  const preview = page.getByRole("region", { name: "Preview" });
  const field = preview.getByRole("textbox").first();
  await field.waitFor();
  await field.fill("typed in the preview");
  await preview.getByRole("button", { name: "Check values" }).click();
  await preview.getByRole(previewRole).filter({ hasText: previewSays }).waitFor();
  const json = page.getByRole("region", { name: "Schema JSON" });
  await showSchemaJson(page);
  await json.getByRole("textbox").first().waitFor({ timeout: 15_000 });
  // CodeMirror is styled (its base theme makes the editor a flex column) through a constructed
  // stylesheet, with no <style> element (see vite.config.ts).
  expect(
    await page.evaluate(() => ({
      display: getComputedStyle(document.querySelector(".cm-editor")!).display,
      adopted: document.adoptedStyleSheets.length > 0,
      styleElements: document.querySelectorAll("style").length,
    })),
  ).toEqual({ display: "flex", adopted: true, styleElements: 0 });
  const [download] = await Promise.all([
    page.waitForEvent("download", { timeout: 60_000 }),
    chooseExport(page, "Export all (.zip)"),
  ]);
  expect(download.suggestedFilename()).toBe("credentials.zip");
  const entries = unzipSync(new Uint8Array(await fs.readFile(await download.path())));
  // Broken JSON typed into the editor: CodeMirror marks it (lint decorations, gutter marker).
  const editor = json.getByRole("textbox").first();
  await editor.click();
  await page.keyboard.press("Control+End");
  await page.keyboard.type(" oops");
  await json.locator(".cm-lintRange, .cm-lint-marker").first().waitFor({ timeout: 15_000 });
  return new Map(Object.entries(entries).map(([name, bytes]) => [name, strFromU8(bytes)]));
}

describe("the built designer under its Content-Security-Policy, in headless Chromium", () => {
  it("ships the policy in a <meta> before any script or style, and no inline script, style or style attribute", async () => {
    const html = await fs.readFile(path.join(dist, "index.html"), "utf8");
    const meta = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)"/);
    expect(meta?.[1]).toBe(CONTENT_SECURITY_POLICY);
    expect(html.indexOf("Content-Security-Policy")).toBeLessThan(
      html.search(/<script|<link rel="stylesheet"|<link rel="modulepreload"/),
    );
    expect(html).toMatch(/connect-src 'none'/);
    for (const script of html.match(/<script\b[^>]*>/g) ?? [])
      expect(script).toMatch(/\bsrc="\/assets\//);
    expect(html).not.toMatch(/<style\b|\sstyle=|\son[a-z]+=|javascript:/i);
    // Only the export worker may carry the exporter (json-schema-to-typescript, prettier, ajv standalone, the C# generator).
    const assets = await fs.readdir(path.join(dist, "assets"));
    expect(
      assets.filter((name) => name.startsWith("export-worker-") && name.endsWith(".js")),
    ).toHaveLength(1);
  });

  it("is used (a field added, typed into, saved, everything exported) with no violation; the export works and matches exportFiles", async () => {
    const server = await serve();
    const watched = await openBuiltDesigner(server.url);
    const files = await useTheDesigner(watched.page);
    expect([...files.keys()]).toEqual([
      "credentials.schema.json",
      "credentials.ts",
      "credentials.validate.js",
      "credentials.validate.d.ts",
      "credentials.cs",
    ]);
    const schema = JSON.parse(files.get("credentials.schema.json")!) as JsonObject;
    expect(Object.keys(schema.properties as JsonObject)).toHaveLength(1);
    expect(JSON.stringify(schema)).not.toContain("typed in the preview"); // preview values never reach the export
    for (const file of await exportFiles(schema, "credentials", { csharp: {} }))
      expect(files.get(file.name), file.name).toBe(file.contents);
    await watched.page.waitForTimeout(300);
    expect(await reported(watched)).toEqual([]);
    expect(watched.errors).toEqual([]);

    // The policy is in force: an injected inline script does not run, a fetch is refused.
    const blocked = await watched.page.evaluate(async () => {
      const script = document.createElement("script");
      script.textContent = "window.__inlineRan = true";
      document.head.append(script);
      const fetched = await fetch("/index.html").then(
        () => "fetched",
        () => "refused",
      );
      return {
        inlineRan: (window as unknown as { __inlineRan?: boolean }).__inlineRan === true,
        fetched,
      };
    });
    expect(blocked).toEqual({ inlineRan: false, fetched: "refused" });
    await expect
      .poll(async () =>
        (
          await watched.page.evaluate(
            () => (window as unknown as { __cspViolations: string[] }).__cspViolations,
          )
        ).map((line) => line.split(" ")[0]),
      )
      .toEqual(["script-src-elem", "connect-src"]);
    await watched.page.close();
  });

  it("needs 'unsafe-eval' only for the preview: without it the preview's Ajv compile is blocked, while the export worker (a file of its own) is not governed by the page's <meta>", async () => {
    const strict = path.join(tmp, "dist-without-unsafe-eval");
    await fs.cp(dist, strict, { recursive: true });
    const html = await fs.readFile(path.join(strict, "index.html"), "utf8");
    await fs.writeFile(path.join(strict, "index.html"), html.replace(" 'unsafe-eval'", ""));
    const server = await serveStatic(strict);
    servers.push(server);
    const watched = await openBuiltDesigner(server.url);
    // The preview says it could not compile the schema (never that the values are valid), in the
    // form's alert; Problems does not blame the schema for the page's policy.
    const files = await useTheDesigner(
      watched.page,
      "This window's schema could not be compiled:",
      "alert",
    );
    expect(
      await watched.page.getByRole("region", { name: "Problems" }).textContent(),
    ).not.toContain("cannot be compiled");
    expect(files.size).toBe(5); // the four files and the C# model
    const evalBlocked = (await reported(watched)).filter((line) =>
      line.startsWith("script-src blocked eval"),
    );
    // If this fails, the page no longer evaluates code: drop 'unsafe-eval' from vite.config.ts.
    expect(evalBlocked.length, "the preview compiles with eval on the page").toBeGreaterThan(0);
    await watched.page.close();
  });

  it("works the same when the host also sends the policy as a header on every file (the export worker included)", async () => {
    const server = await serve({ "content-security-policy": CONTENT_SECURITY_POLICY });
    const watched = await openBuiltDesigner(server.url);
    const files = await useTheDesigner(watched.page);
    expect(files.size).toBe(5); // the four files and the C# model
    await watched.page.waitForTimeout(300);
    expect(await reported(watched)).toEqual([]);
    expect(watched.errors).toEqual([]);
    await watched.page.close();
  });
});
