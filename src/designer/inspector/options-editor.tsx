import { useId, useState } from "react";
import type { FieldNode } from "../../model/index.ts";
import type { DesignerStore } from "../store/designer-store.ts";
import { ArrowDown, ArrowUp, Trash2 } from "../ui/icons.ts";
import { applyEdit } from "./apply-edit.ts";
import { TextControl } from "./controls.tsx";
import type { Edit } from "./field-properties.ts";
import { usePlacedFindings } from "./finding-notes.tsx";
import {
  addOption,
  editOptionLabel,
  editOptionValue,
  moveOption,
  readOptions,
  removeOption,
} from "./select-options.ts";

/** A select's options: value and label of each, added, removed and reordered. Each change is one step. */
export function OptionsEditor({ store, node }: { store: DesignerStore; node: FieldNode }) {
  const options = readOptions(node);
  const [error, setError] = useState<string | undefined>(undefined);
  const id = useId();
  const errorId = `${id}-error`;
  const apply = (edit: Edit) => setError(applyEdit(store, node.id, edit));
  const describedBy = error ? errorId : undefined;
  // The check's findings about the options (e.g. an http:// value), under the list.
  const findings = usePlacedFindings("options", undefined);
  return (
    <div className="inspector-options">
      <ol
        className="inspector-option-list"
        aria-label="Options"
        aria-describedby={findings.describedBy.join(" ") || undefined}
      >
        {options.map((option, index) => {
          const n = index + 1;
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: an option is its position (two may share a value while being edited)
            <li key={index} className="inspector-option">
              <TextControl
                label={`Value of option ${n}`}
                value={option.valueText}
                spellCheck={false}
                onCommit={(text) => applyEdit(store, node.id, editOptionValue(node, index, text))}
              />
              <TextControl
                label={`Label of option ${n}`}
                value={option.label}
                onCommit={(text) => applyEdit(store, node.id, editOptionLabel(node, index, text))}
              />
              <div className="inspector-option-actions">
                <button
                  type="button"
                  aria-describedby={describedBy}
                  disabled={index === 0}
                  className="cd-icon"
                  aria-label={`Move option ${n} up`}
                  title="Move up"
                  onClick={() => apply(moveOption(node, index, index - 1))}
                >
                  <ArrowUp size={16} />
                </button>
                <button
                  type="button"
                  aria-describedby={describedBy}
                  disabled={index === options.length - 1}
                  className="cd-icon"
                  aria-label={`Move option ${n} down`}
                  title="Move down"
                  onClick={() => apply(moveOption(node, index, index + 1))}
                >
                  <ArrowDown size={16} />
                </button>
                <button
                  type="button"
                  aria-describedby={describedBy}
                  className="cd-icon"
                  aria-label={`Remove option ${n}`}
                  title="Remove"
                  onClick={() => apply(removeOption(node, index))}
                >
                  <Trash2 size={16} />
                </button>
              </div>
            </li>
          );
        })}
      </ol>
      {findings.notes}
      <button type="button" aria-describedby={describedBy} onClick={() => apply(addOption(node))}>
        Add option
      </button>
      {error ? (
        <p id={errorId} className="inspector-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
