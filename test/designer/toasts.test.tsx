import { act, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ToastCenter, Toasts } from "../../src/designer/ui/toasts.tsx";

afterEach(() => vi.useRealTimers());

describe("toasts", () => {
  it("a toast on the same topic takes the place of the one before (a success after a failure); the same title is not repeated", () => {
    const center = new ToastCenter();
    center.show({ kind: "error", topic: "export", title: "Export failed: a bad pattern." });
    center.show({ kind: "status", title: "Imported a.json." });
    center.show({ kind: "status", title: "Imported a.json." });
    expect(center.list().map((toast) => toast.title)).toEqual([
      "Export failed: a bad pattern.",
      "Imported a.json.",
    ]);
    center.show({ kind: "status", topic: "export", title: "Downloaded rest-api.zip." });
    expect(center.list().map((toast) => toast.title)).toEqual([
      "Imported a.json.",
      "Downloaded rest-api.zip.",
    ]);
  });

  it("statuses are read politely and leave after a few seconds; errors are alerts that stay until dismissed", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const center = new ToastCenter();
    render(<Toasts center={center} />);
    // The live regions are in the page before anything is said in them.
    const status = screen.getByRole("status");
    const alert = screen.getByRole("alert");
    act(() => {
      center.show({ kind: "status", title: "Downloaded rest-api.zip." });
      center.show({
        kind: "error",
        title: "Export failed: the pattern may backtrack.",
        lines: ['Where: "Base URL" (/properties/baseUrl/pattern)', "How to fix: Simplify it."],
      });
    });
    expect(status.textContent).toBe("Downloaded rest-api.zip.");
    expect(alert.textContent).toContain('Where: "Base URL" (/properties/baseUrl/pattern)');
    act(() => void vi.advanceTimersByTime(6000));
    expect(status.textContent).toBe("");
    expect(alert.textContent).toContain("Export failed");
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    await user.click(
      screen.getByRole("button", { name: "Dismiss: Export failed: the pattern may backtrack." }),
    );
    expect(alert.textContent).toBe("");
  });
});
