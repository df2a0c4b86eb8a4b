import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  summaryCaption,
  summaryText,
  summaryValues,
  templateSummary,
} from "../../src/designer/start/template-summary.ts";
import { DESIGN_TEMPLATES } from "../../src/designer/storage/design-templates.ts";
import type { JsonObject } from "../../src/json/value.ts";
import { type FieldNode, kindOf, requiredKeys } from "../../src/model/index.ts";
import { importSchema } from "../../src/schema/import.ts";

const titleOf = (node: FieldNode) =>
  typeof node.schema === "object" && typeof node.schema.title === "string"
    ? node.schema.title
    : undefined;

/** The same summary, read as the designer reads the schema: its choice nodes, its required fields. */
function modelSummary(schema: JsonObject) {
  const root = importSchema(schema).root;
  const choices = (root.fields ?? []).filter((node) => kindOf(node) === "choice");
  const methods = choices.flatMap((choice) =>
    (choice.branches ?? []).map((branch, index) => titleOf(branch) ?? `Option ${index + 1}`),
  );
  if (methods.length > 0) return { methods: [...new Set(methods)], asks: [] };
  const required = requiredKeys(root);
  return {
    methods: [],
    asks: (root.fields ?? [])
      .filter((node) => required.includes(node.key))
      .map((node) => titleOf(node) ?? node.key),
  };
}

describe("a template card's summary of the authentication it offers", () => {
  it("a template with a choice offers its methods; one without asks for its required fields", () => {
    const byId = new Map(DESIGN_TEMPLATES.map((template) => [template.id, template.schema]));
    expect(templateSummary(byId.get("rest-adapter")!)).toEqual({
      methods: ["None", "Basic", "OAuth 1.0a", "OAuth 2.0"],
      asks: [],
    });
    expect(templateSummary(byId.get("sftp")!)).toEqual({
      methods: ["Password", "Private key"],
      asks: [],
    });
    expect(templateSummary(byId.get("basic-auth")!)).toEqual({
      methods: [],
      asks: ["Username", "Password"],
    });
    expect(summaryText(templateSummary(byId.get("rest-adapter")!))).toBe(
      "Auth methods: None, Basic, OAuth 1.0a, OAuth 2.0.",
    );
    expect(summaryText(templateSummary(byId.get("bearer-token")!))).toBe("Asks for: Access token.");
  });

  it("every template's summary is what the designer reads in it (no card is written by hand)", () => {
    for (const template of DESIGN_TEMPLATES) {
      const summary = templateSummary(template.schema);
      expect(summary, template.id).toEqual(modelSummary(template.schema));
      expect(summaryValues(summary).length, template.id).toBeGreaterThan(0);
    }
  });

  it("any window of fields and choices: the summary is the designer's reading", () => {
    const title = fc.option(fc.constantFrom("Host", "Token", "Basic", "None", "API key"), {
      nil: undefined,
    });
    const leaf = title.map((t) => ({ type: "string", ...(t === undefined ? {} : { title: t }) }));
    const branch = fc
      .tuple(title, fc.constantFrom("a", "b", "c"), fc.dictionary(fc.constantFrom("x", "y"), leaf))
      .map(([t, value, properties]) => ({
        ...(t === undefined ? {} : { title: t }),
        type: "object",
        properties: { type: { type: "string", const: value }, ...properties },
      }));
    const field = fc.oneof(
      leaf,
      fc.tuple(title, fc.array(branch, { minLength: 1, maxLength: 3 })).map(([t, oneOf]) => ({
        ...(t === undefined ? {} : { title: t }),
        oneOf,
      })),
    );
    const window = fc
      .dictionary(fc.constantFrom("host", "auth", "token", "login", "key"), field, {
        maxKeys: 4,
      })
      .chain((properties) =>
        fc
          .subarray(Object.keys(properties))
          .map((required) => ({ type: "object", properties, required }) as JsonObject),
      );
    fc.assert(
      fc.property(window, (schema) => {
        expect(templateSummary(schema)).toEqual(modelSummary(schema));
      }),
    );
  });

  it("the caption says what the values are", () => {
    expect(summaryCaption({ methods: ["None"], asks: [] })).toBe("Auth methods");
    expect(summaryCaption({ methods: [], asks: ["Token"] })).toBe("Asks for");
    expect(summaryText({ methods: [], asks: [] })).toBe("");
  });
});
