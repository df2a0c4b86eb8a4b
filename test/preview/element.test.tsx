import { screen, within } from "@testing-library/dom";
import { cleanup, render } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, test, vi } from "vitest";
import {
  type CredentialFormChangeDetail,
  CredentialFormElement,
  type CredentialFormSubmitDetail,
} from "../../src/preview/element.ts";
import {
  CredentialForm,
  type CredentialValue,
  type JsonSchema,
  type ValidateFunction,
} from "../../src/preview/index.ts";
import { everyAttributeAndText, settle, template } from "./support.tsx";

afterEach(() => {
  cleanup();
  document.body.replaceChildren();
});

/** A <credential-form> with these properties, put on the page. */
function mount(
  properties: Partial<Pick<CredentialFormElement, "schema" | "value" | "validate" | "disabled">>,
  attributes: Record<string, string> = {},
): CredentialFormElement {
  const form = document.createElement("credential-form");
  for (const [name, value] of Object.entries(attributes)) form.setAttribute(name, value);
  Object.assign(form, properties);
  document.body.append(form);
  return form;
}

/** Every `change` and `submit` event the element fires, and what reached the document. */
function listen(form: CredentialFormElement) {
  const changes: CredentialFormChangeDetail[] = [];
  const submits: CredentialFormSubmitDetail[] = [];
  const atDocument: Event[] = [];
  form.addEventListener("change", (event) => changes.push(event.detail));
  form.addEventListener("submit", (event) => submits.push(event.detail));
  const onDocument = (event: Event) => void atDocument.push(event);
  document.addEventListener("change", onDocument);
  document.addEventListener("submit", onDocument);
  return { changes, submits, atDocument };
}

/** What a screen reader reads as the control's description. */
const description = (el: HTMLElement) =>
  (el.getAttribute("aria-describedby") ?? "")
    .split(" ")
    .map((id) => document.getElementById(id)?.textContent)
    .join(" ");

const accepts: ValidateFunction = Object.assign(() => true, { errors: null });

describe("<credential-form>", () => {
  test("importing the module defines it; a second bundle importing it again throws nothing and leaves the first definition", async () => {
    expect(customElements.get("credential-form")).toBe(CredentialFormElement);
    expect(document.createElement("credential-form")).toBeInstanceOf(CredentialFormElement);
    vi.resetModules();
    try {
      const second = await import("../../src/preview/element.ts");
      expect(second.CredentialFormElement).not.toBe(CredentialFormElement);
      expect(customElements.get("credential-form")).toBe(CredentialFormElement);
    } finally {
      vi.resetModules();
    }
  });

  test("shows the same form as CredentialForm, in its light DOM", async () => {
    const schema = template("rest-adapter");
    const value = { baseUrl: "https://api.example.com", auth: { type: "basic" } };
    const element = mount({ schema, value }, { "id-prefix": "same" });
    const { container } = render(
      <CredentialForm schema={schema} defaultValue={value} idPrefix="same" onSubmit={() => {}} />,
    );
    await settle();
    expect(element.shadowRoot).toBeNull();
    const shown = element.querySelector(":scope > .cd-form");
    expect(shown).not.toBeNull();
    expect(shown!.innerHTML).toBe(container.querySelector(".cd-form")!.innerHTML);
    // The page's labels and ids reach it.
    expect(
      within(element)
        .getByRole("textbox", { name: /^Base URL/ })
        .getAttribute("id"),
    ).toMatch(/^same-/);
  });

  test("schema and value: the value is shown, typing changes it, reading it gives what the form holds; a new value is shown", async () => {
    const start = { username: "alice" };
    const form = mount({ schema: template("basic-auth"), value: start });
    await settle();
    const user = userEvent.setup();
    const name = screen.getByRole("textbox", { name: "Username" }) as HTMLInputElement;
    expect(name.value).toBe("alice");
    await user.type(name, "2");
    expect(form.value).toEqual({ username: "alice2" });
    form.value = { username: "bob" };
    expect(name.value).toBe("bob");
    await user.type(name, "!");
    // Setting the value it started from again shows it too: an assignment is no re-render.
    form.value = start;
    expect(name.value).toBe("alice");
    expect(form.value).toEqual(start);
  });

  test("a new schema shows a new form with the values typed in", async () => {
    const form = mount({ schema: template("basic-auth") });
    await settle();
    const user = userEvent.setup();
    await user.type(screen.getByRole("textbox", { name: "Username" }), "carol");
    form.schema = { ...template("basic-auth"), title: "Another window" };
    expect((screen.getByRole("textbox", { name: "Username" }) as HTMLInputElement).value).toBe(
      "carol",
    );
    expect(form.value).toEqual({ username: "carol" });
  });

  test("change: a CustomEvent with the value and every error, on every change; the controls' own change events stay inside", async () => {
    const form = mount({ schema: template("basic-auth") });
    const { changes, atDocument } = listen(form);
    await settle();
    const user = userEvent.setup();
    await user.type(screen.getByRole("textbox", { name: "Username" }), "ada");
    // Each value handed out stays as it was.
    expect(changes.map((change) => change.value.username)).toEqual(["a", "ad", "ada"]);
    expect(changes.at(-1)).toEqual({
      value: { username: "ada" },
      errors: [{ path: "/password", message: "Password is required" }],
    });
    await user.tab(); // the text box's own `change`
    // A checkbox's change (a native `change` that bubbles) is the form's change, once.
    const schema: JsonSchema = {
      type: "object",
      properties: { tls: { type: "boolean", title: "Use TLS" } },
    };
    const other = mount({ schema });
    const theOther = listen(other);
    await user.click(screen.getByRole("checkbox", { name: "Use TLS" }));
    expect(theOther.changes).toEqual([{ value: { tls: true }, errors: [] }]);
    expect(atDocument.length).toBeGreaterThan(0);
    for (const event of atDocument) {
      expect(event).toBeInstanceOf(CustomEvent);
      expect([form, other]).toContain(event.target);
    }
  });

  test("submit: Save and Enter fire it with the value only when it is valid; an invalid one shows the errors and focuses the first field", async () => {
    const form = mount({ schema: template("basic-auth") });
    const { submits, atDocument } = listen(form);
    await settle();
    const user = userEvent.setup();
    await user.click(screen.getByRole("button", { name: "Save" }));
    expect(submits).toEqual([]);
    expect(document.activeElement).toBe(screen.getByRole("textbox", { name: "Username" }));
    expect(screen.getByText("Username is required")).toBeTruthy();
    await user.type(screen.getByRole("textbox", { name: "Username" }), "ada");
    await user.type(screen.getByLabelText("Password"), "pw{Enter}");
    expect(submits).toEqual([{ value: { username: "ada", password: "pw" } }]);
    await user.click(screen.getByRole("button", { name: "Save" }));
    expect(submits).toHaveLength(2);
    // It does not bubble: a <form> around the element does not take it for its own.
    expect(atDocument.filter((event) => event.type === "submit")).toEqual([]);
  });

  test("no-save: no Save button, and Enter submits nothing", async () => {
    const form = mount({ schema: template("basic-auth") }, { "no-save": "" });
    const { submits } = listen(form);
    await settle();
    expect(screen.queryByRole("button", { name: "Save" })).toBeNull();
    const user = userEvent.setup();
    await user.type(screen.getByRole("textbox", { name: "Username" }), "ada{Enter}");
    expect(submits).toEqual([]);
    form.removeAttribute("no-save");
    expect(screen.getByRole("button", { name: "Save" })).toBeTruthy();
  });

  test("submit-label: the submit button's text, Save without it (or when empty); it follows the attribute", async () => {
    const form = mount({ schema: template("basic-auth") }, { "submit-label": "Connect" });
    const { submits } = listen(form);
    await settle();
    expect(screen.queryByRole("button", { name: "Save" })).toBeNull();
    const user = userEvent.setup();
    await user.type(screen.getByRole("textbox", { name: "Username" }), "ada");
    await user.type(screen.getByLabelText("Password"), "pw");
    await user.click(screen.getByRole("button", { name: "Connect" }));
    expect(submits).toEqual([{ value: { username: "ada", password: "pw" } }]);
    form.setAttribute("submit-label", "Check values");
    // The same button, renamed: one button, and the focus stays where it was.
    expect(form.querySelectorAll("button.cd-save")).toHaveLength(1);
    expect(screen.getByRole("button", { name: "Check values" })).toBe(document.activeElement);
    form.setAttribute("submit-label", "");
    expect(screen.getByRole("button", { name: "Save" })).toBeTruthy();
    form.removeAttribute("submit-label");
    expect(screen.getByRole("button", { name: "Save" })).toBeTruthy();
    form.setAttribute("no-save", "");
    expect(form.querySelector("button.cd-save")).toBeNull();
  });

  test("validate: the validator given judges the values (no Ajv needed)", async () => {
    const validate: ValidateFunction = Object.assign(
      (value: unknown) => {
        const valid = (value as CredentialValue).username === "ok";
        validate.errors = valid
          ? null
          : [
              {
                keyword: "const",
                instancePath: "/username",
                schemaPath: "#/properties/username/const",
                params: { allowedValue: "ok" },
              },
            ];
        return valid;
      },
      { errors: null },
    );
    const form = mount({ schema: template("basic-auth"), validate });
    const { changes, submits } = listen(form);
    await settle();
    expect(form.validate).toBe(validate);
    const user = userEvent.setup();
    await user.type(screen.getByRole("textbox", { name: "Username" }), "no");
    expect(changes.at(-1)?.errors).toEqual([{ path: "/username", message: "Username must be ok" }]);
    await user.clear(screen.getByRole("textbox", { name: "Username" }));
    await user.type(screen.getByRole("textbox", { name: "Username" }), "ok");
    await user.click(screen.getByRole("button", { name: "Save" }));
    expect(submits).toEqual([{ value: { username: "ok" } }]);
  });

  test("without validate, Ajv is loaded and judges the format", async () => {
    mount({ schema: template("rest-adapter") });
    await settle();
    const user = userEvent.setup();
    const url = screen.getByRole("textbox", { name: /^Base URL/ });
    await user.type(url, "not a url");
    await user.tab();
    expect(description(url)).toMatch(/^Base URL must be a URL, like https:\/\//);
  });

  test("disabled: the property reflects the attribute, and both disable every control", async () => {
    const form = mount({ schema: template("basic-auth"), disabled: true });
    await settle();
    expect(form.hasAttribute("disabled")).toBe(true);
    const controls = () => [...form.querySelectorAll("input, button")] as HTMLInputElement[];
    expect(controls().length).toBeGreaterThan(2);
    for (const control of controls()) expect(control.disabled, control.outerHTML).toBe(true);
    form.removeAttribute("disabled");
    expect(form.disabled).toBe(false);
    for (const control of controls()) expect(control.disabled, control.outerHTML).toBe(false);
    form.disabled = true;
    expect(form.getAttribute("disabled")).toBe("");
    for (const control of controls()) expect(control.disabled, control.outerHTML).toBe(true);
  });

  test("id-prefix: every id starts with it; two elements without one get ids of their own", async () => {
    const one = mount({ schema: template("basic-auth") }, { "id-prefix": "one" });
    const two = mount({ schema: template("basic-auth") });
    const three = mount({ schema: template("basic-auth") });
    await settle();
    for (const el of one.querySelectorAll("[id]")) expect(el.id).toMatch(/^one-/);
    const ids = [...document.querySelectorAll("[id]")].map((el) => el.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const form of [one, two, three])
      for (const label of form.querySelectorAll("label[for]"))
        expect(form.contains(document.getElementById(label.getAttribute("for")!))).toBe(true);
    one.setAttribute("id-prefix", "uno");
    expect(one.querySelector("input")!.id).toMatch(/^uno-/);
  });

  test("disconnected, its form is taken away; connected again, or moved, it shows the values typed in", async () => {
    const form = mount({ schema: template("basic-auth") });
    await settle();
    const user = userEvent.setup();
    await user.type(screen.getByRole("textbox", { name: "Username" }), "ada");
    form.remove();
    expect(form.querySelector("input")).toBeNull();
    document.body.append(form);
    expect(
      (within(form).getByRole("textbox", { name: "Username" }) as HTMLInputElement).value,
    ).toBe("ada");
    const section = document.body.appendChild(document.createElement("section"));
    section.append(form);
    expect(
      (within(section).getByRole("textbox", { name: "Username" }) as HTMLInputElement).value,
    ).toBe("ada");
    expect(form.querySelectorAll(".cd-form")).toHaveLength(1);
  });

  test("properties set before the element was defined are taken over when it is", async () => {
    const late = document.createElement("credential-form-defined-late") as CredentialFormElement;
    late.schema = template("basic-auth");
    late.value = { username: "early" };
    document.body.append(late);
    customElements.define("credential-form-defined-late", class extends CredentialFormElement {});
    await settle();
    expect((screen.getByRole("textbox", { name: "Username" }) as HTMLInputElement).value).toBe(
      "early",
    );
  });

  test("a secret is never written to an attribute of the element or the form, nor into the events but as a value", async () => {
    const secret = "Zq7-marker-SECRET";
    const form = mount({ schema: template("basic-auth"), validate: accepts });
    const { changes, submits } = listen(form);
    await settle();
    const user = userEvent.setup();
    await user.type(screen.getByRole("textbox", { name: "Username" }), "ada");
    await user.type(screen.getByLabelText("Password"), secret);
    await user.click(screen.getByRole("button", { name: "Show Password" }));
    await user.click(screen.getByRole("button", { name: "Save" }));
    form.value = { username: "ada", password: `${secret}2` };
    expect(submits).toEqual([{ value: { username: "ada", password: secret } }]);
    expect(changes.at(-1)?.value.password).toBe(secret);
    for (const text of everyAttributeAndText(document.documentElement))
      expect(text).not.toContain("marker-SECRET");
    expect(JSON.stringify(changes.map((change) => change.errors))).not.toContain("marker");
  });
});
