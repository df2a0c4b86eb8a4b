import { afterEach, describe, expect, test, vi } from "vitest";
import { MONO_INSTALL, monoAvailable, toHex } from "./support/pattern-mono.ts";

/** The Mono test support: absent Mono fails under CI=true, and says how to install it locally. */

const saved = { PATH: process.env.PATH, CI: process.env.CI };

afterEach(() => {
  process.env.PATH = saved.PATH;
  if (saved.CI === undefined) delete process.env.CI;
  else process.env.CI = saved.CI;
  vi.restoreAllMocks();
});

describe("the Mono test support", () => {
  test("fails under CI=true when mcs cannot be found, naming the packages", () => {
    process.env.PATH = "/nonexistent";
    process.env.CI = "true";
    expect(() => monoAvailable()).toThrow(MONO_INSTALL);
    expect(MONO_INSTALL).toContain("mono-mcs mono-runtime");
  });

  test("skips locally when mcs cannot be found, saying how to install it", () => {
    process.env.PATH = "/nonexistent";
    delete process.env.CI;
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    expect(monoAvailable()).toBe(false);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining(`Install it with: ${MONO_INSTALL}`));
  });

  test("passes strings as UTF-16 units, lone surrogates included", () => {
    expect(toHex("a\n\ud83d😀")).toBe("0061000ad83dd83dde00");
  });
});
