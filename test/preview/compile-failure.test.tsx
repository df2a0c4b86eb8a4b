import { act, cleanup, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
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
 * unhandled nor call the values valid: it says they were not checked.
 */

const NOT_CHECKED =
  "The values were not checked: SyntaxError: Invalid regular expression: /(/u: Unterminated group";

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
  test("no unhandled rejection; Save does not submit, and the form says the values were not checked", async () => {
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
    expect(changes.at(-1)).toEqual([{ path: "", message: NOT_CHECKED }]);
    await user.click(screen.getByRole("button", { name: "Save" }));
    expect(onSubmit).not.toHaveBeenCalled();
    expect(formError()).toBe(NOT_CHECKED);
    expect(live()).toBe(NOT_CHECKED);
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
    expect(formError()).toBe(NOT_CHECKED);
    expect(unhandled).toEqual([]);
  });

  test("a validator passed later ends it: the values are checked by it, and valid ones are submitted", async () => {
    const onSubmit = vi.fn();
    const schema = refusedSchema();
    const { rerender } = render(<CredentialForm schema={schema} onSubmit={onSubmit} />);
    await settleAll();
    const user = userEvent.setup();
    await user.click(screen.getByRole("button", { name: "Save" }));
    expect(formError()).toBe(NOT_CHECKED);
    const validate: ValidateFunction = Object.assign(() => true, { errors: null });
    rerender(<CredentialForm schema={schema} validate={validate} onSubmit={onSubmit} />);
    await settleAll();
    expect(formError()).toBeUndefined();
    await user.click(screen.getByRole("button", { name: "Save" }));
    expect(onSubmit).toHaveBeenCalledTimes(1);
    expect(unhandled).toEqual([]);
  });

  test("the validator's chunk does not load: the form says the values were not checked, too", async () => {
    vi.resetModules();
    vi.doMock("../../src/preview/ajv.ts", () => {
      throw new Error("Failed to fetch dynamically imported module");
    });
    try {
      const fresh = await import("../../src/preview/index.ts");
      const onSubmit = vi.fn();
      render(<fresh.CredentialForm schema={{ ...refusedSchema() }} onSubmit={onSubmit} />);
      const user = userEvent.setup();
      await user.click(screen.getByRole("button", { name: "Save" }));
      await vi.waitFor(() => expect(formError()).toMatch(/^The values were not checked: /));
      expect(live()).toBe(formError());
      await act(() => new Promise<void>((resolve) => setTimeout(resolve, 20)));
      expect(onSubmit).not.toHaveBeenCalled();
      expect(unhandled).toEqual([]);
    } finally {
      vi.doUnmock("../../src/preview/ajv.ts");
      vi.resetModules();
    }
  });
});
