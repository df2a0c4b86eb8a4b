import { useMemo, useState } from "react";
import { CredentialForm, type CredentialValue } from "../preview/index.ts";
import { toSchema } from "../schema/to-schema.ts";
import type { DesignerStore } from "./designer-store.ts";
import { useDesigner } from "./use-designer.ts";

/**
 * The credential window as its users will see it: the preview component on the current design,
 * updated on every change. What is typed here is validated live and kept in this component's
 * memory only (never stored, logged or exported); it survives changes to the design.
 */
export function PreviewPane({ store }: { store: DesignerStore }) {
  const doc = useDesigner(store, (state) => state.editor.doc);
  const schema = useMemo(() => toSchema(doc), [doc]);
  const [value, setValue] = useState<CredentialValue>({});
  const [saved, setSaved] = useState(false);
  return (
    <>
      <h2 id="preview-heading">Preview</h2>
      <p className="designer-hint">Try the window: what you type here stays in this tab.</p>
      <CredentialForm
        schema={schema}
        value={value}
        onChange={(next) => {
          setValue(next);
          setSaved(false);
        }}
        onSubmit={() => setSaved(true)}
        idPrefix="preview"
      />
      <p role="status" className="designer-hint">{saved ? "The values are valid." : ""}</p>
    </>
  );
}
