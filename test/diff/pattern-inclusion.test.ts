import { describe, expect, it } from "vitest";
import { patternAcceptsAll } from "../../src/diff/pattern-inclusion.ts";

describe("a changed pattern is looser only when proven", () => {
  it.each([
    ["^[a-z]{32}$", "^[a-z0-9]{32}$"],
    ["^https://", "^https?://"],
    ["^\\d{4}$", "^\\d+$"],
    ["^[A-Za-z0-9]{32}$", "^[A-Za-z0-9]{32,64}$"],
    ["^[^:@]+$", "^[^:]+$"],
    ["^\\S+$", "^.+$"],
    ["^a$", "a"],
    ["abc", "b"],
    ["^(a|b)$", "^a$|^b$"],
  ])("%s -> %s is proven looser", (before, after) => {
    expect(patternAcceptsAll(after, before)).toBe(true);
  });

  it.each([
    ["^[a-z0-9]{32}$", "^[a-z]{32}$", "narrower"],
    ["^https?://", "^https://", "narrower"],
    ["^.+$", "^\\S+$", "narrower"],
    ["a", "^a$", "anchored"],
    ["foo", "\\bfoo\\b", "a word boundary cannot be proven"],
    ["^(a)\\1$", "^(a)\\1|b$", "a backreference cannot be proven"],
    ["^[a-z]+$", "^(a+)+$", "an unsafe pattern is never run"],
    ["^[a-z]+$", "([a-z]", "an invalid pattern"],
  ])("%s -> %s is not (%s)", (before, after) => {
    expect(patternAcceptsAll(after, before)).toBe(false);
  });
});
