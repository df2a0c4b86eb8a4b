import { quoteExcerptAsWritten } from "../json/excerpt.ts";
import { isJsonObject, ownValue } from "../json/value.ts";
import type { SchemaNode } from "./types.ts";

/** A regular expression a schema node carries: its `pattern`, or a `patternProperties` key. */
export interface NodePattern {
  source: string;
  pointer: string;
  /** How a message names it, e.g. `The pattern "^a+$" of the field "x"`. */
  subject: string;
  /** Whether it is the node's `pattern` rather than a property-name pattern. */
  isValuePattern: boolean;
}

/** The patterns of a node that are strings (a non-string `pattern` is the invalid-pattern rule's own case). */
export function* patternsOf(node: SchemaNode): Generator<NodePattern> {
  const pattern = ownValue(node.schema, "pattern");
  if (typeof pattern === "string") {
    yield {
      source: pattern,
      pointer: node.at("pattern"),
      subject: `The pattern ${quoteExcerptAsWritten(pattern)} of the ${node.name}`,
      isValuePattern: true,
    };
  }
  const patternProperties = ownValue(node.schema, "patternProperties");
  if (!isJsonObject(patternProperties)) return;
  for (const key of Object.keys(patternProperties)) {
    yield {
      source: key,
      pointer: node.at("patternProperties", key),
      subject: `The property-name pattern ${quoteExcerptAsWritten(key)} of the ${node.name}`,
      isValuePattern: false,
    };
  }
}
