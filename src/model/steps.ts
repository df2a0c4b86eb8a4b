import type { Result } from "../json/result.ts";
import { type JsonObject, jsonEqual } from "../json/value.ts";
import type { ChildList, CredentialDocument, FieldNode } from "./nodes.ts";
import { locate, replaceAlong, walkNodes } from "./tree.ts";

/** What a `set` step replaces on one node. */
export interface NodeProps {
  readonly key: string;
  readonly schema: JsonObject | boolean;
  /**
   * Whether the key follows the title (`FieldNode.autoKey`). Given in both `before` and `after`
   * when the step changes it, in neither when it leaves it as it is.
   */
  readonly autoKey?: boolean;
}

/**
 * The two primitive, invertible changes every command is made of. Steps are plain data
 * (JSON-serialisable), carry what they remove so they can be inverted, and are checked
 * against the document they apply to, so a stale or forged step is refused, never half-applied.
 */
export type Step =
  | {
      readonly op: "splice";
      readonly parent: string;
      readonly list: ChildList;
      readonly index: number;
      readonly remove: readonly FieldNode[];
      readonly insert: readonly FieldNode[];
    }
  | {
      readonly op: "set";
      readonly node: string;
      readonly before: NodeProps;
      readonly after: NodeProps;
    };

export type StepResult = Result<{ doc: CredentialDocument }>;

export function invertStep(step: Step): Step {
  return step.op === "splice"
    ? { ...step, remove: step.insert, insert: step.remove }
    : { ...step, before: step.after, after: step.before };
}

export function applyStep(doc: CredentialDocument, step: Step): StepResult {
  return step.op === "splice" ? applySplice(doc, step) : applySet(doc, step);
}

function applySplice(doc: CredentialDocument, step: Extract<Step, { op: "splice" }>): StepResult {
  const located = locate(doc, step.parent);
  if (!located) return refuse(`the target (${step.parent}) is not in the design`);
  const parent = located.node;
  const children = parent[step.list];
  if (!children) {
    return refuse(
      step.list === "fields"
        ? "only a group, a choice branch or the window holds fields"
        : "only an auth-method choice holds branches",
    );
  }
  const { index, remove, insert } = step;
  if (!Number.isInteger(index) || index < 0 || index + remove.length > children.length) {
    return refuse(`position ${index} is outside the ${children.length} items there`);
  }
  for (let i = 0; i < remove.length; i++) {
    if (children[index + i]!.id !== remove[i]!.id)
      return refuse("the design changed since this change was made");
  }
  const next = [...children.slice(0, index), ...insert, ...children.slice(index + remove.length)];
  const problem =
    step.list === "fields" ? checkInsertedFields(next, insert) : checkBranches(next, insert);
  if (problem) return refuse(problem);
  if (insert.length > 0) {
    const removedIds = new Set<string>();
    for (const node of remove) walkNodes(node, (n) => void removedIds.add(n.id));
    const insertedIds = new Set<string>();
    for (const node of insert) walkNodes(node, (n) => void insertedIds.add(n.id));
    let clash = false;
    walkNodes(doc.root, (n) => {
      if (insertedIds.has(n.id) && !removedIds.has(n.id)) clash = true;
      return !clash;
    });
    if (clash) return refuse("a node with the same id is already in the design");
  }
  return { ok: true, doc: { root: replaceAlong(located.path, { ...parent, [step.list]: next }) } };
}

function checkInsertedFields(
  fields: readonly FieldNode[],
  inserted: readonly FieldNode[],
): string | undefined {
  for (const node of inserted) {
    if (node.key === "") return "a field needs a key: type a property name";
    const sameKey = fields.filter((field) => field.key === node.key).length;
    if (sameKey > 1)
      return `the key "${node.key}" is already used in this object: choose another key`;
  }
  return undefined;
}

function checkBranches(
  branches: readonly FieldNode[],
  inserted: readonly FieldNode[],
): string | undefined {
  if (branches.length === 0)
    return "a choice needs at least one branch: add another branch before removing this one";
  for (const node of inserted) {
    if (!node.fields) return "a choice branch must be an object with fields";
    if (node.autoKey) return "a choice branch has no key to follow its title";
  }
  return undefined;
}

function applySet(doc: CredentialDocument, step: Extract<Step, { op: "set" }>): StepResult {
  const located = locate(doc, step.node);
  if (!located) return refuse(`the field (${step.node}) is not in the design`);
  const node = located.node;
  const { before, after } = step;
  if ((before.autoKey === undefined) !== (after.autoKey === undefined))
    return refuse("a step that changes whether a key follows its title must say what it was");
  if (
    node.key !== before.key ||
    !jsonEqual(node.schema, before.schema) ||
    (before.autoKey !== undefined && (node.autoKey === true) !== before.autoKey)
  ) {
    return refuse("the design changed since this change was made");
  }
  const { key, schema } = after;
  const position = located.path.at(-1);
  if (key !== node.key || after.autoKey === true) {
    if (position?.list !== "fields") return refuse("only a field has a key");
  }
  if (key !== node.key) {
    if (key === "") return refuse("a field needs a key: type a property name");
    if (position!.parent.fields!.some((field, i) => i !== position!.index && field.key === key)) {
      return refuse(`the key "${key}" is already used in this object: choose another key`);
    }
  }
  let next: FieldNode = { ...node, key, schema };
  if (after.autoKey === true) next = { ...next, autoKey: true };
  else if (after.autoKey === false) next = withoutAutoKey(next);
  return { ok: true, doc: { root: replaceAlong(located.path, next) } };
}

/** The node with its key no longer following its title. */
export function withoutAutoKey(node: FieldNode): FieldNode {
  if (!node.autoKey) return node;
  const { autoKey: _, ...rest } = node;
  return rest;
}

function refuse(reason: string): StepResult {
  return { ok: false, reason };
}
