import { useEffect, useMemo, useState } from "react";
import { CredentialForm, type CredentialValue } from "../preview/index.ts";
import type { IncrementalValidator } from "../schema/incremental-validator.ts";
import { toSchema } from "../schema/to-schema.ts";
import type { DesignerStore } from "./designer-store.ts";
import { useDesigner } from "./use-designer.ts";

/**
 * One incremental validator for the pane's life, once its module (with Ajv, a chunk of its own,
 * so the page does not load Ajv before the preview needs it) has loaded; until then undefined.
 */
function useIncrementalValidator(): IncrementalValidator | undefined {
  const [validator, setValidator] = useState<IncrementalValidator>();
  useEffect(() => {
    let live = true;
    import("../schema/incremental-validator.ts").then(
      (module) => live && setValidator(new module.IncrementalValidator()),
      () => {}, // not loaded: the form compiles the schema itself, as without it
    );
    return () => void (live = false);
  }, []);
  return validator;
}

/**
 * The credential window as its users will see it: the preview component on the current design,
 * updated on every change. What is typed here is validated live and kept in this component's
 * memory only (never stored, logged or exported); it survives changes to the design.
 * Each change validates with the parts of the schema it did not touch already compiled (see
 * src/schema/incremental-validator.ts), compiling what changed after the change is painted.
 */
export function PreviewPane({ store }: { store: DesignerStore }) {
  const doc = useDesigner(store, (state) => state.editor.doc);
  const schema = useMemo(() => toSchema(doc), [doc]);
  const incremental = useIncrementalValidator();
  const validate = useMemo(() => incremental?.deferredValidatorFor(schema), [incremental, schema]);
  const [value, setValue] = useState<CredentialValue>({});
  const [saved, setSaved] = useState(false);
  return (
    <>
      <h2 id="preview-heading">Preview</h2>
      <p className="designer-hint">Try the window: what you type here stays in this tab.</p>
      <CredentialForm
        schema={schema}
        validate={validate}
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
