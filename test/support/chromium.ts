import { constants } from "node:fs";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { type BrowserContext, chromium } from "playwright-core";

/**
 * A real headless Chromium for the end-to-end tests.
 *
 * Found in this order: the CHROMIUM_PATH environment variable, Debian's /usr/bin/chromium, then
 * the binary bundled with @sparticuz/chromium (unpacked to the temporary folder on first use).
 * If none can be found or launched the tests FAIL, saying how to fix it: they are never skipped.
 */
export const BROWSER_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

export const HOW_TO_FIX =
  "Set CHROMIUM_PATH to a Chromium or Chrome executable, or install Debian's chromium package (/usr/bin/chromium); " +
  "otherwise the tests use the binary of the @sparticuz/chromium dev dependency (run npm ci).";

export const DEBIAN_CHROMIUM = "/usr/bin/chromium";

export class NoBrowserError extends Error {
  override readonly name = "NoBrowserError";
  constructor(reason: string, options?: { cause?: unknown }) {
    super(`No Chromium for the end-to-end tests: ${reason}. ${HOW_TO_FIX}`, options);
  }
}

export interface FoundChromium {
  executablePath: string;
  /** Where it was found: "CHROMIUM_PATH", "/usr/bin/chromium" or "@sparticuz/chromium". */
  source: string;
}

export async function findChromium(
  env: NodeJS.ProcessEnv = process.env,
  debianPath = DEBIAN_CHROMIUM,
): Promise<FoundChromium> {
  const fromEnv = env.CHROMIUM_PATH;
  if (fromEnv !== undefined && fromEnv !== "") {
    // Set on purpose: a wrong value is an error, not a reason to quietly use another browser.
    if (!(await isExecutable(fromEnv)))
      throw new NoBrowserError(
        `CHROMIUM_PATH is set to ${JSON.stringify(fromEnv)}, which is not an executable file`,
      );
    return { executablePath: fromEnv, source: "CHROMIUM_PATH" };
  }
  if (await isExecutable(debianPath)) return { executablePath: debianPath, source: debianPath };
  try {
    const { default: sparticuz } = await import("@sparticuz/chromium");
    const executablePath = await sparticuz.executablePath();
    if (!(await isExecutable(executablePath)))
      throw new Error(`${executablePath} is not executable`);
    return { executablePath, source: "@sparticuz/chromium" };
  } catch (error) {
    throw new NoBrowserError(
      `CHROMIUM_PATH is not set, ${debianPath} does not exist, and @sparticuz/chromium could not provide one (${firstLine(error)})`,
      { cause: error },
    );
  }
}

export interface LaunchedChromium {
  context: BrowserContext;
  found: FoundChromium;
  close(): Promise<void>;
}

/** Launches the browser with a fresh, temporary profile; close() removes the profile again. */
export async function launchChromium(): Promise<LaunchedChromium> {
  const found = await findChromium();
  const userDataDir = await fs.mkdtemp(path.join(os.tmpdir(), "credential-designer-chromium-"));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: found.executablePath,
      headless: true,
      args: BROWSER_ARGS,
      timeout: 60_000,
    });
  } catch (error) {
    await fs.rm(userDataDir, { recursive: true, force: true });
    throw new NoBrowserError(
      `${found.executablePath} (from ${found.source}) did not launch (${firstLine(error)})`,
      { cause: error },
    );
  }
  return {
    context,
    found,
    async close() {
      await context.close().catch(() => undefined);
      await fs.rm(userDataDir, { recursive: true, force: true, maxRetries: 3 });
    },
  };
}

async function isExecutable(file: string): Promise<boolean> {
  try {
    const stat = await fs.stat(file);
    if (!stat.isFile()) return false;
    await fs.access(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return (text.split("\n").find((line) => line.trim() !== "") ?? text).trim().slice(0, 300);
}
