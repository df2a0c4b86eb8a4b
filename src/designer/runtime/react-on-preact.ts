import { useState } from "preact/compat";

/**
 * What the designer page gets for `import … from "react"` (vite.config.ts points it here):
 * Preact's React-compatible API, with one difference put right. Preact numbers `useId` per render
 * root and per Suspense boundary, so a control in the inspector and a heading in a dialog got the
 * same id, and a label named the wrong element. The page is never rendered on a server, so one
 * counter for the page gives ids as unique as React's.
 */
// preact/compat's types are one `export =` namespace, which TypeScript will not re-export with
// `export *`; the module itself is plain ES exports. Nothing imports this file by its path (the
// page's code is typed against React's types), so its own types do not matter.
// @ts-expect-error TS2498
export * from "preact/compat";
export { default } from "preact/compat";

let lastId = 0;

export function useId(): string {
  const [id] = useState(() => `cd-${(++lastId).toString(36)}`);
  return id;
}
