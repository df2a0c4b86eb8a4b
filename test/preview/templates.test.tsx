import { cleanup, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, expect, test, vi } from "vitest";
import { renderForm, template, templateNames } from "./support.tsx";

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const ROLES = [
  "textbox",
  "spinbutton",
  "checkbox",
  "combobox",
  "radio",
  "button",
  "radiogroup",
  "group",
] as const;

/** Every control and group has an accessible name (as assistive technology computes it). */
function expectEverythingLabelled() {
  for (const role of ROLES) {
    const all = screen.queryAllByRole(role);
    const named = screen.queryAllByRole(role, { name: /\S/ });
    expect(
      named.map((el) => el.outerHTML.slice(0, 80)),
      role,
    ).toEqual(all.map((el) => el.outerHTML.slice(0, 80)));
  }
  // password inputs have no role: a <label for> each
  for (const input of document.querySelectorAll<HTMLInputElement>("input[type=password]")) {
    expect(input.labels?.length ?? 0, input.outerHTML).toBe(1);
    expect(input.labels![0]!.textContent!.trim()).not.toBe("");
  }
  for (const control of document.querySelectorAll<HTMLInputElement>("input, select, textarea")) {
    expect(
      control.labels?.length ||
        control.getAttribute("aria-label") ||
        control.getAttribute("aria-labelledby") ||
        control.closest("label"),
      control.outerHTML,
    ).toBeTruthy();
  }
}

test.each(templateNames())(
  "%s renders without warnings, every control labelled, every branch too",
  async (name) => {
    const errors = vi.spyOn(console, "error");
    const warnings = vi.spyOn(console, "warn");
    await renderForm({ schema: template(name), onSubmit: () => {} });
    const user = userEvent.setup();
    expectEverythingLabelled();
    for (const radio of screen.queryAllByRole("radio")) {
      await user.click(radio);
      expectEverythingLabelled();
    }
    await user.click(screen.getByRole("button", { name: "Save" }));
    expectEverythingLabelled();
    expect(document.querySelectorAll(".cd-error").length).toBeGreaterThan(0);
    for (const el of document.querySelectorAll("[aria-invalid=true]"))
      expect(el.getAttribute("aria-describedby")).toMatch(/-e\b/);
    expect(errors).not.toHaveBeenCalled();
    expect(warnings).not.toHaveBeenCalled();
  },
);

test("the templates cover these kinds", async () => {
  const { planOf } = await import("../../src/preview/plan.ts");
  const kinds = new Set<string>();
  const walk = (f: ReturnType<typeof planOf>) => {
    kinds.add(f.kind);
    f.fields?.forEach(walk);
    for (const branch of f.branches ?? []) branch.fields.forEach(walk);
  };
  for (const name of templateNames()) walk(planOf(template(name)));
  expect([...kinds].sort()).toEqual([
    "boolean",
    "choice",
    "connection-string",
    "group",
    "hostname",
    "integer",
    "pem",
    "secret",
    "select",
    "string-list",
    "text",
    "url",
  ]);
});
