import { useRef, useState } from "react";
import type { JsonObject } from "../../json/value.ts";
import { toSchema } from "../../schema/to-schema.ts";
import type { DesignerStore } from "../store/designer-store.ts";
import { useDesigner } from "../store/use-designer.ts";
import { Download, FileArchive, FileCode } from "../ui/icons.ts";
import { MenuButton } from "../ui/menu-button.tsx";
import { useToasts } from "../ui/toasts.tsx";
import { exportBaseName, exportFileNames } from "./base-name.ts";
import { describePlace } from "./describe-place.ts";
import { downloadFile } from "./download.ts";
import { type ExportClient, ExportError, sharedExportClient } from "./export-client.ts";

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * Export of the current design: "Export all (.zip)" and one download per file, named after the
 * design's title (`rest-api.schema.json`…), in one menu. The files are made by the CLI's own
 * exporter in a worker that starts on the first export. Only the design is exported: what is
 * typed into the preview never reaches this component. While an export runs the menu's items are
 * aria-disabled and its button aria-busy; the outcome is a toast ("Downloaded rest-api.zip.", or
 * an alert with what is wrong, where and how to fix it) that never moves the layout.
 */
export function ExportMenu({ store, client }: { store: DesignerStore; client?: ExportClient }) {
  const baseName = useDesigner(store, (state) =>
    exportBaseName(rootTitle(state.editor.doc.root.schema)),
  );
  const [busy, setBusy] = useState<string | undefined>();
  const toasts = useToasts();
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
    try {
      await work(client ?? sharedExportClient(), schema, base);
      toasts.show({ kind: "status", topic: "export", title: `Downloaded ${target(base)}.` });
    } catch (error) {
      const failure =
        error instanceof ExportError
          ? error
          : new ExportError({
              what: `the export failed unexpectedly (${String(error)})`,
              pointer: undefined,
              fix: "try again",
            });
      const place =
        failure.pointer === undefined ? undefined : describePlace(schema, failure.pointer);
      toasts.show({
        kind: "error",
        topic: "export",
        title: `Export failed: ${capitalise(failure.what)}.`,
        lines: [
          ...(place === undefined ? [] : [`Where: ${place}`]),
          `How to fix: ${capitalise(failure.fix)}.`,
        ],
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
    <MenuButton
      label="Export"
      className="designer-export"
      icon={<Download size={16} />}
      busy={busy !== undefined}
      title={
        busy !== undefined ? `Exporting ${busy}…` : "Download the schema, bindings and validator"
      }
      items={[
        {
          key: "zip",
          label: (
            <>
              <FileArchive size={16} /> Export all (.zip)
            </>
          ),
          name: "Export all (.zip)",
          disabled: busy !== undefined,
          onSelect: () => void exportAll(),
        },
        ...exportFileNames(baseName).map((name, index) => ({
          key: name,
          label: (
            <>
              <FileCode size={16} /> {name}
            </>
          ),
          name: `Download ${name}`,
          disabled: busy !== undefined,
          separated: index === 0,
          onSelect: () => void exportOne(index),
        })),
      ]}
    />
  );
}

function rootTitle(schema: JsonObject | boolean): unknown {
  return typeof schema === "object" ? schema.title : undefined;
}
