import { cleanup, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, expect, test, vi } from "vitest";
import type { CredentialValue, FieldError, JsonSchema } from "../../src/preview/index.ts";
import { renderForm, template } from "./support.tsx";

afterEach(cleanup);

async function setup(
  schema: JsonSchema = template("rest-adapter"),
  defaultValue?: CredentialValue,
) {
  const onChange = vi.fn<(value: CredentialValue, errors: FieldError[]) => void>();
  const onSubmit = vi.fn<(value: CredentialValue) => void>();
  await renderForm({ schema, onChange, onSubmit, ...(defaultValue ? { defaultValue } : {}) });
  return { user: userEvent.setup(), onChange, onSubmit, last: () => onChange.mock.calls.at(-1)! };
}

test("an auth-method choice is a radio group of the branch titles; the first branch is picked", async () => {
  const { user, last } = await setup();
  const group = screen.getByRole("radiogroup", { name: "Authentication" });
  expect(
    within(group)
      .getAllByRole("radio")
      .map((r) => [r.parentElement!.textContent!.trim(), (r as HTMLInputElement).checked]),
  ).toEqual([
    ["None", true],
    ["Basic", false],
    ["OAuth 1.0a", false],
    ["OAuth 2.0", false],
  ]);
  expect(group.getAttribute("aria-required")).toBe("true");
  await user.type(screen.getByRole("textbox", { name: "Base URL" }), "https://api.example.com");
  expect(last()[0]).toEqual({
    baseUrl: "https://api.example.com",
    auth: { type: "none" },
    timeoutSeconds: 30,
  });
});

test("the chosen branch's fields show, not the discriminator", async () => {
  const { user } = await setup();
  expect(screen.queryByRole("textbox", { name: "Username" })).toBeNull();
  await user.click(screen.getByRole("radio", { name: "Basic" }));
  const auth = screen.getByRole("group", { name: "Authentication" });
  expect(within(auth).getByRole("textbox", { name: "Username" })).toBeTruthy();
  expect(within(auth).getByLabelText("Password")).toBeTruthy();
  expect(within(auth).queryByRole("textbox", { name: /type/i })).toBeNull();
});

test("switching keeps each branch's values apart; the value holds only the chosen branch with its discriminator", async () => {
  const { user, last } = await setup();
  await user.click(screen.getByRole("radio", { name: "Basic" }));
  await user.type(screen.getByRole("textbox", { name: "Username" }), "alice");
  await user.type(screen.getByLabelText("Password"), "pw");
  expect(last()[0].auth).toEqual({ type: "basic", username: "alice", password: "pw" });

  await user.click(screen.getByRole("radio", { name: "OAuth 2.0" }));
  expect(last()[0].auth).toEqual({
    type: "oauth2",
    grantType: "authorization_code",
    scopes: [],
    pkce: true,
  });
  await user.type(screen.getByRole("textbox", { name: "Client ID" }), "app");
  expect(screen.queryByRole("textbox", { name: "Username" })).toBeNull();

  await user.click(screen.getByRole("radio", { name: "Basic" }));
  expect((screen.getByRole("textbox", { name: "Username" }) as HTMLInputElement).value).toBe(
    "alice",
  );
  expect((screen.getByLabelText("Password") as HTMLInputElement).value).toBe("pw");
  expect(last()[0].auth).toEqual({ type: "basic", username: "alice", password: "pw" });

  await user.click(screen.getByRole("radio", { name: "OAuth 2.0" }));
  expect((screen.getByRole("textbox", { name: "Client ID" }) as HTMLInputElement).value).toBe(
    "app",
  );
  expect(last()[0].auth).toEqual({
    type: "oauth2",
    grantType: "authorization_code",
    scopes: [],
    pkce: true,
    clientId: "app",
  });
});

test("errors of the chosen branch only; never oneOf or const", async () => {
  const { user, onSubmit, last } = await setup();
  await user.type(screen.getByRole("textbox", { name: "Base URL" }), "https://api.example.com");
  await user.click(screen.getByRole("radio", { name: "OAuth 1.0a" }));
  await user.click(screen.getByRole("button", { name: "Save" }));
  expect(onSubmit).not.toHaveBeenCalled();
  expect(last()[1]).toEqual([
    { path: "/auth/consumerKey", message: "Consumer key is required" },
    { path: "/auth/consumerSecret", message: "Consumer secret is required" },
  ]);
  const text = document.body.textContent!;
  expect(text).toContain("Consumer key is required");
  expect(text).not.toMatch(/oneOf|constant|must match|Username|Client ID/);
  expect(document.activeElement).toBe(screen.getByLabelText("Consumer key"));
  await user.type(screen.getByLabelText("Consumer key"), "k");
  await user.type(screen.getByLabelText("Consumer secret"), "s");
  await user.click(screen.getByRole("button", { name: "Save" }));
  expect(onSubmit).toHaveBeenCalledWith({
    baseUrl: "https://api.example.com",
    auth: { type: "oauth1", signatureMethod: "HMAC-SHA1", consumerKey: "k", consumerSecret: "s" },
    timeoutSeconds: 30,
  });
});

const branch = (tag: string) => ({
  title: tag.toUpperCase(),
  type: "object",
  properties: { kind: { const: tag }, [tag]: { type: "string", title: `${tag} field` } },
  required: ["kind"],
});

test("more than five branches: a select; the discriminator need not be named type; the default picks the branch", async () => {
  const schema: JsonSchema = {
    type: "object",
    properties: {
      auth: {
        title: "Method",
        oneOf: ["a", "b", "c", "d", "e", "f"].map(branch),
        default: { kind: "c", c: "preset" },
      },
    },
  };
  const { user, last } = await setup(schema);
  const select = screen.getByRole("combobox", { name: "Method" }) as HTMLSelectElement;
  expect(
    within(select)
      .getAllByRole("option")
      .map((o) => o.textContent),
  ).toEqual(["A", "B", "C", "D", "E", "F"]);
  expect(select.selectedOptions[0]!.textContent).toBe("C");
  expect((screen.getByRole("textbox", { name: "c field" }) as HTMLInputElement).value).toBe(
    "preset",
  );
  await user.selectOptions(select, "E");
  expect(last()[0]).toEqual({ auth: { kind: "e" } });
  expect(screen.getByRole("textbox", { name: "e field" })).toBeTruthy();
});

test("a given value picks its branch; $ref branches and definitions are resolved", async () => {
  const schema: JsonSchema = {
    type: "object",
    definitions: {
      key: {
        title: "API key",
        type: "object",
        properties: { type: { const: "key" }, key: { $ref: "#/definitions/secret" } },
        required: ["type", "key"],
      },
      token: {
        title: "Token",
        type: "object",
        properties: {
          type: { const: "token" },
          token: { $ref: "#/definitions/secret", title: "Token" },
        },
        required: ["type", "token"],
      },
      secret: { type: "string", writeOnly: true, title: "Key", minLength: 4 },
    },
    properties: {
      auth: {
        title: "Sign-in",
        oneOf: [{ $ref: "#/definitions/key" }, { $ref: "#/definitions/token" }],
      },
    },
    required: ["auth"],
  };
  const { user, last } = await setup(schema, { auth: { type: "token", token: "abc" } });
  expect((screen.getByRole("radio", { name: "Token" }) as HTMLInputElement).checked).toBe(true);
  const token = screen.getByLabelText("Token", {
    selector: "input[type=password]",
  }) as HTMLInputElement;
  expect([token.type, token.value]).toEqual(["password", "abc"]);
  await user.click(screen.getByRole("button", { name: "Save" }));
  expect(last()?.[1] ?? []).toEqual([]);
  expect(screen.getByText("Token must be at least 4 characters")).toBeTruthy();
  await user.click(screen.getByRole("radio", { name: "API key" }));
  expect(last()[1]).toEqual([{ path: "/auth/key", message: "Key is required" }]);
});
