import { cleanup, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { StrictMode, useState } from "react";
import { afterEach, expect, test, vi } from "vitest";
import { CredentialForm, type CredentialValue, type FieldError } from "../../src/preview/index.ts";
import { renderForm, settle, template } from "./support.tsx";

afterEach(cleanup);

test("uncontrolled: defaultValue is the start, the form keeps its own state", async () => {
  const onChange = vi.fn<(value: CredentialValue, errors: FieldError[]) => void>();
  await renderForm({
    schema: template("basic-auth"),
    defaultValue: { username: "alice" },
    onChange,
  });
  const user = userEvent.setup();
  const name = screen.getByRole("textbox", { name: "Username" }) as HTMLInputElement;
  expect(name.value).toBe("alice");
  await user.type(name, "!");
  expect(name.value).toBe("alice!");
  expect(onChange).toHaveBeenLastCalledWith({ username: "alice!" }, [
    { path: "/password", message: "Password is required" },
  ]);
});

test("controlled: the value comes from the parent; changes go through onChange; outside changes show", async () => {
  const seen: CredentialValue[] = [];
  const schema = template("basic-auth");
  function Parent() {
    const [value, setValue] = useState<CredentialValue>({ username: "alice", password: "pw" });
    return (
      <>
        <CredentialForm
          schema={schema}
          value={value}
          onChange={(v) => {
            seen.push(v);
            setValue(v);
          }}
        />
        <button type="button" onClick={() => setValue({ username: "bob" })}>
          Reset
        </button>
        <output>{String(value.username)}</output>
      </>
    );
  }
  render(<Parent />);
  await settle();
  const user = userEvent.setup();
  const name = screen.getByRole("textbox", { name: "Username" }) as HTMLInputElement;
  const password = screen.getByLabelText("Password") as HTMLInputElement;
  expect([name.value, password.value]).toEqual(["alice", "pw"]);
  await user.type(name, "2");
  expect(screen.getByRole("status").textContent).toBe("alice2");
  expect(seen.at(-1)).toEqual({ username: "alice2", password: "pw" });
  await user.click(screen.getByRole("button", { name: "Reset" }));
  expect([name.value, password.value]).toEqual(["bob", ""]);
  await user.type(password, "x");
  expect(seen.at(-1)).toEqual({ username: "bob", password: "x" });
});

test("controlled, with a parent that ignores changes: the form shows the parent's value again when it re-renders with a new one", async () => {
  const schema = template("basic-auth");
  function Parent() {
    const [value, setValue] = useState<CredentialValue>({ username: "alice" });
    return (
      <>
        <CredentialForm schema={schema} value={value} />
        <button type="button" onClick={() => setValue({ username: "carol" })}>
          Load
        </button>
      </>
    );
  }
  render(<Parent />);
  await settle();
  const user = userEvent.setup();
  await user.click(screen.getByRole("button", { name: "Load" }));
  expect((screen.getByRole("textbox", { name: "Username" }) as HTMLInputElement).value).toBe(
    "carol",
  );
});

test("disabled: every control and button is disabled", async () => {
  await renderForm({
    schema: template("rest-adapter"),
    disabled: true,
    onSubmit: () => {},
    defaultValue: { auth: { type: "oauth2", scopes: ["a", "b"] } },
  });
  const controls = document.querySelectorAll("input, select, textarea, button");
  expect(controls.length).toBeGreaterThan(10);
  for (const control of controls)
    expect((control as HTMLInputElement).disabled, control.outerHTML).toBe(true);
});

test("two forms on one page with different idPrefix: every id is unique and every label points into its own form", async () => {
  render(
    <>
      <section aria-label="one">
        <CredentialForm
          schema={template("rest-adapter")}
          idPrefix="one"
          defaultValue={{ auth: { type: "oauth2" } }}
        />
      </section>
      <section aria-label="two">
        <CredentialForm
          schema={template("rest-adapter")}
          idPrefix="two"
          defaultValue={{ auth: { type: "oauth2" } }}
        />
      </section>
      <section aria-label="three">
        <CredentialForm
          schema={template("rest-adapter")}
          defaultValue={{ auth: { type: "basic" } }}
        />
      </section>
      <section aria-label="four">
        <CredentialForm
          schema={template("rest-adapter")}
          defaultValue={{ auth: { type: "basic" } }}
        />
      </section>
    </>,
  );
  await settle();
  const ids = [...document.querySelectorAll("[id]")].map((el) => el.id);
  expect(ids.length).toBeGreaterThan(40);
  expect(new Set(ids).size).toBe(ids.length);
  expect(ids.filter((id) => id.startsWith("one-")).length).toBe(
    ids.filter((id) => id.startsWith("two-")).length,
  );
  for (const name of ["one", "two", "three", "four"]) {
    const section = screen.getByRole("region", { name });
    for (const label of section.querySelectorAll("label[for]"))
      expect(section.contains(document.getElementById(label.getAttribute("for")!))).toBe(true);
    for (const el of section.querySelectorAll("[aria-describedby]")) {
      for (const id of el.getAttribute("aria-describedby")!.split(" "))
        expect(section.contains(document.getElementById(id))).toBe(true);
    }
    for (const radio of within(section).queryAllByRole("radio"))
      expect((radio as HTMLInputElement).name).toBe(
        (within(section).getAllByRole("radio")[0] as HTMLInputElement).name,
      );
  }
  // radio groups of different forms do not share a name
  expect(new Set(screen.getAllByRole("radio").map((r) => (r as HTMLInputElement).name)).size).toBe(
    4,
  );
});

test("a new schema object starts a new form (keep the schema object stable, e.g. in a constant or useMemo)", async () => {
  function Parent() {
    const [n, setN] = useState(0);
    return (
      <>
        <CredentialForm schema={template("basic-auth")} defaultValue={{ username: `u${n}` }} />
        <button type="button" onClick={() => setN(n + 1)}>
          Next
        </button>
      </>
    );
  }
  render(<Parent />);
  await settle();
  const user = userEvent.setup();
  await user.type(screen.getByLabelText("Password"), "typed");
  await user.click(screen.getByRole("button", { name: "Next" }));
  expect((screen.getByRole("textbox", { name: "Username" }) as HTMLInputElement).value).toBe("u1");
  expect((screen.getByLabelText("Password") as HTMLInputElement).value).toBe("");
});

test("values handed out are never changed afterwards (onSubmit, onChange)", async () => {
  const submitted: CredentialValue[] = [];
  await renderForm({ schema: template("basic-auth"), onSubmit: (v) => submitted.push(v) });
  const user = userEvent.setup();
  await user.type(screen.getByRole("textbox", { name: "Username" }), "alice");
  await user.type(screen.getByLabelText("Password"), "pw{Enter}");
  await user.type(screen.getByRole("textbox", { name: "Username" }), "2");
  await user.type(screen.getByLabelText("Password"), "3{Enter}");
  expect(submitted).toEqual([
    { username: "alice", password: "pw" },
    { username: "alice2", password: "pw3" },
  ]);

  cleanup();
  const changes: CredentialValue[] = [];
  await renderForm({ schema: template("basic-auth"), onChange: (v) => changes.push(v) });
  await user.type(screen.getByRole("textbox", { name: "Username" }), "ab");
  expect(changes).toEqual([{ username: "a" }, { username: "ab" }]);
});

test("under React.StrictMode (effects run twice): one form, and it works", async () => {
  const onChange = vi.fn<(value: CredentialValue, errors: FieldError[]) => void>();
  render(
    <StrictMode>
      <CredentialForm schema={template("basic-auth")} onChange={onChange} onSubmit={() => {}} />
    </StrictMode>,
  );
  await settle();
  expect(document.querySelectorAll(".cd-form")).toHaveLength(1);
  expect(screen.getAllByRole("textbox", { name: "Username" })).toHaveLength(1);
  expect(screen.getAllByRole("button", { name: "Save" })).toHaveLength(1);
  await userEvent.setup().type(screen.getByRole("textbox", { name: "Username" }), "al");
  expect(onChange).toHaveBeenLastCalledWith({ username: "al" }, [
    { path: "/password", message: "Password is required" },
  ]);
});

test("submitLabel: the submit button says what it does (Save by default); changing it renames the same button", async () => {
  const onSubmit = vi.fn<(value: CredentialValue) => void>();
  const schema = template("bearer-token");
  const { rerender } = await renderForm({ schema, onSubmit });
  const save = screen.getByRole("button", { name: "Save" });
  rerender(<CredentialForm schema={schema} onSubmit={onSubmit} submitLabel="Check values" />);
  expect(screen.getByRole("button", { name: "Check values" })).toBe(save);
  expect(screen.queryByRole("button", { name: "Save" })).toBeNull();
  const user = userEvent.setup();
  await user.type(screen.getByLabelText("Access token"), "t0ken");
  await user.click(save);
  expect(onSubmit).toHaveBeenCalledWith({ token: "t0ken" });
  // Without onSubmit there is no button, whatever its label.
  rerender(<CredentialForm schema={schema} submitLabel="Check values" />);
  expect(screen.queryByRole("button", { name: "Check values" })).toBeNull();
});
