import { readdirSync, readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { importSchema } from "../../src/schema/import.ts";
import { toSchema } from "../../src/schema/to-schema.ts";
import { loadFixture } from "../model/support.ts";
import { credentialSchema } from "./credential-schema-arbitrary.ts";

describe("import then export is lossless", () => {
  it("gives back every generated credential schema exactly: keywords, order, extensions, refs", () => {
    fc.assert(
      fc.property(credentialSchema, (schema) => {
        expect(JSON.stringify(toSchema(importSchema(schema)))).toBe(JSON.stringify(schema));
      }),
      { numRuns: 300 },
    );
  });

  it("gives back the sample and every template byte for byte", () => {
    const texts = [JSON.stringify(loadFixture("rest-sample.schema.json"), null, 2)];
    const folder = new URL("../../schemas/", import.meta.url);
    for (const name of readdirSync(folder).filter((file) => file.endsWith(".json")))
      texts.push(readFileSync(new URL(name, folder), "utf8").trimEnd());
    for (const text of texts)
      expect(JSON.stringify(toSchema(importSchema(JSON.parse(text))), null, 2)).toBe(text);
  });

  it("keeps `__proto__` and `constructor` as ordinary own property keys", () => {
    const schema = JSON.parse(
      '{"type":"object","properties":{"__proto__":{"type":"string"},"constructor":{"type":"number"}},"required":["__proto__"]}',
    );
    const exported = toSchema(importSchema(schema));
    expect(JSON.stringify(exported)).toBe(JSON.stringify(schema));
    expect(Object.getPrototypeOf(exported.properties)).toBe(Object.prototype);
    expect(({} as any).type).toBeUndefined();
  });

  it("does not share objects with the caller's schema", () => {
    const schema = loadFixture("rest-sample.schema.json");
    const doc = importSchema(schema);
    (schema.properties as any).baseUrl.title = "changed";
    expect((toSchema(doc).properties as any).baseUrl.title).toBe("Base URL");
  });

  it("survives a 400-level nested schema", () => {
    let schema: any = { type: "string", title: "leaf" };
    for (let depth = 0; depth < 400; depth++)
      schema = { type: "object", properties: { [`level${depth}`]: schema } };
    expect(JSON.stringify(toSchema(importSchema(schema)))).toBe(JSON.stringify(schema));
  });
});
