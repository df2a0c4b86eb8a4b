export * from "./auto-keys.ts";
export * from "./commands.ts";
export * from "./history.ts";
export { newId } from "./ids.ts";
export { keyFromTitle, TITLE_KEY_MAX_LENGTH, titleKey } from "./key-from-title.ts";
export * from "./keyword-order.ts";
export * from "./keywords.ts";
export * from "./kinds.ts";
export * from "./nodes.ts";
export {
  branchValue,
  describe,
  discriminatorKey,
  foundDiscriminatorKey,
  uniqueKey,
} from "./queries.ts";
export * from "./replace-design.ts";
export * from "./steps.ts";
export * from "./transaction.ts";
export * from "./tree.ts";
