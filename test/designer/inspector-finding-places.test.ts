import { describe, expect, it } from "vitest";
import type { Finding } from "../../src/check/types.ts";
import { selectionOf } from "../../src/designer/inspector/field-properties.ts";
import { placeFindings } from "../../src/designer/inspector/finding-places.ts";
import { nodeIdAtPointer } from "../../src/designer/problems/problem-targets.ts";
import type { CredentialDocument } from "../../src/model/index.ts";
import { importSchema } from "../../src/schema/import.ts";
import { nodeAt } from "../model/support.ts";

/** Where the inspector shows each finding of the selected field: next to its control, or on top. */

const DOC = importSchema({
  type: "object",
  properties: {
    token: { type: "string", default: "x", examples: ["y"], pattern: "a", maxLength: 9 },
    flag: { type: "boolean", default: true },
    list: { type: "array", items: { type: "string", pattern: "b" }, default: ["x"] },
    region: { type: "string", enum: ["http://a", "b"] },
    auth: {
      oneOf: [
        { type: "object", properties: { type: { const: "a" } } },
        { type: "object", properties: { type: { const: "a" } } },
      ],
    },
  },
});

const finding = (pointer: string, rule = "test"): Finding => ({
  rule,
  severity: "warning",
  pointer,
  message: pointer,
  fix: "",
});

/** The places of `pointers` (each a finding shown on the row its pointer falls in), as place → pointers. */
function placed(
  doc: CredentialDocument,
  id: string | undefined,
  findings: Finding[],
): Record<string, string[]> {
  const selection = selectionOf(doc, id);
  const withNodes = findings.map((f) => ({ finding: f, nodeId: nodeIdAtPointer(doc, f.pointer) }));
  return Object.fromEntries(
    [...placeFindings(doc, selection, withNodes)].map(([place, list]) => [
      place,
      list.map((f) => f.pointer),
    ]),
  );
}

describe("placeFindings", () => {
  it("puts a field's findings next to the control of their keyword, the rest on top", () => {
    const token = nodeAt(DOC, "token").id;
    expect(
      placed(DOC, token, [
        finding("/properties/token", "secret-not-write-only"),
        finding("/properties/token/default"),
        finding("/properties/token/examples/0"),
        finding("/properties/token/pattern"),
        finding("/properties/token/maxLength"),
        finding("/properties/token", "other-rule"),
        finding("/properties/token/x-unknown"),
        finding("/properties/flag/default"),
        finding(""),
      ]),
    ).toEqual({
      secret: ["/properties/token"],
      default: ["/properties/token/default"],
      placeholder: ["/properties/token/examples/0"],
      pattern: ["/properties/token/pattern"],
      maxLength: ["/properties/token/maxLength"],
      top: ["/properties/token", "/properties/token/x-unknown"],
    });
  });

  it("a control the field does not show sends its finding to the top", () => {
    const flag = nodeAt(DOC, "flag").id;
    expect(
      placed(DOC, flag, [
        finding("/properties/flag/default"),
        finding("/properties/flag/pattern"),
        finding("/properties/flag", "secret-not-write-only"),
      ]),
    ).toEqual({
      default: ["/properties/flag/default"],
      top: ["/properties/flag/pattern", "/properties/flag"],
    });
  });

  it("a list's item pattern, a choice's discriminator, a branch's value", () => {
    expect(
      placed(DOC, nodeAt(DOC, "list").id, [finding("/properties/list/items/pattern")]),
    ).toEqual({ "item-pattern": ["/properties/list/items/pattern"] });
    expect(placed(DOC, nodeAt(DOC, "auth").id, [finding("/properties/auth/oneOf")])).toEqual({
      discriminator: ["/properties/auth/oneOf"],
    });
    expect(
      placed(DOC, nodeAt(DOC, "auth", 1).id, [
        finding("/properties/auth/oneOf/1/properties/type/const"),
        finding("/properties/auth/oneOf/1"),
        finding("/properties/auth/oneOf/1/title"),
      ]),
    ).toEqual({
      "branch-value": ["/properties/auth/oneOf/1/properties/type/const"],
      title: ["/properties/auth/oneOf/1/title"],
      top: ["/properties/auth/oneOf/1"],
    });
  });

  it("with nothing selected, the window's own findings, all on top", () => {
    expect(
      placed(DOC, undefined, [finding("/required/0"), finding("/properties/token/default")]),
    ).toEqual({ top: ["/required/0"] });
  });

  it("a finding from before the field was renamed (its pointer no longer inside) goes on top", () => {
    const token = nodeAt(DOC, "token").id;
    const selection = selectionOf(DOC, token);
    const places = placeFindings(DOC, selection, [
      { finding: finding("/properties/oldName/default"), nodeId: token },
      { finding: finding("not a pointer"), nodeId: token },
    ]);
    expect([...places.keys()]).toEqual(["top"]);
    expect(places.get("top")).toHaveLength(2);
  });
});
