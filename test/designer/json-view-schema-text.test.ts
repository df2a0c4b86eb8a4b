import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  describeTextProblem,
  readSchemaText,
  schemaText,
  textChange,
} from "../../src/designer/json-view/schema-text.ts";
import { importSchema } from "../../src/schema/import.ts";

const template = readFileSync(new URL("../../schemas/basic-auth.json", import.meta.url), "utf8");

function problemOf(text: string) {
  const reading = readSchemaText(text);
  if (reading.ok) throw new Error("the text was read");
  return {
    ...reading.problem,
    marked: text.slice(reading.problem.from, reading.problem.to),
    message: describeTextProblem(reading.problem),
  };
}

describe("the JSON view's text", () => {
  it("is the schema of the design, formatted as the templates are", () => {
    expect(schemaText(importSchema(JSON.parse(template)))).toBe(template.trimEnd());
  });

  it("a text over the import limit (512 KB) is refused unread, marked at its start", () => {
    const text = JSON.stringify({ type: "object", description: "x".repeat(2.3 * 1024 * 1024) });
    expect(problemOf(text)).toMatchObject({
      from: 0,
      to: 1,
      marked: "{",
      message:
        "1:1: the text is 2.3 MB; the designer opens windows up to 512 KB (the largest real connector window we know is 110 KB). Split it, or use the command line (credential-designer check, export and diff), which reads files up to 64 MB.",
    });
    // Within the limit, such a text is read.
    expect(
      readSchemaText(JSON.stringify({ type: "object", description: "x".repeat(1000) })).ok,
    ).toBe(true);
  });

  it("reads back into a design", () => {
    const reading = readSchemaText(template);
    expect(reading.ok && schemaText(reading.doc)).toBe(template.trimEnd());
  });

  it("a JSON syntax error is placed where the parser stopped, with line and column", () => {
    const problem = problemOf('{\n  "title": "A"\n  "type": "object"\n}');
    expect(problem).toMatchObject({ line: 3, column: 3, marked: '"' });
    expect(problem.pointer).toBeUndefined();
    expect(problem.message).toMatch(
      /^3:3: expected ',' or '}' after the value of "title", found '"'\. Add a comma between the two properties\.$/,
    );
  });

  it("a text that stops early is marked at its end", () => {
    const text = '{\n  "title": "A",\n';
    const problem = problemOf(text);
    expect(problem).toMatchObject({ from: text.length, to: text.length, line: 3, column: 1 });
    expect(problem.message).toMatch(/ends before the JSON is complete/);
  });

  it("a schema the importer refuses is marked on the value its pointer names, and the pointer is told", () => {
    const text =
      '{\n  "type": "object",\n  "properties": {\n    "port": { "type": "integer", "minimum": "ten" }\n  }\n}';
    const problem = problemOf(text);
    expect(problem).toMatchObject({
      pointer: "/properties/port/minimum",
      marked: '"ten"',
      line: 4,
      column: 45,
    });
    expect(problem.message).toMatch(
      /^4:45 \(\/properties\/port\/minimum\): "minimum" must be a number/,
    );
  });

  it("a remote $ref is marked on the ref", () => {
    const problem = problemOf(
      '{"type": "object", "properties": {"auth": {"$ref": "https://example.com/auth.json"}}}',
    );
    expect(problem.marked).toBe('"https://example.com/auth.json"');
    expect(problem.message).toMatch(/on another server, which is never fetched/);
  });

  it("a secret carrying a value is refused as Import refuses it, marked on the keyword's value", () => {
    const text =
      '{\n  "type": "object",\n  "properties": {\n    "password": { "title": "Password", "type": "string", "writeOnly": true, "default": "hunter2" }\n  }\n}';
    const problem = problemOf(text);
    expect(problem).toMatchObject({
      pointer: "/properties/password/default",
      marked: '"hunter2"',
      line: 4,
      column: 88,
    });
    expect(problem.message).toBe(
      '4:88 (/properties/password/default): the secret field "password" (Password) has a default value ("default"), which would ship with every connector. ' +
        'Remove "default" from the field "password" (Password); describe the expected format in "description" instead.',
    );
    // A list of examples is marked on its name, as any array is.
    const examples = problemOf(
      '{"properties": {"token": {"writeOnly": true, "examples": ["a", "b"]}}}',
    );
    expect(examples).toMatchObject({ pointer: "/properties/token/examples", marked: '"examples"' });
    expect(
      readSchemaText('{"properties": {"token": {"writeOnly": true, "enum": ["a", "b"]}}}').ok,
    ).toBe(true);
  });

  it("a problem with a whole object is marked on its name, not on all of it", () => {
    expect(problemOf('[{"type": "object"}]')).toMatchObject({
      pointer: "",
      marked: "[",
      line: 1,
      column: 1,
    });
    expect(problemOf('{"type": "array", "items": {}}')).toMatchObject({
      pointer: "/type",
      marked: '"array"',
    });
  });
});

describe("textChange: the one change from the shown text to the design's", () => {
  it("replaces only what differs", () => {
    expect(textChange('{ "title": "A" }', '{ "title": "Bee" }')).toEqual({
      from: 12,
      to: 13,
      insert: "Bee",
    });
    expect(textChange("abc", "abc")).toBeUndefined();
    expect(textChange("aaa", "aaaa")).toEqual({ from: 3, to: 3, insert: "a" });
    expect(textChange("abc", "")).toEqual({ from: 0, to: 3, insert: "" });
  });

  it("never splits a character made of two UTF-16 units", () => {
    const change = textChange("x😀y", "x😃y")!;
    expect(change).toEqual({ from: 1, to: 3, insert: "😃" });
    const before = "a😀";
    const after = "a😀b";
    const grown = textChange(before, after)!;
    expect(before.slice(0, grown.from) + grown.insert + before.slice(grown.to)).toBe(after);
  });
});
