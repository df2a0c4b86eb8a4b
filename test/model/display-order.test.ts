import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { JsonObject } from "../../src/json/value.ts";
import {
  type CredentialDocument,
  moveFieldInDisplayOrder,
  requiredKeys,
} from "../../src/model/index.ts";
import {
  fieldsInDisplayOrder,
  keysInDisplayOrder,
  targetsAirbyte,
} from "../../src/model/vendor-keywords.ts";
import { importSchema } from "../../src/schema/import.ts";
import { applyChecked, expectRefused, idOf, nodeAt, toSchema } from "./support.ts";

/** Airbyte's `order` on the canvas: what shows, and a move that renumbers it (vendor-keywords.ts, commands.ts). */

const airbyteWindow = (): CredentialDocument =>
  importSchema({
    $schema: "http://json-schema.org/draft-07/schema#",
    type: "object",
    required: ["host"],
    properties: {
      password: { type: "string", airbyte_secret: true, order: 3 },
      host: { type: "string", order: 0 },
      port: { type: "integer", order: 1 },
      user: { type: "string", order: 2 },
      options: {
        type: "object",
        properties: { a: { type: "string" }, b: { type: "string" } },
      },
    },
  });

const shownKeys = (doc: CredentialDocument, ...path: string[]) =>
  fieldsInDisplayOrder(nodeAt(doc, ...path).fields ?? []).map((field) => field.key);
const jsonKeys = (doc: CredentialDocument) =>
  Object.keys((toSchema(doc) as { properties: JsonObject }).properties);

describe("fields in display order", () => {
  it("orders nodes as keysInDisplayOrder orders keys: by order, then the rest in list order", () => {
    const doc = airbyteWindow();
    expect(shownKeys(doc)).toEqual(["host", "port", "user", "password", "options"]);
    const properties = toSchema(doc).properties as JsonObject;
    expect(shownKeys(doc)).toEqual(keysInDisplayOrder(properties));
  });

  it("agrees with keysInDisplayOrder for any orders", () => {
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.integer({ min: -3, max: 3 }), { nil: undefined }), {
          maxLength: 8,
        }),
        (orders) => {
          const properties: JsonObject = {};
          orders.forEach((order, i) => {
            properties[`f${i}`] = order === undefined ? { type: "string" } : { order };
          });
          const doc = importSchema({ type: "object", properties });
          expect(shownKeys(doc)).toEqual(keysInDisplayOrder(properties));
        },
      ),
    );
  });
});

describe("moveFieldInDisplayOrder", () => {
  it("renumbers order 0, 1, 2… in the new display order and keeps the JSON's key order (one transaction, invertible, replayable)", () => {
    const doc = airbyteWindow();
    // password (shown 4th) to the top
    const after = applyChecked(
      doc,
      moveFieldInDisplayOrder(doc, idOf(doc, "password"), { parent: doc.root.id, position: 0 }),
    );
    expect(shownKeys(after)).toEqual(["password", "host", "port", "user", "options"]);
    expect(jsonKeys(after)).toEqual(jsonKeys(doc));
    const properties = toSchema(after).properties as Record<string, JsonObject>;
    expect(properties.password!.order).toBe(0);
    expect(properties.host!.order).toBe(1);
    expect(properties.user!.order).toBe(3);
    // a field that had no order takes one: what shows is what the window gets
    expect(properties.options!.order).toBe(4);
    expect(properties.password!.airbyte_secret).toBe(true);
  });

  it("is one step for the history: the label names the field", () => {
    const doc = airbyteWindow();
    const move = moveFieldInDisplayOrder(doc, idOf(doc, "user"), {
      parent: doc.root.id,
      position: 1,
    });
    expect("label" in move && move.label).toMatch(/user/i);
  });

  it("moves a field into another container at its end of the list, then renumbers there; required follows", () => {
    const doc = airbyteWindow();
    const after = applyChecked(
      doc,
      moveFieldInDisplayOrder(doc, idOf(doc, "host"), {
        parent: idOf(doc, "options"),
        position: 1,
      }),
    );
    expect(shownKeys(after, "options")).toEqual(["a", "host", "b"]);
    expect(nodeAt(after, "options").fields!.map((field) => field.key)).toEqual(["a", "b", "host"]);
    expect(requiredKeys(nodeAt(after, "options"))).toEqual(["host"]);
    expect(requiredKeys(after.root)).toEqual([]);
  });

  it("changes only what is not numbered so already (here: options, which had no order)", () => {
    const doc = airbyteWindow();
    const move = moveFieldInDisplayOrder(doc, idOf(doc, "port"), {
      parent: doc.root.id,
      position: 1,
    });
    expect(
      "steps" in move && move.steps.map((step) => (step.op === "set" ? step.node : step.op)),
    ).toEqual([idOf(doc, "options")]);
  });

  it("refuses a place outside the list, a branch, and a move into itself", () => {
    const doc = airbyteWindow();
    expectRefused(
      moveFieldInDisplayOrder(doc, idOf(doc, "port"), { parent: doc.root.id, position: 9 }),
      /outside the 5 places/,
    );
    expectRefused(
      moveFieldInDisplayOrder(doc, idOf(doc, "options"), {
        parent: idOf(doc, "options"),
        position: 0,
      }),
      /into itself/,
    );
    expectRefused(
      moveFieldInDisplayOrder(doc, doc.root.id, { parent: doc.root.id, position: 0 }),
      /display order/,
    );
  });
});

describe("moveFieldInDisplayOrder, for any orders and any move", () => {
  it("shows the field where it was put, the others in their order; the keys stay; undo and replay hold", () => {
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.integer({ min: -2, max: 4 }), { nil: undefined }), {
          minLength: 1,
          maxLength: 7,
        }),
        fc.nat(),
        fc.nat(),
        (orders, from, to) => {
          const properties: JsonObject = {};
          orders.forEach((order, i) => {
            properties[`f${i}`] = order === undefined ? { type: "string" } : { order };
          });
          const doc = importSchema({ type: "object", properties });
          const shown = shownKeys(doc);
          const moving = shown[from % shown.length]!;
          const position = to % shown.length;
          const after = applyChecked(
            doc,
            moveFieldInDisplayOrder(doc, idOf(doc, moving), { parent: doc.root.id, position }),
          );
          const expected = shown.filter((key) => key !== moving);
          expected.splice(position, 0, moving);
          expect(shownKeys(after)).toEqual(expected);
          expect(jsonKeys(after)).toEqual(jsonKeys(doc));
        },
      ),
    );
  });
});

describe("targetsAirbyte", () => {
  it("is true for an airbyte_ keyword anywhere, or order or group on a field", () => {
    expect(targetsAirbyte(airbyteWindow().root)).toBe(true);
    const nested = importSchema({
      type: "object",
      properties: {
        auth: {
          oneOf: [
            {
              type: "object",
              properties: { token: { type: "string", airbyte_hidden: true } },
            },
          ],
        },
      },
    });
    expect(targetsAirbyte(nested.root)).toBe(true);
    expect(
      targetsAirbyte(
        importSchema({ type: "object", properties: { a: { type: "string", group: "x" } } }).root,
      ),
    ).toBe(true);
  });

  it("is false for a window with none (a keyword named order on the window itself is no field's)", () => {
    expect(
      targetsAirbyte(
        importSchema({
          type: "object",
          properties: { a: { type: "string", writeOnly: true }, b: { type: "integer" } },
        }).root,
      ),
    ).toBe(false);
  });
});
