/**
 * npm run generate:icons
 *
 * Writes src/designer/ui/icons.ts: the lucide icons the designer uses, each drawn as one `<svg>`
 * holding one `<path>` (lucide's circles, rects, lines and polylines turned into path commands).
 * Why not lucide-react's components: each of them is two forwardRef components over an `<svg>`
 * with eleven attributes and one child per shape; at the page's start that was two fifths of the
 * React tree (220 of 535 fibers). The shapes and their look are lucide's, unchanged.
 * test/designer/icons.test.ts fails when the file no longer matches the installed lucide-react.
 */
import fs from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
export const ICONS_FILE = path.join(ROOT, "src/designer/ui/icons.ts");

/** The icons the designer uses, by their names in lucide-react (and in icons.ts). */
const ICONS: readonly string[] = [
  "AppWindow",
  "ArrowDown",
  "ArrowUp",
  "Asterisk",
  "AtSign",
  "Binary",
  "Boxes",
  "Braces",
  "ChevronDown",
  "ChevronRight",
  "CircleAlert",
  "CircleCheck",
  "CircleHelp",
  "Copy",
  "CornerDownRight",
  "Database",
  "DatabaseZap",
  "Download",
  "FileArchive",
  "EyeOff",
  "FileCode",
  "FileKey",
  "FileUp",
  "Folder",
  "GitCompareArrows",
  "GripVertical",
  "Hash",
  "KeyRound",
  "Link",
  "List",
  "ListTree",
  "Lock",
  "Monitor",
  "Moon",
  "PanelLeftOpen",
  "PanelRightOpen",
  "PencilRuler",
  "Redo2",
  "Regex",
  "Server",
  "ShieldCheck",
  "ShieldEllipsis",
  "ShieldUser",
  "Split",
  "SquareChevronDown",
  "Sun",
  "TextAlignStart",
  "Ticket",
  "ToggleLeft",
  "Trash2",
  "TriangleAlert",
  "Type",
  "Undo2",
  "UserRound",
  "X",
];

type Shape = readonly [string, Readonly<Record<string, string>>];

const number = (attributes: Readonly<Record<string, string>>, name: string, fallback?: number) => {
  const value = attributes[name] ?? (fallback === undefined ? undefined : String(fallback));
  const parsed = Number(value);
  if (value === undefined || !Number.isFinite(parsed))
    throw new Error(`a lucide shape has no numeric "${name}": ${JSON.stringify(attributes)}`);
  return parsed;
};
const fmt = (n: number) => String(Number(n.toFixed(3)));

/** The path commands that draw one of lucide's shapes (a stroke, no fill). */
export function shapeToPath([tag, attributes]: Shape): string {
  const allowed: Record<string, readonly string[]> = {
    path: ["d"],
    circle: ["cx", "cy", "r"],
    ellipse: ["cx", "cy", "rx", "ry"],
    rect: ["x", "y", "width", "height", "rx", "ry"],
    line: ["x1", "y1", "x2", "y2"],
    polyline: ["points"],
    polygon: ["points"],
  };
  const known = allowed[tag];
  if (!known) throw new Error(`lucide shape <${tag}> is not supported`);
  for (const name of Object.keys(attributes))
    if (
      name !== "key" &&
      !(name === "fill" && attributes.fill === "currentColor") &&
      !known.includes(name)
    )
      throw new Error(`lucide shape <${tag}> has "${name}", which one path cannot carry`);
  const n = (name: string, fallback?: number) => number(attributes, name, fallback);
  switch (tag) {
    case "path": {
      const d = attributes.d!.trim();
      // A shape's first move may be relative (to the origin, where each shape starts): after
      // other shapes in one path it would be relative to where they ended, so the path moves to
      // the origin first. (Not "M" for "m": the pairs after it would turn absolute.)
      return d.startsWith("m") ? `M0 0${d}` : d;
    }
    case "circle":
    case "ellipse": {
      const [cx, cy] = [n("cx"), n("cy")];
      const [rx, ry] = tag === "circle" ? [n("r"), n("r")] : [n("rx"), n("ry")];
      return `M${fmt(cx - rx)} ${fmt(cy)}a${fmt(rx)} ${fmt(ry)} 0 1 0 ${fmt(2 * rx)} 0a${fmt(rx)} ${fmt(ry)} 0 1 0 ${fmt(-2 * rx)} 0`;
    }
    case "rect": {
      const [x, y, w, h] = [n("x", 0), n("y", 0), n("width"), n("height")];
      const rx = Math.min(attributes.rx === undefined ? n("ry", 0) : n("rx"), w / 2);
      const ry = Math.min(attributes.ry === undefined ? rx : n("ry"), h / 2);
      if (rx === 0 || ry === 0) return `M${fmt(x)} ${fmt(y)}h${fmt(w)}v${fmt(h)}h${fmt(-w)}z`;
      const arc = (dx: number, dy: number) => `a${fmt(rx)} ${fmt(ry)} 0 0 1 ${fmt(dx)} ${fmt(dy)}`;
      return (
        `M${fmt(x + rx)} ${fmt(y)}h${fmt(w - 2 * rx)}${arc(rx, ry)}v${fmt(h - 2 * ry)}${arc(-rx, ry)}` +
        `h${fmt(-(w - 2 * rx))}${arc(-rx, -ry)}v${fmt(-(h - 2 * ry))}${arc(rx, -ry)}z`
      );
    }
    case "line":
      return `M${fmt(n("x1", 0))} ${fmt(n("y1", 0))}L${fmt(n("x2", 0))} ${fmt(n("y2", 0))}`;
    default: {
      const points = (attributes.points ?? "")
        .trim()
        .split(/[\s,]+/)
        .map(Number);
      if (points.length < 4 || points.length % 2 || points.some((p) => !Number.isFinite(p)))
        throw new Error(`lucide <${tag}> has unreadable points: ${attributes.points}`);
      const pairs = [];
      for (let i = 0; i < points.length; i += 2)
        pairs.push(`${fmt(points[i]!)} ${fmt(points[i + 1]!)}`);
      return `M${pairs.join("L")}${tag === "polygon" ? "z" : ""}`;
    }
  }
}

/** The text of src/designer/ui/icons.ts for the installed lucide-react. */
export async function iconsModule(): Promise<string> {
  const require = createRequire(import.meta.url);
  const packageJson = require.resolve("lucide-react/package.json");
  const { version } = JSON.parse(await fs.readFile(packageJson, "utf8")) as { version: string };
  const esm = path.join(path.dirname(packageJson), "dist/esm");
  // Which file each name comes from, as lucide-react's own entry says (names have aliases).
  const entry = await fs.readFile(path.join(esm, "lucide-react.mjs"), "utf8");
  const lines: string[] = [];
  for (const name of ICONS) {
    const file = new RegExp(`default as ${name}\\b[^;]*from '(\\./icons/[\\w-]+\\.mjs)'`).exec(
      entry,
    )?.[1];
    if (!file) throw new Error(`lucide-react ${version} exports no icon named ${name}`);
    const module = (await import(pathToFileURL(path.join(esm, file)).href)) as {
      __iconData?: { node: readonly Shape[] };
    };
    if (!module.__iconData) throw new Error(`lucide-react ${version}: ${file} holds no icon data`);
    // Shapes filled with the text colour (a key's dot) go in a second path, filled.
    const shapes = module.__iconData.node;
    const filled = (shape: Shape) => shape[1].fill === "currentColor";
    const d = shapes
      .filter((shape) => !filled(shape))
      .map(shapeToPath)
      .join("");
    const dots = shapes.filter(filled).map(shapeToPath).join("");
    lines.push(
      `export const ${name}: IconComponent = (props) => drawIcon(${JSON.stringify(d)}, props${dots ? `, ${JSON.stringify(dots)}` : ""});`,
    );
  }
  return [
    `// Generated by scripts/generate-icons.ts from lucide-react ${version} (ISC license): do not edit;`,
    "// run `npm run generate:icons` after changing the list there or upgrading lucide-react.",
    'import { drawIcon, type IconComponent } from "./icon.tsx";',
    "",
    ...lines,
    "",
  ].join("\n");
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  await fs.writeFile(ICONS_FILE, await iconsModule());
  console.log(`wrote ${path.relative(ROOT, ICONS_FILE)}`);
}
