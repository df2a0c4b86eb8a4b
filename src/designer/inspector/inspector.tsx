import { type FormEvent, type RefObject, useContext, useId, useMemo, useRef } from "react";
import { autofixCommand, FIX_DONE, FIX_STALE } from "../../check/autofix.ts";
import type { Finding } from "../../check/types.ts";
import { ownValue } from "../../json/value.ts";
import {
  type CredentialDocument,
  describe,
  isRefusal,
  kindLabel,
  nodeAtPointer,
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
import {
  type FieldFindings,
  FieldFindingsContext,
  InspectorFindingsContext,
  TopFindings,
} from "./finding-notes.tsx";
import { placeFindings } from "./finding-places.ts";
import { PROPERTY_EDITORS } from "./property-editors.tsx";

/**
 * The properties of the selected field (or, with nothing selected, of the window). Which
 * properties show comes from `selectionOf`; each is edited by its editor in PROPERTY_EDITORS,
 * and every edit is one core command through the store. The design check's findings about the
 * selection show next to the controls they concern, each mechanical fix a button.
 */
export function Inspector({ store }: { store: DesignerStore }) {
  const selected = useDesigner(store, (state) => state.selected);
  const doc = useDesigner(store, (state) => state.editor.doc);
  const selection = useMemo(() => selectionOf(doc, selected), [doc, selected]);
  const headingId = useId();
  const form = useRef<HTMLFormElement>(null);
  const findings = useFieldFindings(store, doc, selection, form);
  return (
    <section className="inspector" aria-labelledby={headingId}>
      <h2 id={headingId}>Properties</h2>
      <FieldFindingsContext.Provider value={findings}>
        {selection ? (
          <FieldProperties
            key={selection.node.id}
            store={store}
            selection={selection}
            form={form}
          />
        ) : (
          <WindowProperties store={store} doc={doc} form={form} />
        )}
      </FieldFindingsContext.Provider>
    </section>
  );
}

/**
 * The selection's findings by place, and their fixes. A fix that no longer applies (the check
 * runs a moment after each change) is not offered: the finding just fixed goes at once, and a
 * finding whose pointer now names another field (renamed meanwhile) is not fixed there.
 */
function useFieldFindings(
  store: DesignerStore,
  doc: CredentialDocument,
  selection: Selection | undefined,
  form: RefObject<HTMLFormElement | null>,
): FieldFindings {
  const all = useContext(InspectorFindingsContext);
  return useMemo(() => {
    const id = selection?.node.id;
    const current = all.filter(({ finding, nodeId }) => {
      if (nodeId !== id) return false;
      if (!finding.autofix) return true;
      if (nodeAtPointer(doc, finding.pointer).id !== (id ?? doc.root.id)) return false;
      const command = autofixCommand(doc, finding);
      return !(isRefusal(command) && (command.reason === FIX_DONE || command.reason === FIX_STALE));
    });
    return {
      places: placeFindings(doc, selection, current),
      fix: (finding: Finding, focusId: string | undefined) => {
        const reason = store.run((latest) => autofixCommand(latest, finding));
        if (reason !== undefined) {
          store.dismissRefusal(); // shown next to the button
          return reason;
        }
        // The finding and its button are gone: the focus goes to the control it was about.
        requestAnimationFrame(() => {
          const control = focusId === undefined ? null : document.getElementById(focusId);
          (control ?? form.current)?.focus();
        });
        return undefined;
      },
    };
  }, [all, doc, selection, store, form]);
}

const noSubmit = (event: FormEvent) => event.preventDefault();

function FieldProperties({
  store,
  selection,
  form,
}: {
  store: DesignerStore;
  selection: Selection;
  form: RefObject<HTMLFormElement | null>;
}) {
  const name =
    selection.place === "branch"
      ? `branch ${describe(selection.node)}`
      : `${kindLabel(selection.kind).toLowerCase()} ${describe(selection.node)}`;
  return (
    <form
      ref={form}
      className="inspector-form"
      aria-label={`Properties of ${name}`}
      tabIndex={-1}
      onSubmit={noSubmit}
      noValidate
    >
      <p className="inspector-subject">
        {selection.place === "branch" ? "Branch" : kindLabel(selection.kind)}:{" "}
        {describe(selection.node)}
      </p>
      <TopFindings />
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

function WindowProperties({
  store,
  doc,
  form,
}: {
  store: DesignerStore;
  doc: CredentialDocument;
  form: RefObject<HTMLFormElement | null>;
}) {
  const schema = schemaObject(doc.root);
  const headingId = useId();
  return (
    <form
      ref={form}
      className="inspector-form"
      aria-labelledby={headingId}
      tabIndex={-1}
      onSubmit={noSubmit}
      noValidate
    >
      <h3 id={headingId}>Window</h3>
      <TopFindings />
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
