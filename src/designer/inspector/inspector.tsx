import { type FormEvent, useId, useMemo } from "react";
import { ownValue } from "../../json/value.ts";
import {
  type CredentialDocument,
  describe,
  kindLabel,
  schemaObject,
  setWindowText,
  updateField,
} from "../../model/index.ts";
import type { DesignerStore } from "../store/designer-store.ts";
import { useDesigner } from "../store/use-designer.ts";
import { CheckboxControl, TextControl } from "./controls.tsx";
import {
  type PropertySection,
  type Selection,
  selectionOf,
  valueText,
} from "./field-properties.ts";
import { PROPERTY_EDITORS } from "./property-editors.tsx";

/**
 * The properties of the selected field (or, with nothing selected, of the window). Which
 * properties show comes from `selectionOf`; each is edited by its editor in PROPERTY_EDITORS,
 * and every edit is one core command through the store.
 */
export function Inspector({ store }: { store: DesignerStore }) {
  const selected = useDesigner(store, (state) => state.selected);
  const doc = useDesigner(store, (state) => state.editor.doc);
  const selection = useMemo(() => selectionOf(doc, selected), [doc, selected]);
  const headingId = useId();
  return (
    <section className="inspector" aria-labelledby={headingId}>
      <h2 id={headingId}>Properties</h2>
      {selection ? (
        <FieldProperties key={selection.node.id} store={store} selection={selection} />
      ) : (
        <WindowProperties store={store} doc={doc} />
      )}
    </section>
  );
}

const noSubmit = (event: FormEvent) => event.preventDefault();

function FieldProperties({ store, selection }: { store: DesignerStore; selection: Selection }) {
  const name =
    selection.place === "branch"
      ? `branch ${describe(selection.node)}`
      : `${kindLabel(selection.kind).toLowerCase()} ${describe(selection.node)}`;
  return (
    <form
      className="inspector-form"
      aria-label={`Properties of ${name}`}
      onSubmit={noSubmit}
      noValidate
    >
      <p className="inspector-subject">
        {selection.place === "branch" ? "Branch" : kindLabel(selection.kind)}:{" "}
        {describe(selection.node)}
      </p>
      {selection.sections.map((section) => (
        <PropertyGroup key={section.title} store={store} selection={selection} section={section} />
      ))}
    </form>
  );
}

function PropertyGroup({
  store,
  selection,
  section,
}: {
  store: DesignerStore;
  selection: Selection;
  section: PropertySection;
}) {
  const headingId = useId();
  return (
    <div role="group" className="inspector-group" aria-labelledby={headingId}>
      <h3 id={headingId}>{section.title}</h3>
      {section.properties.map((property) => {
        const Editor = PROPERTY_EDITORS[property];
        return <Editor key={property} store={store} selection={selection} />;
      })}
    </div>
  );
}

function WindowProperties({ store, doc }: { store: DesignerStore; doc: CredentialDocument }) {
  const schema = schemaObject(doc.root);
  const headingId = useId();
  return (
    <form className="inspector-form" aria-labelledby={headingId} onSubmit={noSubmit} noValidate>
      <h3 id={headingId}>Window</h3>
      <TextControl
        label="Window title"
        value={valueText(ownValue(schema, "title"))}
        onCommit={(title) => store.run((current) => setWindowText(current, { title }))}
      />
      <TextControl
        label="Window description"
        multiline
        value={valueText(ownValue(schema, "description"))}
        onCommit={(description) => store.run((current) => setWindowText(current, { description }))}
      />
      <CheckboxControl
        label="No other properties"
        checked={ownValue(schema, "additionalProperties") === false}
        hint="The connector refuses properties that are not fields of the window (additionalProperties: false)."
        onCommit={(on) => {
          const reason = store.run((current) =>
            updateField(current, current.root.id, {
              set: { additionalProperties: on ? false : undefined },
            }),
          );
          if (reason !== undefined) store.dismissRefusal(); // shown next to the checkbox
          return reason;
        }}
      />
      <p className="inspector-hint">Select a field on the canvas to edit its properties.</p>
    </form>
  );
}
