import { cloneJson, defineOwn, type JsonObject, type JsonValue } from "../json/value.ts";
import { newId } from "./ids.ts";
import { keyFromTitle } from "./key-from-title.ts";
import { canonicalInsertionIndex } from "./keyword-order.ts";
import { keywordProblem } from "./keywords.ts";
import { type AddableKind, kindDefinition, kindOf } from "./kinds.ts";
import { type CredentialDocument, type FieldNode, requiredKeys, schemaObject } from "./nodes.ts";
import {
  branchValue,
  DEFAULT_DISCRIMINATOR,
  describe,
  describeContainer,
  discriminatorKey,
  foundDiscriminatorKey,
  uniqueKey,
  uniqueKeyAmong,
} from "./queries.ts";
import { secretValues } from "./secret-values.ts";
import type { Step } from "./steps.ts";
import { isRefusal, type Refusal, refusal, type Transaction } from "./transaction.ts";
import { type Located, locate } from "./tree.ts";
import { displayOrderOf, fieldsInDisplayOrder, SECRET_MARKINGS } from "./vendor-keywords.ts";

/**
 * Command builders: each reads the document, decides, and returns a Transaction of primitive
 * steps (or a Refusal saying why not). They never change anything themselves; `applyTransaction`
 * and the history do. The designer, the JSON view, import and templates all come through here.
 */
export type CommandResult = Transaction | Refusal;

/** Keywords that hold structure the document manages itself (children and the required list). */
const STRUCTURAL_KEYWORDS = new Set(["properties", "oneOf", "required"]);

// ---------------------------------------------------------------- add, insert

export interface AddFieldOptions {
  /** The window (root), a group or a choice branch. */
  parent: string;
  /** Position among the parent's fields; the end when omitted. */
  index?: number;
  kind: AddableKind;
  /** The field's key, as typed; without one the key follows the title until edited by hand. */
  key?: string;
  title?: string;
}

export function addField(doc: CredentialDocument, options: AddFieldOptions): CommandResult {
  const target = locateContainer(doc, options.parent);
  if ("reason" in target) return target;
  const definition = kindDefinition(options.kind);
  const taken = new Set(target.node.fields!.map((field) => field.key));
  // Without a key of its own, the key follows the title (the kind's default title to start with).
  const key =
    options.key ??
    (options.title === undefined
      ? uniqueKeyAmong(taken, definition.defaultKey)
      : keyFromTitle(options.title, taken, definition.defaultKey));
  const made = newFieldNode(options.kind, key, options.title);
  const node: FieldNode = options.key === undefined ? { ...made, autoKey: true } : made;
  return insertSteps(
    target,
    options.index,
    [node],
    [],
    `Add ${definition.label.toLowerCase()} "${key}"`,
  );
}

/** A new field of `kind` with fresh ids; a new choice starts with two useful branches. */
export function newFieldNode(kind: AddableKind, key: string, title?: string): FieldNode {
  let schema = kindDefinition(kind).newSchema();
  if (title !== undefined) schema = withKeywords(schema, { title });
  if (kind === "group") return { id: newId(), key, schema, fields: [] };
  if (kind === "choice") {
    return {
      id: newId(),
      key,
      schema,
      branches: [
        newBranchNode(DEFAULT_DISCRIMINATOR, "none", "None"),
        {
          ...newBranchNode(DEFAULT_DISCRIMINATOR, "basic", "Basic", ["username", "password"]),
          fields: [
            discriminatorField(DEFAULT_DISCRIMINATOR, "basic"),
            newFieldNode("text", "username", "Username"),
            newFieldNode("secret", "password", "Password"),
          ],
        },
      ],
    };
  }
  return { id: newId(), key, schema };
}

export interface InsertNodesOptions {
  parent: string;
  index?: number;
  /** Nodes to insert, e.g. the fields of a template; they get fresh ids, and keys made unique. */
  nodes: readonly FieldNode[];
  /** Which of the nodes' keys are required. */
  required?: readonly string[];
  label: string;
}

export function insertNodes(doc: CredentialDocument, options: InsertNodesOptions): CommandResult {
  const target = locateContainer(doc, options.parent);
  if ("reason" in target) return target;
  const taken = new Set(target.node.fields!.map((field) => field.key));
  const required: string[] = [];
  const nodes = options.nodes.map((node) => {
    const key =
      node.key === "" || taken.has(node.key)
        ? uniqueKeyAmong(taken, node.key || "field")
        : node.key;
    taken.add(key);
    if (options.required?.includes(node.key)) required.push(key);
    return { ...withFreshIds(node), key };
  });
  return insertSteps(target, options.index, nodes, required, options.label);
}

function insertSteps(
  target: Located,
  index: number | undefined,
  nodes: FieldNode[],
  required: string[],
  label: string,
): CommandResult {
  const fields = target.node.fields!;
  const at = index ?? fields.length;
  if (!Number.isInteger(at) || at < 0 || at > fields.length)
    return refusal(`position ${at} is outside the ${fields.length + 1} places there`);
  for (const node of nodes) {
    if (node.key === "") return refusal("a field needs a key: type a property name");
    if (fields.some((field) => field.key === node.key)) return keyTaken(node.key, target.node);
  }
  const steps: Step[] = [
    { op: "splice", parent: target.node.id, list: "fields", index: at, remove: [], insert: nodes },
  ];
  const requiredStep = setRequiredStep(target.node, (keys) => [
    ...keys,
    ...required.filter((key) => !keys.includes(key)),
  ]);
  if (requiredStep) steps.push(requiredStep);
  return { label, steps };
}

// ---------------------------------------------------------------- move

export interface Destination {
  /** The window, a group or a branch for fields; the same choice for a branch. */
  parent: string;
  /** The index the node ends up at in the destination list. */
  index: number;
}

export function moveField(doc: CredentialDocument, id: string, to: Destination): CommandResult {
  const source = locate(doc, id);
  if (!source) return refusal("that field is no longer in the design");
  const from = source.path.at(-1);
  if (!from) return refusal("the window itself cannot be moved");
  const node = source.node;
  const name = describe(node);
  if (from.list === "branches") return moveBranch(source, to);
  const target = locate(doc, to.parent);
  if (!target) return refusal("the place to move to is no longer in the design");
  if (target.node.id === id || target.path.some((step) => step.parent.id === id)) {
    return refusal(`${name} cannot be moved into itself or into one of its own fields`);
  }
  if (!target.node.fields)
    return refusal(
      `${describe(target.node)} holds no fields: drop ${name} into the window, a group or a choice branch`,
    );
  const sameParent = target.node.id === from.parent.id;
  const length = target.node.fields.length - (sameParent ? 1 : 0);
  if (!Number.isInteger(to.index) || to.index < 0 || to.index > length)
    return refusal(`position ${to.index} is outside the ${length + 1} places there`);
  if (sameParent) {
    if (to.index === from.index) return { label: `Move ${name}`, steps: [] };
    return {
      label: `Move ${name}`,
      steps: [
        {
          op: "splice",
          parent: from.parent.id,
          list: "fields",
          index: from.index,
          remove: [node],
          insert: [],
        },
        {
          op: "splice",
          parent: from.parent.id,
          list: "fields",
          index: to.index,
          remove: [],
          insert: [node],
        },
      ],
    };
  }
  if (target.node.fields.some((field) => field.key === node.key))
    return keyTaken(node.key, target.node);
  const wasRequired = requiredKeys(from.parent).includes(node.key);
  const steps: Step[] = [];
  const leave = wasRequired
    ? setRequiredStep(from.parent, (keys) => keys.filter((key) => key !== node.key))
    : undefined;
  if (leave) steps.push(leave);
  steps.push({
    op: "splice",
    parent: from.parent.id,
    list: "fields",
    index: from.index,
    remove: [node],
    insert: [],
  });
  steps.push({
    op: "splice",
    parent: target.node.id,
    list: "fields",
    index: to.index,
    remove: [],
    insert: [node],
  });
  const join = wasRequired
    ? setRequiredStep(target.node, (keys) =>
        keys.includes(node.key) ? [...keys] : [...keys, node.key],
      )
    : undefined;
  if (join) steps.push(join);
  return { label: `Move ${name}`, steps };
}

// ---------------------------------------------------------------- move in display order

export interface DisplayDestination {
  /** The window, a group or a branch. */
  parent: string;
  /** Where the field ends up among the fields there in display order (all of them, shown or not). */
  position: number;
}

/**
 * Moves a field to `position` among its siblings as they show: in display order (Airbyte's
 * `order`, vendor-keywords.ts), for a list whose fields have one. The siblings' `order`s are
 * renumbered 0, 1, 2… in the new display order, so that what the canvas and the preview show is
 * what the window gets; the list (and so the JSON's key order) stays as it is. A field moved from
 * another container joins the end of its new list (as moveField, with its required mark), then
 * takes its `order`. One transaction, so one undo step.
 */
export function moveFieldInDisplayOrder(
  doc: CredentialDocument,
  id: string,
  to: DisplayDestination,
): CommandResult {
  const source = locate(doc, id);
  const from = source?.path.at(-1);
  if (!source || from?.list !== "fields") return refusal("only a field has a display order");
  const target = locate(doc, to.parent)?.node;
  const steps: Step[] = [];
  if (target && target.id !== from.parent.id) {
    const moved = moveField(doc, id, { parent: target.id, index: target.fields?.length ?? 0 });
    if (isRefusal(moved)) return moved;
    steps.push(...moved.steps);
  }
  if (!target?.fields) return refusal("the place to move to holds no fields");
  const order = fieldsInDisplayOrder(target.fields.filter((field) => field.id !== id));
  if (!Number.isInteger(to.position) || to.position < 0 || to.position > order.length)
    return refusal(`position ${to.position} is outside the ${order.length + 1} places there`);
  order.splice(to.position, 0, source.node);
  order.forEach((node, index) => {
    // (A boolean schema has no keywords to hold an order: it shows after the others.)
    if (typeof node.schema !== "object" || displayOrderOf(node.schema) === index) return;
    steps.push({
      op: "set",
      node: node.id,
      before: { key: node.key, schema: node.schema },
      after: { key: node.key, schema: withKeywords(node.schema, { order: index }) },
    });
  });
  return { label: `Move ${describe(source.node)}`, steps };
}

function moveBranch(source: Located, to: Destination): CommandResult {
  const from = source.path.at(-1)!;
  if (to.parent !== from.parent.id)
    return refusal("a branch can only be reordered within its own choice");
  const count = from.parent.branches!.length;
  if (!Number.isInteger(to.index) || to.index < 0 || to.index >= count)
    return refusal(`position ${to.index} is outside the ${count} branches`);
  const label = `Move ${describe(source.node)}`;
  if (to.index === from.index) return { label, steps: [] };
  return {
    label,
    steps: [
      {
        op: "splice",
        parent: from.parent.id,
        list: "branches",
        index: from.index,
        remove: [source.node],
        insert: [],
      },
      {
        op: "splice",
        parent: from.parent.id,
        list: "branches",
        index: to.index,
        remove: [],
        insert: [source.node],
      },
    ],
  };
}

// ---------------------------------------------------------------- update

export interface FieldUpdate {
  /**
   * A new property key; must be non-empty and unique in its object. A key given here is typed by
   * hand: the field's key stops following its title. Without one, a key that follows the title
   * moves with a new `title` in the same step (keyForTitle).
   */
  key?: string;
  /** Keywords to set (in place, or a new one at its canonical place); `undefined` removes one. */
  set?: Record<string, JsonValue | undefined>;
  required?: boolean;
}

export function updateField(
  doc: CredentialDocument,
  id: string,
  update: FieldUpdate,
): CommandResult {
  const located = locate(doc, id);
  if (!located) return refusal("that field is no longer in the design");
  const node = located.node;
  const position = located.path.at(-1);
  const inFields = position?.list === "fields";
  if ((update.key !== undefined || update.required !== undefined) && !inFields) {
    return refusal("only a field has a key and can be required");
  }
  const steps: Step[] = [];
  let schema = node.schema;
  if (update.set && Object.keys(update.set).length > 0) {
    const changes = update.set;
    for (const [keyword, value] of Object.entries(changes)) {
      if (STRUCTURAL_KEYWORDS.has(keyword)) {
        return refusal(
          keyword === "required"
            ? 'use the field\'s "Required" switch to make it required'
            : `"${keyword}" is built from the fields on the canvas: add, move or remove fields instead`,
        );
      }
      if (
        keyword === "type" &&
        (node.fields || node.branches) &&
        value !== schemaObject(node).type
      ) {
        return refusal(`${describe(node)} holds fields, so its type stays as it is`);
      }
      if (value !== undefined) {
        const problem = keywordProblem(keyword, value);
        if (problem) return refusal(`"${keyword}" ${problem}`);
      }
    }
    schema = withKeywords(schemaObject(node), changes);
    const secretProblem = secretValueProblem(schema, changes);
    if (secretProblem) return refusal(secretProblem);
  }
  let key = update.key ?? node.key;
  // A key typed by hand stops following the title; a key that follows it moves with a new title.
  const byHand = update.key !== undefined && update.key !== node.key && node.autoKey === true;
  if (update.key === undefined && titleOf(schema) !== titleOf(node.schema)) {
    key = keyFollowingTitle(located, schema) ?? node.key;
  }
  if (key !== node.key) {
    if (key === "") return refusal("a field needs a key: type a property name");
    if (position!.parent.fields!.some((field) => field.id !== id && field.key === key))
      return keyTaken(key, position!.parent);
  }
  if (key !== node.key || schema !== node.schema) {
    steps.push({
      op: "set",
      node: id,
      before: { key: node.key, schema: node.schema, ...(byHand && { autoKey: true }) },
      after: { key, schema, ...(byHand && { autoKey: false }) },
    });
  }
  if (inFields) {
    const parent = position!.parent;
    const wasRequired = requiredKeys(parent).includes(node.key);
    const required = update.required ?? wasRequired;
    const requiredStep = setRequiredStep(parent, (keys) => {
      let next = keys.map((entry) => (entry === node.key ? key : entry));
      if (required && !next.includes(key)) next = [...next, key];
      if (!required) next = next.filter((entry) => entry !== key);
      return next;
    });
    if (requiredStep) steps.push(requiredStep);
  }
  return { label: `Edit ${describe({ ...node, key, schema })}`, steps };
}

/** A schema's title, or undefined when it has none (or it is not a string). */
function titleOf(schema: JsonObject | boolean): string | undefined {
  const title = typeof schema === "object" ? schema.title : undefined;
  return typeof title === "string" ? title : undefined;
}

/**
 * The key the field `id` takes when its title becomes `title` (what `updateField` does), or
 * undefined when its key does not follow its title: typed by hand, imported, from a template, or a
 * choice's discriminator. The inspector shows it while the title is typed.
 */
export function keyForTitle(
  doc: CredentialDocument,
  id: string,
  title: string | undefined,
): string | undefined {
  const located = locate(doc, id);
  if (!located) return undefined;
  return keyFollowingTitle(located, withKeywords(schemaObject(located.node), { title }));
}

/**
 * The key of a field whose key follows its title, with `schema` as its keywords: made from the
 * title, unique among its siblings, the kind's default key when the title spells none; undefined
 * for a key that does not follow. A choice's discriminator does not: its key must be the same in
 * every branch, and is renamed in all of them at once (renameDiscriminator).
 */
function keyFollowingTitle(located: Located, schema: JsonObject | boolean): string | undefined {
  const node = located.node;
  const position = located.path.at(-1);
  if (!node.autoKey || position?.list !== "fields") return undefined;
  const choice = located.path.at(-2)?.parent;
  if (choice?.branches && foundDiscriminatorKey(choice) === node.key) return undefined;
  const kind = kindOf({ ...node, schema });
  const fallback = kind === "custom" ? "field" : kindDefinition(kind).defaultKey;
  const taken = new Set(
    position.parent.fields!.filter((field) => field.id !== node.id).map((field) => field.key),
  );
  return keyFromTitle(titleOf(schema), taken, fallback);
}

/**
 * Secrets never ship a value: an edit that gives a secret a default, examples, a const or a
 * one-value enum, or makes a field that has one secret, is refused (what counts is
 * src/model/secret-values.ts, as `check` and the exporter count it). An edit that only removes
 * such values, or touches none of them, goes through, so a design that has one (stored before)
 * can still be edited and cleaned up a value at a time.
 */
function secretValueProblem(
  schema: JsonObject,
  changes: Record<string, JsonValue | undefined>,
): string | undefined {
  const valued = secretValues(schema);
  if (valued.length === 0) return undefined;
  const gives =
    SECRET_MARKINGS.some((marking) => changes[marking] === true) ||
    valued.some(({ keyword }) => changes[keyword] !== undefined);
  if (!gives) return undefined;
  return `a secret field never carries a value in the schema: remove its ${valued.map(({ keyword }) => `"${keyword}"`).join(" and ")} first`;
}

// ---------------------------------------------------------------- remove, duplicate

export function removeField(doc: CredentialDocument, id: string): CommandResult {
  const located = locate(doc, id);
  if (!located) return refusal("that field is no longer in the design");
  const position = located.path.at(-1);
  if (!position) return refusal("the window itself cannot be removed");
  const node = located.node;
  const steps: Step[] = [];
  if (position.list === "fields") {
    const leave = setRequiredStep(position.parent, (keys) =>
      keys.filter((key) => key !== node.key),
    );
    if (leave) steps.push(leave);
  }
  steps.push({
    op: "splice",
    parent: position.parent.id,
    list: position.list,
    index: position.index,
    remove: [node],
    insert: [],
  });
  if (position.list === "branches" && position.parent.branches!.length === 1) {
    return refusal(
      "a choice needs at least one branch: add another branch before removing this one",
    );
  }
  return { label: `Remove ${describe(node)}`, steps };
}

export function duplicateField(doc: CredentialDocument, id: string): CommandResult {
  const located = locate(doc, id);
  if (!located) return refusal("that field is no longer in the design");
  const position = located.path.at(-1);
  if (position?.list !== "fields") return refusal("only a field can be duplicated");
  const parent = position.parent;
  const key = uniqueKey(parent, `${located.node.key}Copy`);
  const copy = { ...withFreshIds(located.node), key };
  // "Password (copy)": two fields titled alike in one object would be a warning from the start.
  const title = typeof copy.schema === "object" ? copy.schema.title : undefined;
  if (typeof title === "string" && typeof copy.schema === "object") {
    const titles = new Set(
      (parent.fields ?? []).map((field) =>
        typeof field.schema === "object" ? field.schema.title : undefined,
      ),
    );
    let copyTitle = `${title} (copy)`;
    for (let n = 2; titles.has(copyTitle); n++) copyTitle = `${title} (copy ${n})`;
    copy.schema = { ...copy.schema, title: copyTitle };
  }
  const steps: Step[] = [
    {
      op: "splice",
      parent: parent.id,
      list: "fields",
      index: position.index + 1,
      remove: [],
      insert: [copy],
    },
  ];
  if (requiredKeys(parent).includes(located.node.key)) {
    const join = setRequiredStep(parent, (keys) => [...keys, key]);
    if (join) steps.push(join);
  }
  return { label: `Duplicate ${describe(located.node)}`, steps };
}

// ---------------------------------------------------------------- choice branches

export interface NewBranch {
  /** The discriminator value, e.g. "oauth2". */
  value: string;
  title?: string;
  index?: number;
}

export function addBranch(
  doc: CredentialDocument,
  choiceId: string,
  branch: NewBranch,
): CommandResult {
  const located = locate(doc, choiceId);
  if (!located?.node.branches) return refusal("branches go into an auth-method choice");
  const choice = located.node;
  const problem = branchValueProblem(choice, branch.value, undefined);
  if (problem) return refusal(problem);
  const index = branch.index ?? choice.branches!.length;
  if (!Number.isInteger(index) || index < 0 || index > choice.branches!.length)
    return refusal(`position ${index} is outside the choice's branches`);
  const node = newBranchNode(discriminatorKey(choice), branch.value, branch.title ?? branch.value);
  return {
    label: `Add branch "${branch.value}"`,
    steps: [
      { op: "splice", parent: choice.id, list: "branches", index, remove: [], insert: [node] },
    ],
  };
}

export function removeBranch(doc: CredentialDocument, branchId: string): CommandResult {
  const located = locate(doc, branchId);
  if (located?.path.at(-1)?.list !== "branches") return refusal("that is not a branch of a choice");
  return removeField(doc, branchId);
}

export interface BranchRename {
  value?: string;
  title?: string;
}

export function renameBranch(
  doc: CredentialDocument,
  branchId: string,
  rename: BranchRename,
): CommandResult {
  const located = locate(doc, branchId);
  const position = located?.path.at(-1);
  if (!located || position?.list !== "branches") return refusal("that is not a branch of a choice");
  const choice = position.parent;
  const branch = located.node;
  const steps: Step[] = [];
  if (rename.value !== undefined) {
    const problem = branchValueProblem(choice, rename.value, branch.id);
    if (problem) return refusal(problem);
    const key = discriminatorKey(choice);
    const field = branch.fields?.find((candidate) => candidate.key === key);
    if (!field)
      return refusal(
        `this branch has no discriminator field "${key}": add a field "${key}" with a fixed value first`,
      );
    const schema = withKeywords(schemaObject(field), { const: rename.value });
    steps.push({
      op: "set",
      node: field.id,
      before: { key: field.key, schema: field.schema },
      after: { key: field.key, schema },
    });
  }
  if (rename.title !== undefined) {
    const schema = withKeywords(schemaObject(branch), {
      title: rename.title === "" ? undefined : rename.title,
    });
    steps.push({
      op: "set",
      node: branch.id,
      before: { key: "", schema: branch.schema },
      after: { key: "", schema },
    });
  }
  return { label: `Rename branch ${describe(branch)}`, steps };
}

/**
 * Renames a choice's discriminator in every branch at once (one undo step): each branch's
 * discriminator field gets the new key, and its `required` list names it in the same place.
 */
export function renameDiscriminator(
  doc: CredentialDocument,
  choiceId: string,
  newKey: string,
): CommandResult {
  const located = locate(doc, choiceId);
  if (!located?.node.branches) return refusal("only an auth-method choice has a discriminator");
  const choice = located.node;
  const oldKey = foundDiscriminatorKey(choice);
  if (oldKey === undefined) {
    return refusal(
      `${describe(choice)} has no discriminator to rename: no property has a fixed value (const) in every branch; give each branch a field with a fixed value first`,
    );
  }
  if (newKey === "") return refusal("a discriminator needs a key: type a property name, e.g. type");
  const label = `Rename the discriminator of ${describe(choice)} to "${newKey}"`;
  if (newKey === oldKey) return { label, steps: [] };
  const steps: Step[] = [];
  for (const branch of choice.branches!) {
    // The key must be free in every branch, or the discriminator would take another field's place.
    if (branch.fields!.some((field) => field.key === newKey)) {
      return refusal(
        `the branch ${describe(branch)} already has a field "${newKey}": choose another key, or rename that field first`,
      );
    }
    const field = branch.fields!.find((candidate) => candidate.key === oldKey)!;
    steps.push({
      op: "set",
      node: field.id,
      before: { key: field.key, schema: field.schema, ...(field.autoKey && { autoKey: true }) },
      after: { key: newKey, schema: field.schema, ...(field.autoKey && { autoKey: false }) },
    });
    const requiredStep = setRequiredStep(branch, (keys) => {
      const renamed = keys.map((key) => (key === oldKey ? newKey : key));
      return renamed.filter((key, index) => renamed.indexOf(key) === index); // a stale entry of the new key must not make a duplicate
    });
    if (requiredStep) steps.push(requiredStep);
  }
  return { label, steps };
}

function branchValueProblem(
  choice: FieldNode,
  value: string,
  exceptBranch: string | undefined,
): string | undefined {
  if (value.trim() === "")
    return "a branch needs a value that tells it apart, e.g. basic or oauth2";
  const clash = choice.branches!.some(
    (branch) => branch.id !== exceptBranch && branchValue(choice, branch) === value,
  );
  return clash
    ? `another branch already has the value "${value}": choose another value`
    : undefined;
}

function newBranchNode(
  discriminator: string,
  value: string,
  title: string,
  required: string[] = [],
): FieldNode {
  return {
    id: newId(),
    key: "",
    schema: {
      title,
      type: "object",
      properties: {},
      required: [discriminator, ...required],
      additionalProperties: false,
    },
    fields: [discriminatorField(discriminator, value)],
  };
}

function discriminatorField(key: string, value: string): FieldNode {
  return { id: newId(), key, schema: { type: "string", const: value } };
}

// ---------------------------------------------------------------- the window

export function setWindowText(
  doc: CredentialDocument,
  text: { title?: string; description?: string },
): CommandResult {
  const changes: Record<string, JsonValue | undefined> = {};
  if (text.title !== undefined) changes.title = text.title === "" ? undefined : text.title;
  if (text.description !== undefined)
    changes.description = text.description === "" ? undefined : text.description;
  const root = doc.root;
  const schema = withKeywords(schemaObject(root), changes);
  return {
    label: "Edit the window's title and description",
    steps: [
      {
        op: "set",
        node: root.id,
        before: { key: root.key, schema: root.schema },
        after: { key: root.key, schema },
      },
    ],
  };
}

// ---------------------------------------------------------------- helpers

function locateContainer(doc: CredentialDocument, id: string): Located | Refusal {
  const located = locate(doc, id);
  if (!located) return refusal("the place to add to is no longer in the design");
  if (!located.node.fields)
    return refusal(
      `${describe(located.node)} holds no fields: add to the window, a group or a choice branch`,
    );
  return located;
}

/** A `set` step rewriting the parent's `required` list, or undefined when it stays the same. */
function setRequiredStep(
  parent: FieldNode,
  change: (keys: readonly string[]) => string[],
): Step | undefined {
  const current = schemaObject(parent);
  const before = Array.isArray(current.required) ? current.required : undefined;
  const next = change(requiredKeys(parent));
  if (before && next.length === before.length && next.every((key, i) => key === before[i]))
    return undefined;
  if (!before && next.length === 0) return undefined;
  const schema = withKeywords(current, { required: next.length > 0 ? next : undefined });
  return {
    op: "set",
    node: parent.id,
    before: { key: parent.key, schema: parent.schema },
    after: { key: parent.key, schema },
  };
}

/**
 * `schema` with keywords set in place (`undefined` removes one). A new keyword goes to its canonical
 * place (see keyword-order.ts) among those already there; existing keywords never move, so an
 * imported node keeps the order its author gave it.
 */
export function withKeywords(
  schema: JsonObject,
  changes: Record<string, JsonValue | undefined>,
): JsonObject {
  // Own keys only: `"constructor" in changes` is true for every object, and such a keyword is a plain one here.
  const isChanged = (keyword: string) => Object.hasOwn(changes, keyword);
  const entries: Array<[string, JsonValue]> = [];
  for (const keyword of Object.keys(schema)) {
    if (!isChanged(keyword)) entries.push([keyword, schema[keyword]!]);
    else if (changes[keyword] !== undefined) entries.push([keyword, changes[keyword]!]);
  }
  for (const [keyword, value] of Object.entries(changes)) {
    if (value === undefined || Object.hasOwn(schema, keyword)) continue;
    const index = canonicalInsertionIndex(
      entries.map(([existing]) => existing),
      keyword,
    );
    entries.splice(index, 0, [keyword, value]);
  }
  const result: JsonObject = {};
  for (const [keyword, value] of entries) defineOwn(result, keyword, value);
  return result;
}

/** A deep copy of a subtree with new ids everywhere, so it can live beside the original. */
export function withFreshIds(node: FieldNode): FieldNode {
  const copy: FieldNode = {
    ...node,
    id: newId(),
    schema: typeof node.schema === "object" ? cloneJson(node.schema) : node.schema,
  };
  if (node.fields) Object.assign(copy, { fields: node.fields.map(withFreshIds) });
  if (node.branches) Object.assign(copy, { branches: node.branches.map(withFreshIds) });
  return copy;
}

function keyTaken(key: string, container: FieldNode): Refusal {
  return refusal(
    `the key "${key}" is already used in ${describeContainer(container)}: rename one of the two fields first`,
  );
}
