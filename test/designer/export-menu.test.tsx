import { act, cleanup, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ExportClient, ExportError } from "../../src/designer/export/export-client.ts";
import { ExportMenu } from "../../src/designer/export/export-menu.tsx";
import { DesignerStore } from "../../src/designer/store/designer-store.ts";
import { ToastCenter, ToastProvider, Toasts } from "../../src/designer/ui/toasts.tsx";
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
  /** The C# requests (the menu asks on each opening): kept apart, answered by the test. */
  readonly csharpCalls: Array<{
    schema: JsonObject;
    baseName: string;
    settle: { resolve(value: ExportFile): void; reject(error: unknown): void };
  }> = [];
  override exportCSharp(schema: JsonObject, baseName: string): Promise<ExportFile> {
    return new Promise((resolve, reject) =>
      this.csharpCalls.push({ schema, baseName, settle: { resolve, reject } }),
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
  const center = new ToastCenter();
  render(
    <ToastProvider value={center}>
      <ExportMenu store={store} client={client} />
      <Toasts center={center} />
    </ToastProvider>,
  );
  return { store, client, button: screen.getByRole("button", { name: "Export" }) };
}

/** The menu, opened by the Export button as a user does. */
async function openMenu(user: ReturnType<typeof userEvent.setup>): Promise<HTMLElement> {
  await user.click(screen.getByRole("button", { name: "Export" }));
  return screen.getByRole("menu", { name: "Export" });
}

/** Opens the menu and chooses the item named `name`. */
async function choose(user: ReturnType<typeof userEvent.setup>, name: string): Promise<void> {
  await user.click(within(await openMenu(user)).getByRole("menuitem", { name }));
}

const menuItemNames = (menu: HTMLElement) =>
  within(menu)
    .getAllByRole("menuitem")
    .map((item) => item.getAttribute("aria-label") ?? item.textContent);
// The two live regions of the toasts: always in the page, empty when there is nothing to say.
const statusRegion = () => screen.getByRole("status");
const alertRegion = () => screen.getByRole("alert");

describe("ExportMenu", () => {
  it("is one menu button whose items are named after the design's title, and follow the title as it changes", async () => {
    const user = userEvent.setup();
    const { store, button } = renderMenu();
    expect(button.getAttribute("aria-haspopup")).toBe("menu");
    expect(button.getAttribute("aria-expanded")).toBe("false");
    expect(screen.queryByRole("menu")).toBeNull();
    expect(screen.queryByRole("group", { name: "Export" })).toBeNull();
    const menu = await openMenu(user);
    expect(button.getAttribute("aria-expanded")).toBe("true");
    expect(menuItemNames(menu)).toEqual([
      "Export all (.zip)",
      "Download rest-api.schema.json",
      "Download rest-api.ts",
      "Download rest-api.validate.js",
      "Download rest-api.validate.d.ts",
      "Download rest-api.cs",
    ]);
    act(
      () =>
        void store.run((doc) =>
          updateField(doc, doc.root.id, { set: { title: "Partner Portal" } }),
        ),
    );
    expect(within(menu).getByRole("menuitem", { name: "Download partner-portal.ts" })).toBeTruthy();
    expect(within(menu).queryByRole("menuitem", { name: "Download rest-api.ts" })).toBeNull();
    expect(within(menu).getByRole("menuitem", { name: "Download partner-portal.cs" })).toBeTruthy();
  });

  it("downloads rest-api.cs by its own item, as the exporter makes it", async () => {
    const user = userEvent.setup();
    const { client } = renderMenu();
    await choose(user, "Download rest-api.cs");
    // The opening's question, then the download's request.
    expect(client.csharpCalls.map((call) => call.baseName)).toEqual(["rest-api", "rest-api"]);
    await act(async () =>
      client.csharpCalls[1]!.settle.resolve({ name: "rest-api.cs", contents: "namespace X {}\n" }),
    );
    expect(downloads.map((download) => download.name)).toEqual(["rest-api.cs"]);
    expect(await downloads[0]!.blob.text()).toBe("namespace X {}\n");
    expect(statusRegion().textContent).toBe("Downloaded rest-api.cs.");
  });

  it("asks on opening whether C# can express the design; when not, the .cs item is disabled and its description says why, until the design changes", async () => {
    const user = userEvent.setup();
    const { store, client } = renderMenu();
    let menu = await openMenu(user);
    expect(client.csharpCalls).toHaveLength(1);
    expect(client.csharpCalls[0]).toMatchObject({ baseName: "rest-api", schema: SCHEMA });
    const item = () => within(menu).getByRole("menuitem", { name: "Download rest-api.cs" });
    // While the exporter thinks, the item is usable.
    expect(item().hasAttribute("aria-disabled")).toBe(false);
    await act(async () =>
      client.csharpCalls[0]!.settle.reject(
        new ExportError({
          what: "the pattern uses \\p{Script=Greek}, which .NET cannot match exactly",
          pointer: "/properties/baseUrl/pattern",
          fix: "use explicit character ranges instead",
        }),
      ),
    );
    const reason =
      'Not available: The pattern uses \\p{Script=Greek}, which .NET cannot match exactly (at "Base URL" (/properties/baseUrl/pattern)). Use explicit character ranges instead.';
    expect(item().getAttribute("aria-disabled")).toBe("true");
    const description = document.getElementById(item().getAttribute("aria-describedby")!);
    expect(description?.textContent).toBe(reason);
    expect(item().nextElementSibling).toBe(description);
    // Its name stays the file's; the other items are unaffected.
    expect(
      within(menu)
        .getByRole("menuitem", { name: "Export all (.zip)" })
        .hasAttribute("aria-disabled"),
    ).toBe(false);
    await user.click(item());
    expect(downloads).toEqual([]);
    expect(client.csharpCalls).toHaveLength(1);
    expect(screen.getByRole("menu", { name: "Export" })).toBe(menu);

    // Reopened on the same design: no new question, the same answer.
    await user.keyboard("{Escape}");
    menu = await openMenu(user);
    expect(client.csharpCalls).toHaveLength(1);
    expect(item().getAttribute("aria-disabled")).toBe("true");
    await user.keyboard("{Escape}");

    // The design changes: the next opening asks again, and the item is usable while it does.
    act(
      () =>
        void store.run((doc) =>
          updateField(doc, doc.root.fields![0]!.id, { set: { description: "Where the API is" } }),
        ),
    );
    menu = await openMenu(user);
    expect(client.csharpCalls).toHaveLength(2);
    expect(item().hasAttribute("aria-disabled")).toBe(false);
    expect(item().hasAttribute("aria-describedby")).toBe(false);
    await act(async () =>
      client.csharpCalls[1]!.settle.resolve({ name: "rest-api.cs", contents: "" }),
    );
    expect(item().hasAttribute("aria-disabled")).toBe(false);
  });

  it("is busy while exporting (button aria-busy, items aria-disabled, a second click ignored), then downloads the zip and says so", async () => {
    const user = userEvent.setup();
    const { client, button } = renderMenu();
    expect(button.getAttribute("aria-busy")).toBe("false");
    await choose(user, "Export all (.zip)");
    // Choosing closes the menu and gives the focus back to its button.
    expect(screen.queryByRole("menu")).toBeNull();
    expect(document.activeElement).toBe(button);
    expect(button.getAttribute("aria-busy")).toBe("true");
    expect(button.title).toBe("Exporting rest-api.zip…");
    expect(client.calls).toHaveLength(1);

    // Reopened while the export runs: every item is aria-disabled, and choosing one does nothing.
    const menu = await openMenu(user);
    for (const item of within(menu).getAllByRole("menuitem"))
      expect(item.getAttribute("aria-disabled")).toBe("true");
    const exportAll = within(menu).getByRole("menuitem", { name: "Export all (.zip)" });
    await user.click(exportAll);
    await user.click(within(menu).getByRole("menuitem", { name: "Download rest-api.ts" }));
    expect(client.calls).toHaveLength(1);
    // aria-disabled items keep the menu open and the focus where it was.
    expect(screen.getByRole("menu", { name: "Export" })).toBe(menu);
    expect(document.activeElement).toBe(
      within(menu).getByRole("menuitem", { name: "Download rest-api.ts" }),
    );
    expect(client.calls[0]).toMatchObject({
      kind: "zip",
      baseName: "rest-api",
      schema: { title: "REST API" },
    });
    expect(downloads).toEqual([]);
    expect(statusRegion().textContent).toBe("");
    await user.keyboard("{Escape}");
    expect(screen.queryByRole("menu")).toBeNull();

    await act(async () => client.calls[0]!.settle.resolve(new Uint8Array([80, 75, 5, 6])));
    expect(button.getAttribute("aria-busy")).toBe("false");
    expect(downloads.map((download) => download.name)).toEqual(["rest-api.zip"]);
    expect(downloads[0]!.blob.type).toBe("application/zip");
    expect(statusRegion().textContent).toBe("Downloaded rest-api.zip.");
    expect(alertRegion().textContent).toBe("");
    // Idle again: the items are enabled.
    for (const item of within(await openMenu(user)).getAllByRole("menuitem"))
      expect(item.hasAttribute("aria-disabled")).toBe(false);
  });

  it("downloads one file by its own menu item, with the exporter's text as it is", async () => {
    const user = userEvent.setup();
    const { client } = renderMenu();
    await choose(user, "Download rest-api.validate.js");
    expect(client.calls).toHaveLength(1);
    expect(client.calls[0]).toMatchObject({ kind: "files", baseName: "rest-api" });
    const files = ["schema.json", "ts", "validate.js", "validate.d.ts"].map((ext) => ({
      name: `rest-api.${ext}`,
      contents: `// ${ext} ✓\n`,
    }));
    await act(async () => client.calls[0]!.settle.resolve(files));
    expect(downloads.map((download) => download.name)).toEqual(["rest-api.validate.js"]);
    expect(await downloads[0]!.blob.text()).toBe("// validate.js ✓\n");
    expect(statusRegion().textContent).toBe("Downloaded rest-api.validate.js.");
  });

  it("shows a refusal in an alert: what, where (the field and the pointer) and how to fix it; nothing is downloaded", async () => {
    const user = userEvent.setup();
    const { client, button } = renderMenu();
    await choose(user, "Export all (.zip)");
    await act(async () =>
      client.calls[0]!.settle.reject(
        new ExportError({
          what: 'the pattern of field "baseUrl" is unsafe: <b>it can backtrack</b>',
          pointer: "/properties/baseUrl/pattern",
          fix: "remove the nested repetition",
        }),
      ),
    );
    const alert = alertRegion();
    const title =
      'Export failed: The pattern of field "baseUrl" is unsafe: <b>it can backtrack</b>.';
    expect(within(alert).getByText(title)).toBeTruthy();
    expect(alert.querySelector("b")).toBeNull(); // text, never HTML
    expect(within(alert).getByText('Where: "Base URL" (/properties/baseUrl/pattern)')).toBeTruthy();
    expect(within(alert).getByText("How to fix: Remove the nested repetition.")).toBeTruthy();
    expect(alert.textContent).toBe(
      `${title}Where: "Base URL" (/properties/baseUrl/pattern)How to fix: Remove the nested repetition.`,
    );
    expect(downloads).toEqual([]);
    expect(statusRegion().textContent).toBe("");
    expect(button.getAttribute("aria-busy")).toBe("false");

    // The alert stays until dismissed.
    await user.click(within(alert).getByRole("button", { name: `Dismiss: ${title}` }));
    expect(alertRegion().textContent).toBe("");

    // The menu works again after a refusal: the next export starts.
    await choose(user, "Export all (.zip)");
    expect(client.calls).toHaveLength(2);
    expect(button.getAttribute("aria-busy")).toBe("true");
  });

  it("an unexpected failure (not the exporter's refusal) is an alert too, saying to try again", async () => {
    const user = userEvent.setup();
    const { client, button } = renderMenu();
    await choose(user, "Download rest-api.ts");
    await act(async () => client.calls[0]!.settle.reject(new Error("the worker crashed")));
    const alert = alertRegion();
    expect(
      within(alert).getByText(
        "Export failed: The export failed unexpectedly (Error: the worker crashed).",
      ),
    ).toBeTruthy();
    expect(within(alert).getByText("How to fix: Try again.")).toBeTruthy();
    expect(alert.textContent).not.toContain("Where:");
    expect(downloads).toEqual([]);
    expect(button.getAttribute("aria-busy")).toBe("false");
  });
});
