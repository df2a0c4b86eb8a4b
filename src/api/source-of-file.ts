import type { SourceDescription } from "../schema/read-source.ts";

/**
 * What a file name tells the reader (src/schema/read-source.ts knows no files): `.yaml`/`.yml`,
 * any case, is YAML and any other name JSON; the name, as the user wrote it, is what messages
 * call the source. Without a name the reader goes by the text.
 */
export function sourceOfFile(file: string | undefined): SourceDescription {
  if (file === undefined) return {};
  return { format: /\.ya?ml$/i.test(file) ? "yaml" : "json", label: file };
}
