import { type ReactNode, useId, useState } from "react";
import { jsonEqual, ownValue } from "../../json/value.ts";
import { addBranch, locate, schemaObject } from "../../model/index.ts";
import { AIRBYTE_SECRET, isSecretByAnyMarking } from "../../model/vendor-keywords.ts";
import type { DesignerStore } from "../store/designer-store.ts";
import { applyBranchRename, applyDiscriminatorRename, applyEdit } from "./apply-edit.ts";
import { CheckboxControl, SelectControl, TextControl } from "./controls.tsx";
import {
  airbyteSecretEdit,
  type BoundKeyword,
  booleanDefaultEdit,
  boundEdit,
  branchValueText,
  defaultEdit,
  discriminatorKey,
  discriminatorKeyText,
  emptyListDefaultEdit,
  formatChoices,
  formatEdit,
  isCountBound,
  itemLengthEdit,
  itemPatternEdit,
  itemText,
  itemTitleEdit,
  keyEdit,
  keyHint,
  keywordText,
  newBranchFor,
  type PropertyName,
  patternEdit,
  placeholderEdit,
  placeholderText,
  requiredEdit,
  type Selection,
  secretEdit,
  selectDefaultEdit,
  startsEmpty,
  textEdit,
  titleHint,
  uniqueItemsEdit,
} from "./field-properties.ts";
import { OptionsEditor } from "./options-editor.tsx";
import { PatternControl } from "./pattern-control.tsx";
import { readOptions } from "./select-options.ts";

export interface PropertyEditorProps {
  store: DesignerStore;
  selection: Selection;
}

type PropertyEditor = (props: PropertyEditorProps) => ReactNode;

const isNumberKind = (selection: Selection) =>
  selection.kind === "number" || selection.kind === "integer";

/** A secret shows a default or a placeholder only when it carries one (to be cleared). */
const isSecretNode = (selection: Selection) => isSecretByAnyMarking(schemaObject(selection.node));

/** One editor per property: the inspector renders the ones `sectionsFor` lists, in its order. */
export const PROPERTY_EDITORS: Record<PropertyName, PropertyEditor> = {
  key: ({ store, selection }) => (
    <TextControl
      label="Key"
      value={selection.node.key}
      spellCheck={false}
      hint={keyHint(selection.keyForTitle !== undefined)}
      onCommit={(text) => applyEdit(store, selection.node.id, keyEdit(text))}
    />
  ),

  title: ({ store, selection }) => (
    <TextControl
      label="Title"
      value={keywordText(selection.node, "title")}
      draftHint={(text) => titleHint(selection, text)}
      concerns="title"
      onCommit={(text) => applyEdit(store, selection.node.id, textEdit("title", text))}
    />
  ),

  help: ({ store, selection: { node } }) => (
    <TextControl
      label="Help text"
      concerns="help"
      multiline
      value={keywordText(node, "description")}
      hint="Shown under the field. Ctrl+Enter or leaving the box applies it."
      onCommit={(text) => applyEdit(store, node.id, textEdit("description", text))}
    />
  ),

  required: ({ store, selection: { node, required } }) => (
    <CheckboxControl
      label="Required"
      checked={required}
      onCommit={(on) => applyEdit(store, node.id, requiredEdit(on))}
    />
  ),

  secret: ({ store, selection: { node } }) => (
    <CheckboxControl
      label="Secret (write-only)"
      // Either marking makes a secret (writeOnly, or Airbyte's airbyte_secret); off removes both.
      checked={isSecretByAnyMarking(schemaObject(node))}
      concerns="secret"
      hint="A secret is masked and never carries a default or an example."
      onCommit={(on) => applyEdit(store, node.id, secretEdit(on, node))}
    />
  ),

  "airbyte-secret": ({ store, selection: { node } }) => (
    <CheckboxControl
      label="Mark secret for Airbyte too"
      checked={ownValue(schemaObject(node), AIRBYTE_SECRET) === true}
      hint="Adds airbyte_secret beside writeOnly: Airbyte masks and hides the field's value."
      onCommit={(on) => applyEdit(store, node.id, airbyteSecretEdit(on))}
    />
  ),

  placeholder: ({ store, selection }) => (
    <TextControl
      label="Placeholder"
      value={placeholderText(selection.node)}
      concerns="placeholder"
      inputMode={isNumberKind(selection) ? "decimal" : undefined}
      hint={
        isSecretNode(selection)
          ? "A secret never carries an example: it would ship with every connector. Clear it."
          : "An example shown in the empty field (the schema's first example)."
      }
      onCommit={(text) =>
        applyEdit(store, selection.node.id, placeholderEdit(selection.node, selection.kind, text))
      }
    />
  ),

  default: DefaultValue,

  format: ({ store, selection: { node } }) => (
    <SelectControl
      label="Format"
      value={keywordText(node, "format")}
      concerns="format"
      choices={formatChoices(node)}
      onCommit={(format) => applyEdit(store, node.id, formatEdit(format))}
    />
  ),

  pattern: ({ store, selection: { node } }) => (
    <PatternControl
      label="Pattern"
      value={keywordText(node, "pattern")}
      concerns="pattern"
      hint="A regular expression the value must match; add ^ and $ to match the whole value."
      commit={(text, checkPattern) => applyEdit(store, node.id, patternEdit(text, checkPattern))}
    />
  ),

  length: (props) => (
    <>
      <Bound {...props} keyword="minLength" label="Minimum length" />
      <Bound {...props} keyword="maxLength" label="Maximum length" />
    </>
  ),

  range: (props) => (
    <>
      <Bound {...props} keyword="minimum" label="Minimum" />
      <Bound {...props} keyword="exclusiveMinimum" label="Exclusive minimum" />
      <Bound {...props} keyword="maximum" label="Maximum" />
      <Bound {...props} keyword="exclusiveMaximum" label="Exclusive maximum" />
    </>
  ),

  "list-count": (props) => (
    <>
      <Bound {...props} keyword="minItems" label="Minimum items" />
      <Bound {...props} keyword="maxItems" label="Maximum items" />
    </>
  ),

  options: ({ store, selection: { node } }) => <OptionsEditor store={store} node={node} />,

  branch: ({ store, selection: { node, choice } }) => (
    <>
      <TextControl
        label="Branch title"
        value={keywordText(node, "title")}
        concerns="title"
        onCommit={(title) => applyBranchRename(store, node.id, { title })}
      />
      {choice ? (
        <TextControl
          label={`Value of "${discriminatorKey(choice)}"`}
          value={branchValueText(choice, node)}
          concerns="branch-value"
          spellCheck={false}
          hint="What the connector receives to tell this branch from the others."
          onCommit={(value) => applyBranchRename(store, node.id, { value })}
        />
      ) : null}
    </>
  ),

  discriminator: ({ store, selection: { node } }) => {
    const key = discriminatorKeyText(node);
    return (
      <TextControl
        label="Discriminator key"
        value={key}
        concerns="discriminator"
        spellCheck={false}
        hint={
          key === ""
            ? "No property has a fixed value in every branch, so nothing tells the branches apart."
            : "The property whose fixed value tells the branches apart; renaming it renames it in every branch."
        }
        onCommit={(text) => applyDiscriminatorRename(store, node.id, text)}
      />
    );
  },

  branches: AddBranch,

  "list-default": ({ store, selection: { node } }) => (
    <CheckboxControl
      label="Starts as an empty list"
      checked={startsEmpty(node)}
      concerns="list-default"
      hint="The default is an empty list rather than no value."
      onCommit={(on) => applyEdit(store, node.id, emptyListDefaultEdit(on))}
    />
  ),

  "list-unique": ({ store, selection: { node } }) => (
    <CheckboxControl
      label="No duplicate items"
      checked={ownValue(schemaObject(node), "uniqueItems") === true}
      concerns="list-unique"
      onCommit={(on) => applyEdit(store, node.id, uniqueItemsEdit(on))}
    />
  ),

  "list-items": ({ store, selection: { node } }) => (
    <>
      <TextControl
        label="Item title"
        value={itemText(node, "title")}
        onCommit={(text) => applyEdit(store, node.id, itemTitleEdit(node, text))}
      />
      <TextControl
        label="Item minimum length"
        value={itemText(node, "minLength")}
        inputMode="numeric"
        onCommit={(text) => applyEdit(store, node.id, itemLengthEdit(node, "minLength", text))}
      />
      <TextControl
        label="Item maximum length"
        value={itemText(node, "maxLength")}
        inputMode="numeric"
        onCommit={(text) => applyEdit(store, node.id, itemLengthEdit(node, "maxLength", text))}
      />
      <PatternControl
        label="Item pattern"
        value={itemText(node, "pattern")}
        concerns="item-pattern"
        hint="A regular expression every item must match."
        commit={(text, checkPattern) =>
          applyEdit(store, node.id, itemPatternEdit(node, text, checkPattern))
        }
      />
    </>
  ),
};

/** A choice's "Add branch": a new branch with a value no other branch has, selected to be named. */
function AddBranch({ store, selection: { node } }: PropertyEditorProps) {
  const [error, setError] = useState<string | undefined>(undefined);
  const id = useId();
  const add = () => {
    const branch = newBranchFor(node);
    const reason = store.run(
      (doc) => addBranch(doc, node.id, branch),
      (doc) => locate(doc, node.id)?.node.branches?.at(-1)?.id,
    );
    if (reason !== undefined) store.dismissRefusal();
    setError(reason);
  };
  return (
    <div className="inspector-control">
      <button type="button" aria-describedby={error ? `${id}-error` : `${id}-hint`} onClick={add}>
        Add branch
      </button>
      {error ? (
        <p id={`${id}-error`} className="inspector-error" role="alert">
          {error}
        </p>
      ) : (
        <p id={`${id}-hint`} className="inspector-hint">
          Adds a branch at the end and selects it, to give it a title and a value.
        </p>
      )}
    </div>
  );
}

function Bound({
  store,
  selection: { node },
  keyword,
  label,
}: PropertyEditorProps & { keyword: BoundKeyword; label: string }) {
  return (
    <TextControl
      label={label}
      value={keywordText(node, keyword)}
      concerns={keyword}
      inputMode={isCountBound(keyword) ? "numeric" : "decimal"}
      onCommit={(text) => applyEdit(store, node.id, boundEdit(node, keyword, text))}
    />
  );
}

function DefaultValue({ store, selection }: PropertyEditorProps) {
  const { node, kind } = selection;
  const current = ownValue(schemaObject(node), "default");
  if (kind === "boolean") {
    return (
      <CheckboxControl
        label="On by default"
        checked={current === true}
        concerns="default"
        onCommit={(on) => applyEdit(store, node.id, booleanDefaultEdit(on))}
      />
    );
  }
  if (kind === "select") {
    const options = readOptions(node);
    const index =
      current === undefined ? -1 : options.findIndex((option) => jsonEqual(option.value, current));
    return (
      <SelectControl
        label="Default"
        value={index < 0 ? "" : String(index)}
        concerns="default"
        choices={[
          { value: "", label: "No default" },
          ...options.map((option, i) => ({ value: String(i), label: option.label })),
        ]}
        onCommit={(choice) => applyEdit(store, node.id, selectDefaultEdit(node, choice))}
      />
    );
  }
  return (
    <TextControl
      label="Default"
      value={keywordText(node, "default")}
      concerns="default"
      inputMode={isNumberKind(selection) ? "decimal" : undefined}
      hint={
        isSecretNode(selection)
          ? "A secret never carries a default: it would ship with every connector. Clear it."
          : "The value the field starts with."
      }
      onCommit={(text) => applyEdit(store, node.id, defaultEdit(kind, text))}
    />
  );
}
