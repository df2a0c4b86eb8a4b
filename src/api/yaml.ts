import type { JsonValue } from "../json/value.ts";
import { readYaml, type YamlModule } from "../schema/yaml-reader.ts";

let loaded: YamlModule | undefined;

/**
 * Reads a YAML text (src/schema/yaml-reader.ts) with the `yaml` package, loaded on the first YAML
 * text rather than with `import "credential-designer"`: parseSchema stays synchronous, and the
 * package's entry loads no package. (The typed API runs in Node, Deno or Bun: `require` is made
 * from Node's module API.)
 */
export function parseYamlText(text: string): JsonValue {
  loaded ??= process.getBuiltinModule("node:module").createRequire(import.meta.url)(
    "yaml",
  ) as YamlModule;
  return readYaml(loaded, text);
}
