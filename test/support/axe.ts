import fs from "node:fs/promises";
import { createRequire } from "node:module";

/** axe-core's browser build, to put into a page (page.addScriptTag({ content: AXE_SOURCE })). */
export const AXE_SOURCE = await fs.readFile(
  createRequire(import.meta.url).resolve("axe-core/axe.min.js"),
  "utf8",
);
