import { act, cleanup, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it } from "vitest";
import { Inspector } from "../../src/designer/inspector/inspector.tsx";
import { DesignerStore } from "../../src/designer/store/designer-store.ts";
import type { JsonObject } from "../../src/json/value.ts";
import { addField, updateField } from "../../src/model/index.ts";
import { importSchema } from "../../src/schema/import.ts";
import { toSchema } from "../../src/schema/to-schema.ts";

afterEach(cleanup);

const SCHEMA: JsonObject = {
  type: "object",
  title: "Example API",
  properties: {
    username: { type: "string", title: "User name", minLength: 1, maxLength: 64 },
    password: { type: "string", title: "Password", writeOnly: true },
    port: { type: "integer", title: "Port", minimum: 1, maximum: 65535 },
    verify: { type: "boolean", title: "Verify TLS" },
    region: {
      type: "string",
      title: "Region",
      enum: ["eu", "us"],
      "x-enumNames": ["Europe", "United States"],
    },
    auth: {
      title: "Authentication",
      oneOf: [
        {
          title: "None",
          type: "object",
          properties: { type: { type: "string", const: "none" } },
          required: ["type"],
        },
        {
          title: "Basic",
          type: "object",
          properties: { type: { type: "string", const: "basic" } },
          required: ["type"],
        },
      ],
    },
  },
  required: ["username"],
};

/** Renders the inspector over a fresh store and selects the field `key` (or nothing). */
function setup(key?: string) {
  const store = new DesignerStore(importSchema(structuredClone(SCHEMA)));
  render(<Inspector store={store} />);
  if (key !== undefined) act(() => store.select(idOf(store, key)));
  return {
    store,
    user: userEvent.setup(),
    schema: () =>
      toSchema(store.doc) as {
        properties: Record<string, JsonObject>;
        required?: string[];
        [k: string]: unknown;
      },
  };
}

const idOf = (store: DesignerStore, key: string) =>
  store.doc.root.fields!.find((field) => field.key === key)!.id;
const field = (name: string) => screen.getByRole("textbox", { name }) as HTMLInputElement;
/** The text of the element(s) an invalid control's aria-describedby points at. */
const description = (element: HTMLElement) =>
  (element.getAttribute("aria-describedby") ?? "")
    .split(" ")
    .filter(Boolean)
    .map((id) => document.getElementById(id)?.textContent ?? "")
    .join(" ");

async function retype(
  user: ReturnType<typeof userEvent.setup>,
  input: HTMLElement,
  text: string,
  then = "{Enter}",
) {
  await user.clear(input);
  if (text !== "")
    await user.type(
      input,
      text.replace(/[{[]/g, (c) => c + c),
    );
  if (then === "tab") await user.tab();
  else await user.keyboard(then);
}

describe("Inspector: the window and the selected field", () => {
  it("with nothing selected, edits the window's title and description, and says to select a field", async () => {
    const { store, user, schema } = setup();
    expect(screen.getByRole("region", { name: "Properties" })).toBeTruthy();
    expect(screen.getByText(/Select a field/)).toBeTruthy();
    const title = field("Window title");
    expect(title.value).toBe("Example API");
    await retype(user, title, "Stripe");
    await retype(user, field("Window description"), "Keys for Stripe", "tab");
    expect(schema()).toMatchObject({ title: "Stripe", description: "Keys for Stripe" });
    act(() => store.undo());
    expect(schema().description).toBeUndefined();
    expect(field("Window title").value).toBe("Stripe");
  });

  it("shows the properties of the selected field in a named form with section headings", () => {
    setup("username");
    const form = screen.getByRole("form", { name: /Properties of text "User name" \(username\)/ });
    expect(within(form).getByRole("heading", { name: "Field" })).toBeTruthy();
    expect(within(form).getByRole("heading", { name: "Validation" })).toBeTruthy();
    expect(field("Key").value).toBe("username");
    expect(field("Title").value).toBe("User name");
    expect((screen.getByRole("checkbox", { name: "Required" }) as HTMLInputElement).checked).toBe(
      true,
    );
    expect(field("Minimum length").value).toBe("1");
  });
});

describe("Inspector: validation of what the user types", () => {
  it("a duplicate key is refused inline; the document is unchanged and the typed text stays", async () => {
    const { store, user } = setup("username");
    const before = store.doc;
    const key = field("Key");
    await retype(user, key, "password");
    expect(store.doc).toBe(before);
    expect(key.value).toBe("password");
    expect(key.getAttribute("aria-invalid")).toBe("true");
    expect(description(key)).toMatch(/the key "password" is already used/);
    await retype(user, key, "login");
    expect(key.getAttribute("aria-invalid")).toBeNull();
    expect(store.doc.root.fields!.map((f) => f.key)).toContain("login");
  });

  it("an empty key is refused", async () => {
    const { store, user } = setup("username");
    const before = store.doc;
    const key = field("Key");
    await retype(user, key, "", "tab");
    expect(store.doc).toBe(before);
    expect(key.getAttribute("aria-invalid")).toBe("true");
    expect(description(key)).toMatch(/needs a key/);
  });

  it("an unsafe pattern is flagged while typing and not applied; a safe one is", async () => {
    const { store, user, schema } = setup("username");
    const before = store.doc;
    const pattern = field("Pattern");
    await user.type(pattern, "^(a+)+$");
    // The checker loads on demand (when the box is first focused): the flag comes once it is there.
    await waitFor(() => expect(pattern.getAttribute("aria-invalid")).toBe("true"), {
      timeout: 5_000,
    });
    expect(description(pattern)).toMatch(/Unsafe pattern: it can backtrack catastrophically/);
    await user.keyboard("{Enter}");
    await user.tab();
    expect(store.doc).toBe(before);
    expect(pattern.value).toBe("^(a+)+$");
    await retype(user, pattern, "^[a-z");
    expect(description(pattern)).toMatch(/not a valid regular expression/);
    expect(store.doc).toBe(before);
    await retype(user, pattern, "^[a-z]+$");
    expect(pattern.getAttribute("aria-invalid")).toBeNull();
    expect(schema().properties.username!.pattern).toBe("^[a-z]+$");
  });

  it("a minimum length above the maximum is refused", async () => {
    const { store, user, schema } = setup("username");
    const before = store.doc;
    const min = field("Minimum length");
    await retype(user, min, "100");
    expect(store.doc).toBe(before);
    expect(min.getAttribute("aria-invalid")).toBe("true");
    expect(description(min)).toMatch(
      /minimum length \(100\) must not exceed the maximum length \(64\)/,
    );
    await retype(user, field("Maximum length"), "200");
    await retype(user, min, "100");
    expect(schema().properties.username).toMatchObject({ minLength: 100, maxLength: 200 });
  });

  it("a number field: min above max and a non-number are refused; the default is typed as a number", async () => {
    const { store, user, schema } = setup("port");
    const before = store.doc;
    const minimum = field("Minimum");
    await retype(user, minimum, "70000");
    expect(description(minimum)).toMatch(/must not exceed the maximum \(65535\)/);
    const def = field("Default");
    await retype(user, def, "eighty");
    expect(def.getAttribute("aria-invalid")).toBe("true");
    expect(description(def)).toMatch(/not a number/);
    expect(store.doc).toBe(before);
    await retype(user, def, "8080");
    expect(schema().properties.port!.default).toBe(8080);
    await retype(user, field("Placeholder"), "443");
    expect(schema().properties.port!.examples).toEqual([443]);
  });

  it("a number field: exclusive bounds that leave no value are refused; one that leaves room lands at its canonical place", async () => {
    const { store, user, schema } = setup("port");
    const before = store.doc;
    const exclusiveMinimum = field("Exclusive minimum");
    await retype(user, exclusiveMinimum, "65535");
    expect(store.doc).toBe(before);
    expect(exclusiveMinimum.getAttribute("aria-invalid")).toBe("true");
    expect(description(exclusiveMinimum)).toMatch(
      /exclusive minimum \(65535\) must be below the maximum \(65535\)/,
    );
    const exclusiveMaximum = field("Exclusive maximum");
    await retype(user, exclusiveMaximum, "1");
    expect(description(exclusiveMaximum)).toMatch(
      /exclusive maximum \(1\) must be above the minimum \(1\)/,
    );
    await retype(user, exclusiveMaximum, "two");
    expect(description(exclusiveMaximum)).toMatch(/not a number/);
    expect(store.doc).toBe(before);

    await retype(user, exclusiveMinimum, "0");
    await retype(user, exclusiveMaximum, "65536");
    expect(exclusiveMinimum.getAttribute("aria-invalid")).toBeNull();
    expect(Object.keys(schema().properties.port!)).toEqual([
      "type",
      "title",
      "minimum",
      "exclusiveMinimum",
      "maximum",
      "exclusiveMaximum",
    ]);
    expect(schema().properties.port).toMatchObject({
      exclusiveMinimum: 0,
      exclusiveMaximum: 65536,
    });
    // Without a maximum, the minimum is still held below the exclusive maximum.
    await retype(user, field("Maximum"), "", "tab");
    const minimum = field("Minimum");
    await retype(user, minimum, "65536");
    expect(description(minimum)).toMatch(
      /minimum \(65536\) must be below the exclusive maximum \(65536\)/,
    );
    await retype(user, minimum, "1", "{Escape}");
    await retype(user, field("Exclusive maximum"), "", "tab");
    expect(schema().properties.port!.exclusiveMaximum).toBeUndefined();
    act(() => store.undo());
    expect(field("Exclusive maximum").value).toBe("65536");
    expect(store.getState().editor.done).toHaveLength(3);
  });

  it("a secret has no default or placeholder; making a field with a default secret is refused until the default is gone", async () => {
    const { store, user, schema } = setup("password");
    expect(screen.queryByRole("textbox", { name: "Default" })).toBeNull();
    expect(screen.queryByRole("textbox", { name: "Placeholder" })).toBeNull();
    expect(
      (screen.getByRole("checkbox", { name: "Secret (write-only)" }) as HTMLInputElement).checked,
    ).toBe(true);

    act(() => store.select(idOf(store, "username")));
    await retype(user, field("Default"), "admin");
    const secret = screen.getByRole("checkbox", { name: "Secret (write-only)" });
    await user.click(secret);
    expect(secret.getAttribute("aria-invalid")).toBe("true");
    expect(description(secret)).toMatch(/never carries a value/);
    expect(schema().properties.username!.writeOnly).toBeUndefined();
    await retype(user, field("Default"), "", "tab");
    await user.click(secret);
    expect(schema().properties.username!.writeOnly).toBe(true);
    expect(screen.queryByRole("textbox", { name: "Default" })).toBeNull();
  });
});

describe("Inspector: values already in the schema", () => {
  it("an unsafe pattern imported as is is flagged; a secret carrying a default shows it, to be cleared", async () => {
    const store = new DesignerStore(
      importSchema({
        type: "object",
        properties: {
          token: { type: "string", writeOnly: true, default: "abc", pattern: "^(a|a)*$" },
        },
      }),
    );
    render(<Inspector store={store} />);
    act(() => store.select(store.doc.root.fields![0]!.id));
    const pattern = field("Pattern");
    // A pattern is there, so the checker loads as soon as the field shows; the flag comes once it is there.
    await waitFor(() => expect(pattern.getAttribute("aria-invalid")).toBe("true"), {
      timeout: 5_000,
    });
    expect(description(pattern)).toMatch(/Unsafe pattern/);
    // A secret has no default box, unless it carries one anyway: then it is there to be cleared.
    const value = field("Default");
    expect(value.value).toBe("abc");
    expect(description(value)).toMatch(/^A secret never carries a default/);
    expect(screen.queryByRole("textbox", { name: "Placeholder" })).toBeNull();
    await retype(userEvent.setup(), value, "");
    expect(toSchema(store.doc)).toEqual({
      type: "object",
      properties: { token: { type: "string", writeOnly: true, pattern: "^(a|a)*$" } },
    });
    expect(screen.queryByRole("textbox", { name: "Default" })).toBeNull();
  });
});

describe("Inspector: edits are one undo step each and follow the document", () => {
  it("title, help, required and placeholder apply on commit, one step each; undo shows the old value", async () => {
    const { store, user, schema } = setup("username");
    await retype(user, field("Title"), "Login");
    await retype(user, field("Help text"), "Your login", "tab");
    await user.click(screen.getByRole("checkbox", { name: "Required" }));
    await retype(user, field("Placeholder"), "jane");
    expect(schema().properties.username).toMatchObject({
      title: "Login",
      description: "Your login",
      examples: ["jane"],
    });
    expect(schema().required).toBeUndefined();

    act(() => store.undo());
    expect(schema().properties.username!.examples).toBeUndefined();
    expect(field("Placeholder").value).toBe("");
    act(() => store.undo());
    expect(schema().required).toEqual(["username"]);
    expect((screen.getByRole("checkbox", { name: "Required" }) as HTMLInputElement).checked).toBe(
      true,
    );
    act(() => store.undo());
    expect(field("Help text").value).toBe("");
    act(() => store.undo());
    expect(field("Title").value).toBe("User name");
    expect(store.canUndo).toBe(false);
  });

  it("typing several characters makes one step, not one per keystroke", async () => {
    const { store, user } = setup("username");
    await retype(user, field("Title"), "A much longer title");
    expect(store.getState().editor.done).toHaveLength(1);
  });

  it("a change from elsewhere replaces an open, refused draft", async () => {
    const { store, user } = setup("username");
    const key = field("Key");
    await retype(user, key, "password");
    expect(key.getAttribute("aria-invalid")).toBe("true");
    act(() => void store.run((doc) => updateField(doc, idOf(store, "username"), { key: "user" })));
    expect(field("Key").value).toBe("user");
    expect(field("Key").getAttribute("aria-invalid")).toBeNull();
  });

  it("selecting another field shows its values; Escape reverts a draft", async () => {
    const { store, user } = setup("username");
    await user.type(field("Title"), "xyz");
    act(() => store.select(idOf(store, "port")));
    expect(field("Title").value).toBe("Port");
    await user.type(field("Title"), "abc");
    await user.keyboard("{Escape}");
    expect(field("Title").value).toBe("Port");
  });

  it("a yes/no default is a checkbox; format is a list", async () => {
    const { store, user, schema } = setup("verify");
    await user.click(screen.getByRole("checkbox", { name: "On by default" }));
    expect(schema().properties.verify!.default).toBe(true);
    act(() => store.select(idOf(store, "username")));
    await user.selectOptions(screen.getByRole("combobox", { name: "Format" }), "email");
    expect(schema().properties.username!.format).toBe("email");
  });
});

describe("Inspector: select options", () => {
  it("edits values and labels, adds, reorders and removes options, and picks the default from them", async () => {
    const { store, user, schema } = setup("region");
    const options = screen.getByRole("list", { name: "Options" });
    expect(within(options).getAllByRole("listitem")).toHaveLength(2);
    await user.selectOptions(screen.getByRole("combobox", { name: "Default" }), "United States");
    expect(schema().properties.region!.default).toBe("us");

    await retype(user, field("Value of option 2"), "na");
    expect(schema().properties.region).toMatchObject({ enum: ["eu", "na"], default: "na" });
    await retype(user, field("Label of option 2"), "North America");
    expect(schema().properties.region!["x-enumNames"]).toEqual(["Europe", "North America"]);

    await retype(user, field("Value of option 1"), "na");
    expect(description(field("Value of option 1"))).toMatch(/already has the value "na"/);

    await user.click(screen.getByRole("button", { name: "Add option" }));
    expect(schema().properties.region).toMatchObject({
      enum: ["eu", "na", "option3"],
      "x-enumNames": ["Europe", "North America", "Option 3"],
    });
    await user.click(screen.getByRole("button", { name: "Move option 3 up" }));
    expect(schema().properties.region!.enum).toEqual(["eu", "option3", "na"]);
    await user.click(screen.getByRole("button", { name: "Remove option 3" }));
    expect(schema().properties.region).toMatchObject({ enum: ["eu", "option3"] });
    expect(schema().properties.region!.default).toBeUndefined();

    act(() => store.undo());
    expect(schema().properties.region).toMatchObject({
      enum: ["eu", "option3", "na"],
      default: "na",
    });
    expect(field("Value of option 3").value).toBe("na");
  });

  it("the last option cannot be removed", async () => {
    const { user, schema } = setup("region");
    await user.click(screen.getByRole("button", { name: "Remove option 2" }));
    await user.click(screen.getByRole("button", { name: "Remove option 1" }));
    expect(screen.getByRole("alert").textContent).toMatch(/at least one option/);
    expect(schema().properties.region!.enum).toEqual(["eu"]);
  });
});

describe("Inspector: choice branches", () => {
  it("renames a branch's title and discriminator value; a value another branch has is refused", async () => {
    const { store, user, schema } = setup();
    const auth = store.doc.root.fields!.find((f) => f.key === "auth")!;
    act(() => store.select(auth.branches![1]!.id));
    expect(screen.getByRole("form", { name: /Properties of branch "Basic"/ })).toBeTruthy();
    expect(screen.queryByRole("textbox", { name: "Key" })).toBeNull();
    const value = field('Value of "type"');
    expect(value.value).toBe("basic");

    const before = store.doc;
    await retype(user, value, "none");
    expect(store.doc).toBe(before);
    expect(description(value)).toMatch(/another branch already has the value "none"/);

    await retype(user, value, "password");
    await retype(user, field("Branch title"), "Password");
    const branch = (schema().properties.auth!.oneOf as JsonObject[])[1]!;
    expect(branch).toMatchObject({
      title: "Password",
      properties: { type: { const: "password" } },
    });
    act(() => store.undo());
    expect(field("Branch title").value).toBe("Basic");
    expect(field('Value of "type"').value).toBe("password");
  });
});

describe("Inspector: a choice's discriminator key", () => {
  const CHOICE: JsonObject = {
    type: "object",
    properties: {
      auth: {
        title: "Authentication",
        oneOf: [
          {
            title: "None",
            type: "object",
            properties: { type: { type: "string", const: "none" } },
            required: ["type"],
          },
          {
            title: "Basic",
            type: "object",
            properties: { type: { type: "string", const: "basic" }, username: { type: "string" } },
            required: ["type", "username"],
          },
        ],
      },
    },
  };

  function setupChoice(schema: JsonObject = CHOICE) {
    const store = new DesignerStore(importSchema(structuredClone(schema)));
    render(<Inspector store={store} />);
    act(() => store.select(store.doc.root.fields![0]!.id));
    const branches = () =>
      (toSchema(store.doc).properties as Record<string, JsonObject>).auth!.oneOf as JsonObject[];
    return { store, user: userEvent.setup(), branches };
  }

  it("renames the key in every branch and its required list as one undo step; branches then show the new key", async () => {
    const { store, user, branches } = setupChoice();
    const key = field("Discriminator key");
    expect(key.value).toBe("type");
    await retype(user, key, "kind");
    expect(branches().map((branch) => branch.properties)).toEqual([
      { kind: { type: "string", const: "none" } },
      { kind: { type: "string", const: "basic" }, username: { type: "string" } },
    ]);
    expect(branches().map((branch) => branch.required)).toEqual([["kind"], ["kind", "username"]]);
    expect(store.getState().editor.done).toHaveLength(1);
    expect(field("Discriminator key").value).toBe("kind");

    const auth = store.doc.root.fields![0]!;
    act(() => store.select(auth.branches![1]!.id));
    expect(field('Value of "kind"').value).toBe("basic");

    act(() => store.undo());
    expect(branches()[1]!.required).toEqual(["type", "username"]);
    expect(field('Value of "type"').value).toBe("basic");
    act(() => store.select(auth.id));
    expect(field("Discriminator key").value).toBe("type");
  });

  it("refuses an empty key and a key a branch uses for another field, inline, leaving the design as it was", async () => {
    const { store, user } = setupChoice();
    const before = store.doc;
    const key = field("Discriminator key");
    await retype(user, key, "username");
    expect(store.doc).toBe(before);
    expect(key.value).toBe("username");
    expect(key.getAttribute("aria-invalid")).toBe("true");
    expect(description(key)).toMatch(/the branch "Basic" already has a field "username"/);
    await retype(user, key, "", "tab");
    expect(store.doc).toBe(before);
    expect(description(key)).toMatch(/needs a key/);
    expect(store.getState().refusal).toBeUndefined();
  });

  it("a choice whose branches have no discriminator says so, and refuses a key", async () => {
    const branchesWithout = structuredClone(CHOICE);
    (
      (branchesWithout.properties as Record<string, JsonObject>).auth!.oneOf as JsonObject[]
    )[1]!.properties = { username: { type: "string" } };
    const { store, user } = setupChoice(branchesWithout);
    const before = store.doc;
    const key = field("Discriminator key");
    expect(key.value).toBe("");
    expect(description(key)).toMatch(/nothing tells the branches apart/);
    await retype(user, key, "kind");
    expect(store.doc).toBe(before);
    expect(key.getAttribute("aria-invalid")).toBe("true");
    expect(description(key)).toMatch(/has no discriminator to rename/);
  });
});

describe("Inspector: adding a branch to a choice", () => {
  it("Add branch appends a branch with a value no branch has, selects it to be named, and is one undo step", async () => {
    const { store, user, schema } = setup("auth");
    expect(screen.getByRole("heading", { name: "Branches" })).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Add branch" }));
    const auth = store.doc.root.fields!.find((f) => f.key === "auth")!;
    expect(auth.branches!.length).toBe(3);
    expect(store.getState().selected).toBe(auth.branches![2]!.id);
    expect(screen.getByRole("form", { name: 'Properties of branch "Branch 3"' })).toBeTruthy();
    expect((schema().properties.auth!.oneOf as JsonObject[])[2]).toEqual({
      title: "Branch 3",
      type: "object",
      properties: { type: { type: "string", const: "branch3" } },
      required: ["type"],
      additionalProperties: false,
    });
    await retype(user, field("Branch title"), "OAuth 2.0");
    await retype(user, field('Value of "type"'), "oauth2");
    expect((schema().properties.auth!.oneOf as JsonObject[])[2]).toMatchObject({
      title: "OAuth 2.0",
      properties: { type: { const: "oauth2" } },
    });

    // Another one after that: the next free value.
    act(() => store.select(auth.id));
    await user.click(screen.getByRole("button", { name: "Add branch" }));
    expect(
      (schema().properties.auth!.oneOf as JsonObject[]).map(
        (branch) => (branch.properties as Record<string, JsonObject>).type!.const,
      ),
    ).toEqual(["none", "basic", "oauth2", "branch4"]);
    const steps = store.getState().editor.done.length;
    act(() => store.undo());
    expect(store.getState().editor.done.length).toBe(steps - 1);
    expect((schema().properties.auth!.oneOf as JsonObject[]).length).toBe(3);
  });

  it("a field that is not a choice has no Add branch", () => {
    setup("username");
    expect(screen.queryByRole("button", { name: "Add branch" })).toBeNull();
  });
});

describe("Inspector: a list of strings", () => {
  const LIST: JsonObject = {
    type: "object",
    properties: { scopes: { type: "array", title: "Scopes", items: { type: "string" } } },
  };

  function setupList() {
    const store = new DesignerStore(importSchema(structuredClone(LIST)));
    render(<Inspector store={store} />);
    act(() => store.select(store.doc.root.fields![0]!.id));
    const scopes = () => (toSchema(store.doc).properties as Record<string, JsonObject>).scopes!;
    return { store, user: userEvent.setup(), scopes };
  }

  it("edits its items' title, lengths and pattern, each keyword at its canonical place, one step each", async () => {
    const { store, user, scopes } = setupList();
    expect(screen.getByRole("heading", { name: "Items" })).toBeTruthy();
    await retype(user, field("Item title"), "Scope");
    await retype(user, field("Item minimum length"), "1");
    await retype(user, field("Item maximum length"), "256");
    await retype(user, field("Item pattern"), "^[a-z:]+$");
    expect(JSON.stringify(scopes().items)).toBe(
      JSON.stringify({
        title: "Scope",
        type: "string",
        minLength: 1,
        maxLength: 256,
        pattern: "^[a-z:]+$",
      }),
    );
    expect(store.getState().editor.done.length).toBe(4);
    act(() => store.undo());
    expect(scopes().items).toEqual({
      type: "string",
      title: "Scope",
      minLength: 1,
      maxLength: 256,
    });
    expect(field("Item pattern").value).toBe("");
    // An empty text removes the keyword.
    await retype(user, field("Item title"), "");
    expect(scopes().items).toEqual({ type: "string", minLength: 1, maxLength: 256 });
  });

  it("refuses an item minimum above its maximum, a non-number and an unsafe pattern", async () => {
    const { store, user, scopes } = setupList();
    await retype(user, field("Item maximum length"), "10");
    const before = store.doc;
    const min = field("Item minimum length");
    await retype(user, min, "20");
    expect(store.doc).toBe(before);
    expect(min.getAttribute("aria-invalid")).toBe("true");
    expect(description(min)).toMatch(/must not exceed the maximum length \(10\)/);
    await retype(user, min, "lots");
    expect(description(min)).toMatch(/not a whole number|not a number/);
    const pattern = field("Item pattern");
    await retype(user, pattern, "^(a+)+$");
    expect(pattern.getAttribute("aria-invalid")).toBe("true");
    expect(scopes().items).toEqual({ type: "string", maxLength: 10 });
  });

  it("edits the minimum and maximum number of items, whole and 0 or more, the minimum never above the maximum", async () => {
    const { store, user, scopes } = setupList();
    await retype(user, field("Maximum items"), "3");
    const before = store.doc;
    const min = field("Minimum items");
    await retype(user, min, "4");
    expect(store.doc).toBe(before);
    expect(min.getAttribute("aria-invalid")).toBe("true");
    expect(description(min)).toMatch(
      /minimum number of items \(4\) must not exceed the maximum number of items \(3\)/,
    );
    await retype(user, min, "-1");
    expect(description(min)).toMatch(/must be 0 or more/);
    await retype(user, min, "1.5");
    expect(description(min)).toMatch(/not a whole number/);
    expect(store.doc).toBe(before);
    await retype(user, min, "1");
    expect(min.getAttribute("aria-invalid")).toBeNull();
    expect(JSON.stringify(scopes())).toBe(
      JSON.stringify({
        type: "array",
        title: "Scopes",
        items: { type: "string" },
        minItems: 1,
        maxItems: 3,
      }),
    );
    expect(store.getState().editor.done).toHaveLength(2);
    act(() => store.undo());
    expect(field("Minimum items").value).toBe("");
  });

  it("no duplicate items and an empty list by default are checkboxes", async () => {
    const { user, scopes } = setupList();
    await user.click(screen.getByRole("checkbox", { name: "No duplicate items" }));
    await user.click(screen.getByRole("checkbox", { name: "Starts as an empty list" }));
    expect(scopes()).toMatchObject({ uniqueItems: true, default: [] });
    expect(
      (screen.getByRole("checkbox", { name: "Starts as an empty list" }) as HTMLInputElement)
        .checked,
    ).toBe(true);
    await user.click(screen.getByRole("checkbox", { name: "No duplicate items" }));
    await user.click(screen.getByRole("checkbox", { name: "Starts as an empty list" }));
    expect(scopes().uniqueItems).toBeUndefined();
    expect(scopes().default).toBeUndefined();
  });
});

describe("Inspector: the window's other properties", () => {
  it('"No other properties" sets additionalProperties: false on the window, and unticking removes it', async () => {
    const { store, user, schema } = setup();
    const box = screen.getByRole("checkbox", { name: "No other properties" }) as HTMLInputElement;
    expect(box.checked).toBe(false);
    await user.click(box);
    expect(schema().additionalProperties).toBe(false);
    expect(Object.keys(schema()).at(-1)).toBe("additionalProperties");
    expect(
      (screen.getByRole("checkbox", { name: "No other properties" }) as HTMLInputElement).checked,
    ).toBe(true);
    await user.click(screen.getByRole("checkbox", { name: "No other properties" }));
    expect("additionalProperties" in schema()).toBe(false);
    expect(store.getState().editor.done.length).toBe(2);
  });
});

describe("Inspector: a new field's key follows its title", () => {
  /** A Text field added from the palette (its key follows its title), selected. */
  function withNewField() {
    const setUp = setup();
    act(() => {
      setUp.store.run(
        (doc) => addField(doc, { parent: doc.root.id, kind: "text" }),
        (doc) => doc.root.fields!.at(-1)!.id,
      );
    });
    return setUp;
  }

  it("the Key box says it follows the title; typing a title shows the key it gives, applying it sets both in one step", async () => {
    const { store, user, schema } = withNewField();
    expect(field("Key").value).toBe("text");
    expect(description(field("Key"))).toMatch(/^Follows the title until you edit it\./);
    const title = field("Title");
    await user.clear(title);
    await user.type(title, "Tenant ID");
    expect(description(title)).toBe('The key becomes "tenantId".');
    expect(field("Key").value).toBe("text");
    await user.tab();
    expect(field("Key").value).toBe("tenantId");
    expect(description(title)).toBe("");
    expect(schema().properties.tenantId).toEqual({ title: "Tenant ID", type: "string" });
    expect(store.getState().editor.done.length).toBe(2); // the add, then title and key together
    act(() => store.undo());
    expect(field("Key").value).toBe("text");
    expect(field("Title").value).toBe("Text");
  });

  it("a title whose key another field has gives the next free one, said while typing", async () => {
    const { user } = withNewField();
    const title = field("Title");
    await user.clear(title);
    await user.type(title, "Username");
    expect(description(title)).toBe('The key becomes "username2".');
    await user.keyboard("{Enter}");
    expect(field("Key").value).toBe("username2");
  });

  it("once the key is typed by hand, the title no longer changes it and the Key box no longer says so", async () => {
    const { user, schema } = withNewField();
    await retype(user, field("Key"), "tenant");
    expect(description(field("Key"))).not.toMatch(/Follows the title/);
    const title = field("Title");
    await user.clear(title);
    await user.type(title, "Tenant ID");
    expect(description(title)).toBe("");
    await user.tab();
    expect(field("Key").value).toBe("tenant");
    expect(schema().properties.tenant).toEqual({ title: "Tenant ID", type: "string" });
  });

  it("an imported field's key does not follow its title", async () => {
    const { user } = setup("username");
    expect(description(field("Key"))).not.toMatch(/Follows the title/);
    await retype(user, field("Title"), "Login");
    expect(field("Key").value).toBe("username");
  });
});
