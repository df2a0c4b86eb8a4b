import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { act, cleanup, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterAll, afterEach, describe, expect, test, vi } from "vitest";
import { exportFiles } from "../../src/export/index.ts";
import type { JsonObject } from "../../src/json/value.ts";
import {
  CredentialForm,
  type CredentialValue,
  type FieldError,
  type JsonSchema,
  type ValidateFunction,
} from "../../src/preview/index.ts";
import { renderForm, settle, template } from "./support.tsx";

afterEach(cleanup);

const describedBy = (el: HTMLElement) =>
  (el.getAttribute("aria-describedby") ?? "")
    .split(" ")
    .filter(Boolean)
    .map((id) => document.getElementById(id)!.textContent);
const live = () => document.querySelector("[aria-live=polite]")!.textContent;

describe("errors show once a field was touched, and all of them on submit", () => {
  test("nothing while typing into a fresh field; the message after leaving it; updated while typing after that", async () => {
    await renderForm({ schema: template("rest-adapter"), onSubmit: () => {} });
    const user = userEvent.setup();
    const url = screen.getByRole("textbox", { name: "Base URL" });
    await user.type(url, "not a url");
    expect(url.getAttribute("aria-invalid")).toBeNull();
    expect(describedBy(url)).toEqual(["The URL that every request path is appended to."]);
    await user.tab();
    expect(url.getAttribute("aria-invalid")).toBe("true");
    expect(describedBy(url)).toEqual([
      "Base URL must be a URL, like https://api.example.com/v1",
      "The URL that every request path is appended to.",
    ]);
    expect(live()).toBe("Base URL must be a URL, like https://api.example.com/v1");
    await user.clear(url);
    expect(describedBy(url)[0]).toBe("Base URL is required");
    await user.type(url, "http://api.example.com");
    expect(describedBy(url)[0]).toBe(
      "Base URL is not in the expected format. The URL that every request path is appended to.",
    );
    await user.clear(url);
    await user.type(url, "https://api.example.com");
    expect(url.getAttribute("aria-invalid")).toBeNull();
    expect(describedBy(url)).toEqual(["The URL that every request path is appended to."]);
  });

  test("typing into a touched field that shows no error: a new error waits until the field is left; one shown goes as soon as the value is right", async () => {
    const onSubmit = vi.fn();
    await renderForm({ schema: template("rest-adapter"), onSubmit });
    const user = userEvent.setup();
    const url = screen.getByRole("textbox", { name: "Base URL" });
    await user.type(url, "https://api.example.com");
    await user.tab();
    expect(url.getAttribute("aria-invalid")).toBeNull();
    await user.clear(url);
    await user.type(url, "not a url");
    expect(url.getAttribute("aria-invalid")).toBeNull();
    await user.tab();
    expect(describedBy(url)[0]).toBe("Base URL must be a URL, like https://api.example.com/v1");
    await user.clear(url);
    expect(describedBy(url)[0]).toBe("Base URL is required");
    await user.type(url, "https://x.example.com");
    expect(url.getAttribute("aria-invalid")).toBeNull();
    // Enter submits with the value validated, though the last keystrokes were not.
    await user.clear(url);
    await user.type(url, "nope{Enter}");
    expect(onSubmit).not.toHaveBeenCalled();
    expect(describedBy(url)[0]).toBe("Base URL must be a URL, like https://api.example.com/v1");
  });

  test("leaving an untouched required field shows that it is required; other fields stay quiet", async () => {
    await renderForm({ schema: template("sftp") });
    const user = userEvent.setup();
    await user.click(screen.getByRole("textbox", { name: "Host" }));
    await user.tab();
    expect(describedBy(screen.getByRole("textbox", { name: "Host" }))[0]).toBe("Host is required");
    expect(
      screen.getByRole("textbox", { name: "Username" }).getAttribute("aria-invalid"),
    ).toBeNull();
    expect(document.querySelectorAll(".cd-error")).toHaveLength(1);
  });

  test("submit: every error shows, focus moves to the first invalid field, the count is announced; onSubmit is not called", async () => {
    const onSubmit = vi.fn();
    await renderForm({ schema: template("sftp"), onSubmit });
    const user = userEvent.setup();
    await user.type(screen.getByRole("spinbutton", { name: "Port" }), "{Backspace}{Backspace}0");
    await user.click(screen.getByRole("button", { name: "Save" }));
    expect(onSubmit).not.toHaveBeenCalled();
    const errors = [...document.querySelectorAll(".cd-error")].map((e) => e.textContent);
    expect(errors).toEqual([
      "Host is required",
      "Port must be at least 1",
      "Username is required",
      "Password is required",
    ]);
    expect(document.activeElement).toBe(screen.getByRole("textbox", { name: "Host" }));
    expect(live()).toBe("4 fields need attention");
    for (const el of document.querySelectorAll("[aria-invalid=true]"))
      expect(describedBy(el as HTMLElement)[0]).toMatch(/ (is|must) /);
  });

  test("a valid submit hands over the value", async () => {
    const onSubmit = vi.fn();
    await renderForm({ schema: template("basic-auth"), onSubmit });
    const user = userEvent.setup();
    await user.type(screen.getByRole("textbox", { name: "Username" }), "alice");
    await user.type(screen.getByLabelText("Password"), "pw{Enter}");
    expect(onSubmit).toHaveBeenCalledWith({ username: "alice", password: "pw" });
  });
});

describe("messages a person can read", () => {
  const cases: Array<
    [
      template: string,
      label: string,
      role: "textbox" | "spinbutton",
      typed: string,
      message: string,
    ]
  > = [
    [
      "rest-adapter",
      "Base URL",
      "textbox",
      "api.example.com",
      "Base URL must be a URL, like https://api.example.com/v1",
    ],
    ["sftp", "Host", "textbox", "-sftp-", "Host must be a host name, like sftp.example.com"],
    ["sftp", "Port", "spinbutton", "{Backspace}{Backspace}0", "Port must be at least 1"],
    ["sftp", "Port", "spinbutton", "{Backspace}{Backspace}1.5", "Port must be a whole number"],
    [
      "sftp",
      "Host key fingerprint",
      "textbox",
      "MD5:aa",
      "Host key fingerprint is not in the expected format. The SHA-256 fingerprint of the server's host key, as printed by ssh-keygen -lf. When set, the connection is refused if the server presents another key.",
    ],
    [
      "api-key",
      "Header or parameter name",
      "textbox",
      " ",
      "Header or parameter name is not in the expected format. The name of the header (e.g. X-API-Key) or of the query parameter (e.g. api_key) that carries the key.",
    ],
  ];
  test.each(cases)("%s: %s", async (name, label, role, typed, message) => {
    await renderForm({ schema: template(name) });
    const user = userEvent.setup();
    const input = screen.getByRole(role, { name: label });
    await user.type(input, typed);
    await user.tab();
    expect(describedBy(input)[0]).toBe(message);
  });

  test("an email field and a select", async () => {
    const schema: JsonSchema = {
      type: "object",
      properties: {
        email: { type: "string", format: "email", title: "Email" },
        region: {
          type: "string",
          title: "Region",
          enum: ["eu", "us"],
          "x-enumNames": ["Europe", "United States"],
        },
      },
    };
    await renderForm({ schema, value: { email: "ops@", region: "mars" }, onSubmit: () => {} });
    await userEvent.setup().click(screen.getByRole("button", { name: "Save" }));
    expect(describedBy(screen.getByRole("textbox", { name: "Email" }))[0]).toBe(
      "Email must be an email address, like name@example.com",
    );
    expect(describedBy(screen.getByRole("combobox", { name: "Region" }))[0]).toBe(
      "Region must be one of Europe, United States",
    );
  });
});

describe("the exported standalone validator and the lazily loaded ajv say the same", () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  async function exported(schema: JsonSchema, base: string): Promise<ValidateFunction> {
    // Inside the project, where the test runner may import from; removed after the tests.
    const dir = mkdtempSync(join(import.meta.dirname, ".export-"));
    dirs.push(dir);
    for (const file of await exportFiles(schema as JsonObject, base))
      writeFileSync(join(dir, file.name), file.contents);
    const module = (await import(
      /* @vite-ignore */ pathToFileURL(join(dir, `${base}.validate.js`)).href
    )) as { default: ValidateFunction };
    return module.default;
  }

  type Step = (user: ReturnType<typeof userEvent.setup>, form: HTMLElement) => Promise<void>;
  const scripts: Record<string, Step[]> = {
    "rest-adapter": [
      async (user, form) =>
        user.type(within(form).getByRole("textbox", { name: "Base URL" }), "ftp//x"),
      async (user, form) => user.click(within(form).getByRole("radio", { name: "Basic" })),
      async (user, form) =>
        user.type(within(form).getByRole("textbox", { name: "Username" }), "a:b"),
      async (user, form) => user.click(within(form).getByRole("radio", { name: "OAuth 2.0" })),
      async (user, form) =>
        user.type(within(form).getByRole("textbox", { name: "Token URL" }), "http://x"),
      async (user, form) =>
        user.type(within(form).getByRole("spinbutton", { name: "Timeout (seconds)" }), "0"),
      async (user, form) =>
        user.click(within(form).getByRole("button", { name: "Add Scopes item" })),
      async (user, form) =>
        user.type(within(form).getByRole("textbox", { name: "Scopes item 1" }), "bad scope"),
    ],
    sftp: [
      async (user, form) => user.type(within(form).getByRole("textbox", { name: "Host" }), "-x-"),
      async (user, form) => user.click(within(form).getByRole("radio", { name: "Private key" })),
      async (user, form) =>
        user.type(within(form).getByLabelText("Private key (PEM)"), "not a key"),
      async (user, form) =>
        user.type(
          within(form).getByRole("spinbutton", { name: "Port" }),
          "{Backspace}{Backspace}70000",
        ),
    ],
  };

  test.each(Object.keys(scripts))("%s", async (name) => {
    const schema = template(name);
    const validate = await exported(schema, name);
    const seen: Record<string, Array<[CredentialValue, FieldError[]]>> = {
      standalone: [],
      ajv: [],
    };
    render(
      <>
        <section aria-label="standalone">
          <CredentialForm
            schema={schema}
            validate={validate}
            idPrefix="a"
            onChange={(v, e) => seen.standalone!.push([v, e])}
            onSubmit={() => {}}
          />
        </section>
        <section aria-label="ajv">
          <CredentialForm
            schema={schema}
            idPrefix="b"
            onChange={(v, e) => seen.ajv!.push([v, e])}
            onSubmit={() => {}}
          />
        </section>
      </>,
    );
    await settle();
    const user = userEvent.setup();
    for (const form of [
      screen.getByRole("region", { name: "standalone" }),
      screen.getByRole("region", { name: "ajv" }),
    ]) {
      for (const step of scripts[name]!) await step(user, form);
      await user.click(within(form).getByRole("button", { name: "Save" }));
    }
    expect(seen.standalone!.length).toBeGreaterThan(3);
    expect(seen.ajv).toEqual(seen.standalone);
    expect(seen.standalone!.at(-1)![1].length).toBeGreaterThan(1);
    const shown = (region: string) =>
      [...screen.getByRole("region", { name: region }).querySelectorAll(".cd-error")].map(
        (e) => e.textContent,
      );
    expect(shown("ajv")).toEqual(shown("standalone"));
    expect(shown("ajv").length).toBeGreaterThan(1);
  });
});

describe("before ajv has loaded", () => {
  test("required fields are checked at once; the rest once ajv is there; a submit waits for it", async () => {
    const onChange = vi.fn<(value: CredentialValue, errors: FieldError[]) => void>();
    const onSubmit = vi.fn();
    // a schema object the form has never seen: its validator is compiled anew
    const schema = template("rest-adapter");
    render(<CredentialForm schema={schema} onChange={onChange} onSubmit={onSubmit} />);
    const user = userEvent.setup();
    await user.click(screen.getByRole("button", { name: "Save" }));
    await settle();
    expect(onSubmit).not.toHaveBeenCalled();
    expect(screen.getByText("Base URL is required")).toBeTruthy();
    await user.type(screen.getByRole("textbox", { name: "Base URL" }), "x");
    expect(onChange.mock.calls.at(-1)![1]).toEqual([
      { path: "/baseUrl", message: "Base URL must be a URL, like https://api.example.com/v1" },
    ]);
    await act(async () => {});
  });
});
