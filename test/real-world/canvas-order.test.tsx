import { cleanup, render } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { Canvas } from "../../src/designer/canvas/canvas.tsx";
import { DesignerDnd } from "../../src/designer/dnd/designer-dnd.tsx";
import { DesignerStore } from "../../src/designer/store/designer-store.ts";
import { SchemaProblem } from "../../src/json/problem.ts";
import { isJsonObject, type JsonValue } from "../../src/json/value.ts";
import type { FieldNode } from "../../src/model/index.ts";
import { importSchema } from "../../src/schema/import.ts";
import { CORPUS, expectedDisplayOrder } from "./support/corpus.ts";

afterEach(cleanup);

/**
 * The designer's canvas shows every real window's fields in Airbyte's `order` (lower first; the
 * fields without one after, in the JSON's order), in every object: the root, groups and the
 * branches of choices. The JSON keeps its own key order (check-export.test.ts).
 */

interface Place {
  /** Where in the schema, for messages. */
  pointer: string;
  node: FieldNode;
  /** The fields the canvas shows as rows (a branch shows its discriminator's value on its own row). */
  shown: FieldNode[];
  expected: string[];
}

const isConst = (node: FieldNode) =>
  typeof node.schema === "object" && node.schema.const !== undefined;

/** Each object-like node of the design with the display order its schema's `properties` ask for. */
function placesOf(node: FieldNode, schema: JsonValue, pointer = "", branch = false): Place[] {
  if (!isJsonObject(schema)) return [];
  const places: Place[] = [];
  if (node.fields && node.fields.length > 0 && isJsonObject(schema.properties)) {
    const shown = node.fields.filter((field) => !(branch && isConst(field)));
    const keys = new Set(shown.map((field) => field.key));
    places.push({
      pointer: pointer || "/",
      node,
      shown,
      expected: expectedDisplayOrder(schema.properties).filter((key) => keys.has(key)),
    });
    for (const field of node.fields)
      places.push(
        ...placesOf(
          field,
          schema.properties[field.key] ?? null,
          `${pointer}/properties/${field.key}`,
        ),
      );
  }
  if (node.branches && Array.isArray(schema.oneOf)) {
    const branches = schema.oneOf as JsonValue[];
    for (const [i, child] of node.branches.entries())
      places.push(...placesOf(child, branches[i] ?? null, `${pointer}/oneOf/${i}`, true));
  }
  return places;
}

const opened = new Set<string>();

describe("the canvas shows the fields of every real window in `order`", () => {
  it.each(CORPUS.map((entry) => [entry.name, entry] as const))("%s", (_name, entry) => {
    let store: DesignerStore;
    try {
      store = new DesignerStore(importSchema(structuredClone(entry.schema)));
    } catch (error) {
      // A window the designer cannot open is refused with a reason at its place, never a crash.
      expect(error).toBeInstanceOf(SchemaProblem);
      return;
    }
    opened.add(entry.name);
    const { container } = render(
      <DesignerDnd store={store}>
        <Canvas store={store} />
      </DesignerDnd>,
    );
    const position = new Map(
      [...container.querySelectorAll("li[data-node]")].map((row, i) => [
        row.getAttribute("data-node")!,
        i,
      ]),
    );
    const places = placesOf(store.doc.root, entry.schema);
    expect(places.length).toBeGreaterThan(0);
    const wrong: string[] = [];
    for (const place of places) {
      const rows = place.shown.filter((field) => position.has(field.id));
      if (rows.length !== place.shown.length) {
        wrong.push(`${place.pointer}: ${place.shown.length - rows.length} fields have no row`);
        continue;
      }
      const shown = [...rows]
        .sort((a, b) => position.get(a.id)! - position.get(b.id)!)
        .map((field) => field.key);
      if (shown.join("\n") !== place.expected.join("\n"))
        wrong.push(
          `${place.pointer}: shown ${shown.join(", ")}; in order ${place.expected.join(", ")}`,
        );
    }
    expect(wrong).toEqual([]);
  });

  it("opens nearly every window of the corpus", () => {
    expect(opened.size).toBeGreaterThanOrEqual(CORPUS.length - 5);
  });
});
