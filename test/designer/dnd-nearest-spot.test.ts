import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { nearestSpot, type PlaceBox, rowSpot } from "../../src/designer/dnd/nearest-spot.ts";

/** Rows a (0–40), b (48–88), and the end zone of the list (96–108), as a list lays them out. */
const LIST: PlaceBox[] = [
  { type: "row", id: "a", top: 0, bottom: 40 },
  { type: "row", id: "b", top: 48, bottom: 88 },
  { type: "end", parent: "g", top: 96, bottom: 108 },
];

describe("where a pointer drop goes in a list", () => {
  it("on a row: its upper half is before it, its lower half after it", () => {
    expect(rowSpot("a", 0, 40, 10)).toEqual({ type: "row", id: "a", placement: "before" });
    expect(rowSpot("a", 0, 40, 19.9)).toEqual({ type: "row", id: "a", placement: "before" });
    expect(rowSpot("a", 0, 40, 20)).toEqual({ type: "row", id: "a", placement: "after" });
    expect(rowSpot("a", 0, 40, 39)).toEqual({ type: "row", id: "a", placement: "after" });
  });

  it("between places, the nearest one: the gap below a row is after it, the gap above the end zone is the end", () => {
    expect(nearestSpot(LIST, 42)).toEqual({ type: "row", id: "a", placement: "after" });
    expect(nearestSpot(LIST, 46)).toEqual({ type: "row", id: "b", placement: "before" });
    expect(nearestSpot(LIST, 93)).toEqual({ type: "end", parent: "g" });
    expect(nearestSpot(LIST, 500)).toEqual({ type: "end", parent: "g" });
    expect(nearestSpot(LIST, -30)).toEqual({ type: "row", id: "a", placement: "before" });
  });

  it("an empty list of places has no spot", () => {
    expect(nearestSpot([], 10)).toBeUndefined();
  });

  it("inside a box, always that box; the spot is one of the boxes, and the nearest", () => {
    const boxes = fc
      .array(
        fc.tuple(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 0, max: 20 }), fc.boolean()),
        { minLength: 1, maxLength: 12 },
      )
      .map((sizes) => {
        let top = 0;
        return sizes.map(([height, gap, end], index): PlaceBox => {
          const box: PlaceBox = end
            ? { type: "end", parent: `p${index}`, top, bottom: top + height }
            : { type: "row", id: `r${index}`, top, bottom: top + height };
          top += height + gap;
          return box;
        });
      });
    fc.assert(
      fc.property(boxes, fc.double({ min: -100, max: 1200, noNaN: true }), (list, y) => {
        const spot = nearestSpot(list, y)!;
        const chosen = list.find((box) =>
          box.type === "end"
            ? spot.type === "end" && spot.parent === box.parent
            : spot.type === "row" && spot.id === box.id,
        )!;
        expect(chosen).toBeDefined();
        const distance = (box: PlaceBox) => Math.max(box.top - y, 0, y - box.bottom);
        for (const box of list) expect(distance(chosen)).toBeLessThanOrEqual(distance(box));
        const containing = list.find((box) => y >= box.top && y <= box.bottom);
        if (containing) expect(chosen).toBe(containing);
      }),
    );
  });
});
