import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { sourceFromFile } from "../../src/designer/compare/compare-source.ts";
import { replaceSharedReadClient } from "../../src/designer/import/read-client.ts";
import { inThreadReadClient } from "../support/in-thread-reader.ts";

// The reader worker's own code, run in the test's thread (no workers here).
let restoreReader: () => void = () => {};
beforeEach(() => {
  restoreReader = replaceSharedReadClient(inThreadReadClient());
});
afterEach(() => restoreReader());

// "Compare with…" reads a file as `diff` does: JSON or YAML, and a connector specification's window.
describe("sourceFromFile", () => {
  it("reads a manifest.yaml's credential window", async () => {
    const text =
      "version: 6.0.0\nspec:\n  type: Spec\n  connection_specification:\n    type: object\n    properties:\n      key: {type: string}\n";
    expect(await sourceFromFile(new File([text], "manifest.yaml"))).toEqual({
      source: {
        name: "manifest.yaml",
        schema: { type: "object", properties: { key: { type: "string" } } },
      },
    });
  });

  it("refuses broken YAML at its line:column, with the file's name", async () => {
    const read = await sourceFromFile(new File(["type: object\n---\ntype: object\n"], "old.yml"));
    expect(read).toEqual({
      error: expect.stringMatching(/^old\.yml:2:1: the YAML text holds several documents/),
    });
  });

  it("names a problem inside a spec.json's window by its place in the file", async () => {
    const text = JSON.stringify({
      connectionSpecification: { type: "object", properties: { port: { type: "port" } } },
    });
    const read = await sourceFromFile(new File([text], "spec.json"));
    expect(read).toEqual({
      error: expect.stringMatching(
        /^spec\.json:\/connectionSpecification\/properties\/port\/type: /,
      ),
    });
  });
});
