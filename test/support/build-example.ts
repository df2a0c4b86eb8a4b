import fs from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "vite";
import { exportFiles } from "../../src/export/index.ts";

export const REPO = fileURLToPath(new URL("../../", import.meta.url));

/** The names of the templates in schemas/ (`rest-adapter` for schemas/rest-adapter.json), sorted. */
export async function templateNames(): Promise<string[]> {
  return (await fs.readdir(path.join(REPO, "schemas")))
    .filter((file) => file.endsWith(".json"))
    .map((file) => file.slice(0, -".json".length))
    .sort();
}

/**
 * Builds examples/embed as a user would: the template exported with the real exporter into
 * `generated/`, then a production Vite build. Works in a copy under the repo's .tmp/ (so that
 * react resolves from the repo's node_modules); returns the copy and its dist folder.
 */
export async function buildEmbedExample(
  template = "rest-adapter",
): Promise<{ dir: string; dist: string }> {
  await fs.mkdir(path.join(REPO, ".tmp"), { recursive: true });
  const dir = await fs.mkdtemp(path.join(REPO, ".tmp", "embed-"));
  for (const file of ["index.html", "main.tsx", "tsconfig.json"]) {
    await fs.copyFile(path.join(REPO, "examples", "embed", file), path.join(dir, file));
  }
  const schema = JSON.parse(
    await fs.readFile(path.join(REPO, "schemas", `${template}.json`), "utf8"),
  );
  await fs.mkdir(path.join(dir, "generated"));
  for (const file of await exportFiles(schema, "rest-adapter"))
    await fs.writeFile(path.join(dir, "generated", file.name), file.contents);
  const dist = path.join(dir, "dist");
  await build({
    root: dir,
    configFile: false,
    logLevel: "error",
    resolve: {
      alias: {
        "credential-designer/preview/style.css": path.join(
          REPO,
          "src",
          "preview",
          "credential-form.css",
        ),
        "credential-designer/preview": path.join(REPO, "src", "preview", "index.ts"),
      },
    },
    build: { outDir: dist, emptyOutDir: true },
  });
  return { dir, dist };
}

/**
 * Builds examples/vanilla as a user would (a production Vite build, the element from the
 * sources, as its vite.config.ts resolves it); returns its dist folder under the repo's .tmp/.
 */
export async function buildVanillaExample(): Promise<string> {
  await fs.mkdir(path.join(REPO, ".tmp"), { recursive: true });
  const outDir = await fs.mkdtemp(path.join(REPO, ".tmp", "vanilla-"));
  await build({
    configFile: path.join(REPO, "examples", "vanilla", "vite.config.ts"),
    logLevel: "error",
    build: { outDir, emptyOutDir: true },
  });
  return outDir;
}

/** Builds a test page (an index.html + entry under test/e2e/pages/<name>) into .tmp/. */
export async function buildTestPage(name: string): Promise<string> {
  await fs.mkdir(path.join(REPO, ".tmp"), { recursive: true });
  const outDir = await fs.mkdtemp(path.join(REPO, ".tmp", `${name}-`));
  await build({
    root: path.join(REPO, "test", "e2e", "pages", name),
    configFile: false,
    logLevel: "error",
    build: { outDir, emptyOutDir: true },
  });
  return outDir;
}
