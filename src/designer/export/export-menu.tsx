import { useRef, useState } from "react";
import type { JsonObject } from "../../json/value.ts";
import { toSchema } from "../../schema/to-schema.ts";
import type { DesignerStore } from "../store/designer-store.ts";
import { useDesigner } from "../store/use-designer.ts";
import { exportBaseName, exportFileNames } from "./base-name.ts";
import { describePlace } from "./describe-place.ts";
import { downloadFile } from "./download.ts";
import { type ExportClient, ExportError, sharedExportClient } from "./export-client.ts";
import "./export-menu.css";

type Outcome =
  | { readonly ok: true; readonly downloaded: string }
  | { readonly ok: false; readonly error: ExportError; readonly place: string | undefined };

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * Export of the current design: "Export all (.zip)" and one download per file, named after the
 * design's title (`rest-api.schema.json`…). The files are made by the CLI's own exporter in a
 * worker that starts on the first export. Only the design is exported: what is typed into the
 * preview never reaches this component. While an export runs the buttons are aria-disabled
 * (they keep the focus, unlike `disabled`) and the group is aria-busy; a refusal is shown in an
 * alert with what is wrong, where and how to fix it.
 */
export function ExportMenu({ store, client }: { store: DesignerStore; client?: ExportClient }) {
  const baseName = useDesigner(store, (state) =>
    exportBaseName(rootTitle(state.editor.doc.root.schema)),
  );
  const [busy, setBusy] = useState<string | undefined>();
  const [outcome, setOutcome] = useState<Outcome | undefined>();
  const working = useRef(false); // a second click before React re-renders must not start a second export

  async function run(
    target: (baseName: string) => string,
    work: (exporter: ExportClient, schema: JsonObject, baseName: string) => Promise<void>,
  ) {
    if (working.current) return;
    working.current = true;
    const schema = toSchema(store.doc);
    const base = exportBaseName(schema.title);
    setBusy(target(base));
    setOutcome(undefined);
    try {
      await work(client ?? sharedExportClient(), schema, base);
      setOutcome({ ok: true, downloaded: target(base) });
    } catch (error) {
      const failure =
        error instanceof ExportError
          ? error
          : new ExportError({
              what: `the export failed unexpectedly (${String(error)})`,
              pointer: undefined,
              fix: "try again",
            });
      setOutcome({
        ok: false,
        error: failure,
        place: failure.pointer === undefined ? undefined : describePlace(schema, failure.pointer),
      });
    } finally {
      working.current = false;
      setBusy(undefined);
    }
  }

  const exportAll = () =>
    run(
      (base) => `${base}.zip`,
      async (exporter, schema, base) =>
        downloadFile(`${base}.zip`, await exporter.exportZip(schema, base)),
    );
  const exportOne = (index: number) =>
    run(
      (base) => exportFileNames(base)[index]!,
      async (exporter, schema, base) => {
        const file = (await exporter.exportFiles(schema, base))[index]!;
        downloadFile(file.name, file.contents);
      },
    );

  return (
    <div className="designer-export">
      <div
        role="group"
        aria-label="Export"
        aria-busy={busy !== undefined}
        className="designer-export-buttons"
      >
        <button type="button" aria-disabled={busy !== undefined} onClick={exportAll}>
          Export all (.zip)
        </button>
        {exportFileNames(baseName).map((name, index) => (
          <button
            key={name}
            type="button"
            aria-disabled={busy !== undefined}
            aria-label={`Download ${name}`}
            title={`Download ${name}`}
            onClick={() => exportOne(index)}
            className="designer-export-file"
          >
            {name}
          </button>
        ))}
      </div>
      <p role="status" className="designer-export-status">
        {busy !== undefined
          ? `Exporting ${busy}…`
          : outcome?.ok
            ? `Downloaded ${outcome.downloaded}.`
            : ""}
      </p>
      {outcome && !outcome.ok && (
        <div role="alert" className="designer-export-error">
          <p>
            <strong>Export failed:</strong> {capitalise(outcome.error.what)}.
          </p>
          {outcome.place !== undefined && <p>Where: {outcome.place}</p>}
          <p>How to fix: {capitalise(outcome.error.fix)}.</p>
        </div>
      )}
    </div>
  );
}

function rootTitle(schema: JsonObject | boolean): unknown {
  return typeof schema === "object" ? schema.title : undefined;
}
