import { screen, within } from "@testing-library/dom";
import { cleanup, render } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeAll, describe, expect, test } from "vitest";
import "../../src/preview/element.ts";
import type { CredentialFormChangeDetail } from "../../src/preview/element.ts";
import { CredentialForm, type CredentialValue, type JsonSchema } from "../../src/preview/index.ts";
import { everyAttributeAndText, settle } from "./support.tsx";

/**
 * Airbyte's keywords (src/model/vendor-keywords.ts) in the form, as the React component and the
 * <credential-form> element show them: airbyte_secret masked as writeOnly is, `order` the order
 * shown, `group` named sections, `multiline` a text area, `airbyte_hidden` not shown (its default
 * still in the value), `pattern_descriptor` in the pattern's error.
 */

afterEach(() => {
  cleanup();
  document.body.replaceChildren();
});

/** An Airbyte-style window, its keys in JSON order unlike the order it shows. */
const airbyte: JsonSchema = {
  $schema: "http://json-schema.org/draft-07/schema#",
  title: "Postgres Source Spec",
  type: "object",
  required: ["host", "password"],
  groups: [
    { id: "db", title: "Database" },
    { id: "auth", title: "Authentication" },
  ],
  properties: {
    password: { type: "string", title: "Password", airbyte_secret: true, order: 3, group: "auth" },
    host: { type: "string", title: "Host", order: 0, group: "db" },
    notes: { type: "string", title: "Notes", multiline: true, order: 5 },
    port: { type: "integer", title: "Port", default: 5432, order: 1, group: "db" },
    username: { type: "string", title: "Username", order: 2, group: "auth" },
    private_key: {
      type: "string",
      title: "Private key",
      airbyte_secret: true,
      multiline: true,
      order: 4,
      group: "auth",
    },
    start_date: {
      type: "string",
      title: "Start date",
      pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
      pattern_descriptor: "YYYY-MM-DD",
      order: 6,
    },
    sync_mode: { type: "string", title: "Sync mode", default: "cdc", airbyte_hidden: true },
  },
};

const MARKER = "Zq7-marker-SECRET";

/** The labels of the form's controls and the legends of its sections, in document order. */
const shownOrder = (root: Element) =>
  [...root.querySelectorAll("label, legend")].map((el) =>
    (el.textContent ?? "").replace(/\s*\*\s*$/, "").trim(),
  );

type Mount = (schema: JsonSchema) => Promise<{ root: Element; last: () => CredentialValue }>;

const component: Mount = async (schema) => {
  const changes: CredentialValue[] = [];
  const { container } = render(
    <CredentialForm
      schema={schema}
      onChange={(value) => changes.push(value)}
      onSubmit={() => undefined}
    />,
  );
  await settle();
  return { root: container, last: () => changes.at(-1)! };
};

const element: Mount = async (schema) => {
  const form = document.createElement("credential-form");
  const changes: CredentialValue[] = [];
  form.addEventListener("change", (event) =>
    changes.push((event as CustomEvent<CredentialFormChangeDetail>).detail.value),
  );
  form.schema = schema;
  document.body.append(form);
  await settle();
  return { root: form, last: () => changes.at(-1) ?? form.value! };
};

beforeAll(settle);

describe.each([
  ["CredentialForm", component],
  ["<credential-form>", element],
])("%s reads Airbyte's keywords", (_name, mount) => {
  test("airbyte_secret is masked as writeOnly is: a password box with Show, its value only in the box and the value handed over", async () => {
    const { root, last } = await mount(airbyte);
    const user = userEvent.setup();
    const password = within(root as HTMLElement).getByLabelText("Password") as HTMLInputElement;
    expect(password.type).toBe("password");
    expect(password.getAttribute("autocomplete")).toBe("new-password");
    await user.type(password, MARKER);
    const show = within(root as HTMLElement).getByRole("button", { name: "Show Password" });
    await user.click(show);
    expect(password.type).toBe("text");
    await user.click(within(root as HTMLElement).getByRole("button", { name: "Hide Password" }));
    expect(password.type).toBe("password");
    for (const text of everyAttributeAndText()) expect(text).not.toContain(MARKER);
    expect(location.href).not.toContain(MARKER);
    expect(JSON.stringify({ ...localStorage, ...sessionStorage })).not.toContain(MARKER);
    expect(JSON.stringify(last())).toContain(MARKER);
  });

  test("a multi-line airbyte_secret (a private key) is a masked text area with Show", async () => {
    const { root } = await mount(airbyte);
    const key = within(root as HTMLElement).getByLabelText("Private key");
    expect(key.tagName).toBe("TEXTAREA");
    expect(key.className).toContain("cd-mask");
    await userEvent
      .setup()
      .click(within(root as HTMLElement).getByRole("button", { name: "Show Private key" }));
    expect(key.className).not.toContain("cd-mask");
  });

  test("multiline: true is a text area, not masked", async () => {
    const { root } = await mount(airbyte);
    const notes = within(root as HTMLElement).getByRole("textbox", { name: "Notes" });
    expect(notes.tagName).toBe("TEXTAREA");
    expect(notes.className).not.toContain("cd-mask");
    expect(within(root as HTMLElement).queryByRole("button", { name: "Show Notes" })).toBeNull();
  });

  test("order sets the order shown, fields without a group first, then the sections in the order `groups` lists them", async () => {
    const { root } = await mount(airbyte);
    expect(shownOrder(root)).toEqual([
      "Notes",
      "Start date",
      "Database",
      "Host",
      "Port",
      "Authentication",
      "Username",
      "Password",
      "Private key",
    ]);
    const database = within(root as HTMLElement).getByRole("group", { name: "Database" });
    expect(within(database).getByRole("textbox", { name: "Host" })).toBeTruthy();
    expect(within(database).getByRole("spinbutton", { name: "Port" })).toBeTruthy();
    const auth = within(root as HTMLElement).getByRole("group", { name: "Authentication" });
    expect(within(auth).getByLabelText("Password")).toBeTruthy();
    expect(within(auth).queryByRole("textbox", { name: "Host" })).toBeNull();
  });

  test("a group id missing from `groups` is a section titled from its id; no `groups` at all is fine", async () => {
    const { root } = await mount({
      type: "object",
      properties: {
        a: { type: "string", title: "A", group: "extra_options" },
        b: { type: "string", title: "B" },
      },
    });
    expect(shownOrder(root)).toEqual(["B", "Extra options", "A"]);
  });

  test("airbyte_hidden is not shown, and its default is still in the value", async () => {
    const { root, last } = await mount(airbyte);
    expect(within(root as HTMLElement).queryByLabelText("Sync mode")).toBeNull();
    const user = userEvent.setup();
    await user.type(within(root as HTMLElement).getByRole("textbox", { name: "Host" }), "db");
    expect(last()).toMatchObject({ sync_mode: "cdc", port: 5432, host: "db" });
  });

  test("an error of a hidden field (required, no default) shows on the form, not nowhere", async () => {
    const { root } = await mount({
      type: "object",
      required: ["mode"],
      properties: {
        name: { type: "string", title: "Name" },
        mode: { type: "string", title: "Sync mode", airbyte_hidden: true },
      },
    });
    const user = userEvent.setup();
    await user.click(within(root as HTMLElement).getByRole("button", { name: "Save" }));
    await settle();
    expect(root.querySelector(".cd-error")?.textContent).toBe("Sync mode is required");
  });

  test("pattern_descriptor words the pattern's error: must look like YYYY-MM-DD", async () => {
    const { root } = await mount(airbyte);
    const user = userEvent.setup();
    const date = within(root as HTMLElement).getByRole("textbox", { name: "Start date" });
    await user.type(date, "31/01/2024");
    await user.tab();
    await settle();
    expect(date.getAttribute("aria-invalid")).toBe("true");
    const described = (date.getAttribute("aria-describedby") ?? "")
      .split(" ")
      .map((id) => document.getElementById(id)?.textContent)
      .join(" ");
    expect(described).toBe("Start date must look like YYYY-MM-DD");
  });
});

test("a new schema keeps the sections (the designer's update in place)", async () => {
  const { rerender, container } = render(<CredentialForm schema={airbyte} />);
  await settle();
  const next = structuredClone(airbyte) as { properties: Record<string, { order?: number }> };
  next.properties.host!.order = 9; // Host after Port now
  rerender(<CredentialForm schema={next as JsonSchema} />);
  await settle();
  rerender(<CredentialForm schema={structuredClone(next) as JsonSchema} />);
  await settle();
  const database = screen.getByRole("group", { name: "Database" });
  expect(shownOrder(database)).toEqual(["Database", "Port", "Host"]);
  expect(shownOrder(container)).toEqual([
    "Notes",
    "Start date",
    "Database",
    "Port",
    "Host",
    "Authentication",
    "Username",
    "Password",
    "Private key",
  ]);
});
