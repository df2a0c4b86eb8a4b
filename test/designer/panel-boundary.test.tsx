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
  expect(screen.getByRole("alert").textContent).toContain(
    "The Preview panel stopped working: the preview could not build a control.",
  );
  expect(screen.getByRole("button", { name: "Inspector button" })).toBeTruthy();

  broken = false;
  await userEvent.click(screen.getByRole("button", { name: "Try the Preview again" }));
  expect(screen.getByText("Preview works")).toBeTruthy();
  expect(screen.queryByRole("alert")).toBeNull();
});
