import { cleanup, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, expect, test, vi } from "vitest";
import type { CredentialValue, FieldError, JsonSchema } from "../../src/preview/index.ts";
import { everyAttributeAndText, renderForm, template } from "./support.tsx";

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const MARKER = "Zq7-marker-SECRET";

test("a secret is masked and the toggle shows and hides it", async () => {
  await renderForm({ schema: template("basic-auth") });
  const user = userEvent.setup();
  const password = screen.getByLabelText("Password") as HTMLInputElement;
  await user.type(password, "pa55");
  const show = screen.getByRole("button", { name: "Show Password" });
  expect(show.getAttribute("aria-pressed")).toBe("false");
  await user.click(show);
  expect(password.type).toBe("text");
  expect(password.value).toBe("pa55");
  const hide = screen.getByRole("button", { name: "Hide Password" });
  expect(hide.getAttribute("aria-pressed")).toBe("true");
  expect(password.getAttribute("spellcheck")).toBe("false");
  await user.click(hide);
  expect(password.type).toBe("password");
});

const consoleMethods = ["log", "info", "warn", "error", "debug", "trace", "dir", "table"] as const;

/** Types the marker into every secret of a template, shows it, submits, and looks everywhere but the inputs' values. */
async function secretsStayInTheirInputs(
  schema: JsonSchema,
  secrets: string[],
  before?: (user: ReturnType<typeof userEvent.setup>) => Promise<void>,
) {
  const spies = consoleMethods.map((m) => vi.spyOn(console, m));
  const changes: Array<[CredentialValue, FieldError[]]> = [];
  const submitted: CredentialValue[] = [];
  await renderForm({
    schema,
    onChange: (v, e) => changes.push([v, e]),
    onSubmit: (v) => submitted.push(v),
  });
  const user = userEvent.setup();
  await before?.(user);
  for (const label of secrets) {
    const input = screen.getByLabelText(label) as HTMLInputElement | HTMLTextAreaElement;
    await user.type(input, MARKER);
    await user.tab();
    expect(input.value).toBe(MARKER);
    await user.click(screen.getByRole("button", { name: `Show ${label}` }));
  }
  await user.click(screen.getByRole("button", { name: "Save" }));
  // shown, touched, submitted with errors elsewhere: still nowhere but in the inputs' values
  for (const text of everyAttributeAndText()) expect(text).not.toContain(MARKER);
  expect(document.body.innerHTML).not.toContain(MARKER);
  expect(changes.length).toBeGreaterThan(0);
  for (const [, errors] of changes) for (const e of errors) expect(e.message).not.toContain(MARKER);
  for (const spy of spies)
    for (const call of spy.mock.calls)
      expect(JSON.stringify(call.map(String))).not.toContain(MARKER);
  expect(JSON.stringify({ ...localStorage })).not.toContain(MARKER);
  expect(JSON.stringify({ ...sessionStorage })).not.toContain(MARKER);
  expect(location.href).not.toContain(MARKER);
  expect(document.cookie).not.toContain(MARKER);
  // …and the value the form hands over holds it
  expect(JSON.stringify(changes.at(-1)![0])).toContain(MARKER);
  return submitted;
}

test("a secret's value appears only as its input's value: not in text, attributes, messages, console, storage or the URL", async () => {
  await secretsStayInTheirInputs(template("oauth1"), [
    "Consumer key",
    "Consumer secret",
    "Access token",
    "Access token secret",
  ]);
});

test("the same for a PEM key and a passphrase in a choice branch, and a connection string", async () => {
  await secretsStayInTheirInputs(
    template("sftp"),
    ["Private key (PEM)", "Passphrase"],
    async (user) => {
      await user.click(screen.getByRole("radio", { name: "Private key" }));
    },
  );
  cleanup();
  await secretsStayInTheirInputs(template("database-connection-string"), ["Connection string"]);
});

test("a secret with an error: the message names the field, never the value", async () => {
  const schema: JsonSchema = {
    type: "object",
    properties: {
      token: {
        type: "string",
        writeOnly: true,
        title: "Token",
        minLength: 40,
        pattern: "^[a-f0-9]+$",
        format: "uri",
      },
    },
  };
  const submitted = await secretsStayInTheirInputs(schema, ["Token"]);
  expect(submitted).toEqual([]);
  const token = screen.getByLabelText("Token");
  expect(token.getAttribute("aria-invalid")).toBe("true");
  expect(
    document.getElementById(token.getAttribute("aria-describedby")!.split(" ")[0]!)!.textContent,
  ).toMatch(/^Token /);
});

test("a value given from outside (controlled) is not written to any attribute either", async () => {
  const schema = template("basic-auth");
  await renderForm({ schema, value: { username: "u", password: MARKER } });
  expect((screen.getByLabelText("Password") as HTMLInputElement).value).toBe(MARKER);
  expect(document.body.innerHTML).not.toContain(MARKER);
});
