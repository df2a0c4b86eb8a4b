import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { JsonObject } from "../json/value.ts";
import type { CredentialDocument, FieldNode } from "../model/index.ts";
import type { IncrementalValidator } from "../preview/incremental-validator.ts";
import { CredentialForm, type CredentialValue, type ValidateFunction } from "../preview/index.ts";
import { planOf } from "../preview/plan.ts";
// In the page's first chunk: the form loads its error sentences as soon as it is shown, and a
// chunk of their own would be one more request before the first click (the library keeps them lazy).
import "../preview/sentences.ts";
import { toSchema } from "../schema/to-schema.ts";
import type { DesignerStore } from "./store/designer-store.ts";
import { useDesigner } from "./store/use-designer.ts";
import "./preview-pane.css";

/**
 * Stands in for the validator until the preview is first used: it knows of no error. The form's
 * own fallback would load Ajv at once (a third of the page's script); the pane loads it when the
 * preview is first focused or pressed, which is before anything can be typed there.
 */
const NOT_CHECKED_YET: ValidateFunction = Object.assign(() => true, { errors: null });

type Loaded = { validator: IncrementalValidator } | { failed: true };

/**
 * One incremental validator for the pane's life, loaded (with Ajv, in chunks of their own) on the
 * first call to `load`; `loaded` says how that went.
 */
function useIncrementalValidator(): {
  loaded: Loaded | undefined;
  load: () => Promise<IncrementalValidator | undefined>;
} {
  const [loaded, setLoaded] = useState<Loaded>();
  const loading = useRef<Promise<IncrementalValidator | undefined>>(undefined);
  const live = useRef(true);
  useEffect(() => () => void (live.current = false), []);
  const load = useCallback(
    () =>
      (loading.current ??= import("../preview/incremental-validator.ts").then(
        (module) => {
          const validator = new module.IncrementalValidator();
          if (live.current) setLoaded({ validator });
          return validator;
        },
        () => {
          // Not loaded: the form compiles the schema itself, as it does without a validator.
          if (live.current) setLoaded({ failed: true });
          return undefined;
        },
      )),
    [],
  );
  return { loaded, load };
}

/** Designs of more nodes than this update the preview in steps, each a task of its own. */
const STEPPED_FROM_NODES = 1500;

const counts = new WeakMap<FieldNode, number>();

/** How many nodes a node holds, itself included: counted once per node (nodes are immutable and shared). */
function nodeCount(node: FieldNode): number {
  let count = counts.get(node);
  if (count === undefined) {
    count = 1;
    for (const child of node.fields ?? []) count += nodeCount(child);
    for (const child of node.branches ?? []) count += nodeCount(child);
    counts.set(node, count);
  }
  return count;
}

/**
 * The schema the preview shows: the design's, at once for most designs. A large one (thousands
 * of fields) is made into a schema, then planned as a form, then shown, each in a task of its
 * own after the change (each takes a large part of a frame's budget at 1 MB), so that no task of
 * the page is long; meanwhile the preview shows the design as it was, for a moment.
 */
function usePreviewSchema(doc: CredentialDocument): JsonObject {
  const large = nodeCount(doc.root) > STEPPED_FROM_NODES;
  const now = useMemo(() => (large ? undefined : toSchema(doc)), [doc, large]);
  const shown = useRef<JsonObject>(undefined);
  const [, showStepped] = useState<JsonObject>();
  useEffect(() => {
    if (!large) return;
    let timer = setTimeout(() => {
      const schema = toSchema(doc);
      timer = setTimeout(() => {
        planOf(schema); // made once per schema: the form then only builds it
        timer = setTimeout(() => {
          shown.current = schema;
          showStepped(schema);
        });
      });
    });
    return () => clearTimeout(timer);
  }, [doc, large]);
  // (The first render of a large design, with nothing shown yet, makes its schema at once.)
  shown.current = now ?? shown.current ?? toSchema(doc);
  return shown.current;
}

/**
 * The credential window as its users will see it: the preview component on the current design,
 * updated on every change. Its button, "Check values", checks what is typed (the design saves
 * itself); a window with no fields says there is nothing to fill in yet. What is typed here is validated live and kept in this component's
 * memory only (never stored, logged or exported); it survives changes to the design.
 * Each change validates with the parts of the schema it did not touch already compiled (see
 * src/preview/incremental-validator.ts), compiling what changed after the change is painted, a
 * slice at a time between the page's tasks (a large import compiles thousands of parts).
 */
export function PreviewPane({ store }: { store: DesignerStore }) {
  const doc = useDesigner(store, (state) => state.editor.doc);
  const schema = usePreviewSchema(doc);
  const empty = (doc.root.fields ?? []).length === 0;
  const { loaded, load } = useIncrementalValidator();
  const validate = useMemo(
    () =>
      !loaded
        ? NOT_CHECKED_YET
        : "validator" in loaded
          ? // Compiled in parts between the page's tasks: a large design leaves the page responsive.
            loaded.validator.deferredValidatorFor(schema, { inParts: true })
          : undefined,
    [loaded, schema],
  );
  const [value, setValue] = useState<CredentialValue>({});
  const [verdict, setVerdict] = useState("");
  // A submit before the validator arrived (a click both starts the load and submits) is judged
  // once it is there: "valid" is never said of values nothing has checked.
  const submitted = async (values: CredentialValue) => {
    const validator = await load();
    if (!validator)
      return setVerdict(
        "The values were not checked: the validator did not load. Reload the page to try again.",
      );
    await validator.compileInParts(schema);
    try {
      if (validator.validatorFor(schema)(values)) setVerdict("The values are valid.");
    } catch (error) {
      // E.g. a page policy that forbids compiling code, or a rule Ajv cannot compile: what the
      // form itself says when Ajv refuses a schema.
      setVerdict(`This window's schema could not be compiled: ${firstLine(error)}`);
    }
  };
  return (
    <div
      className="cd-preview-pane"
      // The form takes the designer's colour scheme, not the system's (see preview-pane.css).
      data-cd-theme="inherit"
      onFocusCapture={() => void load()}
      onPointerDownCapture={() => void load()}
    >
      <h2 id="preview-heading">Preview</h2>
      {empty ? (
        // Nothing to check: no button, and never "The values are valid" of a window with no fields.
        <p className="designer-hint cd-preview-empty">
          Nothing to fill in yet: the window has no fields. Add one on the canvas to try it here.
        </p>
      ) : (
        <>
          <p className="designer-hint">Try the window: what you type here stays in this tab.</p>
          <CredentialForm
            schema={schema}
            validate={validate}
            value={value}
            onChange={(next) => {
              setValue(next);
              setVerdict("");
            }}
            onSubmit={(values) => void submitted(values)}
            // It checks the values and saves nothing (the design is saved on its own).
            submitLabel="Check values"
            idPrefix="preview"
          />
        </>
      )}
      <p role="status" className="designer-hint">
        {empty ? "" : verdict}
      </p>
    </div>
  );
}

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split("\n")[0]!.trim();
}
