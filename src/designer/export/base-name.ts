/** The base name used when the design has no title, or one with no letter or digit. */
export const DEFAULT_BASE_NAME = "credentials";

/** At most this many characters (code points), as `exportFiles` allows. */
const MAX_LENGTH = 100;

/**
 * The base name of the exported files, from the design's title: "REST API" → "rest-api"
 * (rest-api.schema.json, rest-api.ts…). Always valid for `exportFiles` (src/export/index.ts
 * `checkBaseName`: letters, digits, "-", "_" and ".", starting with a letter or digit, not ending
 * with ".", 100 at most): letters of any script are kept (lower-cased, accents folded into
 * their letter where Unicode composes them, other combining marks dropped), every other run of
 * characters becomes one "-". A title with nothing to keep gives "credentials".
 */
export function exportBaseName(title: unknown): string {
  if (typeof title !== "string") return DEFAULT_BASE_NAME;
  const slug = title
    .normalize("NFKC")
    .toLowerCase()
    .replace(/\p{M}+/gu, "")
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "");
  // Cut by code points (what the base-name rule counts), then drop a "-" the cut left at the end.
  const cut = Array.from(slug).slice(0, MAX_LENGTH).join("").replace(/-+$/, "");
  return cut === "" ? DEFAULT_BASE_NAME : cut;
}

/** The four files `exportFiles` writes for a base name, in its order (`<base>.cs` is apart). */
export function exportFileNames(baseName: string): readonly string[] {
  return [
    `${baseName}.schema.json`,
    `${baseName}.ts`,
    `${baseName}.validate.js`,
    `${baseName}.validate.d.ts`,
  ];
}
