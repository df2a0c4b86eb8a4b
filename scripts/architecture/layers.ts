import type { Architecture } from "./rules.ts";

/**
 * The one place that says which part of src/ may import which. `npm run check:architecture` (part
 * of `npm test`) fails on an import against it, a package used outside the layers named for it, a
 * circle of imports, or a lazily loaded part pulled into what the page loads first.
 *
 *   json ← model ← schema ← check / export / diff ← api ← cli
 *                    schema ← preview
 *   designer ← all; inside it: store, ui ← dnd, items ← palette, canvas ← the features, layout
 *   ← the shell
 */

const CORE = ["src/json/", "src/model/", "src/schema/"];
const DESIGNER_BASE = [
  ...CORE,
  "src/check/",
  "src/preview/",
  "src/designer/store/",
  "src/designer/ui/",
];
const REACT = ["react", "react-dom"];
/** (The designer's icons are lucide's shapes in src/designer/ui/icons.ts: no icon package.) */
const DESIGNER_PACKAGES = REACT;

export const ARCHITECTURE: Architecture = {
  layers: [
    // JSON values, pointers, problems and results: what every layer speaks.
    { path: "src/json/", mayImport: [] },
    // The document, its steps and commands: pure, no packages.
    { path: "src/model/", mayImport: ["src/json/"] },
    // Document ↔ JSON Schema, parsing, the one Ajv set-up, the pattern analysis.
    {
      path: "src/schema/",
      mayImport: ["src/json/", "src/model/"],
      // yaml: the YAML reader (parse-yaml.ts), for .yaml/.yml files and manifests.
      packages: [
        "ajv",
        "refa",
        "regexp-ast-analysis",
        "scslre",
        "@eslint-community/regexpp",
        "yaml",
      ],
    },
    { path: "src/check/", mayImport: CORE },
    {
      path: "src/export/",
      mayImport: CORE,
      // regexpp: the C# export translates patterns from their syntax tree.
      packages: [
        "ajv",
        "ajv-formats",
        "json-schema-to-typescript",
        "prettier",
        "@eslint-community/regexpp",
      ],
    },
    {
      path: "src/diff/",
      mayImport: CORE,
      packages: ["ajv", "ajv-formats", "refa", "@eslint-community/regexpp"],
    },
    // The package root (`credential-designer`): the CLI's work without the file system, for
    // build tools. The heavy layers behind it load on a call, not on import.
    { path: "src/api/", mayImport: [...CORE, "src/check/", "src/export/", "src/diff/"] },
    // The only layer that touches the file system: a shell over the API.
    {
      path: "src/cli/",
      mayImport: [...CORE, "src/api/"],
      packages: ["node:fs", "node:fs/promises", "node:os", "node:path", "node:url"],
    },
    // <CredentialForm>: renders a schema; knows nothing of the designer. (src/model/: the one
    // reading of vendor keywords, vendor-keywords.ts; what it imports is bundled into the entries.)
    {
      path: "src/preview/",
      mayImport: ["src/json/", "src/model/", "src/schema/"],
      packages: ["react", "ajv", "ajv-formats"],
    },

    // The page's React: React's API on Preact (vite.config.ts points "react" here). The one
    // place that names Preact; the rest of the designer is written against React's API.
    { path: "src/designer/runtime/", mayImport: [], packages: ["preact"] },
    // The designer page: features over a shared store, assembled by the shell (app.tsx).
    { path: "src/designer/store/", mayImport: CORE, packages: REACT },
    // The visual system: tokens, the controls' look, icons, toasts, menus. No design rules.
    { path: "src/designer/ui/", mayImport: CORE, packages: DESIGNER_PACKAGES },
    // The app shell's layout: panels, separators, tabs, the theme; remembered per browser.
    {
      path: "src/designer/layout/",
      mayImport: DESIGNER_BASE,
      packages: DESIGNER_PACKAGES,
    },
    {
      path: "src/designer/dnd/",
      mayImport: [...DESIGNER_BASE, "src/designer/items/"],
      packages: [...DESIGNER_PACKAGES, "@dnd-kit/core", "@dnd-kit/utilities"],
    },
    // What the palette offers and how an item is added: shared by the palette and drag and drop.
    { path: "src/designer/items/", mayImport: DESIGNER_BASE },
    {
      path: "src/designer/palette/",
      mayImport: [...DESIGNER_BASE, "src/designer/items/", "src/designer/dnd/"],
      packages: [...DESIGNER_PACKAGES, "@dnd-kit/core"],
    },
    {
      path: "src/designer/canvas/",
      mayImport: [...DESIGNER_BASE, "src/designer/dnd/"],
      packages: DESIGNER_PACKAGES,
    },
    { path: "src/designer/inspector/", mayImport: DESIGNER_BASE, packages: DESIGNER_PACKAGES },
    { path: "src/designer/import/", mayImport: DESIGNER_BASE, packages: DESIGNER_PACKAGES },
    // The reader worker: reads the files and texts brought in (Import, Compare, the Schema JSON
    // view) off the page's thread. Only import/read-client.ts starts it, by URL: nothing imports it.
    {
      path: "src/designer/import/reader/",
      mayImport: [...DESIGNER_BASE, "src/designer/import/", "src/designer/json-view/"],
    },
    { path: "src/designer/storage/", mayImport: DESIGNER_BASE, packages: DESIGNER_PACKAGES },
    {
      path: "src/designer/problems/",
      // It hands its findings to the canvas rows and the inspector (their contexts).
      mayImport: [
        ...DESIGNER_BASE,
        "src/designer/canvas/",
        "src/designer/dnd/",
        "src/designer/inspector/",
      ],
      packages: DESIGNER_PACKAGES,
    },
    {
      path: "src/designer/json-view/",
      mayImport: [...DESIGNER_BASE, "src/designer/import/"],
      packages: [
        ...REACT,
        "@codemirror/commands",
        "@codemirror/lang-json",
        "@codemirror/language",
      ].concat(["@codemirror/lint", "@codemirror/state", "@codemirror/view"]),
    },
    {
      path: "src/designer/export/",
      mayImport: [...DESIGNER_BASE, "src/export/"],
      packages: [...DESIGNER_PACKAGES, "fflate", "buffer"],
    },
    {
      path: "src/designer/compare/",
      mayImport: [
        ...DESIGNER_BASE,
        "src/diff/",
        "src/designer/canvas/",
        "src/designer/import/",
        "src/designer/problems/",
        "src/designer/storage/",
      ],
      packages: DESIGNER_PACKAGES,
    },
    // The start panel: an empty design's templates, import and blank start.
    {
      path: "src/designer/start/",
      mayImport: [
        ...DESIGNER_BASE,
        "src/designer/items/",
        "src/designer/canvas/",
        "src/designer/import/",
        "src/designer/storage/",
      ],
      packages: DESIGNER_PACKAGES,
    },
    // The shell: lays the features out on the page.
    {
      path: "src/designer/",
      mayImport: [
        ...DESIGNER_BASE,
        "src/designer/dnd/",
        "src/designer/palette/",
        "src/designer/canvas/",
        "src/designer/inspector/",
        "src/designer/import/",
        "src/designer/storage/",
        "src/designer/problems/",
        "src/designer/json-view/",
        "src/designer/export/",
        "src/designer/compare/",
        "src/designer/layout/",
        "src/designer/start/",
      ],
      packages: DESIGNER_PACKAGES,
    },
    // The page's entry.
    {
      path: "src/main.tsx",
      mayImport: [...CORE, "src/preview/", "src/designer/", "src/designer/store/"].concat([
        "src/designer/storage/",
        "src/designer/inspector/",
        "src/designer/ui/",
        "src/designer/layout/",
      ]),
      packages: DESIGNER_PACKAGES,
    },
  ],

  entries: ["src/main.tsx"],

  // Parts the page loads with import() when first used: never statically from the entry.
  lazy: [
    {
      path: "src/schema/pattern-safety/",
      why: "the pattern analysis, ~250 KB gzipped: loaded by schema/pattern-safety-lazy.ts when a pattern is there",
    },
    { path: "npm:refa", why: "part of the pattern analysis" },
    { path: "npm:scslre", why: "part of the pattern analysis" },
    { path: "src/diff/", why: "the diff: loaded by 'Compare with…' when it is opened" },
    {
      path: "src/designer/compare/compare-view.tsx",
      why: "the compare view: loaded by compare-with.tsx when opened",
    },
    { path: "npm:@codemirror/", why: "CodeMirror: loaded when the Schema JSON view is opened" },
    {
      path: "src/designer/json-view/schema-json-editor.tsx",
      why: "the Schema JSON editor: loaded by schema-json-region.tsx when opened",
    },
    { path: "src/export/", why: "the export generators: run in the export worker" },
    {
      path: "npm:json-schema-to-typescript",
      why: "an export generator: runs in the export worker",
    },
    { path: "npm:prettier", why: "an export generator: runs in the export worker" },
    { path: "npm:fflate", why: "the zip: loaded with the export worker" },
    {
      path: "npm:yaml",
      why: "the YAML reader: loaded with Import's reader or the Schema JSON editor, when used",
    },
    {
      path: "src/designer/import/design-from-file.ts",
      why: "reading a file or a text: runs in the reader worker (import/read-client.ts starts it)",
    },
    { path: "npm:ajv", why: "the preview's validator: loaded when the preview is first used" },
    {
      path: "src/preview/dom/reconcile.ts",
      why: "the preview's update in place: loaded by dom/form-view.ts when a form first gets a new schema",
    },
    {
      path: "src/preview/incremental-validator.ts",
      why: "the preview's validator: loaded by preview-pane.tsx when the preview is first used",
    },
  ],
};
