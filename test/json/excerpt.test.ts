import { describe, expect, it } from "vitest";
import { EXCERPT_LENGTH, quoteExcerpt, quoteExcerptAsWritten } from "../../src/json/excerpt.ts";

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
