import { expect, it } from "vitest";
import { resolveRef } from "../../src/schema/refs.ts";

it("a named anchor is found in subschemas only: an $id inside const, enum, default or examples is data", () => {
  const data = { $id: "#key", type: "string" };
  for (const keyword of ["const", "default"]) {
    expect(resolveRef({ properties: { a: { [keyword]: data } } }, "#key").kind).toBe("missing");
  }
  for (const keyword of ["enum", "examples"]) {
    expect(resolveRef({ properties: { a: { [keyword]: [data] } } }, "#key").kind).toBe("missing");
  }
  expect(resolveRef({ definitions: { k: data } }, "#key")).toEqual({ kind: "local", value: data });
});
