import { afterEach, describe, expect, test } from "vitest";
import { lookUpMono, MONO_INSTALL_COMMAND } from "../../support/mono.ts";
import { toHex } from "./support/pattern-mono.ts";

/** The Mono test support: a missing Mono is named, with the packages that install it. */

const saved = process.env.PATH;

afterEach(() => {
  process.env.PATH = saved;
});

describe("the Mono test support", () => {
  test("says which of mcs and mono cannot be found, and the packages name both", () => {
    process.env.PATH = "/nonexistent";
    expect(lookUpMono()).toEqual({
      found: false,
      why: "mcs (the compiler) and mono (the runtime) not found on PATH",
    });
    expect(MONO_INSTALL_COMMAND).toContain("mono-mcs mono-runtime libnewtonsoft-json-cil-dev");
  });

  test("passes strings as UTF-16 units, lone surrogates included", () => {
    expect(toHex("a\n\ud83d😀")).toBe("0061000ad83dd83dde00");
  });
});
