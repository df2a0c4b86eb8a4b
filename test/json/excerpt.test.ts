import { describe, expect, it } from "vitest";
import {
  EXCERPT_LENGTH,
  excerptPointer,
  excerptText,
  POINTER_EXCERPT,
  quoteExcerpt,
  quoteExcerptAsWritten,
} from "../../src/json/excerpt.ts";

describe("quoteExcerpt: a value as a message quotes it, never a megabyte", () => {
  it("quotes a short value whole, as JSON", () => {
    expect(quoteExcerpt("uri")).toBe('"uri"');
    expect(quoteExcerpt("a".repeat(EXCERPT_LENGTH))).toBe(`"${"a".repeat(EXCERPT_LENGTH)}"`);
    expect(quoteExcerpt({ a: 1 })).toBe('{"a":1}');
  });

  it("cuts a long one to an excerpt with its length", () => {
    const quoted = quoteExcerpt("a".repeat(1_048_576));
    expect(quoted).toBe(`"${"a".repeat(EXCERPT_LENGTH)}"… (1,048,576 characters)`);
    expect(quoteExcerpt(["x".repeat(100)], 10)).toBe('["xxxxxxxx… (104 characters of JSON)');
  });

  it("never splits a surrogate pair", () => {
    const quoted = quoteExcerpt(`${"a".repeat(9)}😀${"b".repeat(20)}`, 10);
    expect(quoted).toBe(`"${"a".repeat(9)}"… (31 characters)`);
  });

  it("as written: plain quotes, backslashes kept single", () => {
    expect(quoteExcerptAsWritten("^\\d+$")).toBe('"^\\d+$"');
    expect(quoteExcerptAsWritten("\\d".repeat(100), 4)).toBe('"\\d\\d"… (200 characters)');
  });
});

describe("excerptPointer: a place as a message shows it, never a kilobyte (found by the fuzz test)", () => {
  it("shows a short pointer, and anything that is not a pointer, as it is", () => {
    expect(excerptPointer("/properties/a~1b/pattern")).toBe("/properties/a~1b/pattern");
    expect(excerptPointer("")).toBe("");
    expect(excerptPointer("12:7")).toBe("12:7");
    const long = `/properties/${"a".repeat(200)}`;
    expect(excerptPointer(`12:${long}`)).toBe(`12:${long}`);
  });

  it("cuts a long token to its first 30 characters", () => {
    expect(excerptPointer(`/properties/${"k".repeat(100_000)}/pattern`)).toBe(
      `/properties/${"k".repeat(30)}…/pattern`,
    );
  });

  it("keeps the first and last three tokens of a pointer hundreds of levels deep", () => {
    const deep = `/properties/a${"/anyOf/0".repeat(400)}/pattern`;
    expect(excerptPointer(deep)).toBe("/properties/a/anyOf/…/anyOf/0/pattern");
    expect(excerptPointer(deep).length).toBeLessThanOrEqual(POINTER_EXCERPT);
  });

  it("is bounded whatever the pointer", () => {
    const worst = `/${Array.from({ length: 500 }, () => "x".repeat(1_000)).join("/")}`;
    expect(excerptPointer(worst).length).toBeLessThan(7 * 32);
  });
});

describe("excerptText: text shown without quotes, cut with its length", () => {
  it("keeps short text and cuts long text", () => {
    expect(excerptText("Client secret")).toBe("Client secret");
    expect(excerptText("t".repeat(1_000))).toBe(
      `${"t".repeat(EXCERPT_LENGTH)}… (1,000 characters)`,
    );
  });
});
