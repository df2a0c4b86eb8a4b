import fs from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { ICONS_FILE, iconsModule, shapeToPath } from "../../scripts/generate-icons.ts";

describe("icons (scripts/generate-icons.ts)", () => {
  it("src/designer/ui/icons.ts is what the installed lucide-react gives (else: npm run generate:icons)", async () => {
    expect(await fs.readFile(ICONS_FILE, "utf8")).toBe(await iconsModule());
  });

  it("turns lucide's shapes into path commands", () => {
    expect(shapeToPath(["path", { d: "M7 11V7", key: "k" }])).toBe("M7 11V7");
    // A shape's first relative move is from the origin, where the shape starts.
    expect(shapeToPath(["path", { d: "m6 9 6 6 6-6", key: "k" }])).toBe("M0 0m6 9 6 6 6-6");
    expect(shapeToPath(["circle", { cx: "12", cy: "12", r: "10", key: "k" }])).toBe(
      "M2 12a10 10 0 1 0 20 0a10 10 0 1 0 -20 0",
    );
    expect(shapeToPath(["ellipse", { cx: "12", cy: "5", rx: "9", ry: "3", key: "k" }])).toBe(
      "M3 5a9 3 0 1 0 18 0a9 3 0 1 0 -18 0",
    );
    expect(shapeToPath(["rect", { x: "3", y: "11", width: "18", height: "11", rx: "2" }])).toBe(
      "M5 11h14a2 2 0 0 1 2 2v7a2 2 0 0 1 -2 2h-14a2 2 0 0 1 -2 -2v-7a2 2 0 0 1 2 -2z",
    );
    expect(shapeToPath(["rect", { width: "8", height: "4" }])).toBe("M0 0h8v4h-8z");
    expect(shapeToPath(["line", { x1: "1", y1: "2", x2: "3", y2: "4" }])).toBe("M1 2L3 4");
    expect(shapeToPath(["polyline", { points: "1 2 3 4 5,6" }])).toBe("M1 2L3 4L5 6");
    expect(shapeToPath(["polygon", { points: "1 2 3 4 5 6" }])).toBe("M1 2L3 4L5 6z");
  });

  it("refuses what one stroked path cannot draw, saying what", () => {
    expect(() => shapeToPath(["text", {}])).toThrow("lucide shape <text> is not supported");
    expect(() => shapeToPath(["circle", { cx: "1", cy: "1", r: "1", fill: "red" }])).toThrow(
      'lucide shape <circle> has "fill", which one path cannot carry',
    );
    expect(() => shapeToPath(["circle", { cx: "1", cy: "1" }])).toThrow('no numeric "r"');
  });
});
