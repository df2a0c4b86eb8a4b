import { act, cleanup, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Finding } from "../../src/check/types.ts";
import { Canvas } from "../../src/designer/canvas/canvas.tsx";
import { DesignerDnd } from "../../src/designer/dnd/designer-dnd.tsx";
import { checkDesignAndCompile } from "../../src/designer/problems/compile-problem.ts";
import { ProblemsList } from "../../src/designer/problems/problems-list.tsx";
import type { CheckTiming } from "../../src/designer/problems/use-design-problems.ts";
import { DesignerStore } from "../../src/designer/store/designer-store.ts";
import type { JsonObject } from "../../src/json/value.ts";
import { type FieldNode, updateField } from "../../src/model/index.ts";
import { importSchema } from "../../src/schema/import.ts";

afterEach(cleanup);

const SCHEMA: JsonObject = {
  type: "object",
  properties: {
    host: { type: "string", title: "Host" },
    apiToken: { type: "string", title: "API token" },
    account: {
      type: "object",
      title: "Account",
      properties: {
        password: { type: "string", title: "Password", writeOnly: true, default: "hunter2" },
      },
    },
    id: { type: "string", title: "Identifier", pattern: "^(a+)+$" },
  },
};

// The page's check loads the pattern analysis and Ajv on its first run: load them once here, so
// that a test's wait (findBy's 1 s) is for the check, not for the first import on a busy machine
// (under load the first test timed out at "Checking the design…").
beforeAll(async () => {
  await checkDesignAndCompile(SCHEMA);
}, 30_000);

/** The canvas and the problems list over one store, as on the page (the list in its Problems region). */
function setup(schema: JsonObject = SCHEMA, timing: CheckTiming = { delayMs: 0 }) {
  const store = new DesignerStore(importSchema(structuredClone(schema)));
  render(
    <>
      <DesignerDnd store={store}>
        <Canvas store={store} />
      </DesignerDnd>
      <section aria-label="Problems">
        <ProblemsList store={store} timing={timing} />
      </section>
    </>,
  );
  return {
    store,
    user: userEvent.setup(),
    problems: screen.getByRole("region", { name: "Problems" }),
  };
}

const byKey = (root: FieldNode, ...keys: string[]): FieldNode =>
  keys.reduce((node, key) => node.fields!.find((field) => field.key === key)!, root);
const buttonNames = (region: HTMLElement) =>
  within(region)
    .queryAllByRole("button")
    .map((button) => button.textContent);

describe("ProblemsList: the design's findings, live", () => {
  it("lists each finding as a button (severity, message, field) with its fix and, where mechanical, a fix button, counted in the heading", async () => {
    const { problems } = setup();
    await within(problems).findByRole("heading", { name: "Problems (3)" });
    expect(buttonNames(problems)).toEqual([
      expect.stringMatching(
        /^Warning: The field "apiToken" \(API token\) looks like a secret .* — API token$/,
      ),
      "Make it secret",
      expect.stringMatching(
        /^Error: The secret field "password" \(Password\) has a default value .* — Account › Password$/,
      ),
      "Remove the default",
      expect.stringMatching(
        /^Error: The pattern "\^\(a\+\)\+\$" of the field "id" \(Identifier\) can backtrack catastrophically .* — Identifier$/,
      ),
    ]);
    const first = within(problems).getAllByRole("button")[0]!;
    const fix = document.getElementById(first.getAttribute("aria-describedby")!)!;
    expect(fix.textContent).toBe(
      'Fix: Add "writeOnly": true to the field "apiToken" (API token), or rename it if it is not a secret',
    );
  });

  it("choosing a problem selects its field and focuses its canvas row", async () => {
    const { store, user, problems } = setup();
    const button = await within(problems).findByRole("button", {
      name: /^Error: The secret field "password"/,
    });
    await user.click(button);
    const password = byKey(store.doc.root, "account", "password");
    expect(store.getState().selected).toBe(password.id);
    const row = document.querySelector(`li[data-node="${password.id}"] > .cd-row`)!;
    expect(row.getAttribute("aria-selected")).toBe("true");
    expect(document.activeElement).toBe(row);

    // With the keyboard too: Enter on another problem.
    within(problems)
      .getByRole("button", { name: /^Error: The pattern/ })
      .focus();
    await user.keyboard("{Enter}");
    expect(store.getState().selected).toBe(byKey(store.doc.root, "id").id);
  });

  it("follows the design: a fix removes its problem; a clean design says so", async () => {
    const { store, problems } = setup();
    await within(problems).findByRole("heading", { name: "Problems (3)" });
    act(
      () =>
        void store.run((doc) =>
          updateField(doc, byKey(doc.root, "apiToken").id, { set: { writeOnly: true } }),
        ),
    );
    await within(problems).findByRole("heading", { name: "Problems (2)" });
    act(
      () =>
        void store.run((doc) =>
          updateField(doc, byKey(doc.root, "account", "password").id, {
            set: { default: undefined },
          }),
        ),
    );
    act(
      () =>
        void store.run((doc) =>
          updateField(doc, byKey(doc.root, "id").id, { set: { pattern: "^a+$" } }),
        ),
    );
    await within(problems).findByRole("heading", { name: "Problems (0)" });
    expect(within(problems).getByText("No problems found.")).toBeTruthy();
    expect(buttonNames(problems)).toEqual([]);
  });

  it("a fix button in the list applies the fix as one undo step and keeps the focus in the list", async () => {
    const { store, user, problems } = setup();
    await within(problems).findByRole("heading", { name: "Problems (3)" });
    const before = store.getState().editor.done.length;
    await user.click(within(problems).getByRole("button", { name: "Remove the default" }));
    expect(byKey(store.doc.root, "account", "password").schema).toEqual({
      type: "string",
      title: "Password",
      writeOnly: true,
    });
    expect(store.getState().editor.done.length).toBe(before + 1);
    const heading = await within(problems).findByRole("heading", { name: "Problems (2)" });
    expect(document.activeElement).toBe(heading);
  });

  it("a finding of the window itself selects nothing (the inspector then shows the window)", async () => {
    const { store, user, problems } = setup({
      type: "object",
      properties: { host: { type: "string" } },
      required: ["hots"],
    });
    act(() => store.select(byKey(store.doc.root, "host").id));
    await user.click(
      await within(problems).findByRole("button", {
        name: /^Warning: The root schema requires "hots".* — Window$/,
      }),
    );
    expect(store.getState().selected).toBeUndefined();
  });

  it("drops a result that arrives after a newer change", async () => {
    const pending: Array<{ schema: JsonObject; resolve: (findings: Finding[]) => void }> = [];
    const check = (schema: JsonObject) =>
      new Promise<Finding[]>((resolve) => pending.push({ schema, resolve }));
    const { store, problems } = setup(SCHEMA, { delayMs: 0, check });
    await expect.poll(() => pending.length).toBe(1);
    act(
      () =>
        void store.run((doc) =>
          updateField(doc, byKey(doc.root, "host").id, { set: { title: "Server" } }),
        ),
    );
    await expect.poll(() => pending.length).toBe(2);
    const finding = (message: string): Finding => ({
      rule: "r",
      severity: "warning",
      pointer: "/properties/host",
      message,
      fix: "Do it",
    });
    await act(async () => pending[1]!.resolve([finding("newer")]));
    await within(problems).findByRole("button", { name: "Warning: newer — Server" });
    await act(async () => pending[0]!.resolve([finding("older")]));
    expect(buttonNames(problems)).toEqual(["Warning: newer — Server"]);
  });

  it("text in the Schema JSON that cannot be applied is an error at its line: listed first, counted, and chosen it shows the JSON", async () => {
    const shown: string[] = [];
    const store = new DesignerStore(importSchema({ type: "object", properties: {} }));
    render(
      <section aria-label="Problems">
        <ProblemsList
          store={store}
          timing={{ delayMs: 0 }}
          onShowSchemaJson={() => shown.push("json")}
        />
      </section>,
    );
    const problems = screen.getByRole("region", { name: "Problems" });
    await within(problems).findByText("No problems found.");
    const pending = {
      label: "Typing in the Schema JSON, not applied yet",
      problem: {
        line: 4,
        column: 45,
        pointer: "/properties/port/minimum",
        problem: '"minimum" must be a number',
        fix: "write the number without quotes",
      },
      discard: () => store.setPendingEdit(undefined),
      reveal: () => void shown.push("cursor"),
    };
    act(() => store.setPendingEdit(pending));
    await within(problems).findByRole("heading", { name: "Problems (1)" });
    expect(within(problems).queryByText("No problems found.")).toBeNull();
    const button = within(problems).getByRole("button");
    expect(button.textContent).toBe(
      'Error: "minimum" must be a number — Schema JSON, line 4, column 45 (/properties/port/minimum)',
    );
    expect(document.getElementById(button.getAttribute("aria-describedby")!)!.textContent).toBe(
      "Fix: Write the number without quotes",
    );
    await userEvent.setup().click(button);
    expect(shown).toEqual(["json", "cursor"]);
    // Typing that waits with no problem (yet) is not a problem.
    act(() => store.setPendingEdit({ ...pending, problem: undefined }));
    await within(problems).findByText("No problems found.");
    act(() => store.setPendingEdit(pending));
    await within(problems).findByRole("heading", { name: "Problems (1)" });
    act(() => store.undo());
    await within(problems).findByText("No problems found.");
  });

  it("says so when the check cannot run", async () => {
    const { problems } = setup(SCHEMA, {
      delayMs: 0,
      check: () => Promise.reject(new Error("the pattern analysis did not load")),
    });
    await within(problems).findByText(
      "The design could not be checked: the pattern analysis did not load",
    );
  });
});
