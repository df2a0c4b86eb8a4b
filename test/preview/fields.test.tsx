import { cleanup, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, test, vi } from "vitest";
import type { CredentialValue, JsonSchema } from "../../src/preview/index.ts";
import { renderForm } from "./support.tsx";

afterEach(cleanup);

const sink: JsonSchema = {
  type: "object",
  properties: {
    name: {
      type: "string",
      title: "User name",
      description: "The account to sign in as.",
      examples: ["jdoe"],
      default: "admin",
    },
    password: {
      type: "string",
      title: "Password",
      writeOnly: true,
      examples: ["hunter2"],
      default: "not-applied",
    },
    baseUrl: {
      type: "string",
      format: "uri",
      title: "Base URL",
      examples: ["https://api.example.com"],
    },
    email: { type: "string", format: "email", title: "Email" },
    host: { type: "string", format: "hostname", title: "Host name" },
    port: { type: "integer", title: "Port", minimum: 1, maximum: 65535, default: 443 },
    ratio: { type: "number", title: "Ratio" },
    verify: { type: "boolean", title: "Verify TLS", default: true },
    region: {
      type: "string",
      title: "Region",
      enum: ["eu", "us"],
      "x-enumNames": ["Europe", "United States"],
      default: "us",
    },
    notes: { type: "string", title: "Notes", "x-widget": "multiline" },
    key: {
      type: "string",
      title: "Private key",
      writeOnly: true,
      contentMediaType: "application/x-pem-file",
      "x-widget": "pem",
    },
    conn: {
      type: "string",
      title: "Connection string",
      writeOnly: true,
      "x-widget": "connection-string",
    },
    scopes: { type: "array", title: "Scopes", items: { type: "string" }, default: ["read"] },
    proxy: {
      type: "object",
      title: "Proxy",
      description: "Only if the API is behind one.",
      properties: { host: { type: "string", title: "Proxy host" } },
    },
    extra: { title: "Extra", type: ["object", "null"] },
    clientId: { type: "string" },
  },
  required: ["name", "password", "port"],
};

const describedText = (el: HTMLElement) =>
  (el.getAttribute("aria-describedby") ?? "")
    .split(" ")
    .filter(Boolean)
    .map((id) => document.getElementById(id)?.textContent)
    .join(" | ");

async function setup() {
  const onChange = vi.fn<(value: CredentialValue) => void>();
  await renderForm({ schema: sink, onChange });
  const last = () => onChange.mock.calls.at(-1)![0];
  return { onChange, last, user: userEvent.setup() };
}

describe("each kind of field gets its control, label, required mark, help, placeholder and default", () => {
  test("text: label from the title, required mark, help tied by aria-describedby, example as placeholder, default as value", async () => {
    await setup();
    const name = screen.getByRole("textbox", { name: "User name" }) as HTMLInputElement;
    expect(name.type).toBe("text");
    expect(name.value).toBe("admin");
    expect(name.placeholder).toBe("jdoe");
    expect(name.getAttribute("aria-required")).toBe("true");
    expect(name.hasAttribute("required")).toBe(false);
    expect(describedText(name)).toBe("The account to sign in as.");
    // the label shows a "*"; the accessible name is the title alone
    expect(document.querySelector(`label[for="${name.id}"]`)!.textContent!.trim()).toBe(
      "User name *",
    );
    expect(screen.getByRole("textbox", { name: "Client id" })).toBeTruthy(); // no title: the key, humanised
    expect(
      screen.getByRole("textbox", { name: "Base URL" }).getAttribute("aria-required"),
    ).toBeNull();
    // no <form>, so no browser validation bubbles; no native `required` either
    expect(document.querySelector("form, [required]")).toBeNull();
  });

  test("url, email and host name", async () => {
    await setup();
    expect((screen.getByRole("textbox", { name: "Base URL" }) as HTMLInputElement).type).toBe(
      "url",
    );
    expect(
      (screen.getByRole("textbox", { name: "Base URL" }) as HTMLInputElement).placeholder,
    ).toBe("https://api.example.com");
    expect((screen.getByRole("textbox", { name: "Email" }) as HTMLInputElement).type).toBe("email");
    const host = screen.getByRole("textbox", { name: "Host name" }) as HTMLInputElement;
    expect([host.type, host.inputMode]).toEqual(["text", "url"]);
  });

  test("secret: masked, no placeholder, no default, nothing remembered or corrected", async () => {
    await setup();
    const password = screen.getByLabelText("Password") as HTMLInputElement;
    expect(password.type).toBe("password");
    expect(password.value).toBe("");
    expect(password.placeholder).toBe("");
    expect(password.getAttribute("autocomplete")).toBe("new-password");
    expect(password.getAttribute("spellcheck")).toBe("false");
    expect(password.getAttribute("autocapitalize")).toBe("off");
    expect(password.getAttribute("aria-required")).toBe("true");
  });

  test("number and integer: number inputs with the schema's bounds, stored as numbers, empty is absent", async () => {
    const { last, user } = await setup();
    const port = screen.getByRole("spinbutton", { name: "Port" }) as HTMLInputElement;
    expect([port.type, port.step, port.min, port.max, port.value]).toEqual([
      "number",
      "1",
      "1",
      "65535",
      "443",
    ]);
    expect((screen.getByRole("spinbutton", { name: "Ratio" }) as HTMLInputElement).step).toBe(
      "any",
    );
    await user.clear(port);
    expect(last()).not.toHaveProperty("port");
    await user.type(port, "8080");
    expect(last().port).toBe(8080);
    await user.type(screen.getByRole("spinbutton", { name: "Ratio" }), "0.5");
    expect(last().ratio).toBe(0.5);
  });

  test("boolean: a checkbox", async () => {
    const { last, user } = await setup();
    const verify = screen.getByRole("checkbox", { name: "Verify TLS" }) as HTMLInputElement;
    expect(verify.checked).toBe(true);
    await user.click(verify);
    expect(last().verify).toBe(false);
  });

  test("select: the enum's labels, the value stored", async () => {
    const { last, user } = await setup();
    const region = screen.getByRole("combobox", { name: "Region" }) as HTMLSelectElement;
    expect(
      within(region)
        .getAllByRole("option")
        .map((o) => o.textContent),
    ).toEqual(["—", "Europe", "United States"]);
    expect(region.selectedOptions[0]!.textContent).toBe("United States");
    await user.selectOptions(region, "Europe");
    expect(last().region).toBe("eu");
  });

  test("multi-line text: a textarea", async () => {
    const { last, user } = await setup();
    const notes = screen.getByRole("textbox", { name: "Notes" });
    expect(notes.tagName).toBe("TEXTAREA");
    await user.type(notes, "line 1{Enter}line 2");
    expect(last().notes).toBe("line 1\nline 2");
  });

  test("PEM key: a masked monospace textarea with a show/hide toggle, spell-check off", async () => {
    await setup();
    const key = screen.getByLabelText("Private key") as HTMLTextAreaElement;
    expect(key.tagName).toBe("TEXTAREA");
    expect(key.className).toContain("cd-mono");
    expect(key.getAttribute("spellcheck")).toBe("false");
    expect(key.getAttribute("autocomplete")).toBe("new-password");
    expect(key.className).toContain("cd-mask");
    const toggle = screen.getByRole("button", { name: "Show Private key" });
    expect(toggle.getAttribute("aria-pressed")).toBe("false");
    await userEvent.setup().click(toggle);
    expect(key.className).not.toContain("cd-mask");
    expect(
      screen.getByRole("button", { name: "Hide Private key" }).getAttribute("aria-pressed"),
    ).toBe("true");
  });

  test("connection string: a single-line masked monospace input", async () => {
    await setup();
    const conn = screen.getByLabelText("Connection string") as HTMLInputElement;
    expect([conn.tagName, conn.type]).toEqual(["INPUT", "password"]);
    expect(conn.className).toContain("cd-mono");
    const user = userEvent.setup();
    await user.type(conn, "Server=x");
    await user.tab();
    expect(document.activeElement).toBe(
      screen.getByRole("button", { name: "Show Connection string" }),
    );
  });

  test("list of strings: a group of labelled item inputs, with its default", async () => {
    await setup();
    const scopes = screen.getByRole("group", { name: "Scopes" });
    expect(
      (within(scopes).getByRole("textbox", { name: "Scopes item 1" }) as HTMLInputElement).value,
    ).toBe("read");
    expect(within(scopes).getByRole("button", { name: "Add Scopes item" })).toBeTruthy();
  });

  test("group: a fieldset with a legend and its help", async () => {
    await setup();
    const proxy = screen.getByRole("group", { name: "Proxy" });
    expect(proxy.tagName).toBe("FIELDSET");
    expect(describedText(proxy)).toBe("Only if the API is behind one.");
    expect(within(proxy).getByRole("textbox", { name: "Proxy host" })).toBeTruthy();
  });

  test("anything else: a JSON text area, with a message when the JSON does not parse", async () => {
    const { last, user } = await setup();
    const extra = screen.getByRole("textbox", { name: "Extra" });
    await user.type(extra, '{{"a": 1}');
    expect(last().extra).toEqual({ a: 1 });
    await user.type(extra, "x");
    expect(extra.getAttribute("aria-invalid")).toBe("true");
    expect(describedText(extra)).toBe("Extra must be valid JSON");
    expect(last().extra).toEqual({ a: 1 });
  });

  test("defaults make the initial value; a secret's default never does", async () => {
    const { last, user } = await setup();
    await user.type(screen.getByRole("textbox", { name: "Email" }), "a");
    expect(last()).toEqual({
      name: "admin",
      port: 443,
      verify: true,
      region: "us",
      scopes: ["read"],
      proxy: {},
      email: "a",
    });
  });

  test("schema text is text, never markup", async () => {
    await renderForm({
      schema: {
        type: "object",
        properties: {
          x: { type: "string", title: "<img src=x onerror=alert(1)>", description: "<b>bold</b>" },
        },
      },
    });
    expect(document.querySelector("img, b")).toBeNull();
    expect(screen.getByRole("textbox", { name: "<img src=x onerror=alert(1)>" })).toBeTruthy();
  });
});
