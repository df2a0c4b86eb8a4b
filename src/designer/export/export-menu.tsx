import { useRef, useState } from "react";
import type { JsonObject } from "../../json/value.ts";
import type { DesignerStore } from "../store/designer-store.ts";
import { schemaOf } from "../store/schema-of.ts";
import { useDesigner } from "../store/use-designer.ts";
import { Download, FileArchive, FileCode } from "../ui/icons.ts";
import { MenuButton } from "../ui/menu-button.tsx";
import { useToasts } from "../ui/toasts.tsx";
import { exportBaseName, exportFileNames } from "./base-name.ts";
import { describePlace } from "./describe-place.ts";
import { downloadFile } from "./download.ts";
import { type ExportClient, ExportError, sharedExportClient } from "./export-client.ts";

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** What the page knows about `<base>.cs` for one version of the design (its schema's JSON text). */
type CSharpStatus =
  | { readonly schemaText: string; readonly state: "checking" | "ok" }
  | { readonly schemaText: string; readonly state: "refused"; readonly reason: string };

/**
 * Export of the current design: "Export all (.zip)" and one download per file, named after the
 * design's title (`rest-api.schema.json`…, and `rest-api.cs`, the C# model), in one menu. Each time
 * the menu opens it asks the exporter whether the C# model can express the design; when it
 * cannot, the `.cs` item is aria-disabled and says why (its description: what, where, how to fix),
 * and the zip holds the four other files and a README.txt saying the same. The files are made by the CLI's own
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
  const [csharp, setCSharp] = useState<CSharpStatus | undefined>();
  // The design's schema as JSON text at the last probe: what the shown status is about.
  const schemaTextNow = () => JSON.stringify(schemaOf(store.doc));
  const toasts = useToasts();
  const working = useRef(false); // a second click before React re-renders must not start a second export

  async function run(
    target: (baseName: string) => string,
    work: (exporter: ExportClient, schema: JsonObject, baseName: string) => Promise<void>,
  ) {
    if (working.current) return;
    working.current = true;
    const schema = schemaOf(store.doc);
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

  /** Whether `<base>.cs` can be made for the design as it is now; asked when the menu opens. */
  async function probeCSharp() {
    const schema = schemaOf(store.doc);
    const schemaText = JSON.stringify(schema);
    if (csharp?.schemaText === schemaText && csharp.state !== "checking") return;
    setCSharp({ schemaText, state: "checking" });
    let next: CSharpStatus | undefined;
    try {
      await (client ?? sharedExportClient()).exportCSharp(schema, exportBaseName(schema.title));
      next = { schemaText, state: "ok" };
    } catch (error) {
      // A refusal has a place (a pointer); a worker that failed says nothing about the design.
      next =
        error instanceof ExportError && error.pointer !== undefined
          ? { schemaText, state: "refused", reason: refusalText(schema, error) }
          : undefined;
    }
    setCSharp((current) => (current?.schemaText === schemaText ? next : current));
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

  const exportCSharp = () =>
    run(
      (base) => `${base}.cs`,
      async (exporter, schema, base) => {
        try {
          const file = await exporter.exportCSharp(schema, base);
          downloadFile(file.name, file.contents);
        } catch (error) {
          if (error instanceof ExportError && error.pointer !== undefined) {
            const schemaText = JSON.stringify(schema);
            setCSharp({ schemaText, state: "refused", reason: refusalText(schema, error) });
          }
          throw error;
        }
      },
    );
  const refused =
    csharp?.state === "refused" && busy === undefined && csharp.schemaText === schemaTextNow()
      ? csharp.reason
      : undefined;

  return (
    <MenuButton
      label="Export"
      className="designer-export"
      icon={<Download size={16} />}
      busy={busy !== undefined}
      title={
        busy !== undefined
          ? `Exporting ${busy}…`
          : "Download the schema, bindings, validator and C# model"
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
        {
          key: "csharp",
          label: (
            <>
              <FileCode size={16} /> {baseName}.cs
            </>
          ),
          name: `Download ${baseName}.cs`,
          disabled: busy !== undefined || refused !== undefined,
          ...(refused !== undefined && { description: refused }),
          separated: true,
          onSelect: () => void exportCSharp(),
        },
      ]}
      onOpen={() => void probeCSharp()}
    />
  );
}

/** Why `<base>.cs` cannot be made, as the `.cs` item says it: what, where, how to fix. */
function refusalText(schema: JsonObject, error: ExportError): string {
  const place = error.pointer === undefined ? undefined : describePlace(schema, error.pointer);
  return `Not available: ${capitalise(error.what)}${place === undefined ? "" : ` (at ${place})`}. ${capitalise(error.fix)}.`;
}

function rootTitle(schema: JsonObject | boolean): unknown {
  return typeof schema === "object" ? schema.title : undefined;
}
