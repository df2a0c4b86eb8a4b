import { type ReactNode, useRef } from "react";
import { replaceDesign } from "../../model/index.ts";
import type { DesignerStore } from "../store/designer-store.ts";
import { FileUp } from "../ui/icons.ts";
import { useToasts } from "../ui/toasts.tsx";
import { sizeProblem, unreadable } from "./import-limit.ts";
import { type ReadClient, sharedReadClient } from "./read-client.ts";
import { usePageFileDrop } from "./use-page-file-drop.ts";
import "./import.css";

/** What the last import tells the user: why it failed (an alert), or that it worked (a status). */
export type ImportOutcome = { readonly kind: "error" | "done"; readonly text: string };

/**
 * Imports a schema file as one undoable command: `replaceDesign` through the store, so undo,
 * autosave and the preview see it like any other change. A file that cannot become a design
 * (too large, not UTF-8, not JSON, a schema the importer refuses) changes nothing and says why.
 * A file over the limit (import-limit.ts) is refused by its size, before it is read; the rest is
 * read, parsed and imported in the reader worker (read-client.ts), off the page's thread.
 */
export async function importSchemaFile(
  store: DesignerStore,
  file: File,
  reader: ReadClient = sharedReadClient(),
): Promise<ImportOutcome> {
  const tooLarge = sizeProblem(file.name, file.size);
  if (tooLarge !== undefined) return { kind: "error", text: tooLarge };
  let bytes: ArrayBuffer;
  try {
    bytes = await file.arrayBuffer();
  } catch {
    return { kind: "error", text: unreadable(file.name) };
  }
  const read = await reader.importFile(file.name, bytes);
  if ("error" in read) return { kind: "error", text: read.error };
  // The file's keys were made by hand: none follows its title.
  const refused = store.run((doc) =>
    replaceDesign(doc, read.doc, `Import ${file.name}`, { handMadeKeys: true }),
  );
  if (refused !== undefined) return { kind: "error", text: `${file.name}: ${refused}.` };
  const part = read.notice !== undefined ? ` (${read.notice})` : "";
  return {
    kind: "done",
    text: `Imported ${file.name}${part}. Undo puts the design back as it was.`,
  };
}

/**
 * Imports the files chosen or dropped (one at a time) and tells how it went in a toast: an alert
 * that stays until dismissed when the file was refused (why, and how to fix it), a status note
 * when it was imported.
 */
function useImportFiles(store: DesignerStore): (files: readonly File[]) => void {
  const toasts = useToasts();
  const tell = (outcome: ImportOutcome) =>
    toasts.show({
      kind: outcome.kind === "error" ? "error" : "status",
      topic: "import",
      title: outcome.text,
    });
  return (files) => {
    const [file] = files;
    if (!file) return;
    if (files.length > 1) {
      tell({
        kind: "error",
        text: `${files.length} files were dropped. Drop one schema file at a time.`,
      });
      return;
    }
    importSchemaFile(store, file).then(tell, () =>
      tell({
        kind: "error",
        text: `${file.name}: the importer could not be started or stopped working. Reload the page and try again.`,
      }),
    );
  };
}

/**
 * A button that picks a .json, .yaml or .yml file and imports it: the header's "Import…", and the start panel's
 * "Import a schema…" (`children`: its content; without them, the icon and "Import…").
 */
export function ImportFileButton({
  store,
  compact = false,
  className,
  children,
  inputLabel = "Schema file to import",
}: {
  store: DesignerStore;
  /** An icon button (its name stays in the accessible name). */
  compact?: boolean;
  className?: string;
  children?: ReactNode;
  /** The name of its (hidden) file input, unique on the page. */
  inputLabel?: string;
}) {
  const input = useRef<HTMLInputElement>(null);
  const importFiles = useImportFiles(store);
  return (
    <>
      <button
        type="button"
        className={compact ? "cd-icon" : className}
        aria-label={compact ? "Import…" : undefined}
        onClick={() => input.current?.click()}
        title="Open a JSON Schema file (.json, .yaml, .yml; a connector's spec.json or manifest.yaml too), or drop one on the page"
      >
        {children ?? (
          <>
            <FileUp size={16} />
            {!compact && "Import…"}
          </>
        )}
      </button>
      <input
        ref={input}
        type="file"
        accept=".json,.yaml,.yml,application/json,application/yaml"
        aria-label={inputLabel}
        tabIndex={-1}
        hidden
        onChange={(event) => {
          const files = Array.from(event.currentTarget.files ?? []);
          event.currentTarget.value = ""; // the same file can be picked again
          importFiles(files);
        }}
      />
    </>
  );
}

/**
 * The header's "Import…" button (a file picker for .json, .yaml and .yml files), and the same import for a file
 * dropped anywhere on the page. The outcome is a toast (see useImportFiles).
 */
export function SchemaImport({
  store,
  compact = false,
}: {
  store: DesignerStore;
  compact?: boolean;
}) {
  const dragging = usePageFileDrop(useImportFiles(store));
  return (
    <>
      <ImportFileButton store={store} compact={compact} />
      {dragging && (
        <div className="designer-drop-hint" aria-hidden="true">
          Drop the schema file to import it
        </div>
      )}
    </>
  );
}
