import { describe, expect, it } from "vitest";
import { checkSchema } from "../../src/check/index.ts";
import {
  nodeIdAtPointer,
  problemsOf,
  WINDOW_PLACE,
} from "../../src/designer/problems/problem-targets.ts";
import type { JsonObject } from "../../src/json/value.ts";
import {
  addField,
  applyTransaction,
  type CredentialDocument,
  type FieldNode,
  locate,
  pointerOf,
  type Transaction,
  walkNodes,
} from "../../src/model/index.ts";
import { importSchema } from "../../src/schema/import.ts";
import { toSchema } from "../../src/schema/to-schema.ts";

const SCHEMA: JsonObject = {
  type: "object",
  properties: {
    "a/b": { type: "string", title: "Slash", pattern: "^(a+)+$" },
    account: {
      type: "object",
      title: "Account",
      properties: { apiKey: { type: "string" } },
      required: ["apiKye"],
    },
    auth: {
      title: "Authentication",
      oneOf: [
        {
          title: "None",
          type: "object",
          properties: { type: { type: "string", const: "none" } },
          required: ["type"],
        },
        {
          title: "Basic",
          type: "object",
          properties: {
            type: { type: "string", const: "none" },
            password: { type: "string", title: "Password", writeOnly: true, default: "hunter2" },
          },
          required: ["type"],
        },
      ],
    },
    scopes: { type: "array", items: { type: "string", pattern: "(" } },
  },
  required: ["missing"],
};

const doc: CredentialDocument = importSchema(structuredClone(SCHEMA));
/** The node at a path of keys and branch titles from the window. */
function node(...names: string[]): FieldNode {
  let current = doc.root;
  for (const name of names) {
    current = [...(current.fields ?? []), ...(current.branches ?? [])].find(
      (child) => child.key === name || (child.schema as JsonObject).title === name,
    )!;
  }
  return current;
}

describe("pointer → node: which row a finding selects", () => {
  it.each([
    ["/properties/a~1b", ["a/b"]],
    ["/properties/a~1b/pattern", ["a/b"]],
    ["/properties/account", ["account"]],
    ["/properties/account/required/0", ["account"]],
    ["/properties/account/properties/apiKey", ["account", "apiKey"]],
    ["/properties/auth/oneOf", ["auth"]],
    ["/properties/auth/oneOf/1", ["auth", "Basic"]],
    ["/properties/auth/oneOf/1/properties/password/default", ["auth", "Basic", "password"]],
    ["/properties/scopes/items/pattern", ["scopes"]],
    // A branch's discriminator is not a row of its own: the branch's row shows it.
    ["/properties/auth/oneOf/1/properties/type/const", ["auth", "Basic"]],
    // Names the design does not have stop at the deepest node that exists.
    ["/properties/account/properties/nothing/pattern", ["account"]],
  ])("%s selects %j", (pointer, names) => {
    expect(nodeIdAtPointer(doc, pointer)).toBe(node(...names).id);
  });

  it.each([
    "",
    "/required/0",
    "/patternProperties/^x-",
    "/properties/nothing",
    "/definitions/a/pattern",
  ])("%s is the window's own: selects nothing", (pointer) => {
    expect(nodeIdAtPointer(doc, pointer)).toBeUndefined();
  });

  it("gives every row's node back from its own pointer", () => {
    walkNodes(doc.root, (each) => {
      if (each === doc.root || each.key === "type") return;
      expect(nodeIdAtPointer(doc, pointerOf(locate(doc, each.id)!))).toBe(each.id);
    });
  });
});

describe("problemsOf", () => {
  it("names each finding's field as the canvas does, under its groups", () => {
    const problems = problemsOf(doc, checkSchema(toSchema(doc)));
    expect(problems.map(({ finding, place }) => [finding.rule, finding.pointer, place])).toEqual([
      ["required-not-in-properties", "/required/0", WINDOW_PLACE],
      ["unsafe-pattern", "/properties/a~1b/pattern", "Slash"],
      ["required-not-in-properties", "/properties/account/required/0", "Account"],
      ["secret-not-write-only", "/properties/account/properties/apiKey", "Account › apiKey"],
      [
        "choice-discriminator",
        "/properties/auth/oneOf/1/properties/type/const",
        "Authentication › Basic",
      ],
      [
        "secret-has-value",
        "/properties/auth/oneOf/1/properties/password/default",
        "Authentication › Basic › Password",
      ],
      ["invalid-pattern", "/properties/scopes/items/pattern", "scopes"],
    ]);
    expect(problems.map((problem) => problem.nodeId)).toEqual([
      undefined,
      node("a/b").id,
      node("account").id,
      node("account", "apiKey").id,
      node("auth", "Basic").id,
      node("auth", "Basic", "password").id,
      node("scopes").id,
    ]);
  });
});

describe("a second field with the same title", () => {
  it("is a warning on the second field's row, whose key followed the title to a key of its own", () => {
    let design = importSchema({ type: "object", properties: {} });
    for (let i = 0; i < 2; i++) {
      const added = applyTransaction(
        design,
        addField(design, {
          parent: design.root.id,
          kind: "text",
          title: "Tenant ID",
        }) as Transaction,
      );
      if (!added.ok) throw new Error(added.reason);
      design = added.doc;
    }
    const [first, second] = design.root.fields!;
    expect([first!.key, second!.key]).toEqual(["tenantId", "tenantId2"]);
    const problems = problemsOf(design, checkSchema(toSchema(design)));
    expect(problems).toEqual([
      {
        finding: expect.objectContaining({
          rule: "duplicate-title",
          severity: "warning",
          pointer: "/properties/tenantId2/title",
        }),
        nodeId: second!.id,
        place: "Tenant ID",
      },
    ]);
  });
});

describe("two keys that differ only in case", () => {
  it("is a warning on the later field's row", () => {
    const design = importSchema({
      type: "object",
      properties: {
        settings: {
          type: "object",
          title: "Settings",
          properties: { apiKey: { type: "string" }, ApiKey: { type: "string", title: "Key" } },
        },
      },
    });
    const problems = problemsOf(design, checkSchema(toSchema(design))).filter(
      (problem) => problem.finding.rule === "keys-differ-in-case",
    );
    const later = design.root.fields![0]!.fields![1]!;
    expect(later.key).toBe("ApiKey");
    expect(problems).toEqual([
      {
        finding: expect.objectContaining({
          severity: "warning",
          pointer: "/properties/settings/properties/ApiKey",
        }),
        nodeId: later.id,
        place: "Settings › Key",
      },
    ]);
  });
});
