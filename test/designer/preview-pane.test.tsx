import { act, cleanup, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { PreviewPane } from "../../src/designer/preview-pane.tsx";
import { DesignerStore } from "../../src/designer/store/designer-store.ts";
import { addField, updateField } from "../../src/model/index.ts";
import { IncrementalValidator } from "../../src/preview/incremental-validator.ts";
import { importSchema } from "../../src/schema/import.ts";

// The form's own compile accepts anything here, so that any message can only come from the
// pane's incremental validator.
vi.mock("../../src/preview/ajv.ts", () => ({
  compile: () => Object.assign(() => true, { errors: null }),
}));

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const describedBy = (element: HTMLElement) =>
  (element.getAttribute("aria-describedby") ?? "")
    .split(" ")
    .filter(Boolean)
    .map((id) => document.getElementById(id)?.textContent);

describe("Preview pane", () => {
  it("an edited design: the preview shows the new rule's message, from the incremental validator", async () => {
    const deferred = vi.spyOn(IncrementalValidator.prototype, "deferredValidatorFor");
    const store = new DesignerStore(
      importSchema({
        type: "object",
        properties: {
          server: {
            type: "object",
            title: "Server",
            properties: { host: { type: "string", title: "Host", minLength: 3 } },
          },
          region: { type: "string", title: "Region", enum: ["eu", "us"] },
        },
      }),
    );
    render(<PreviewPane store={store} />);
    const user = userEvent.setup();
    // Nothing is loaded until the preview is used (Ajv is a third of the page's script).
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(deferred).not.toHaveBeenCalled();
    await user.click(screen.getByRole("textbox", { name: "Host" }));
    await waitFor(() => expect(deferred).toHaveBeenCalled());

    const server = store.doc.root.fields!.find((field) => field.key === "server")!;
    const host = server.fields!.find((field) => field.key === "host")!;
    act(() => void store.run((doc) => updateField(doc, host.id, { set: { minLength: 5 } })));
    expect(deferred.mock.lastCall![0]).toMatchObject({
      properties: { server: { properties: { host: { minLength: 5 } } } },
    });

    const input = screen.getByRole("textbox", { name: "Host" });
    await user.type(input, "abcd");
    await user.tab();
    expect(describedBy(input)[0]).toBe("Host must be at least 5 characters");
    await user.type(input, "e");
    expect(input.getAttribute("aria-invalid")).toBeNull();
  });

  it("Check values pressed before the validator has loaded: the values are judged once it is there, never called valid unchecked", async () => {
    const store = new DesignerStore(
      importSchema({
        type: "object",
        properties: { host: { type: "string", title: "Host", minLength: 3 } },
        required: ["host"],
      }),
    );
    render(<PreviewPane store={store} />);
    const user = userEvent.setup();
    await user.click(screen.getByRole("button", { name: "Check values" }));
    await waitFor(() =>
      expect(screen.getByRole("textbox", { name: "Host" }).getAttribute("aria-invalid")).toBe(
        "true",
      ),
    );
    expect(screen.getAllByRole("status").map((status) => status.textContent)).not.toContain(
      "The values are valid.",
    );

    await user.type(screen.getByRole("textbox", { name: "Host" }), "db.example.com");
    await user.click(screen.getByRole("button", { name: "Check values" }));
    await waitFor(() =>
      expect(screen.getAllByRole("status").map((status) => status.textContent)).toContain(
        "The values are valid.",
      ),
    );
  });

  it("a window with no fields: says there is nothing to fill in yet, with no button to press; a field brings the form", async () => {
    const store = new DesignerStore(importSchema({ type: "object", properties: {} }));
    render(<PreviewPane store={store} />);
    expect(screen.getByText(/^Nothing to fill in yet/).textContent).toBe(
      "Nothing to fill in yet: the window has no fields. Add one on the canvas to try it here.",
    );
    expect(screen.queryByRole("button")).toBeNull();
    expect(screen.getByRole("status").textContent).toBe("");

    act(() => void store.run((doc) => addField(doc, { parent: doc.root.id, kind: "text" })));
    const user = userEvent.setup();
    expect(screen.queryByText(/^Nothing to fill in yet/)).toBeNull();
    await user.click(screen.getByRole("button", { name: "Check values" }));
    await waitFor(() =>
      expect(screen.getByRole("status").textContent).toBe("The values are valid."),
    );

    // Back to no fields: the verdict on the old window goes with it.
    act(() => store.undo());
    expect(screen.getByText(/^Nothing to fill in yet/)).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Check values" })).toBeNull();
    expect(screen.getByRole("status").textContent).toBe("");
  });
});
