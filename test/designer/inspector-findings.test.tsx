import { act, cleanup, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it } from "vitest";
import type { Finding } from "../../src/check/types.ts";
import { Inspector } from "../../src/designer/inspector/inspector.tsx";
import { InspectorProblems } from "../../src/designer/problems/inspector-problems.ts";
import { DesignerStore } from "../../src/designer/store/designer-store.ts";
import type { JsonObject } from "../../src/json/value.ts";
import { updateField } from "../../src/model/index.ts";
import { importSchema } from "../../src/schema/import.ts";
import { toSchema } from "../../src/schema/to-schema.ts";

/**
 * The inspector shows the design check's findings about the selected field next to the control
 * each concerns, tied to it by aria-describedby, with a button for a mechanical fix: one undo step
 * that makes the finding go. The check is the page's (`checkDesign`), run at once after a change.
 */

afterEach(cleanup);

function setup(properties: JsonObject, extra: JsonObject = {}) {
  const store = new DesignerStore(importSchema({ type: "object", properties, ...extra }));
  render(
    <InspectorProblems store={store} timing={{ delayMs: 0 }}>
      <Inspector store={store} />
    </InspectorProblems>,
  );
  const select = (key: string) =>
    act(() => store.select(store.doc.root.fields!.find((field) => field.key === key)!.id));
  return { store, select, user: userEvent.setup() };
}

/** The texts a control's aria-describedby points at, in order. */
const descriptions = (element: HTMLElement) =>
  (element.getAttribute("aria-describedby") ?? "")
    .split(" ")
    .filter(Boolean)
    .map((id) => document.getElementById(id)?.textContent ?? `(no #${id})`);

const properties = (store: DesignerStore) =>
  (toSchema(store.doc) as { properties: Record<string, JsonObject> }).properties;

describe("Inspector: findings next to their controls", () => {
  it("a secret-looking field: the warning is on the Secret checkbox; Make it secret fixes it as one undo step", async () => {
    const { store, select, user } = setup({
      apiToken: { type: "string", title: "API token", examples: ["abc"] },
    });
    select("apiToken");
    const secret = screen.getByRole("checkbox", { name: "Secret (write-only)" });
    await waitFor(() => expect(descriptions(secret)).toHaveLength(3));
    expect(descriptions(secret)).toEqual([
      'Warning: The field "apiToken" (API token) looks like a secret (its key says "token") but is not marked writeOnly, so it would be shown in clear text and could be read back.',
      'Fix: Add "writeOnly": true to the field "apiToken" (API token), or rename it if it is not a secret.',
      "A secret is masked and never carries a default or an example.",
    ]);
    // A warning does not make the control invalid.
    expect(secret.getAttribute("aria-invalid")).toBeNull();
    const fix = screen.getByRole("button", {
      name: "Make it secret and remove its examples",
    });
    expect(descriptions(fix)[0]).toMatch(/^Warning: The field "apiToken"/);

    await user.click(fix);
    expect(properties(store).apiToken).toEqual({
      type: "string",
      title: "API token",
      writeOnly: true,
    });
    expect(store.getState().editor.done).toHaveLength(1);
    expect(store.getState().editor.done[0]!.transaction.label).toBe(
      'Make "API token" (apiToken) secret',
    );
    // The finding goes at once (before the next check), and the focus stays on its control.
    expect(screen.queryByRole("button", { name: /^Make it secret/ })).toBeNull();
    const checkbox = screen.getByRole("checkbox", { name: "Secret (write-only)" });
    expect((checkbox as HTMLInputElement).checked).toBe(true);
    expect(descriptions(checkbox)).toEqual([
      "A secret is masked and never carries a default or an example.",
    ]);
    await waitFor(() => expect(document.activeElement).toBe(checkbox));

    // Undo brings the field back as it was, and the check its warning.
    act(() => store.undo());
    expect(properties(store).apiToken).toEqual({
      type: "string",
      title: "API token",
      examples: ["abc"],
    });
    await screen.findByRole("button", { name: "Make it secret and remove its examples" });
  });

  it("a secret carrying a default: the error is on the Default box, which is invalid; Remove the default", async () => {
    const { store, select, user } = setup({
      password: { type: "string", title: "Password", writeOnly: true, default: "hunter2" },
    });
    select("password");
    const value = screen.getByRole("textbox", { name: "Default" });
    await waitFor(() => expect(value.getAttribute("aria-invalid")).toBe("true"));
    expect(descriptions(value)).toEqual([
      'Error: The secret field "password" (Password) has a default value ("default"), which would ship with every connector.',
      'Fix: Remove "default" from the field "password" (Password); describe the expected format in "description" instead.',
      "A secret never carries a default: it would ship with every connector. Clear it.",
    ]);
    await user.click(screen.getByRole("button", { name: "Remove the default" }));
    expect(properties(store).password).toEqual({
      type: "string",
      title: "Password",
      writeOnly: true,
    });
    // The Default box is gone with the default; the focus is on the properties.
    expect(screen.queryByRole("textbox", { name: "Default" })).toBeNull();
    await waitFor(() =>
      expect(document.activeElement?.getAttribute("aria-label")).toMatch(/^Properties of /),
    );
  });

  it("an http default and example: on Default and Placeholder, each with Use https", async () => {
    const { store, select, user } = setup({
      baseUrl: {
        type: "string",
        title: "Base URL",
        format: "uri",
        default: "http://api.example.com",
        examples: ["http://eu.example.com"],
      },
    });
    select("baseUrl");
    const placeholder = screen.getByRole("textbox", { name: "Placeholder" });
    const value = screen.getByRole("textbox", { name: "Default" });
    await waitFor(() => expect(descriptions(value)[0]).toMatch(/^Warning: The default/));
    expect(descriptions(placeholder)[0]).toMatch(/^Warning: The example "http:\/\/eu/);
    const fixes = screen.getAllByRole("button", { name: "Use https" });
    expect(fixes).toHaveLength(2);
    // Each fix button sits with its control, in the control's own box.
    expect(value.parentElement!.contains(fixes[1]!)).toBe(true);
    await user.click(fixes[1]!);
    expect(properties(store).baseUrl!.default).toBe("https://api.example.com");
    expect(properties(store).baseUrl!.examples).toEqual(["http://eu.example.com"]);
    await waitFor(() =>
      expect(screen.getAllByRole("button", { name: "Use https" })).toHaveLength(1),
    );
  });

  it("an unanchored pattern that backtracks: the error is on Pattern, said once; Anchor with ^ and $", async () => {
    const { store, select, user } = setup({
      slug: { type: "string", title: "Slug", pattern: "[a-z0-9]+-[a-z0-9]+" },
    });
    select("slug");
    const pattern = screen.getByRole("textbox", { name: "Pattern" });
    const fix = await screen.findByRole(
      "button",
      { name: "Anchor with ^ and $" },
      { timeout: 5_000 },
    );
    expect(pattern.getAttribute("aria-invalid")).toBe("true");
    const said = descriptions(pattern);
    expect(said[0]).toMatch(
      /^Error: The pattern "\[a-z0-9\]\+-\[a-z0-9\]\+" of the field "slug" \(Slug\) can backtrack catastrophically/,
    );
    // The box's own check of the committed value gives way to the finding: no second message.
    expect(said.filter((text) => /Unsafe pattern/.test(text))).toEqual([]);
    await user.click(fix);
    expect(properties(store).slug!.pattern).toBe("^[a-z0-9]+-[a-z0-9]+$");
    await waitFor(() => expect(document.activeElement).toBe(pattern));
    expect(pattern.getAttribute("aria-invalid")).toBeNull();
  });

  it("a select's option value that is an http:// URL: the warning is under the options, which it describes", async () => {
    const { select } = setup({
      endpoint: {
        type: "string",
        title: "Endpoint URL",
        enum: ["http://eu.example.com", "https://us.example.com"],
      },
    });
    select("endpoint");
    const list = screen.getByRole("list", { name: "Options" });
    await waitFor(() => expect(descriptions(list)[0]).toMatch(/^Warning: The choice "http:\/\/eu/));
    // Not fixed by itself: an allowed value is what connectors store.
    expect(screen.queryByRole("button", { name: "Use https" })).toBeNull();
  });

  it("findings about no single control are at the top; the window's own with nothing selected", async () => {
    setup(
      {
        account: {
          type: "object",
          title: "Account",
          properties: { user: { type: "string" } },
          required: ["usr"],
        },
      },
      { required: ["acount"] },
    );
    const form = screen.getByRole("form");
    const top = await within(form).findByText(/requires "acount"/);
    // Right under the heading, before the first control.
    const heading = within(form).getByRole("heading", { name: "Window" });
    const title = within(form).getByRole("textbox", { name: "Window title" });
    expect(heading.compareDocumentPosition(top) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(top.compareDocumentPosition(title) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(top.textContent).toMatch(/^Warning: The root schema requires "acount"/);
    // No mechanical fix: the advice only.
    expect(within(form).queryByRole("button")).toBeNull();
  });

  it("while the check has not caught up, a finding whose fix no longer applies is not shown: done already, or its pointer now names another field", async () => {
    const store = new DesignerStore(
      importSchema({
        type: "object",
        properties: { apiToken: { type: "string" }, other: { type: "string" } },
      }),
    );
    const finding: Finding = {
      rule: "secret-not-write-only",
      severity: "warning",
      pointer: "/properties/apiToken",
      message: "The field looks like a secret",
      fix: "Make it secret",
      autofix: { kind: "make-secret", label: "Make it secret" },
    };
    // The first check answers; the ones after a change never do (the result stays a step behind).
    let checks = 0;
    const check = () =>
      ++checks === 1 ? Promise.resolve([finding]) : new Promise<never>(() => {});
    render(
      <InspectorProblems store={store} timing={{ delayMs: 0, check }}>
        <Inspector store={store} />
      </InspectorProblems>,
    );
    const [token, other] = store.doc.root.fields!;
    act(() => store.select(token!.id));
    await screen.findByRole("button", { name: "Make it secret" });

    // Renamed, and another field takes its old key: the pointer now names that one.
    act(() => {
      store.run((doc) => updateField(doc, token!.id, { key: "token" }));
      store.run((doc) => updateField(doc, other!.id, { key: "apiToken" }));
    });
    // Not offered on the renamed field (nor, by id, on the one that took the key).
    expect(screen.queryByRole("button", { name: "Make it secret" })).toBeNull();
    expect(screen.queryByText(/looks like a secret/)).toBeNull();
    act(() => store.select(other!.id));
    expect(screen.queryByRole("button", { name: "Make it secret" })).toBeNull();
    act(() => store.select(token!.id));

    // Back as it was, then made secret by its checkbox: the fix is done already.
    act(() => {
      store.undo();
      store.undo();
    });
    await screen.findByRole("button", { name: "Make it secret" });
    await userEvent.setup().click(screen.getByRole("checkbox", { name: "Secret (write-only)" }));
    expect(properties(store).apiToken).toEqual({ type: "string", writeOnly: true });
    expect(screen.queryByText(/looks like a secret/)).toBeNull();
  });
});
