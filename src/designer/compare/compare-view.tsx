import { useEffect, useId, useMemo, useRef, useState } from "react";
import { type Change, type ChangeClass, countByClass, diffSchemas } from "../../diff/index.ts";
import type { CredentialDocument } from "../../model/index.ts";
import { describeProblem, formatMessage } from "../../schema/problem-message.ts";
import { toSchema } from "../../schema/to-schema.ts";
import type { targetsAtPointers } from "../problems/problem-targets.ts";
import type { Autosave } from "../storage/autosave.ts";
import type { DesignLibrary, DesignSummary } from "../storage/design-repository.ts";
import { useAutosave } from "../storage/use-autosave.ts";
import type { DesignerStore } from "../store/designer-store.ts";
import { useDesigner } from "../store/use-designer.ts";
import { type ChangeRow, changeRows } from "./change-rows.ts";
import {
  type CompareSource,
  type SourceRead,
  sourceFromFile,
  sourceFromLibrary,
} from "./compare-source.ts";

export type { CompareSource } from "./compare-source.ts";

export interface CompareViewProps {
  readonly store: DesignerStore;
  readonly autosave: Autosave | undefined;
  /** The version the design is compared with (kept by the caller between openings), if one was chosen. */
  readonly source: CompareSource | undefined;
  readonly onSource: (source: CompareSource) => void;
  /** A change was chosen: select its field and show it on the canvas. */
  readonly onShow: (nodeId: string) => void;
  /**
   * problem-targets.ts's `targetsAtPointers`, handed over by the page's own chunk: this chunk
   * importing the canvas's modules (src/designer/dnd/names.ts) makes Rolldown move React, the
   * model and more out of the main chunk into shared chunks, which adds to what the page loads first.
   */
  readonly targetsAt: typeof targetsAtPointers;
}

const CLASS_WORDS: Record<ChangeClass, string> = {
  breaking: "Breaking",
  exposing: "Exposing",
  compatible: "Compatible",
};

type Comparison =
  | { readonly rows: readonly ChangeRow[]; readonly summary: string }
  | { readonly error: string };

/**
 * The content of the "Compare with…" dialog, loaded when it first opens (with src/diff and the
 * pattern analysis it needs): the versions to compare with (saved designs other than the open one,
 * a file), then the changes from the chosen one (old) to the current design (new), as the CLI's
 * `diff` lists them, in document order. A change whose field is in the design is a button that
 * selects it on the canvas; one about something removed is text. Schemas only: no saved values.
 */
export function CompareView({
  store,
  autosave,
  source,
  onSource,
  onShow,
  targetsAt,
}: CompareViewProps) {
  const doc = useDesigner(store, (state) => state.editor.doc);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const file = useRef<HTMLInputElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const focusResult = useRef(false);
  const latest = useRef(0);
  const id = useId();
  const library = autosave?.library;

  // Follows the design while the dialog is open (undo still works from the keyboard).
  const comparison = useMemo(
    () => (source ? compare(source, doc, targetsAt) : undefined),
    [source, doc, targetsAt],
  );

  // biome-ignore lint/correctness/useExhaustiveDependencies: runs after a new source or error is shown, to focus its heading
  useEffect(() => {
    if (!focusResult.current) return;
    focusResult.current = false;
    heading.current?.focus();
  }, [source, error]);

  /** Reads a version; the last one asked for wins. */
  const choose = (read: () => Promise<SourceRead>) => {
    const ticket = ++latest.current;
    setBusy(true);
    // The handlers below only set state: the chain cannot reject.
    void read()
      .catch(
        (reason: unknown): SourceRead => ({
          error: `The version could not be read: ${reason instanceof Error ? reason.message : String(reason)}`,
        }),
      )
      .then((result) => {
        if (ticket !== latest.current) return;
        setBusy(false);
        focusResult.current = "source" in result;
        if ("error" in result) setError(result.error);
        else {
          setError(undefined);
          onSource(result.source);
        }
      });
  };

  return (
    <div className="cd-compare" aria-busy={busy}>
      <div className="cd-compare-sources" role="group" aria-labelledby={`${id}-with`}>
        <p id={`${id}-with`}>Compare this design with an earlier version of it:</p>
        {autosave && library ? (
          <SavedDesigns
            autosave={autosave}
            library={library}
            onChoose={(designId) => choose(() => sourceFromLibrary(library, designId))}
          />
        ) : null}
        <button type="button" onClick={() => file.current?.click()}>
          A file…
        </button>
        <input
          ref={file}
          type="file"
          accept=".json,.yaml,.yml,application/json,application/yaml"
          aria-label="Schema file to compare with"
          tabIndex={-1}
          hidden
          onChange={(event) => {
            const [picked] = Array.from(event.currentTarget.files ?? []);
            event.currentTarget.value = ""; // the same file can be picked again
            if (picked) choose(() => sourceFromFile(picked));
          }}
        />
      </div>
      {error !== undefined ? (
        <p role="alert" className="cd-compare-error">
          {error}
        </p>
      ) : null}
      {source && comparison ? (
        <>
          <h3 ref={heading} tabIndex={-1} className="cd-compare-title">
            Changes from «{source.name}» to this design
          </h3>
          <section aria-label="Changes" className="cd-compare-changes">
            {"error" in comparison ? (
              <p role="alert" className="cd-compare-error">
                {comparison.error}
              </p>
            ) : (
              <ChangeList rows={comparison.rows} summary={comparison.summary} onShow={onShow} />
            )}
          </section>
        </>
      ) : null}
    </div>
  );
}

/** The stored designs other than the open one, each a button that compares with it. */
function SavedDesigns({
  autosave,
  library,
  onChoose,
}: {
  autosave: Autosave;
  library: DesignLibrary;
  onChoose: (id: string) => void;
}) {
  const current = useAutosave(autosave, (state) => state.design?.id);
  const libraryVersion = useAutosave(autosave, (state) => state.libraryVersion);
  const [designs, setDesigns] = useState<DesignSummary[]>();
  const [failure, setFailure] = useState<string>();
  const id = useId();
  // biome-ignore lint/correctness/useExhaustiveDependencies: libraryVersion changes when a design is saved: list again
  useEffect(() => {
    let live = true;
    library.list().then(
      (list) => live && setDesigns(list),
      (reason: unknown) =>
        live &&
        setFailure(
          `The saved designs could not be listed: ${reason instanceof Error ? reason.message : String(reason)}`,
        ),
    );
    return () => void (live = false);
  }, [library, libraryVersion]);
  const others = designs?.filter((design) => design.id !== current);
  return (
    <div className="cd-compare-saved">
      <h3 id={`${id}-saved`}>Saved designs</h3>
      {failure !== undefined ? (
        <p className="cd-compare-error">{failure}</p>
      ) : others === undefined ? (
        <p>Reading the saved designs…</p>
      ) : others.length === 0 ? (
        <p>No other saved design.</p>
      ) : (
        <ul aria-labelledby={`${id}-saved`}>
          {others.map((design) => (
            <li key={design.id}>
              <button type="button" onClick={() => onChoose(design.id)}>
                {design.name}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function ChangeList({
  rows,
  summary,
  onShow,
}: {
  rows: readonly ChangeRow[];
  summary: string;
  onShow: (nodeId: string) => void;
}) {
  if (rows.length === 0) return <p className="cd-compare-summary">No changes.</p>;
  return (
    <>
      <p className="cd-compare-summary">{summary}</p>
      <ol className="cd-change-list">
        {rows.map((row, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a change has no identity but its place in this comparison
          <ChangeItem key={index} row={row} onShow={onShow} />
        ))}
      </ol>
    </>
  );
}

function ChangeItem({ row, onShow }: { row: ChangeRow; onShow: (nodeId: string) => void }) {
  const detailsId = useId();
  const { change, nodeId } = row;
  const hasDetails = row.values !== undefined || row.hint !== undefined;
  const label = <span className="cd-change-class">{CLASS_WORDS[change.class]}:</span>;
  return (
    <li className={`cd-change cd-change-${change.class}`}>
      {nodeId !== undefined ? (
        <button
          type="button"
          className="cd-line-button cd-change-show"
          aria-describedby={hasDetails ? detailsId : undefined}
          onClick={() => onShow(nodeId)}
        >
          {label} {row.text} — {row.place}
        </button>
      ) : (
        <p className="cd-change-text">
          {label} {row.text}
        </p>
      )}
      {hasDetails ? (
        <div id={detailsId} className="cd-change-details">
          {row.values !== undefined ? <p className="cd-change-values">{row.values}</p> : null}
          {row.hint !== undefined ? <p className="cd-change-hint">Hint: {row.hint}</p> : null}
        </div>
      ) : null}
    </li>
  );
}

/** The changes from the source to the design, as rows, with the CLI's summary ("3 changes: 2 breaking, 1 exposing, 0 compatible."). */
function compare(
  source: CompareSource,
  doc: CredentialDocument,
  targetsAt: typeof targetsAtPointers,
): Comparison {
  let changes: Change[];
  try {
    changes = diffSchemas(source.schema, toSchema(doc));
  } catch (error) {
    const described = describeProblem(error);
    if (described)
      return { error: formatMessage({ place: described.place }, described.problem, described.fix) };
    const kind = error instanceof Error ? error.name : typeof error;
    return {
      error: formatMessage(
        {},
        `the two versions could not be compared (internal error: ${kind})`,
        "this is a bug: please report it",
      ),
    };
  }
  const counts = countByClass(changes);
  const total = changes.length;
  const summary = `${total} change${total === 1 ? "" : "s"}: ${counts.breaking} breaking, ${counts.exposing} exposing, ${counts.compatible} compatible.`;
  return { rows: changeRows(doc, changes, targetsAt), summary };
}
