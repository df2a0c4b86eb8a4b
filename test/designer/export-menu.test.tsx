import { act, cleanup, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ExportClient, ExportError } from "../../src/designer/export/export-client.ts";
import { ExportMenu } from "../../src/designer/export/export-menu.tsx";
import { DesignerStore } from "../../src/designer/store/designer-store.ts";
import type { ExportFile } from "../../src/export/index.ts";
import type { JsonObject } from "../../src/json/value.ts";
import { updateField } from "../../src/model/index.ts";
import { importSchema } from "../../src/schema/import.ts";

const SCHEMA: JsonObject = {
  $schema: "http://json-schema.org/draft-07/schema#",
  title: "REST API",
  type: "object",
  properties: { baseUrl: { title: "Base URL", type: "string", pattern: "^(a+)+$" } },
};

/** An exporter whose answers the test gives, one promise per request. */
class ScriptedClient extends ExportClient {
  readonly calls: Array<{
    kind: "files" | "zip";
    schema: JsonObject;
    baseName: string;
    settle: { resolve(value: unknown): void; reject(error: unknown): void };
  }> = [];
  constructor() {
    super(() => {
      throw new Error("no worker in this test");
    });
  }
  override exportFiles(schema: JsonObject, baseName: string): Promise<readonly ExportFile[]> {
    return new Promise((resolve, reject) =>
      this.calls.push({
        kind: "files",
        schema,
        baseName,
        settle: { resolve: resolve as (value: unknown) => void, reject },
      }),
    );
  }
  override exportZip(schema: JsonObject, baseName: string): Promise<Uint8Array> {
    return new Promise((resolve, reject) =>
      this.calls.push({
        kind: "zip",
        schema,
        baseName,
        settle: { resolve: resolve as (value: unknown) => void, reject },
      }),
    );
  }
}

let downloads: Array<{ name: string; blob: Blob }>;
beforeEach(() => {
  downloads = [];
  const blobs = new Map<string, Blob>();
  vi.spyOn(URL, "createObjectURL").mockImplementation((blob) => {
    const url = `blob:test/${blobs.size}`;
    blobs.set(url, blob as Blob);
    return url;
  });
  vi.spyOn(URL, "revokeObjectURL").mockImplementation(() => {});
  vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (
    this: HTMLAnchorElement,
  ) {
    downloads.push({ name: this.download, blob: blobs.get(this.href)! });
  });
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

function renderMenu() {
  const store = new DesignerStore(importSchema(SCHEMA));
  const client = new ScriptedClient();
  render(<ExportMenu store={store} client={client} />);
  return { store, client, group: screen.getByRole("group", { name: "Export" }) };
}

describe("ExportMenu", () => {
  it("names a button per file after the design's title, and follows the title as it changes", () => {
    const { store, group } = renderMenu();
    const names = within(group)
      .getAllByRole("button")
      .map((button) => button.getAttribute("aria-label") ?? button.textContent);
    expect(names).toEqual([
      "Export all (.zip)",
      "Download rest-api.schema.json",
      "Download rest-api.ts",
      "Download rest-api.validate.js",
      "Download rest-api.validate.d.ts",
    ]);
    act(
      () =>
        void store.run((doc) =>
          updateField(doc, doc.root.id, { set: { title: "Partner Portal" } }),
        ),
    );
    expect(within(group).getByRole("button", { name: "Download partner-portal.ts" })).toBeTruthy();
  });

  it("is busy while exporting (buttons aria-disabled, a second click ignored), then downloads the zip and says so", async () => {
    const user = userEvent.setup();
    const { client, group } = renderMenu();
    const exportAll = within(group).getByRole("button", { name: "Export all (.zip)" });
    await user.click(exportAll);
    expect(group.getAttribute("aria-busy")).toBe("true");
    for (const button of within(group).getAllByRole("button"))
      expect(button.getAttribute("aria-disabled")).toBe("true");
    expect(screen.getByRole("status").textContent).toBe("Exporting rest-api.zip…");
    expect(document.activeElement).toBe(exportAll); // aria-disabled keeps the focus where it was
    await user.click(exportAll);
    expect(client.calls).toHaveLength(1);
    expect(client.calls[0]).toMatchObject({
      kind: "zip",
      baseName: "rest-api",
      schema: { title: "REST API" },
    });

    await act(async () => client.calls[0]!.settle.resolve(new Uint8Array([80, 75, 5, 6])));
    expect(group.getAttribute("aria-busy")).toBe("false");
    expect(downloads.map((download) => download.name)).toEqual(["rest-api.zip"]);
    expect(downloads[0]!.blob.type).toBe("application/zip");
    expect(screen.getByRole("status").textContent).toBe("Downloaded rest-api.zip.");
  });

  it("downloads one file by its own button, with the exporter's text as it is", async () => {
    const user = userEvent.setup();
    const { client, group } = renderMenu();
    await user.click(within(group).getByRole("button", { name: "Download rest-api.validate.js" }));
    const files = ["schema.json", "ts", "validate.js", "validate.d.ts"].map((ext) => ({
      name: `rest-api.${ext}`,
      contents: `// ${ext} ✓\n`,
    }));
    await act(async () => client.calls[0]!.settle.resolve(files));
    expect(downloads.map((download) => download.name)).toEqual(["rest-api.validate.js"]);
    expect(await downloads[0]!.blob.text()).toBe("// validate.js ✓\n");
  });

  it("shows a refusal in an alert: what, where (the field and the pointer) and how to fix it; nothing is downloaded", async () => {
    const user = userEvent.setup();
    const { client, group } = renderMenu();
    await user.click(within(group).getByRole("button", { name: "Export all (.zip)" }));
    await act(async () =>
      client.calls[0]!.settle.reject(
        new ExportError({
          what: 'the pattern of field "baseUrl" is unsafe: <b>it can backtrack</b>',
          pointer: "/properties/baseUrl/pattern",
          fix: "remove the nested repetition",
        }),
      ),
    );
    const alert = screen.getByRole("alert");
    expect(alert.textContent).toContain(
      'Export failed: The pattern of field "baseUrl" is unsafe: <b>it can backtrack</b>.',
    );
    expect(alert.querySelector("b")).toBeNull(); // text, never HTML
    expect(alert.textContent).toContain('Where: "Base URL" (/properties/baseUrl/pattern)');
    expect(alert.textContent).toContain("How to fix: Remove the nested repetition.");
    expect(downloads).toEqual([]);
    expect(group.getAttribute("aria-busy")).toBe("false");
    // The next export clears the alert.
    await user.click(within(group).getByRole("button", { name: "Export all (.zip)" }));
    expect(screen.queryByRole("alert")).toBeNull();
  });
});
