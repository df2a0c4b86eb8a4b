import * as yaml from "yaml";
import type { JsonValue } from "../json/value.ts";
import { locateYamlPointerWith, readYaml, type TextSpan } from "./yaml-reader.ts";

export {
  looksLikeYaml,
  MAX_YAML_ALIASES,
  MAX_YAML_CHARS,
  MAX_YAML_DEPTH,
} from "./yaml-reader.ts";

/**
 * Reads a YAML text as a JSON value, safely (./yaml-reader.ts): the page's and the tests' way in,
 * with the `yaml` package imported (the page loads this with Import's reader or the JSON editor).
 */
export function parseYamlText(text: string): JsonValue {
  return readYaml(yaml, text);
}

/** Where a JSON pointer's value (and its key) is written in a YAML text (./yaml-reader.ts). */
export function locateYamlPointer(
  text: string,
  pointer: string,
): { key?: TextSpan; value: TextSpan } | undefined {
  return locateYamlPointerWith(yaml, text, pointer);
}
