import type { JsonValue } from "../json/value.ts";
import { readYaml, type YamlModule } from "../schema/yaml-reader.ts";
import { CredentialDesignerError } from "./error.ts";

let loaded: YamlModule | undefined;

/** What this module needs of Node's `process` (the API's declarations are built without Node's types). */
interface NodeProcess {
  getBuiltinModule?(
    id: "node:module",
  ): { createRequire(from: string): (id: string) => unknown } | undefined;
}

/**
 * Reads a YAML text (src/schema/yaml-reader.ts) with the `yaml` package, loaded on the first YAML
 * text rather than with `import "credential-designer"`: parseSchema stays synchronous, and the
 * package's entry loads no package. (The typed API runs in Node, Deno or Bun: `require` is made
 * with Node's module API, `process.getBuiltinModule`.)
 */
export function parseYamlText(text: string): JsonValue {
  if (!loaded) {
    const process = (globalThis as { process?: NodeProcess }).process;
    const modules = process?.getBuiltinModule?.("node:module");
    if (!modules) {
      throw new CredentialDesignerError(
        "reading YAML needs Node.js 20.16 or newer (or Deno, or Bun)",
        "run it there, or convert the file to JSON",
      );
    }
    loaded = modules.createRequire(import.meta.url)("yaml") as YamlModule;
  }
  return readYaml(loaded, text);
}
