export * from "./nodes.ts";
export * from "./kinds.ts";
export * from "./keywords.ts";
export * from "./tree.ts";
export * from "./steps.ts";
export * from "./transaction.ts";
export * from "./commands.ts";
export * from "./history.ts";
export { newId } from "./ids.ts";
