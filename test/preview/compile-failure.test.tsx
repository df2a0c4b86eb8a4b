import { act, cleanup, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import type { CredentialFormChangeDetail } from "../../src/preview/element.ts";
import "../../src/preview/element.ts";
import {
  CredentialForm,
  type CredentialValue,
  type FieldError,
  type JsonSchema,
  type ValidateFunction,
} from "../../src/preview/index.ts";
import { settle } from "./support.tsx";

/**
 * A form without a `validate` compiles its schema with Ajv itself. When Ajv refuses the schema
 * (here a pattern that is no regular expression), the form must neither leave a rejected promise
 * unhandled nor call the values valid: it says the schema could not be compiled. The same for
 * CredentialForm (React) and <credential-form>.
 */

const NOT_COMPILED =
  "This window's schema could not be compiled: Invalid regular expression: /(/u: Unterminated group";
/** When a chunk the form loads (Ajv, the error sentences) does not load. */
const NOT_LOADED =
  "The values were not checked: the validator did not load. Reload the page to try again.";

/** A new object each time: the form compiles each schema object once. */
const refusedSchema = (): JsonSchema => ({
  type: "object",
  properties: { a: { type: "string", title: "A", pattern: "(" } },
});

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => void unhandled.push(reason);
beforeEach(() => {
  unhandled.length = 0;
  process.on("unhandledRejection", onUnhandled);
});
afterEach(() => {
  process.off("unhandledRejection", onUnhandled);
  cleanup();
  document.body.replaceChildren();
});

/** Lets the form's compile settle, and an unhandled rejection (reported after a macrotask) surface. */
async function settleAll(): Promise<void> {
  await settle();
  await act(() => new Promise<void>((resolve) => setTimeout(resolve, 20)));
}

/** The error about the values as a whole, and what the live region last said. */
const formError = () => document.querySelector(".cd-error")?.textContent;
const live = () => document.querySelector("[aria-live=polite]")?.textContent;

describe("a schema Ajv refuses, compiled by the form itself", () => {
  test("no unhandled rejection; Save does not submit, and the form says the schema could not be compiled", async () => {
    const onSubmit = vi.fn();
    const changes: FieldError[][] = [];
    render(
      <CredentialForm
        schema={refusedSchema()}
        onSubmit={onSubmit}
        onChange={(_value: CredentialValue, errors: FieldError[]) => void changes.push(errors)}
      />,
    );
    await settleAll();
    expect(unhandled).toEqual([]);

    const user = userEvent.setup();
    await user.type(screen.getByRole("textbox", { name: "A" }), "anything");
    expect(changes.at(-1)).toEqual([{ path: "", message: NOT_COMPILED }]);
    await user.click(screen.getByRole("button", { name: "Save" }));
    expect(onSubmit).not.toHaveBeenCalled();
    expect(formError()).toBe(NOT_COMPILED);
    expect(live()).toBe(NOT_COMPILED);
    // Enter submits too, and is refused the same way.
    await user.type(screen.getByRole("textbox", { name: "A" }), "{Enter}");
    expect(onSubmit).not.toHaveBeenCalled();
    await settleAll();
    expect(unhandled).toEqual([]);
  });

  test("Save pressed before the compile has failed: it waits for it, and does not submit", async () => {
    const onSubmit = vi.fn();
    render(<CredentialForm schema={refusedSchema()} onSubmit={onSubmit} />);
    await userEvent.setup().click(screen.getByRole("button", { name: "Save" }));
    await settleAll();
    expect(onSubmit).not.toHaveBeenCalled();
    expect(formError()).toBe(NOT_COMPILED);
    expect(unhandled).toEqual([]);
  });

  test("a validator passed later ends it: the values are checked by it, and valid ones are submitted", async () => {
    const onSubmit = vi.fn();
    const schema = refusedSchema();
    const { rerender } = render(<CredentialForm schema={schema} onSubmit={onSubmit} />);
    await settleAll();
    const user = userEvent.setup();
    await user.click(screen.getByRole("button", { name: "Save" }));
    expect(formError()).toBe(NOT_COMPILED);
    const validate: ValidateFunction = Object.assign(() => true, { errors: null });
    rerender(<CredentialForm schema={schema} validate={validate} onSubmit={onSubmit} />);
    await settleAll();
    expect(formError()).toBeUndefined();
    await user.click(screen.getByRole("button", { name: "Save" }));
    expect(onSubmit).toHaveBeenCalledTimes(1);
    expect(unhandled).toEqual([]);
  });

  test.each([
    ["Ajv's", "../../src/preview/ajv.ts"],
    ["the error sentences'", "../../src/preview/sentences.ts"],
  ])("%s chunk does not load: the form says the values were not checked", async (_, chunk) => {
    vi.resetModules();
    vi.doMock(chunk, () => {
      throw new Error("Failed to fetch dynamically imported module");
    });
    try {
      const fresh = await import("../../src/preview/index.ts");
      const onSubmit = vi.fn();
      render(<fresh.CredentialForm schema={{ ...refusedSchema() }} onSubmit={onSubmit} />);
      const user = userEvent.setup();
      await user.click(screen.getByRole("button", { name: "Save" }));
      await vi.waitFor(() => expect(formError()).toBe(NOT_LOADED));
      expect(live()).toBe(NOT_LOADED);
      await act(() => new Promise<void>((resolve) => setTimeout(resolve, 20)));
      expect(onSubmit).not.toHaveBeenCalled();
      expect(unhandled).toEqual([]);
    } finally {
      vi.doUnmock(chunk);
      vi.resetModules();
    }
  });
});

describe("a schema Ajv refuses, in <credential-form>", () => {
  test("no unhandled rejection; no submit event; the change event and the form say the schema could not be compiled", async () => {
    const form = document.createElement("credential-form");
    form.schema = refusedSchema();
    const changes: CredentialFormChangeDetail[] = [];
    const submits: unknown[] = [];
    form.addEventListener("change", (event) => changes.push(event.detail));
    form.addEventListener("submit", (event) => submits.push(event.detail));
    document.body.append(form);
    await settleAll();
    expect(unhandled).toEqual([]);

    const user = userEvent.setup();
    await user.type(screen.getByRole("textbox", { name: "A" }), "anything");
    expect(changes.at(-1)).toEqual({
      value: { a: "anything" },
      errors: [{ path: "", message: NOT_COMPILED }],
    });
    await user.click(screen.getByRole("button", { name: "Save" }));
    await user.type(screen.getByRole("textbox", { name: "A" }), "{Enter}");
    expect(submits).toEqual([]);
    expect(formError()).toBe(NOT_COMPILED);
    expect(live()).toBe(NOT_COMPILED);
    await settleAll();
    expect(unhandled).toEqual([]);
  });

  test("Save pressed before the compile has failed: it waits for it, and fires no submit", async () => {
    const form = document.createElement("credential-form");
    form.schema = refusedSchema();
    const submits: unknown[] = [];
    form.addEventListener("submit", (event) => submits.push(event.detail));
    document.body.append(form);
    await userEvent.setup().click(screen.getByRole("button", { name: "Save" }));
    await settleAll();
    expect(submits).toEqual([]);
    expect(formError()).toBe(NOT_COMPILED);
    expect(unhandled).toEqual([]);
  });

  test("Ajv's chunk does not load: the form says the values were not checked", async () => {
    vi.resetModules();
    vi.doMock("../../src/preview/ajv.ts", () => {
      throw new Error("Failed to fetch dynamically imported module");
    });
    try {
      // A fresh module does not define <credential-form> again: its class gets a name of its own.
      const fresh = await import("../../src/preview/element.ts");
      customElements.define("credential-form-without-ajv", fresh.CredentialFormElement);
      const form = document.createElement("credential-form-without-ajv") as InstanceType<
        typeof fresh.CredentialFormElement
      >;
      form.schema = refusedSchema();
      const submits: unknown[] = [];
      form.addEventListener("submit", (event) => submits.push(event.detail));
      document.body.append(form);
      await userEvent.setup().click(screen.getByRole("button", { name: "Save" }));
      await vi.waitFor(() => expect(formError()).toBe(NOT_LOADED));
      await act(() => new Promise<void>((resolve) => setTimeout(resolve, 20)));
      expect(submits).toEqual([]);
      expect(unhandled).toEqual([]);
    } finally {
      vi.doUnmock("../../src/preview/ajv.ts");
      vi.resetModules();
    }
  });
});

describe("the reason is shown at once, as an alert (issue 17, point 5)", () => {
  /** A keyword of the wrong form that the designer's import lets through. */
  const wrongForm = (): JsonSchema => ({
    type: "object",
    properties: {
      a: { type: "string", title: "A" },
      b: { type: "object", title: "B", dependencies: { x: ["y", "y"] } },
    },
  });

  test("CredentialForm: an alert with the reason before anything is typed, first in the form; never valid", async () => {
    const onSubmit = vi.fn();
    render(<CredentialForm schema={refusedSchema()} onSubmit={onSubmit} />);
    await settleAll();
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toBe(NOT_COMPILED);
    expect(alert.parentElement?.firstElementChild).toBe(alert);
    expect(unhandled).toEqual([]);
    await userEvent.setup().click(screen.getByRole("button", { name: "Save" }));
    expect(onSubmit).not.toHaveBeenCalled();
    // Still one message, the alert: not a second copy after the fields.
    expect(document.querySelectorAll(".cd-error")).toHaveLength(1);
  });

  test("<credential-form>: the same alert, for a keyword of the wrong form", async () => {
    const form = document.createElement("credential-form");
    form.schema = wrongForm();
    const submits: unknown[] = [];
    form.addEventListener("submit", (event) => submits.push(event.detail));
    document.body.append(form);
    await settleAll();
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toMatch(
      /^This window's schema could not be compiled: "x" must NOT have duplicate items/,
    );
    await userEvent.setup().click(screen.getByRole("button", { name: "Save" }));
    expect(submits).toEqual([]);
    expect(unhandled).toEqual([]);
  });

  test("$refs in a loop: the form renders and says why it cannot check, no page error", async () => {
    const schema: JsonSchema = {
      type: "object",
      properties: {
        a: { type: "string", title: "A" },
        b: { $ref: "#/properties/c" },
        c: { $ref: "#/properties/b" },
      },
    };
    render(<CredentialForm schema={schema} onSubmit={vi.fn()} />);
    await settleAll();
    expect(screen.getByRole("textbox", { name: "A" })).toBeTruthy();
    expect((await screen.findByRole("alert")).textContent).toMatch(
      /^This window's schema could not be compiled: /,
    );
    expect(unhandled).toEqual([]);
  });

  test("a validate that says it cannot check (the designer's incremental validator): the alert, and no submit", async () => {
    const { IncrementalValidator } = await import("../../src/preview/incremental-validator.ts");
    const schema = refusedSchema();
    const validate = new IncrementalValidator().deferredValidatorFor(schema);
    const onSubmit = vi.fn();
    render(<CredentialForm schema={schema} validate={validate} onSubmit={onSubmit} />);
    await settleAll();
    expect((await screen.findByRole("alert")).textContent).toBe(NOT_COMPILED);
    await userEvent.setup().click(screen.getByRole("button", { name: "Save" }));
    expect(onSubmit).not.toHaveBeenCalled();
  });

  test("a schema that compiles shows no alert", async () => {
    render(
      <CredentialForm
        schema={{ type: "object", properties: { a: { type: "string", title: "A" } } }}
        onSubmit={vi.fn()}
      />,
    );
    await settleAll();
    expect(screen.queryByRole("alert")).toBeNull();
  });
});
