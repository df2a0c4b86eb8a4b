import { cleanup, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, expect, it, vi } from "vitest";
import { PanelBoundary } from "../../src/designer/ui/panel-boundary.tsx";

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

let broken = true;
function Fragile() {
  if (broken) throw new Error("the preview could not build a control");
  return <p>Preview works</p>;
}

it("a panel that throws while rendering shows why and Try again; its neighbours keep working", async () => {
  vi.spyOn(console, "error").mockImplementation(() => {});
  broken = true;
  render(
    <>
      <PanelBoundary panel="Preview">
        <Fragile />
      </PanelBoundary>
      <PanelBoundary panel="Inspector">
        <button type="button">Inspector button</button>
      </PanelBoundary>
    </>,
  );
  const alert = screen.getByRole("alert");
  expect(alert.textContent).toContain(
    "The Preview panel stopped working. The design is safe, and the other panels still work.",
  );
  // The error's own words only under the details, for a bug report.
  expect(screen.getByText("Details for a bug report")).toBeTruthy();
  expect(alert.querySelector("details code")?.textContent).toBe(
    "Error: the preview could not build a control",
  );
  expect(screen.getByRole("button", { name: "Inspector button" })).toBeTruthy();

  broken = false;
  await userEvent.click(screen.getByRole("button", { name: "Try the Preview again" }));
  expect(screen.getByText("Preview works")).toBeTruthy();
  expect(screen.queryByRole("alert")).toBeNull();
});
