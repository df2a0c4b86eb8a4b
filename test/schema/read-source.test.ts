import { describe, expect, it } from "vitest";
import { exportBaseName } from "../../src/api/base-name.ts";
import { parseSchema, readSchemaValue } from "../../src/api/parse.ts";
import { sourceOfFile } from "../../src/api/source-of-file.ts";
import { JsonSyntaxProblem, SchemaProblem } from "../../src/json/problem.ts";
import { parseYamlText } from "../../src/schema/parse-yaml.ts";
import {
  findEnvelope,
  inEnvelope,
  readSchemaSource as readWith,
} from "../../src/schema/read-source.ts";

const readSchemaSource = (text: string, name?: string) =>
  readWith(text, sourceOfFile(name), parseYamlText);

const WINDOW = {
  type: "object",
  properties: { api_key: { type: "string", airbyte_secret: true } },
};

describe("readSchemaSource: the format", () => {
  it("follows the file name: .yaml and .yml are YAML, any other name JSON", () => {
    expect(readSchemaSource("type: object", "a.yaml").format).toBe("yaml");
    expect(readSchemaSource("type: object", "A.YML").format).toBe("yaml");
    expect(() => readSchemaSource("type: object", "a.json")).toThrow(JsonSyntaxProblem);
    expect(readSchemaSource('{"type": "object"}', "a.yaml")).toEqual({
      schema: { type: "object" },
      format: "yaml",
    });
  });

  it("without a name, reads a text that starts with { or [ as JSON, any other as YAML", () => {
    expect(readSchemaSource('{"type": "object"}').format).toBe("json");
    expect(readSchemaSource("type: object").format).toBe("yaml");
    // A JSON text's mistake is named in JSON's words.
    expect(() => readSchemaSource('{"type": "object",}')).toThrow(/trailing commas/);
  });
});

describe("envelopes", () => {
  it("reads connectionSpecification of an Airbyte spec.json", () => {
    const reading = readSchemaSource(
      JSON.stringify({ documentationUrl: "https://x", connectionSpecification: WINDOW }),
      "spec.json",
    );
    expect(reading.schema).toEqual(WINDOW);
    expect(reading.envelope).toEqual({
      pointer: "/connectionSpecification",
      part: "connectionSpecification of spec.json",
      kind: "airbyte-spec",
    });
  });

  it("reads spec.connection_specification of a low-code manifest, with type: Spec or without", () => {
    const manifest = `version: 6.0.0\ntype: DeclarativeSource\nstreams: []\nspec:\n  type: Spec\n  connection_specification:\n    type: object\n    properties:\n      api_key: {type: string, airbyte_secret: true}\n`;
    const reading = readSchemaSource(manifest, "manifest.yaml");
    expect(reading.schema).toEqual(WINDOW);
    expect(reading.envelope?.part).toBe("spec.connection_specification of manifest.yaml");
    expect(
      readSchemaSource("spec:\n  connection_specification: {type: object}\n").envelope?.part,
    ).toBe("spec.connection_specification of the low-code manifest");
  });

  it("reads a connector's SPEC message", () => {
    const reading = readSchemaSource(
      JSON.stringify({ type: "SPEC", spec: { connectionSpecification: WINDOW } }),
    );
    expect(reading.schema).toEqual(WINDOW);
    expect(reading.envelope?.pointer).toBe("/spec/connectionSpecification");
  });

  it("takes a schema for a schema, whatever keys it has", () => {
    expect(findEnvelope({ type: "object", connectionSpecification: {} })).toBeUndefined();
    expect(
      findEnvelope({ properties: {}, spec: { connection_specification: {} } }),
    ).toBeUndefined();
    expect(findEnvelope({ $schema: "x", title: "a window" })).toBeUndefined();
    expect(findEnvelope({ type: ["object"], connectionSpecification: {} })).toBeUndefined();
    expect(findEnvelope({ title: "no window" })).toBeUndefined();
    expect(findEnvelope([1])).toBeUndefined();
  });

  it("reads a spec.json that has a $schema of its own beside connectionSpecification (destination-gcs)", () => {
    const envelope = findEnvelope(
      {
        documentationUrl: "https://docs.airbyte.com/integrations/destinations/gcs",
        $schema: "http://json-schema.org/draft-07/schema#",
        connectionSpecification: WINDOW,
      },
      "spec.json",
    );
    expect(envelope?.pointer).toBe("/connectionSpecification");
  });

  it("refuses a manifest without a window, saying what to add", () => {
    expect(() => findEnvelope({ spec: { type: "Spec" } })).toThrow(SchemaProblem);
    expect(() => findEnvelope({ version: "1", streams: [] })).toThrow(
      /manifest without a spec.*Add spec\.connection_specification/,
    );
  });

  it("places a problem inside the window in the file as written", () => {
    const envelope = {
      pointer: "/spec/connection_specification",
      part: "x",
      kind: "airbyte-manifest",
    } as const;
    expect(() =>
      inEnvelope(envelope, () => {
        throw new SchemaProblem("/properties/a", "wrong", "fix it");
      }),
    ).toThrow(expect.objectContaining({ pointer: "/spec/connection_specification/properties/a" }));
  });
});

describe("the API", () => {
  it("parseSchema reads YAML and envelopes, telling onNotice which part it read", () => {
    const notices: string[] = [];
    const schema = parseSchema(
      "documentationUrl: https://x\nconnectionSpecification:\n  type: object\n  properties: {}\n",
      { file: "connectors/spec.yaml", onNotice: (notice) => notices.push(notice) },
    );
    expect(schema).toEqual({ type: "object", properties: {} });
    expect(notices).toEqual(["read connectionSpecification of connectors/spec.yaml"]);
    expect(() => parseSchema("a: [1", { file: "x.yml" })).toThrow(
      /^x\.yml:1:6: a '\[' or '\{' is not closed/,
    );
  });

  it("readSchemaValue unwraps an envelope already parsed (an imported spec.json)", () => {
    const notices: string[] = [];
    expect(
      readSchemaValue(
        { documentationUrl: "https://x", connectionSpecification: WINDOW },
        { file: "spec.json", onNotice: (notice) => notices.push(notice) },
      ),
    ).toEqual(WINDOW);
    expect(notices).toEqual(["read connectionSpecification of spec.json"]);
  });

  it("exportBaseName: .yaml/.yml stripped; spec and manifest named after their connector", () => {
    expect(exportBaseName("api.yaml")).toBe("api");
    expect(exportBaseName("api.schema.yml")).toBe("api");
    expect(exportBaseName("/c/source-postgres/src/main/resources/spec.json")).toBe(
      "source-postgres",
    );
    expect(exportBaseName("c/source-stripe/source_stripe/spec.yaml")).toBe("source-stripe");
    expect(exportBaseName("connectors\\source-x\\manifest.yaml")).toBe("source-x");
    expect(exportBaseName("manifest.yml")).toBe("manifest");
    expect(exportBaseName("./spec.json")).toBe("spec");
    expect(() => exportBaseName(".yaml")).toThrow(/cannot name the exported files/);
  });
});
