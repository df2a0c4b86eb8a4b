import { useEffect, useId, useRef, useState } from "react";
import type { DesignerStore } from "../store/designer-store.ts";
import { JsonEditorController, type JsonEditorReport } from "./json-editor-controller.ts";
import { describeTextProblem } from "./schema-text.ts";

/**
 * The JSON view's editor (CodeMirror, loaded only when the view is first opened) with the message
 * under it: the problem with the text (what, where, how to fix it) or how edits apply. The
 * message is the editor's description, and text only: schema text is never rendered as HTML.
 */
export function SchemaJsonEditor({ store, visible }: { store: DesignerStore; visible: boolean }) {
  const host = useRef<HTMLDivElement>(null);
  const controller = useRef<JsonEditorController>(undefined);
  const [report, setReport] = useState<JsonEditorReport>({
    problem: undefined,
    changedElsewhere: false,
  });
  const { problem, changedElsewhere, notice } = report;
  const messageId = useId();
  useEffect(() => {
    const created = new JsonEditorController({
      parent: host.current!,
      store,
      onReport: setReport,
      describedBy: messageId,
    });
    controller.current = created;
    return () => {
      created.destroy();
      controller.current = undefined;
    };
  }, [store, messageId]);
  useEffect(() => controller.current?.setVisible(visible), [visible]);
  return (
    <div className="designer-json-editor">
      <div ref={host} className="designer-json-host" />
      <div className="designer-json-footer">
        <p
          id={messageId}
          role="status"
          className={problem ? "designer-json-problem" : "designer-hint"}
        >
          {problem
            ? `${describeTextProblem(problem)} The design stays as it was until the JSON is right.`
            : notice !== undefined
              ? `${notice} `
              : ""}
          {!problem &&
            "Edits apply to the design when you pause typing, as one step. Ctrl/Cmd+Z here is the toolbar's Undo: it drops typing not applied yet, then undoes the design's steps."}
          {changedElsewhere &&
            " The design has changed elsewhere since you edited this text: applying it replaces those changes; discard your JSON edits to see the design."}
        </p>
        {(problem || changedElsewhere) && (
          <button type="button" onClick={() => controller.current?.revert()}>
            Discard JSON edits
          </button>
        )}
      </div>
    </div>
  );
}
