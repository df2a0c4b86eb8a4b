import { describe, expect, it } from "vitest";
import { checkSchema } from "../../src/check/index.ts";
import { diffSchemas } from "../../src/diff/index.ts";
import { patternAcceptsAll } from "../../src/diff/pattern-inclusion.ts";
import { checkPattern, MAX_PATTERN_LENGTH } from "../../src/schema/pattern-safety/index.ts";

/** Issue 18, point 5: a pattern past the documented length is refused unanalysed; messages stay short. */
describe("pattern analysis: bounded by a documented length", () => {
  it("analyses a pattern of the limit's length and refuses one character more, saying why", () => {
    expect(checkPattern(`^${"a".repeat(MAX_PATTERN_LENGTH - 1)}`)).toEqual({ ok: true });
    const verdict = checkPattern(`^${"a".repeat(MAX_PATTERN_LENGTH)}`);
    expect(verdict).toMatchObject({ ok: false, problem: "unsafe" });
    expect(!verdict.ok && verdict.message).toBe(
      "is 1,001 characters long, more than the 1,000 the backtracking check analyses, so it is refused to be safe",
    );
  });

  it("refuses a megabyte pattern, even an invalid or catastrophic one, by its length", () => {
    for (const pattern of ["(".repeat(1_048_576), "(a+)+".repeat(200_000), "a".repeat(1_048_576)]) {
      const verdict = checkPattern(pattern);
      expect(!verdict.ok && verdict.message).toMatch(
        /^is [\d,]+ characters long, more than the 1,000/,
      );
    }
  });

  it("check quotes a long pattern as an excerpt with its length, and an invalid one once", () => {
    const long = {
      type: "object",
      properties: { a: { type: "string", pattern: "a".repeat(1_048_576) } },
    };
    const [finding] = checkSchema(long as never);
    expect(finding!.message).toContain(
      `"${"a".repeat(60)}"… (1,048,576 characters) of the field "a" is 1,048,576 characters long`,
    );
    expect(finding!.message.length).toBeLessThan(300);
    const invalid = {
      type: "object",
      properties: { a: { type: "string", pattern: `${"(".repeat(900)}` } },
    };
    const [bad] = checkSchema(invalid as never);
    expect(bad!.message).toMatch(
      /\(900 characters\) of the field "a" is not a valid regular expression \(Unterminated group\)$/,
    );
  });

  it("check quotes an unknown megabyte format as an excerpt", () => {
    const schema = {
      type: "object",
      properties: { a: { type: "string", format: "f".repeat(1_048_576) } },
    };
    const messages = checkSchema(schema as never).map((finding) => finding.message);
    expect(messages.join("\n")).toContain(`"${"f".repeat(60)}"… (1,048,576 characters)`);
    for (const message of messages) expect(message.length).toBeLessThan(600);
  });

  it("diff does not try to prove inclusion past the limit, and quotes excerpts", () => {
    const long = "a".repeat(MAX_PATTERN_LENGTH + 1);
    expect(patternAcceptsAll(long, long)).toBe(true);
    expect(patternAcceptsAll(`${long}|b`, long)).toBe(false);
    const schema = (pattern: string) => ({
      type: "object",
      properties: { a: { type: "string", pattern } },
    });
    const changes = diffSchemas(schema(long) as never, schema(`${long}b`) as never);
    expect(changes).toHaveLength(1);
    expect(changes[0]!.message.length).toBeLessThan(400);
    expect(changes[0]!.message).toContain("(1,001 characters)");
  });
});
