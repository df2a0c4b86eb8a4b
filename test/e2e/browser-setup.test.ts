import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { findChromium, NoBrowserError } from "../support/chromium.ts";

// The browser lookup fails loudly, with a fix, instead of skipping the browser tests.
describe("findChromium", () => {
  it("fails with how to fix it when CHROMIUM_PATH names no executable", async () => {
    const promise = findChromium({ CHROMIUM_PATH: "/nonexistent/chromium" });
    await expect(promise).rejects.toBeInstanceOf(NoBrowserError);
    await expect(promise).rejects.toThrow(
      /CHROMIUM_PATH is set to "\/nonexistent\/chromium", which is not an executable file\. Set CHROMIUM_PATH .* install Debian's chromium/,
    );
  });

  it("uses CHROMIUM_PATH first, then Debian's chromium", async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "credential-designer-find-"));
    try {
      const fake = path.join(dir, "chrome");
      await fs.writeFile(fake, "#!/bin/sh\n", { mode: 0o755 });
      expect(await findChromium({ CHROMIUM_PATH: fake }, "/nonexistent/debian-chromium")).toEqual({
        executablePath: fake,
        source: "CHROMIUM_PATH",
      });
      expect(await findChromium({}, fake)).toEqual({ executablePath: fake, source: fake });
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });

  it("falls back to @sparticuz/chromium without CHROMIUM_PATH and Debian's chromium", async () => {
    const found = await findChromium({}, "/nonexistent/debian-chromium");
    expect(found.source).toBe("@sparticuz/chromium");
  });
});
