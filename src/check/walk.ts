import type { JsonObject } from "../json/value.ts";
import { walkSubschemas } from "../model/walk.ts";
import { SchemaNode } from "./types.ts";

/** Every schema object in `root`, as the lint rules see it: the schema walk with names for messages. */
export function walkSchema(root: JsonObject): Generator<SchemaNode> {
  return walkSubschemas<SchemaNode>(
    root,
    (schema, parent, tokens) => new SchemaNode(schema, parent, tokens, root),
  );
}
