import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { autofixCommand, FIX_DONE, FIX_STALE } from "../../src/check/autofix.ts";
import { anchorPattern } from "../../src/check/fixes.ts";
import { checkSchema, type Finding } from "../../src/check/index.ts";
import type { JsonObject } from "../../src/json/value.ts";
import {
  type CredentialDocument,
  createEditorState,
  dispatch,
  isRefusal,
  removeField,
  undo,
} from "../../src/model/index.ts";
import { importSchema } from "../../src/schema/import.ts";
import { checkPattern } from "../../src/schema/pattern-safety/index.ts";
import { toSchema } from "../../src/schema/to-schema.ts";
import { applyChecked, nodeAt } from "../model/support.ts";

/**
 * The mechanical fixes: which findings carry one (`autofix`), and `autofixCommand`, the design
 * command that applies it: one undoable step that makes the finding go, worked out from the
 * design as it is now.
 */

const object = (properties: JsonObject, extra: JsonObject = {}): JsonObject => ({
  type: "object",
  properties,
  ...extra,
});

const findingsOf = (doc: CredentialDocument) => checkSchema(toSchema(doc));

/** The one finding of `rule` in `doc`'s schema. */
function theFinding(doc: CredentialDocument, rule: string): Finding {
  const found = findingsOf(doc).filter((finding) => finding.rule === rule);
  expect(found).toHaveLength(1);
  return found[0]!;
}

/** Applies the finding's fix (checked: inverse and JSON replay) and returns the fixed design. */
function fixed(doc: CredentialDocument, finding: Finding): CredentialDocument {
  return applyChecked(doc, autofixCommand(doc, finding));
}

function refusalOf(doc: CredentialDocument, finding: Pick<Finding, "pointer" | "autofix">): string {
  const result = autofixCommand(doc, finding);
  if (!isRefusal(result)) throw new Error("expected a refusal");
  return result.reason;
}

describe("anchorPattern", () => {
  it.each([
    ["[a-z0-9]+-[a-z0-9]+", "^[a-z0-9]+-[a-z0-9]+$"],
    ["\\s+$", "^\\s+$"],
    ["^\\d+", "^\\d+$"],
    ["^\\d+$", "^\\d+$"],
    ["a|b", "^(?:a|b)$"],
    ["^a$|^b$", "^a$|^b$"],
    ["^a$|b", "^(?:^a$|b)$"],
    ["(a|b)+c", "^(a|b)+c$"],
    ["[|]x", "^[|]x$"],
    ["\\|x", "^\\|x$"],
    ["cost\\$", "^cost\\$$"],
    ["[$]", "^[$]$"],
    ["a\\\\$", "^a\\\\$"],
  ])("%s → %s", (pattern, anchored) => {
    expect(anchorPattern(pattern)).toBe(anchored);
  });

  /** Small regular expressions over a, b and c: classes, groups, alternatives, quantifiers, anchors. */
  const regex: fc.Arbitrary<string> = fc.letrec<{ re: string; atom: string }>((tie) => ({
    atom: fc.oneof(
      { depthSize: "small" },
      fc.constantFrom("a", "b", "c", ".", "\\d", "[ab]", "[^c]", "\\|", "\\$", "[$|]", "^", "$"),
      tie("re").map((inner) => `(?:${inner})`),
      tie("re").map((inner) => `(${inner})`),
    ),
    re: fc
      .array(
        fc.tuple(tie("atom"), fc.constantFrom("", "*", "+", "?", "{1,2}")).map(([a, q]) => a + q),
        { minLength: 1, maxLength: 4 },
      )
      .chain((parts) =>
        fc.oneof(
          fc.constant(parts.join("")),
          tie("re").map((other) => `${parts.join("")}|${other}`),
        ),
      ),
  })).re;

  it("only ever narrows what matches to the whole value matching, and a second pass changes nothing", () => {
    fc.assert(
      fc.property(
        regex,
        fc.array(fc.stringMatching(/^[abc$|1]{0,5}$/), { maxLength: 8 }),
        (pattern, inputs) => {
          let original: RegExp;
          try {
            original = new RegExp(pattern, "u");
          } catch {
            return; // an invalid pattern is the invalid-pattern rule's case
          }
          const anchored = anchorPattern(pattern);
          expect(anchorPattern(anchored)).toBe(anchored);
          const narrowed = new RegExp(anchored, "u");
          const whole = new RegExp(`^(?:${pattern})$`, "u");
          for (const input of inputs) {
            // Anchoring matches exactly the values the pattern matches as a whole.
            expect(narrowed.test(input)).toBe(whole.test(input));
            if (narrowed.test(input)) expect(original.test(input)).toBe(true);
          }
        },
      ),
      { numRuns: 400 },
    );
  });
});

describe("which findings carry a mechanical fix", () => {
  it("a secret-looking field: make it secret, dropping its default and examples with it", () => {
    const findings = checkSchema(
      object({
        apiToken: { type: "string", title: "API token" },
        password: { type: "string", default: "x", examples: ["y"] },
      }),
    );
    expect(findings.map(({ pointer, autofix }) => ({ pointer, autofix }))).toEqual([
      {
        pointer: "/properties/apiToken",
        autofix: { kind: "make-secret", label: "Make it secret" },
      },
      {
        pointer: "/properties/password",
        autofix: {
          kind: "make-secret",
          label: "Make it secret and remove its default and examples",
        },
      },
    ]);
  });

  it("an http:// default or example: use https; a constant, an allowed value or a secret's value is not", () => {
    const findings = checkSchema(
      object({
        baseUrl: {
          type: "string",
          default: "http://a.example.com",
          examples: ["https://ok.example.com", "http://b.example.com"],
        },
        fixedUrl: { type: "string", const: "http://c.example.com" },
        someUrl: { type: "string", enum: ["http://d.example.com", "https://e.example.com"] },
        secretUrl: { type: "string", writeOnly: true, default: "http://f.example.com" },
      }),
    ).filter((finding) => finding.rule === "insecure-url");
    expect(findings.map(({ pointer, autofix }) => ({ pointer, autofix }))).toEqual([
      {
        pointer: "/properties/baseUrl/default",
        autofix: { kind: "use-https", label: "Use https" },
      },
      {
        pointer: "/properties/baseUrl/examples/1",
        autofix: { kind: "use-https", label: "Use https" },
      },
      { pointer: "/properties/fixedUrl/const", autofix: undefined },
      { pointer: "/properties/someUrl/enum/0", autofix: undefined },
      // A secret's value is removed, not fixed (secret-has-value).
      { pointer: "/properties/secretUrl/default", autofix: undefined },
    ]);
  });

  it("an unsafe pattern: anchoring, only when the anchored pattern is safe and it is a field's pattern", () => {
    const findings = checkSchema(
      object(
        {
          slug: { type: "string", pattern: "[a-z0-9]+-[a-z0-9]+" },
          trailing: { type: "string", pattern: "\\s+$" },
          nested: { type: "string", pattern: "^(\\w|\\d)+$" },
          list: { type: "array", items: { type: "string", pattern: "\\w+@\\w+" } },
        },
        { patternProperties: { "[a-z]+x": { type: "string" } } },
      ),
    );
    expect(findings.map(({ rule, pointer, autofix }) => ({ rule, pointer, autofix }))).toEqual([
      {
        rule: "unsafe-pattern",
        pointer: "/patternProperties/[a-z]+x",
        autofix: undefined,
      },
      {
        rule: "unsafe-pattern",
        pointer: "/properties/slug/pattern",
        autofix: { kind: "anchor-pattern", label: "Anchor with ^ and $" },
      },
      {
        rule: "unsafe-pattern",
        pointer: "/properties/trailing/pattern",
        autofix: { kind: "anchor-pattern", label: "Anchor with ^" },
      },
      // Already anchored: exponential backtracking is not fixed by anchors.
      { rule: "unsafe-pattern", pointer: "/properties/nested/pattern", autofix: undefined },
      {
        rule: "unsafe-pattern",
        pointer: "/properties/list/items/pattern",
        autofix: { kind: "anchor-pattern", label: "Anchor with ^ and $" },
      },
    ]);
  });
});

describe("autofixCommand", () => {
  it("makes a field secret as one undoable step; the finding goes, and undo brings it back", () => {
    const doc = importSchema(
      object({ apiToken: { type: "string", title: "API token", examples: ["abc"] } }),
    );
    const finding = theFinding(doc, "secret-not-write-only");
    const command = autofixCommand(doc, finding);
    if (isRefusal(command)) throw new Error(command.reason);
    expect(command.label).toBe('Make "API token" (apiToken) secret');
    const after = fixed(doc, finding);
    expect(toSchema(after).properties).toEqual({
      apiToken: { type: "string", title: "API token", writeOnly: true },
    });
    expect(findingsOf(after)).toEqual([]);
    expect(refusalOf(after, finding)).toBe(FIX_DONE);

    // Through the history: one step, and undo gives the design back with its finding.
    const state = dispatch(createEditorState(doc), command);
    if (!state.ok) throw new Error(state.reason);
    expect(state.state.done).toHaveLength(1);
    const undone = undo(state.state);
    expect(toSchema(undone.doc)).toEqual(toSchema(doc));
    expect(findingsOf(undone.doc)).toEqual([finding]);
  });

  it("removes a secret's default, examples, constant or single allowed value, one at a time", () => {
    const doc = importSchema(
      object({
        group: object({
          password: {
            type: "string",
            writeOnly: true,
            default: "x",
            examples: ["y"],
            enum: ["x"],
            const: "x",
          },
        }),
      }),
    );
    let current = doc;
    for (const keyword of ["default", "examples", "enum", "const"]) {
      const finding = findingsOf(current).find((f) => f.pointer.endsWith(`/${keyword}`))!;
      expect(finding.rule).toBe("secret-has-value");
      const next = fixed(current, finding);
      expect(Object.hasOwn(nodeAt(next, "group", "password").schema as JsonObject, keyword)).toBe(
        false,
      );
      expect(refusalOf(next, finding)).toBe(FIX_DONE);
      current = next;
    }
    expect(toSchema(current)).toEqual(
      object({ group: object({ password: { type: "string", writeOnly: true } }) }),
    );
    expect(findingsOf(current)).toEqual([]);
  });

  it("changes an http:// default or example to https://, leaving the other examples", () => {
    const doc = importSchema(
      object({
        baseUrl: {
          type: "string",
          format: "uri",
          default: " http://api.example.com/v1 ",
          examples: ["https://ok.example.com", "HTTP://b.example.com/x"],
        },
      }),
    );
    let current = doc;
    for (const finding of findingsOf(doc)) current = fixed(current, finding);
    expect(toSchema(current).properties).toEqual({
      baseUrl: {
        type: "string",
        format: "uri",
        default: "https://api.example.com/v1",
        examples: ["https://ok.example.com", "https://b.example.com/x"],
      },
    });
    expect(findingsOf(current)).toEqual([]);
  });

  it("anchors a pattern, in a field or in a list's items, and the unsafe-pattern error goes", () => {
    const doc = importSchema(
      object({
        slug: { type: "string", pattern: "[a-z0-9]+-[a-z0-9]+" },
        list: { type: "array", items: { type: "string", pattern: "\\w+@\\w+", minLength: 3 } },
      }),
    );
    let current = doc;
    for (const finding of findingsOf(doc)) current = fixed(current, finding);
    expect(toSchema(current).properties).toEqual({
      slug: { type: "string", pattern: "^[a-z0-9]+-[a-z0-9]+$" },
      list: { type: "array", items: { type: "string", pattern: "^\\w+@\\w+$", minLength: 3 } },
    });
    expect(checkPattern("^[a-z0-9]+-[a-z0-9]+$").ok).toBe(true);
    expect(findingsOf(current)).toEqual([]);
  });

  it("reaches fields inside choice branches and definitions", () => {
    const doc = importSchema(
      object(
        {
          auth: {
            oneOf: [
              object(
                { type: { const: "key" }, apiKey: { type: "string" } },
                { required: ["type"] },
              ),
              object({ type: { const: "none" } }, { required: ["type"] }),
            ],
          },
        },
        { definitions: { creds: object({ clientSecret: { type: "string", default: "s" } }) } },
      ),
    );
    let current = doc;
    for (const finding of findingsOf(doc)) current = fixed(current, finding);
    const schema = toSchema(current) as {
      properties: { auth: { oneOf: Array<{ properties: JsonObject }> } };
      definitions: { creds: { properties: JsonObject } };
    };
    expect(schema.properties.auth.oneOf[0]!.properties.apiKey).toEqual({
      type: "string",
      writeOnly: true,
    });
    expect(schema.definitions.creds.properties.clientSecret).toEqual({
      type: "string",
      writeOnly: true,
    });
    expect(findingsOf(current)).toEqual([]);
  });

  it("refuses, saying why, when the design changed since the check, and when there is no fix", () => {
    const doc = importSchema(object({ apiToken: { type: "string" } }));
    const finding = theFinding(doc, "secret-not-write-only");
    const removed = applyChecked(doc, removeField(doc, nodeAt(doc, "apiToken").id));
    expect(refusalOf(removed, finding)).toBe(FIX_STALE);
    expect(refusalOf(doc, { pointer: finding.pointer })).toMatch(/no automatic fix/);
    expect(refusalOf(doc, { ...finding, pointer: "not a pointer" })).toBe(FIX_STALE);
    // A pattern fix whose pattern is gone, an https fix whose default became a number.
    expect(
      refusalOf(doc, {
        pointer: "/properties/apiToken/pattern",
        autofix: { kind: "anchor-pattern", label: "" },
      }),
    ).toBe(FIX_STALE);
    const numbered = importSchema(object({ port: { type: "integer", default: 80 } }));
    expect(
      refusalOf(numbered, {
        pointer: "/properties/port/default",
        autofix: { kind: "use-https", label: "" },
      }),
    ).toBe(FIX_STALE);
  });
});
