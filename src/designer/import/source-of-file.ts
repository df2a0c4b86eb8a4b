import type { SourceDescription } from "../../schema/read-source.ts";

/**
 * What a file's name tells the reader (src/schema/read-source.ts knows no files): `.yaml`/`.yml`,
 * any case, is YAML and any other name JSON; the name is what the notice calls the source.
 * Without a name (the JSON view) the reader goes by the text. (The CLI's twin is
 * src/api/source-of-file.ts: the page does not load the API.)
 */
export function sourceOfFile(name: string | undefined): SourceDescription {
  if (name === undefined) return {};
  return { format: /\.ya?ml$/i.test(name) ? "yaml" : "json", label: name };
}
