import { useId, useState } from "react";
import { downloadFile } from "./export/download.ts";
import type { Autosave } from "./storage/autosave.ts";
import { useAutosave } from "./storage/use-autosave.ts";

/**
 * The stored design the page could not open at start (from an older version, or edited by hand),
 * as a recoverable error rather than a blank page: why, its raw JSON to download (as stored, so
 * nothing is lost), Delete, and Dismiss. The page meanwhile works on a new design.
 */
export function UnopenedDesignNotice({ autosave }: { autosave: Autosave }) {
  const unopened = useAutosave(autosave, (state) => state.unopened);
  const [problem, setProblem] = useState<string | undefined>();
  const titleId = useId();
  if (!unopened) return null;
  const { record, message, when } = unopened;
  const exportRaw = () =>
    // JSON.stringify writes a lone surrogate as its \uXXXX escape, so the file is valid UTF-8.
    downloadFile(
      `${safeFileName(record.name)}.raw.json`,
      `${JSON.stringify(record.schema, null, 2)}\n`,
    );
  const remove = () =>
    autosave.deleteUnopened().catch((error: unknown) => {
      setProblem(
        `It could not be deleted: ${error instanceof Error ? error.message : String(error)}`,
      );
    });
  return (
    <section role="alert" aria-labelledby={titleId} className="cd-unopened">
      <p id={titleId}>
        <strong>This design could not be opened: </strong>
        {message}
      </p>
      <p>
        “{record.name}” is kept as stored. Download its raw JSON to fix it and import it, or delete
        it.{" "}
        {when === "start"
          ? "You are working on a new design."
          : "The design you had open stays open."}
      </p>
      {problem && <p>{problem}</p>}
      <div className="cd-unopened-actions">
        <button type="button" onClick={exportRaw}>
          Export raw JSON
        </button>
        <button type="button" onClick={remove}>
          Delete “{record.name}”
        </button>
        <button type="button" onClick={() => autosave.dismissUnopened()}>
          Dismiss
        </button>
      </div>
    </section>
  );
}

function safeFileName(name: string): string {
  return name.replace(/[\\/:*?"<>|\p{Cc}]+/gu, "-").trim() || "design";
}
