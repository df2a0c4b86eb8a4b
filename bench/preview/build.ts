import fs from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { compileSchemaValidatorsCode } from "@rjsf/validator-ajv8/compileSchemaValidators";
import { build, type Plugin } from "vite";
import { exportFiles } from "../../src/export/index.ts";
import type { JsonObject } from "../../src/json/value.ts";

export const REPO = fileURLToPath(new URL("../../", import.meta.url));
const PAGES = fileURLToPath(new URL("./pages/", import.meta.url));
export const PREVIEW_ENTRY = path.join(REPO, "src/preview/index.ts");
const LIB_CONFIG = path.join(REPO, "vite.lib.config.ts");

export type Contender = "floor" | "rjsf" | "ours";

export interface BuiltPage {
  contender: Contender;
  /** Path of the page below the served folder, e.g. "floor/floor.html". */
  page: string;
  /** Gzipped size of the page's JavaScript (everything, React and validators included). */
  jsGzip: number;
}

/**
 * Modules generated at build time, imported by the pages as "virtual:bench/<name>": the schema,
 * rjsf's precompiled validators, our exported validator; and our component. The generated ones
 * get ids inside pages/__generated__/ (never written to disk), so that the bare `require`s in
 * rjsf's generated code resolve from the repository's node_modules.
 */
function generatedModules(
  generated: Record<string, { file: string; code: () => Promise<string> }>,
  entry: string,
): Plugin {
  const ids = new Map(
    Object.entries(generated).map(([name, { file, code }]) => [
      path.join(PAGES, "__generated__", file),
      { name, code },
    ]),
  );
  const byName = new Map([...ids].map(([id, { name }]) => [`virtual:bench/${name}`, id]));
  return {
    name: "bench-generated-modules",
    enforce: "pre",
    resolveId(source) {
      if (source === "virtual:bench/credential-form") return entry;
      return byName.get(source) ?? null;
    },
    load(id) {
      return ids.get(id)?.code() ?? null;
    },
  };
}

/** Builds the pages of the given contenders (production mode) into `outDir/<contender>/`. */
export async function buildPages(
  schema: JsonObject,
  contenders: readonly Contender[],
  outDir: string,
  { minify = true, entry = PREVIEW_ENTRY }: { minify?: boolean; entry?: string } = {},
): Promise<BuiltPage[]> {
  const schemaText = JSON.stringify(schema);
  const plugin = generatedModules(
    {
      schema: {
        file: "schema.js",
        code: async () => `export default JSON.parse(${JSON.stringify(schemaText)});`,
      },
      // CommonJS, as @rjsf/validator-ajv8 writes it; its `require`s of ajv's runtime get bundled.
      "rjsf-validators": {
        file: "rjsf-validators.cjs",
        code: async () => compileSchemaValidatorsCode(schema as never),
      },
      "ours-validator": {
        file: "ours-validator.js",
        code: async () => {
          const file = (await exportFiles(schema, "credentials")).find(
            (f) => f.name === "credentials.validate.js",
          );
          if (!file) throw new Error("exportFiles produced no credentials.validate.js");
          return file.contents;
        },
      },
    },
    entry,
  );
  const built: BuiltPage[] = [];
  for (const contender of contenders) {
    const dir = path.join(outDir, contender);
    await build({
      root: PAGES,
      base: "./",
      configFile: false,
      envDir: false,
      publicDir: false,
      cacheDir: path.join(outDir, ".vite-cache"),
      mode: "production",
      logLevel: "error", // rolldown warns about rjsf's "use client" directives
      plugins: [plugin],
      build: {
        outDir: dir,
        emptyOutDir: true,
        minify,
        reportCompressedSize: false,
        chunkSizeWarningLimit: 100_000,
        rolldownOptions: { input: path.join(PAGES, `${contender}.html`) },
      },
    });
    let jsGzip = 0;
    for (const file of await fs.readdir(path.join(dir, "assets"))) {
      if (file.endsWith(".js"))
        jsGzip += gzipSync(await fs.readFile(path.join(dir, "assets", file))).length;
    }
    built.push({ contender, page: `${contender}/${contender}.html`, jsGzip });
  }
  return built;
}

export interface EntrySize {
  /** The entry chunk and the chunks it imports statically, gzipped. */
  entry: { files: string[]; gzip: number };
  /** Chunks reached only through dynamic import(), each gzipped. */
  lazy: Array<{ file: string; gzip: number }>;
  /** How it was built. */
  config: string;
}

/**
 * src/preview/index.ts (or `entry`) built as a library with React external: with the project's
 * vite.lib.config.ts when it exists (outDir redirected, entry replaced), else an equivalent
 * inline config.
 */
export async function buildEntry(outDir: string, entry = PREVIEW_ENTRY): Promise<EntrySize> {
  const hasLibConfig = await fs.access(LIB_CONFIG).then(
    () => true,
    () => false,
  );
  const external = [/^react(\/.*)?$/, /^react-dom(\/.*)?$/];
  const lib = { entry, formats: ["es" as const], fileName: () => "index.js" };
  const result = await build(
    hasLibConfig
      ? {
          configFile: LIB_CONFIG,
          logLevel: "warn",
          build: { outDir, emptyOutDir: true, sourcemap: false, reportCompressedSize: false, lib },
        }
      : {
          root: REPO,
          configFile: false,
          envDir: false,
          publicDir: false,
          cacheDir: path.join(outDir, ".vite-cache"),
          logLevel: "warn",
          build: {
            outDir,
            emptyOutDir: true,
            minify: true,
            reportCompressedSize: false,
            lib,
            rolldownOptions: { external },
          },
        },
  );
  const outputs = (Array.isArray(result) ? result : [result]).flatMap((r) =>
    "output" in r ? r.output : [],
  );
  const chunks = new Map(outputs.filter((o) => o.type === "chunk").map((c) => [c.fileName, c]));
  const entryChunk = [...chunks.values()].find((c) => c.isEntry);
  if (!entryChunk) throw new Error("the library build produced no entry chunk");
  const eager = new Set<string>();
  const visit = (name: string) => {
    if (eager.has(name) || !chunks.has(name)) return;
    eager.add(name);
    for (const imported of chunks.get(name)!.imports) visit(imported);
  };
  visit(entryChunk.fileName);
  const size = (name: string) => gzipSync(chunks.get(name)!.code).length;
  return {
    entry: { files: [...eager], gzip: [...eager].reduce((sum, name) => sum + size(name), 0) },
    lazy: [...chunks.keys()]
      .filter((name) => !eager.has(name))
      .map((file) => ({ file, gzip: size(file) })),
    config: hasLibConfig ? "vite.lib.config.ts" : "inline lib config (React external)",
  };
}
